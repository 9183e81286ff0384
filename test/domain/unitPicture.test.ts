import assert from 'node:assert/strict';
import { Benefit } from '../../src/domain/benefits';
import { boardColumns } from '../../src/domain/boardColumns';
import { gainMonths, ideaMonths, meetingWeeks, monthsFrom, monthsUpTo, weeksFrom } from '../../src/domain/unitPicture';
import { sampleIdea } from '../support/ideas';

describe('the board in columns', () => {
  it('puts live work in its PDCA column, parked ones aside, rejected ones nowhere; overdue first, then by due date', () => {
    const ideas = [
      sampleIdea({ number: 1, status: 'new' }),
      sampleIdea({ number: 2, status: 'planned', dueDate: '2026-12-01' }),
      sampleIdea({ number: 3, status: 'planned', dueDate: '2026-11-01' }),
      sampleIdea({ number: 4, status: 'planned' }),
      sampleIdea({ number: 5, status: 'parked' }),
      sampleIdea({ number: 6, status: 'rejected' }),
      sampleIdea({ number: 7, status: 'done', benefitRegistered: false }),
    ];
    const laid = boardColumns(ideas, '2026-11-20');
    assert.deepEqual(Object.fromEntries(Object.entries(laid.columns).map(([column, entries]) => [column, entries.map((e) => e.idea.number)])), { new: [1], planned: [3, 2, 4], inProgress: [], evaluating: [], done: [7] });
    assert.deepEqual(laid.parked.map((e) => e.idea.number), [5]);
    assert.equal(laid.columns.planned[0].overdue, true);
    assert.equal(laid.columns.done[0].benefitMissing, true);
  });
});

describe('the unit’s picture', () => {
  it('counts meetings held against those scheduled, week by week, scheduled ones only up to today', () => {
    const weeks = meetingWeeks({
      today: '2026-11-19', // a Thursday
      weeks: 3,
      schedule: { weekdays: [1, 4, 5], time: '08:30', pauses: [] },
      isHoliday: (date) => date === '2026-11-02',
      held: ['2026-11-05', '2026-11-12', '2026-11-13', '2026-11-19', '2026-10-29'],
    });
    assert.deepEqual(weeks, [
      { weekStart: '2026-11-02', held: 1, scheduled: 2 },
      { weekStart: '2026-11-09', held: 2, scheduled: 3 },
      { weekStart: '2026-11-16', held: 1, scheduled: 2 },
    ]);
    assert.equal(weeksFrom('2026-11-19', 12), '2026-08-31');
    assert.deepEqual(meetingWeeks({ today: '2026-11-19', weeks: 1, isHoliday: () => false, held: [] }), [{ weekStart: '2026-11-16', held: 0, scheduled: 0 }]);
  });

  it('lists the last twelve months across a new year, and counts ideas in and done by local month', () => {
    assert.deepEqual(monthsUpTo('2026-02-10', 3), ['2025-12', '2026-01', '2026-02']);
    assert.equal(monthsFrom('2026-02-10', 12), '2025-03-01');
    // 23:30 UTC on 31 January is already February in Oslo.
    const months = ideaMonths(['2026-01', '2026-02'], ['2026-01-15T10:00:00.000Z', '2026-01-31T23:30:00.000Z'], [sampleIdea({ status: 'done', doneAt: '2026-02-03T10:00:00.000Z' }), sampleIdea({ status: 'rejected', statusChangedAt: '2026-02-04T10:00:00.000Z' })], 'Europe/Oslo');
    assert.deepEqual(months, [
      { month: '2026-01', submitted: 1, done: 0 },
      { month: '2026-02', submitted: 1, done: 1 },
    ]);
  });

  it('sums time gains per registration month, identified apart from realized, and realized only once approved', () => {
    const benefit = (registeredOn: string, stage: Benefit['stage'], approval: Benefit['approval'], amount: number, measure: Benefit['measure'] = 'hours') => ({ registeredOn, stage, approval, amount, measure, period: 'week' }) as Benefit;
    const months = gainMonths(['2026-01', '2026-02'], [
      benefit('2026-01-10', 'identified', 'notNeeded', 200),
      benefit('2026-02-10', 'realized', 'approved', 100),
      benefit('2026-02-11', 'realized', 'pending', 100),
      benefit('2026-02-12', 'identified', 'notNeeded', 500, 'money'),
    ]);
    assert.deepEqual(months, [
      { month: '2026-01', identifiedHours: 200 * 52, realizedHours: 0 },
      { month: '2026-02', identifiedHours: 0, realizedHours: 100 * 52 },
    ]);
  });
});
