import assert from 'node:assert/strict';
import { HolidayCheck, MeetingSchedule, isMeetingDay, meetingDue, scheduledMeetings, weekStart, weekdayOf } from '../../src/domain/schedule';
import { publicHolidays } from '../../src/scheduler/holidays';

const OSLO = 'Europe/Oslo';
const noHolidays: HolidayCheck = () => false;
const weekdays = (time: string, pauses: MeetingSchedule['pauses'] = []): MeetingSchedule => ({ weekdays: [1, 2, 3, 4, 5], time, pauses });
const sundays = (time: string): MeetingSchedule => ({ weekdays: [7], time, pauses: [] });
const due = (schedule: MeetingSchedule, iso: string, isHoliday: HolidayCheck = noHolidays) => meetingDue(schedule, new Date(iso), OSLO, isHoliday);

describe('meeting schedules', () => {
  it('numbers weekdays the ISO way: Monday 1 ... Sunday 7', () => {
    assert.deepEqual(['2026-03-02', '2026-03-03', '2026-03-07', '2026-03-08'].map(weekdayOf), [1, 2, 6, 7]);
    assert.equal(weekStart('2026-03-08'), '2026-03-02');
    assert.equal(weekStart('2026-03-02'), '2026-03-02');
  });

  it('meets on the schedule\'s weekdays only, skipping holidays and pauses (both ends included)', () => {
    const schedule: MeetingSchedule = { weekdays: [2, 4], time: '13:00', pauses: [{ from: '2026-07-02', to: '2026-07-09' }] };
    const holiday: HolidayCheck = (date) => date === '2026-05-14';
    const days = ['2026-06-30', '2026-07-01', '2026-07-02', '2026-07-07', '2026-07-09', '2026-07-14', '2026-05-14', '2026-05-12'];
    assert.deepEqual(
      days.map((d) => isMeetingDay(schedule, d, holiday)),
      [true, false, false, false, false, true, false, true],
    );
  });

  it('is due once the local meeting time has come, for the rest of that day', () => {
    // Monday 2 March 2026, winter time: 08:30 in Oslo is 07:30 UTC.
    assert.equal(due(weekdays('08:30'), '2026-03-02T07:29:59Z'), undefined);
    assert.equal(due(weekdays('08:30'), '2026-03-02T07:30:00Z'), '2026-03-02');
    assert.equal(due(weekdays('08:30'), '2026-03-02T22:59:00Z'), '2026-03-02', 'a late tick the same day still finds it');
    assert.equal(due(weekdays('08:30'), '2026-03-02T23:00:00Z'), undefined, 'Tuesday has begun in Oslo, and its meeting is not due yet');
    assert.equal(due(weekdays('08:30'), '2026-03-07T09:00:00Z'), undefined, 'Saturday');
  });

  it('is not due on a public holiday or in a pause', () => {
    const norway = publicHolidays('NO');
    // Thursday 14 May 2026 is Ascension Day; Friday 15 May is a working day.
    assert.equal(due(weekdays('08:30'), '2026-05-14T09:00:00Z', norway), undefined);
    assert.equal(due(weekdays('08:30'), '2026-05-15T09:00:00Z', norway), '2026-05-15');
    const summer = weekdays('08:30', [{ from: '2026-07-01', to: '2026-08-09' }]);
    assert.equal(due(summer, '2026-07-01T09:00:00Z'), undefined);
    assert.equal(due(summer, '2026-08-07T09:00:00Z'), undefined);
    assert.equal(due(summer, '2026-08-10T09:00:00Z'), '2026-08-10');
  });

  describe('around daylight saving time in Oslo', () => {
    it('an 08:30 meeting fires at 07:30 UTC in winter time and at 06:30 UTC in summer time (spring 2026)', () => {
      // Friday 27 March: still CET (UTC+1).
      assert.equal(due(weekdays('08:30'), '2026-03-27T07:29:00Z'), undefined);
      assert.equal(due(weekdays('08:30'), '2026-03-27T07:30:00Z'), '2026-03-27');
      // Sunday 29 March: clocks go from 02:00 to 03:00 (01:00 UTC); from then on CEST (UTC+2).
      assert.equal(due(sundays('08:30'), '2026-03-29T06:29:00Z'), undefined);
      assert.equal(due(sundays('08:30'), '2026-03-29T06:30:00Z'), '2026-03-29');
      // Monday 30 March: CEST.
      assert.equal(due(weekdays('08:30'), '2026-03-30T06:29:00Z'), undefined);
      assert.equal(due(weekdays('08:30'), '2026-03-30T06:30:00Z'), '2026-03-30');
    });

    it('a meeting at a local time that does not exist (02:30 on 29 March) fires when the clock jumps past it', () => {
      assert.equal(due(sundays('02:30'), '2026-03-29T00:59:00Z'), undefined, '01:59 local');
      assert.equal(due(sundays('02:30'), '2026-03-29T01:00:00Z'), '2026-03-29', '03:00 local: 02:30 has passed');
    });

    it('an 08:30 meeting fires at 06:30 UTC in summer time and at 07:30 UTC in winter time (autumn 2026)', () => {
      // Friday 23 October: CEST.
      assert.equal(due(weekdays('08:30'), '2026-10-23T06:30:00Z'), '2026-10-23');
      // Sunday 25 October: clocks go back from 03:00 to 02:00 (01:00 UTC); from then on CET.
      assert.equal(due(sundays('08:30'), '2026-10-25T07:29:00Z'), undefined, '08:29 local');
      assert.equal(due(sundays('08:30'), '2026-10-25T07:30:00Z'), '2026-10-25');
      // Monday 26 October: CET.
      assert.equal(due(weekdays('08:30'), '2026-10-26T06:30:00Z'), undefined, '07:30 local');
      assert.equal(due(weekdays('08:30'), '2026-10-26T07:30:00Z'), '2026-10-26');
    });

    it('a meeting at a local time that happens twice (02:30 on 25 October) fires the first time, and again only for the same date', () => {
      assert.equal(due(sundays('02:30'), '2026-10-25T00:29:00Z'), undefined);
      assert.equal(due(sundays('02:30'), '2026-10-25T00:30:00Z'), '2026-10-25', '02:30 summer time');
      // The clock goes back to 02:00: for half an hour the meeting time has "not come" again, then it
      // comes a second time. Both are the meeting of 25 October, so the outbox key is the same.
      assert.equal(due(sundays('02:30'), '2026-10-25T01:15:00Z'), undefined, '02:15 winter time');
      assert.equal(due(sundays('02:30'), '2026-10-25T01:30:00Z'), '2026-10-25', '02:30 winter time');
    });
  });

  describe('scheduled meetings in a period (held vs scheduled)', () => {
    it('counts May 2026 Monday to Friday: 21 weekdays, less three Norwegian holidays, less two Danish', () => {
      const mayNorway = scheduledMeetings(weekdays('08:30'), '2026-05-01', '2026-05-31', publicHolidays('NO'));
      // 1 May (Friday), Ascension 14 May (Thursday), Whit Monday 25 May; 17 May is a Sunday.
      assert.equal(mayNorway.length, 18);
      assert.ok(!mayNorway.includes('2026-05-01') && !mayNorway.includes('2026-05-14') && !mayNorway.includes('2026-05-25'));
      // In Denmark 1 May is not a public holiday.
      assert.equal(scheduledMeetings(weekdays('08:30'), '2026-05-01', '2026-05-31', publicHolidays('DK')).length, 19);
    });

    it('leaves out pauses and counts single weekly meetings', () => {
      const tuesdays: MeetingSchedule = { weekdays: [2], time: '13:00', pauses: [{ from: '2026-07-01', to: '2026-08-09' }] };
      assert.deepEqual(scheduledMeetings(tuesdays, '2026-06-22', '2026-08-16', noHolidays), ['2026-06-23', '2026-06-30', '2026-08-11']);
      assert.deepEqual(scheduledMeetings(tuesdays, '2026-03-02', '2026-03-08', noHolidays), ['2026-03-03']);
      assert.deepEqual(scheduledMeetings(tuesdays, '2026-03-04', '2026-03-09', noHolidays), []);
    });
  });
});
