import assert from 'node:assert/strict';
import { Benefit } from '../../src/domain/benefits';
import { goalReportRows, linkedFigures, rolledUp } from '../../src/domain/goalProgress';
import { Goal } from '../../src/domain/goals';
import { Idea } from '../../src/domain/ideas';
import { sampleIdea } from '../support/ideas';

const kari = { id: '00000000-0000-4000-8000-000000000002', name: 'Kari Nilsen' };
const PERIOD = { from: '2026-01-01', to: '2026-03-31', timeZone: 'Europe/Oslo' };

const idea = (number: number, overrides: Partial<Idea>): Idea => sampleIdea({ unitId: 'hn', number, goalId: 'hn-a', ...overrides });
const done = (number: number, doneAt: string, overrides: Partial<Idea> = {}): Idea => idea(number, { status: 'done', doneAt, statusChangedAt: doneAt, ...overrides });

/** An approved realized measurement of 2 hours a week. */
const realized = (ideaNumber: number, registeredOn: string): Benefit => ({
  unitId: 'hn',
  ideaNumber,
  id: `b${ideaNumber}-${registeredOn}`,
  category: 'time',
  measure: 'hours',
  stage: 'realized',
  period: 'week',
  amount: 200,
  owner: kari,
  registeredOn,
  submittedBy: kari,
  approval: 'approved',
  followUpsSent: [],
  createdAt: `${registeredOn}T09:00:00.000Z`,
  updatedAt: `${registeredOn}T09:00:00.000Z`,
  version: 2,
  lastChangeId: 'c1',
});

const GOALS: Goal[] = [
  { id: 'org', level: 'organisation', title: 'Organisasjonsmål', closed: false },
  { id: 'area', level: 'area', ownerId: 'helse', parentId: 'org', title: 'Områdemål', closed: false },
  { id: 'hn-a', level: 'unit', ownerId: 'hn', parentId: 'area', title: 'A', closed: false },
  { id: 'hn-b', level: 'unit', ownerId: 'hn', parentId: 'area', title: 'B', closed: false },
  { id: 'hn-old', level: 'unit', ownerId: 'hn', parentId: 'area', title: 'Gammelt', closed: true },
  { id: 'so-a', level: 'unit', ownerId: 'so', parentId: 'area', title: 'SO', closed: false },
];

describe('what serves a goal', () => {
  const ideas = [
    idea(1, { status: 'inProgress' }),
    done(2, '2026-02-10T10:00:00.000Z'),
    done(3, '2025-12-20T10:00:00.000Z'), // done before the period: history
    idea(4, { status: 'rejected', goalId: 'hn-b' }),
    idea(5, { status: 'new', goalId: undefined }),
    idea(6, { status: 'planned', origin: 'revision' }), // a revision's follow-up point, as reports leave out
  ];
  const benefits = [realized(2, '2026-02-20'), realized(3, '2026-01-15'), realized(5, '2026-02-01')];

  it("counts a goal's live and done-in-period ideas and the realized gain of their registrations in the period", () => {
    const figures = linkedFigures(ideas, benefits, PERIOD);
    const a = figures.get('hn-a');
    assert.deepEqual([a?.ideas, a?.done], [2, 1], 'live and done in the period; not done before it, not a follow-up point');
    // Ideas 2 and 3 each realized 2 h a week in the period (a follow-up of an idea done earlier still counts for the goal).
    assert.equal(a?.realized.hours, 2 * 2 * 52 * 100);
    assert.equal(figures.get('hn-b'), undefined, 'a rejected idea serves no goal');
  });

  it('adds the unit goals up into the area and organisation goals', () => {
    const total = rolledUp(GOALS, new Map([['hn-a', { ideas: 2, done: 1, realized: { hours: 100, money: 0, other: 0 } }], ['so-a', { ideas: 1, done: 0, realized: { hours: 50, money: 7, other: 1 } }]]));
    assert.deepEqual(total.get('area'), { ideas: 3, done: 1, realized: { hours: 150, money: 7, other: 1 } });
    assert.deepEqual(total.get('org'), total.get('area'));
  });

  it("cuts a report by the scope's goals: open ones, and closed ones only when something served them", () => {
    const own = new Map([['hn-a', { ideas: 1, done: 0, realized: { hours: 0, money: 0, other: 0 } }]]);
    assert.deepEqual(goalReportRows(GOALS, { unitIds: ['hn'], areaIds: [], organisation: false }, own).map((row) => row.goal.id), ['hn-a', 'hn-b']);
    assert.deepEqual(goalReportRows(GOALS, { unitIds: ['hn', 'so'], areaIds: ['helse'], organisation: true }, own).map((row) => row.goal.id), ['org', 'area', 'hn-a', 'hn-b', 'so-a']);
    const withOld = new Map([...own, ['hn-old', { ideas: 1, done: 1, realized: { hours: 10, money: 0, other: 0 } }]]);
    assert.ok(goalReportRows(GOALS, { unitIds: ['hn'], areaIds: [], organisation: false }, withOld).some((row) => row.goal.id === 'hn-old'));
  });
});
