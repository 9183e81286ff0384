import assert from 'node:assert/strict';
import { scheduleFormValues } from '../../src/cards/meetingCards';

describe('the schedule form card', () => {
  it('is prefilled with the stored schedule, pauses in order, and empty rows left empty', () => {
    const schedule = { weekdays: [1, 3, 5], time: '08:30', pauses: [{ from: '2026-07-01', to: '2026-08-09' }, { from: '2026-12-21', to: '2027-01-03' }] };
    assert.deepEqual(scheduleFormValues(schedule), { weekdays: '1,3,5', time: '08:30', pause1From: '2026-07-01', pause1To: '2026-08-09', pause2From: '2026-12-21', pause2To: '2027-01-03', pause3From: '', pause3To: '' });
    assert.deepEqual(scheduleFormValues(undefined), { weekdays: '', time: '', pause1From: '', pause1To: '', pause2From: '', pause2To: '', pause3From: '', pause3To: '' });
  });
});
