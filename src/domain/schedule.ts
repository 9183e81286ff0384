import { LocalDate, addDays, cachedFormatter, localDate } from './dates';

/** When a unit holds its board meeting: weekdays (1 = Monday … 7 = Sunday) at a local time. */
export interface MeetingSchedule {
  readonly weekdays: readonly number[];
  /** "08:30", in the organisation's time zone. */
  readonly time: string;
  /** Periods without meetings, e.g. the summer: inclusive local dates. */
  readonly pauses: readonly { readonly from: LocalDate; readonly to: LocalDate }[];
}

/** Tells whether a date is a public holiday (Norwegian or Danish, by the organisation's country). */
export type HolidayCheck = (date: LocalDate) => boolean;

export const TIME_PATTERN = /^([01]\d|2[0-3]):[0-5]\d$/;

/** ISO weekday of a local date: 1 = Monday … 7 = Sunday. */
export function weekdayOf(date: LocalDate): number {
  const [year, month, day] = date.split('-').map(Number);
  const weekday = new Date(Date.UTC(year, month - 1, day)).getUTCDay();
  return weekday === 0 ? 7 : weekday;
}

/** "HH:mm" at `instant` in `timeZone`. */
export function localTime(instant: Date, timeZone: string): string {
  const parts = cachedFormatter('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(instant);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '00';
  return `${get('hour')}:${get('minute')}`;
}

export function isPaused(schedule: MeetingSchedule, date: LocalDate): boolean {
  return schedule.pauses.some((p) => p.from <= date && date <= p.to);
}

/** A meeting day: one of the schedule's weekdays, not a public holiday, not in a pause. */
export function isMeetingDay(schedule: MeetingSchedule, date: LocalDate, isHoliday: HolidayCheck): boolean {
  return schedule.weekdays.includes(weekdayOf(date)) && !isHoliday(date) && !isPaused(schedule, date);
}

/**
 * The meeting whose prompt is due at `now`: today's, once its local time has come. Returns the
 * meeting date (the prompt's period), or undefined. A late tick the same day still finds it; the
 * outbox key keeps it from being posted twice.
 */
export function meetingDue(schedule: MeetingSchedule, now: Date, timeZone: string, isHoliday: HolidayCheck): LocalDate | undefined {
  const today = localDate(now, timeZone);
  if (!isMeetingDay(schedule, today, isHoliday)) return undefined;
  return localTime(now, timeZone) >= schedule.time ? today : undefined;
}

/** Every scheduled meeting date in [from, to], for "held vs scheduled". */
export function scheduledMeetings(schedule: MeetingSchedule, from: LocalDate, to: LocalDate, isHoliday: HolidayCheck): LocalDate[] {
  const dates: LocalDate[] = [];
  for (let date = from; date <= to; date = addDays(date, 1)) {
    if (isMeetingDay(schedule, date, isHoliday)) dates.push(date);
  }
  return dates;
}

/** The Monday of the ISO week `date` is in. */
export function weekStart(date: LocalDate): LocalDate {
  return addDays(date, 1 - weekdayOf(date));
}
