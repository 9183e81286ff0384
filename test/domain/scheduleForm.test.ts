import assert from 'node:assert/strict';
import { ValidationError } from '../../src/domain/errors';
import { PAUSE_ORDER, normaliseTime, readScheduleForm, scheduleFormValues } from '../../src/domain/scheduleForm';

function issuesOf(raw: Record<string, unknown>) {
  try {
    readScheduleForm(raw);
  } catch (error) {
    assert.ok(error instanceof ValidationError);
    return error.issues.map((i) => `${i.field}:${i.problem}${i.params?.rule ? `:${i.params.rule}` : ''}`);
  }
  assert.fail('expected the form to be refused');
}

describe('the schedule form', () => {
  it('reads weekdays from a multi-select, the time and the filled-in pauses', () => {
    const schedule = readScheduleForm({ weekdays: '5,1,3', time: '08:30', pause1From: '2026-12-21', pause1To: '2027-01-03', pause2From: '2026-07-01', pause2To: '2026-08-09', pause3From: '', pause3To: '' });
    assert.deepEqual(schedule, {
      weekdays: [1, 3, 5],
      time: '08:30',
      pauses: [
        { from: '2026-07-01', to: '2026-08-09' },
        { from: '2026-12-21', to: '2027-01-03' },
      ],
    });
    assert.deepEqual(scheduleFormValues(schedule), { weekdays: '1,3,5', time: '08:30', pause1From: '2026-07-01', pause1To: '2026-08-09', pause2From: '2026-12-21', pause2To: '2027-01-03', pause3From: '', pause3To: '' });
  });

  it('needs at least one weekday and a time of day; a pause from on or before to', () => {
    assert.deepEqual(issuesOf({ weekdays: '', time: '' }), ['weekdays:required', 'time:required']);
    assert.deepEqual(issuesOf({ weekdays: '1,9', time: '24:00' }), ['weekdays:unknownOption', 'time:invalidFormat']);
    assert.deepEqual(issuesOf({ weekdays: '1', time: '08:30', pause1From: '2026-08-09', pause1To: '2026-07-01' }), [`pause1To:outOfRange:${PAUSE_ORDER}`]);
    assert.deepEqual(issuesOf({ weekdays: '1', time: '08:30', pause2From: '2026-07-01', pause3From: '2026-02-30', pause3To: '2026-03-01' }), ['pause2To:required', 'pause3From:invalidFormat']);
  });

  it('accepts a pause of one day, and times as Teams and spreadsheets write them', () => {
    assert.deepEqual(readScheduleForm({ weekdays: '2', time: '13:00:00', pause1From: '2026-05-15', pause1To: '2026-05-15' }).pauses, [{ from: '2026-05-15', to: '2026-05-15' }]);
    assert.deepEqual(['8:30', '08:30', '08:30:00', '23:59', '24:00', '8.30', '830', ''].map(normaliseTime), ['08:30', '08:30', '08:30', '23:59', undefined, undefined, undefined, undefined]);
  });
});
