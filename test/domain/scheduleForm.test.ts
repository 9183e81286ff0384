import assert from 'node:assert/strict';
import { ValidationError } from '../../src/domain/errors';
import { PAUSE_ORDER, ScheduleInput, checkSchedule, normaliseTime } from '../../src/domain/scheduleForm';

function issuesOf(input: ScheduleInput) {
  try {
    checkSchedule(input);
  } catch (error) {
    assert.ok(error instanceof ValidationError);
    return error.issues.map((i) => `${i.field}:${i.problem}${i.params?.rule ? `:${i.params.rule}` : ''}`);
  }
  assert.fail('expected the form to be refused');
}

describe('the schedule form', () => {
  it('reads weekdays, the time and the filled-in pauses, in their canonical order', () => {
    const schedule = checkSchedule({
      weekdays: ['5', '1', '3'],
      time: '08:30',
      pauses: [
        { from: '2026-12-21', to: '2027-01-03' },
        { from: '2026-07-01', to: '2026-08-09' },
        { from: '', to: '' },
      ],
    });
    assert.deepEqual(schedule, {
      weekdays: [1, 3, 5],
      time: '08:30',
      pauses: [
        { from: '2026-07-01', to: '2026-08-09' },
        { from: '2026-12-21', to: '2027-01-03' },
      ],
    });
  });

  it('needs at least one weekday and a time of day; a pause from on or before to', () => {
    assert.deepEqual(issuesOf({ weekdays: [], time: '' }), ['weekdays:required', 'time:required']);
    assert.deepEqual(issuesOf({ weekdays: ['1', '9'], time: '24:00' }), ['weekdays:unknownOption', 'time:invalidFormat']);
    assert.deepEqual(issuesOf({ weekdays: ['1'], time: '08:30', pauses: [{ from: '2026-08-09', to: '2026-07-01' }] }), [`pauses.1.to:outOfRange:${PAUSE_ORDER}`]);
    assert.deepEqual(issuesOf({ weekdays: ['1'], time: '08:30', pauses: [{}, { from: '2026-07-01' }, { from: '2026-02-30', to: '2026-03-01' }] }), ['pauses.2.to:required', 'pauses.3.from:invalidFormat']);
  });

  it('accepts a pause of one day, and times as Teams and spreadsheets write them', () => {
    assert.deepEqual(checkSchedule({ weekdays: ['2'], time: '13:00:00', pauses: [{ from: '2026-05-15', to: '2026-05-15' }] }).pauses, [{ from: '2026-05-15', to: '2026-05-15' }]);
    assert.deepEqual(['8:30', '08:30', '08:30:00', '23:59', '24:00', '8.30', '830', ''].map(normaliseTime), ['08:30', '08:30', '08:30', '23:59', undefined, undefined, undefined, undefined]);
  });
});
