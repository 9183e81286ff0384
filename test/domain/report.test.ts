import assert from 'node:assert/strict';
import { Benefit } from '../../src/domain/benefits';
import { Idea } from '../../src/domain/ideas';
import { MeetingLog } from '../../src/domain/meetings';
import { Submission, UnitReportInput, donePerEmployee, groupReport, median, meetingShare, participation, unitReport } from '../../src/domain/report';
import { parsePeriod } from '../../src/domain/reportPeriod';
import { DEFAULT_STAGNATION } from '../../src/domain/stagnation';
import { publicHolidays } from '../../src/scheduler/holidays';
import { sampleIdea } from '../support/ideas';

const TZ = 'Europe/Oslo';
const noHolidays = () => false;
const kari = { id: 'kari', name: 'Kari' };
const ola = { id: 'ola', name: 'Ola' };
const Q1 = parsePeriod('2026Q1')!;
const Q2 = parsePeriod('2026Q2')!;
const Q3 = parsePeriod('2026Q3')!;

function idea(number: number, overrides: Partial<Idea> = {}): Idea {
  return sampleIdea({ unitId: 'hn', number, submitter: ola, ...overrides });
}

function doneIdea(number: number, createdAt: string, doneAt: string, overrides: Partial<Idea> = {}): Idea {
  return idea(number, { status: 'done', createdAt, statusChangedAt: doneAt, doneAt, benefitRegistered: true, ...overrides });
}

const submission = (number: number, createdAt: string, extra: Partial<Submission> = {}): Submission => ({ number, createdAt, submitterId: 'ola', ...extra });

function benefit(overrides: Partial<Benefit>): Benefit {
  return {
    unitId: 'hn',
    ideaNumber: 1,
    id: 'b1',
    category: 'time',
    measure: 'hours',
    stage: 'identified',
    period: 'week',
    amount: 200,
    owner: kari,
    registeredOn: '2026-05-20',
    submittedBy: kari,
    approval: 'notNeeded',
    followUpsSent: [],
    createdAt: '2026-05-20T09:00:00.000Z',
    updatedAt: '2026-05-20T09:00:00.000Z',
    version: 1,
    lastChangeId: 'c1',
    ...overrides,
  };
}

function log(date: string, held = true): MeetingLog {
  return { unitId: 'hn', date, held, decisions: [], loggedBy: kari, loggedAt: `${date}T08:00:00.000Z`, version: 1, changeId: `c-${date}` };
}

function input(overrides: Partial<UnitReportInput> = {}): UnitReportInput {
  const ideas = overrides.ideas ?? [];
  return {
    unit: { id: 'hn', name: 'Hjemmetjenesten nord', code: 'HN', serviceAreaId: 'ho', headcount: 20, schedule: { weekdays: [1, 3], time: '08:30', pauses: [] } },
    period: Q2,
    today: '2026-08-15',
    timeZone: TZ,
    submissions: [],
    ideas,
    benefits: [],
    meetings: [],
    isHoliday: noHolidays,
    recent: { ideas, meetingsLogged: (overrides.meetings ?? []).map((m) => m.date) },
    thresholds: DEFAULT_STAGNATION,
    ...overrides,
  };
}

describe('report rows', () => {
  it('a unit with no activity: zeros, no medians, flagged as quiet', () => {
    const row = unitReport(input({ unit: { id: 'hn', name: 'HN', code: 'HN', serviceAreaId: 'ho', headcount: 20 } }));
    assert.equal(row.submitted, 0);
    assert.equal(row.done, 0);
    assert.equal(row.rejected, 0);
    assert.equal(donePerEmployee(row), 0);
    assert.equal(participation(row), 0);
    assert.equal(median(row.cycleDays), undefined);
    assert.equal(median(row.responseHours), undefined);
    assert.equal(row.meetingsScheduled, 0, 'no schedule, nothing scheduled');
    assert.equal(meetingShare(row), undefined);
    assert.deepEqual(row.benefits, { identified: { hours: 0, money: 0, other: 0 }, realized: { hours: 0, money: 0, other: 0 }, pending: 0 });
    assert.deepEqual(row.benefitsByCategory, []);
    assert.ok(row.stagnation.noNewIdea && row.stagnation.noStatusChange && row.stagnation.noMeetingLogged);
  });

  it('counts submissions, done and rejected ideas by their local date, across the period boundaries', () => {
    // 22:30 UTC on 31 March is 00:30 on 1 April in Oslo (summer time): the second quarter.
    const submissions = [submission(1, '2026-03-31T21:30:00.000Z'), submission(2, '2026-03-31T22:30:00.000Z'), submission(3, '2026-06-30T21:59:00.000Z'), submission(4, '2026-06-30T22:00:00.000Z')];
    const ideas = [
      doneIdea(1, '2026-03-31T21:30:00.000Z', '2026-04-10T10:00:00.000Z'), // submitted in Q1, done in Q2
      doneIdea(2, '2026-03-31T22:30:00.000Z', '2026-06-30T22:30:00.000Z'), // done 1 July local: Q3
      idea(3, { status: 'rejected', createdAt: '2026-06-30T21:59:00.000Z', statusChangedAt: '2026-06-30T21:59:30.000Z', statusReason: 'no' }),
    ];
    const q1 = unitReport(input({ period: Q1, submissions, ideas }));
    const q2 = unitReport(input({ period: Q2, submissions, ideas }));
    const q3 = unitReport(input({ period: Q3, submissions, ideas }));
    assert.deepEqual([q1.submitted, q2.submitted, q3.submitted], [1, 2, 1]);
    assert.deepEqual([q1.done, q2.done, q3.done], [0, 1, 1]);
    assert.deepEqual([q1.rejected, q2.rejected, q3.rejected], [0, 1, 0]);
    assert.deepEqual(q2.cycleDays, [10], 'local 31 March to 10 April');
    assert.deepEqual(q3.cycleDays, [91], 'local 1 April to 1 July');
  });

  it('measures time to first response in elapsed hours, also across the change to summer time', () => {
    // 28 March 13:00 CET to 30 March 14:00 CEST: 49 hours on the wall clock, 48 hours elapsed.
    const submissions = [
      submission(1, '2026-03-28T12:00:00.000Z', { firstResponseAt: '2026-03-30T12:00:00.000Z' }),
      submission(2, '2026-03-30T08:00:00.000Z', { firstResponseAt: '2026-03-30T10:00:00.000Z' }),
      submission(3, '2026-03-30T09:00:00.000Z'),
    ];
    const row = unitReport(input({ period: Q1, submissions }));
    assert.deepEqual(row.responseHours, [48, 2]);
    assert.equal(median(row.responseHours), 25);
    assert.equal(row.unanswered, 1);
  });

  it('counts board meetings held against those scheduled, skipping holidays, in the week summer time starts', () => {
    // Mondays and Wednesdays. 23 March-5 April 2026: 23, 25 March; 30 March (summer time began on
    // the 29th), 1 April; Easter holidays do not touch these days.
    const custom = parsePeriod('2026-03-23..2026-04-05')!;
    const meetings = [log('2026-03-23'), log('2026-03-25', false), log('2026-03-30'), log('2026-03-28')];
    const row = unitReport(input({ period: custom, today: '2026-08-15', meetings, isHoliday: publicHolidays('NO') }));
    assert.equal(row.meetingsScheduled, 4);
    assert.equal(row.meetingsHeld, 3, 'a meeting held on another day counts as held');
    assert.deepEqual(row.missedMeetings, ['2026-03-25', '2026-04-01']);
    // Easter Monday 6 April 2026 is a public holiday in Norway: not scheduled.
    const easter = unitReport(input({ period: parsePeriod('2026-04-06..2026-04-08')!, isHoliday: publicHolidays('NO') }));
    assert.equal(easter.meetingsScheduled, 1, 'only Wednesday 8 April');
  });

  it('does not count meetings scheduled after today as missed', () => {
    const row = unitReport(input({ period: Q3, today: '2026-07-08', meetings: [log('2026-07-01')] }));
    assert.equal(row.meetingsScheduled, 3, '1, 6 and 8 July');
    assert.deepEqual(row.missedMeetings, ['2026-07-06', '2026-07-08']);
  });

  it('counts a benefit in the period it was registered in, as realized once approved, whenever that was', () => {
    const approvedLater = benefit({ id: 'b1', stage: 'realized', approval: 'approved', registeredOn: '2026-06-20', decision: { by: kari, at: '2026-07-10T09:00:00.000Z', outcome: 'approved' } });
    const stillPending = benefit({ id: 'b2', stage: 'realized', approval: 'pending', registeredOn: '2026-06-21', amount: 100 });
    const money = benefit({ id: 'b3', category: 'money', measure: 'money', period: 'month', amount: 150000, registeredOn: '2026-05-01' });
    const benefits = [approvedLater, stillPending, money];
    const q2 = unitReport(input({ period: Q2, benefits }));
    assert.deepEqual(q2.benefits.realized, { hours: 10400, money: 0, other: 0 }, '2 h/week approved in July counts in Q2, where it was registered');
    assert.equal(q2.benefits.pending, 1);
    assert.deepEqual(q2.benefits.identified, { hours: 0, money: 1800000, other: 0 });
    assert.deepEqual(
      q2.benefitsByCategory.map((c) => [c.category, c.totals.identified.money, c.totals.realized.hours]),
      [
        ['money', 1800000, 0],
        ['time', 0, 10400],
      ],
    );
    const q3 = unitReport(input({ period: Q3, benefits }));
    assert.deepEqual(q3.benefits.realized, { hours: 0, money: 0, other: 0 }, 'not again in the quarter it was approved in');
  });

  it('gives no per-employee figures for a unit with headcount zero, and leaves it out of its area\'s', () => {
    const ideas = [doneIdea(1, '2026-04-01T08:00:00.000Z', '2026-04-02T08:00:00.000Z'), doneIdea(2, '2026-04-01T08:00:00.000Z', '2026-04-03T08:00:00.000Z')];
    const submissions = [submission(1, '2026-04-01T08:00:00.000Z'), submission(2, '2026-04-01T08:00:00.000Z')];
    const none = unitReport(input({ unit: { id: 'a', name: 'A', code: 'A', serviceAreaId: 'ho', headcount: 0 }, ideas, submissions }));
    assert.equal(donePerEmployee(none), undefined);
    assert.equal(participation(none), undefined);
    const staffed = unitReport(input({ unit: { id: 'b', name: 'B', code: 'B', serviceAreaId: 'ho', headcount: 4 }, ideas: [ideas[0]], submissions: [submissions[0]] }));
    assert.equal(donePerEmployee(staffed), 0.25);
    assert.equal(participation(staffed), 0.25, 'Ola submitted');
    const area = groupReport('ho', 'Helse og omsorg', [none, staffed]);
    assert.equal(area.done, 3);
    assert.equal(donePerEmployee(area), 0.25, 'only units with a headcount are divided');
    assert.deepEqual([...area.cycleDays].sort(), [1, 1, 2]);
    assert.equal(median(area.cycleDays), 1);
  });

  it('counts as taking part whoever submitted, or owned an idea or action item under way in the period', () => {
    const ideas = [
      idea(1, { createdAt: '2026-02-01T08:00:00.000Z', owner: kari, actions: [{ id: 1, text: 'x', owner: { id: 'siri', name: 'Siri' }, done: false }] }),
      // Proposed after the period: its owner did not take part in it.
      idea(2, { createdAt: '2026-07-05T08:00:00.000Z', owner: { id: 'per', name: 'Per' } }),
    ];
    const row = unitReport(input({ ideas, submissions: [submission(3, '2026-05-01T08:00:00.000Z')] }));
    assert.equal(row.staffed.participants, 3, 'Ola, Kari and Siri');
    assert.equal(participation(row), 0.15);
  });

  it('leaves revision follow-ups and fishbone actions out of the idea figures, but not out of what is overdue', () => {
    const followUp = idea(5, { origin: 'revision', createdAt: '2026-05-01T08:00:00.000Z', status: 'planned', actions: [{ id: 1, text: 'Hold the meetings', owner: kari, dueDate: '2026-06-01', done: false }] });
    const row = unitReport(input({ ideas: [followUp], submissions: [submission(5, '2026-05-01T08:00:00.000Z', { origin: 'revision' })] }));
    assert.equal(row.submitted, 0);
    assert.equal(row.overdueOpen, 1);
  });

  it('counts fishbone analyses concluded in the period', () => {
    const row = unitReport(input({ fishboneDates: ['2026-03-31', '2026-04-01', '2026-07-01'] }));
    assert.equal(row.fishbones, 1);
  });

  it('sums a group: counts, meetings, benefits by category, stagnating units', () => {
    const a = unitReport(input({ meetings: [log('2026-04-01')], benefits: [benefit({ id: 'x', registeredOn: '2026-04-02' })] }));
    const b = unitReport(input({ unit: { id: 'b', name: 'B', code: 'B', serviceAreaId: 'ho', headcount: 10 }, benefits: [benefit({ id: 'y', category: 'quality', measure: 'quality', amount: undefined })] }));
    const group = groupReport('ho', 'HO', [a, b]);
    assert.equal(group.units, 2);
    assert.equal(group.stagnatingUnits, 2);
    assert.equal(group.meetingsHeld, 1);
    assert.equal(group.meetingsScheduled, a.meetingsScheduled + b.meetingsScheduled);
    assert.deepEqual(group.benefits.identified, { hours: 10400, money: 0, other: 1 });
    assert.deepEqual(group.benefitsByCategory.map((c) => c.category), ['quality', 'time']);
  });

  it('takes the median of an even list as the mean of the middle two', () => {
    assert.equal(median([4, 1, 3, 2]), 2.5);
    assert.equal(median([7]), 7);
  });
});
