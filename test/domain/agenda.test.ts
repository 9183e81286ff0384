import assert from 'node:assert/strict';
import { agendaOf, isEmptyAgenda } from '../../src/domain/agenda';
import { Benefit } from '../../src/domain/benefits';
import { Idea } from '../../src/domain/ideas';
import { sampleIdea } from '../support/ideas';

const OSLO = 'Europe/Oslo';
const kari = { id: 'k', name: 'Kari Nilsen' };
const ola = { id: 'o', name: 'Ola Bakken' };

const idea = (number: number, overrides: Partial<Idea> = {}): Idea =>
  sampleIdea({ number, title: `Idé ${number}`, createdAt: '2026-02-02T08:00:00.000Z', statusChangedAt: '2026-02-02T08:00:00.000Z', ...overrides });

const benefit = (ideaNumber: number, overrides: Partial<Benefit> = {}): Benefit => ({
  unitId: 'hjemmetjenesten-nord',
  ideaNumber,
  id: `b${ideaNumber}`,
  category: 'time',
  measure: 'hours',
  stage: 'realized',
  period: 'week',
  amount: 200,
  owner: kari,
  registeredOn: '2026-02-20',
  submittedBy: ola,
  approval: 'pending',
  followUpsSent: [],
  createdAt: '2026-02-20T10:00:00.000Z',
  updatedAt: '2026-02-20T10:00:00.000Z',
  version: 1,
  lastChangeId: 'c',
  ...overrides,
});

describe('the board-meeting agenda', () => {
  const MEETING = '2026-03-02';
  const ideas: Idea[] = [
    idea(1, { status: 'planned', owner: kari, dueDate: '2026-02-27' }), // overdue idea
    idea(2, {
      status: 'inProgress',
      owner: ola,
      actions: [
        { id: 1, text: 'Ring IT', owner: ola, dueDate: '2026-02-20', done: false },
        { id: 2, text: 'Lag skjema', dueDate: '2026-02-10', done: true },
        { id: 3, text: 'Bestill skap', dueDate: '2026-03-05', done: false },
      ],
    }), // overdue action: on the overdue list, not again under "in progress"
    idea(3, { status: 'evaluating', owner: kari }),
    idea(4, { status: 'inProgress', dueDate: '2026-03-02' }), // due today: not overdue
    idea(5, { status: 'done', doneAt: '2026-02-25T12:00:00.000Z', benefitRegistered: false, owner: kari }),
    idea(6, { status: 'done', doneAt: '2026-02-10T12:00:00.000Z', benefitRegistered: true }),
    idea(7, { status: 'rejected', dueDate: '2026-01-01' }), // closed: never overdue
    idea(8, { createdAt: '2026-02-27T08:30:00.000Z' }), // before the last meeting's log
    idea(9, { createdAt: '2026-02-27T12:00:00.000Z', submitter: kari }), // after it, same day
    idea(10, { createdAt: '2026-03-01T19:00:00.000Z' }),
    idea(11, { status: 'parked', createdAt: '2026-03-01T20:00:00.000Z' }), // closed
  ];
  const benefits = [benefit(6, { approval: 'pending', registeredOn: '2026-02-21' }), benefit(5, { approval: 'approved' }), benefit(3, { approval: 'pending', registeredOn: '2026-02-15', stage: 'realized' })];
  const since = { date: '2026-02-27', loggedAt: '2026-02-27T08:45:00.000Z' };

  it('lists overdue ideas and action items with owner and due date, the longest overdue first', () => {
    const agenda = agendaOf(ideas, benefits, MEETING, OSLO, since);
    assert.deepEqual(
      agenda.overdue.map((item) => [item.idea.number, item.actionId, item.text, item.owner?.name, item.dueDate]),
      [
        [2, 1, 'Ring IT', 'Ola Bakken', '2026-02-20'],
        [1, undefined, 'Idé 1', 'Kari Nilsen', '2026-02-27'],
      ],
    );
  });

  it('lists ideas new since the last meeting held, in the order they came', () => {
    assert.deepEqual(agendaOf(ideas, benefits, MEETING, OSLO, since).newIdeas.map((i) => i.number), [9, 10]);
    // Without a meeting held before, everything still new is new.
    assert.deepEqual(agendaOf(ideas, benefits, MEETING, OSLO).newIdeas.map((i) => i.number), [8, 9, 10]);
  });

  it('counts an idea from a day after the last meeting as new even when the log was written later', () => {
    const lateLog = { date: '2026-02-27', loggedAt: '2026-03-01T21:00:00.000Z' };
    assert.deepEqual(agendaOf(ideas, benefits, MEETING, OSLO, lateLog).newIdeas.map((i) => i.number), [10]);
  });

  it('lists items in progress (not those already overdue), done ideas missing a benefit and pending approvals', () => {
    const agenda = agendaOf(ideas, benefits, MEETING, OSLO, since);
    assert.deepEqual(agenda.inProgress.map((i) => i.number), [3, 4]);
    assert.deepEqual(agenda.benefitMissing.map((i) => i.number), [5]);
    assert.deepEqual(agenda.pendingApprovals.map((p) => [p.benefit.ideaNumber, p.idea?.title]), [
      [3, 'Idé 3'],
      [6, 'Idé 6'],
    ]);
    assert.deepEqual(agenda.since, since);
    assert.equal(isEmptyAgenda(agenda), false);
  });

  it('is empty for a quiet board', () => {
    const agenda = agendaOf([idea(1, { status: 'done', benefitRegistered: true })], [], MEETING, OSLO, since);
    assert.equal(isEmptyAgenda(agenda), true);
  });
});
