import { LocalDate, isLocalDate } from './dates';
import { FieldIssue, ValidationError } from './errors';
import { MeetingSchedule, TIME_PATTERN } from './schedule';

/**
 * Checking a unit's meeting schedule, as typed on the schedule card. The card offers three pause
 * periods; a file may not give more, so saving the card never drops one.
 */
export const MAX_PAUSES = 3;
export const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;

/** The issue parameter that marks "the pause ends before it starts" (reported on the `to` field). */
export const PAUSE_ORDER = 'pauseOrder';

/** The schedule form as typed: weekdays "1" … "7", a time of day, and pauses as pairs of dates. */
export interface ScheduleInput {
  readonly weekdays?: readonly string[];
  readonly time?: string;
  readonly pauses?: readonly PauseInput[];
}

export interface PauseInput {
  readonly from?: string;
  readonly to?: string;
}

/** Field name of one end of pause `n` (1-based), e.g. `pauses.2.to`. */
export const pauseField = (n: number, end: keyof PauseInput): string => `pauses.${n}.${end}`;

/** "8:30", "08:30" or "08:30:00" as "08:30"; undefined when it is not a time of day. */
export function normaliseTime(text: string): string | undefined {
  const match = /^(\d{1,2}):(\d{2})(?::\d{2})?$/.exec(text.trim());
  if (!match) return undefined;
  const time = `${match[1].padStart(2, '0')}:${match[2]}`;
  return TIME_PATTERN.test(time) ? time : undefined;
}

/** "1" ... "7" as an ISO weekday; undefined for anything else. */
export function weekdayValue(text: string): number | undefined {
  const value = text.trim();
  return /^[1-7]$/.test(value) ? Number(value) : undefined;
}

const sortedWeekdays = (days: readonly number[]): number[] => [...new Set(days)].sort((a, b) => a - b);
const sortedPauses = (pauses: MeetingSchedule['pauses']): MeetingSchedule['pauses'] => [...pauses].sort((a, b) => a.from.localeCompare(b.from) || a.to.localeCompare(b.to));

/** A schedule in its canonical form: weekdays sorted without repeats, pauses by start date. */
export function schedule(weekdays: readonly number[], time: string, pauses: MeetingSchedule['pauses']): MeetingSchedule {
  return { weekdays: sortedWeekdays(weekdays), time, pauses: sortedPauses(pauses) };
}

/** Checks a schedule; every problem is reported at once. */
export function checkSchedule(input: ScheduleInput): MeetingSchedule {
  const issues: FieldIssue[] = [];
  const dayTexts = (input.weekdays ?? []).map((v) => v.trim()).filter(Boolean);
  const weekdays = dayTexts.map(weekdayValue);
  if (!dayTexts.length) issues.push({ field: 'weekdays', problem: 'required' });
  else if (weekdays.some((day) => day === undefined)) issues.push({ field: 'weekdays', problem: 'unknownOption' });
  const timeText = input.time?.trim() ?? '';
  const time = timeText ? normaliseTime(timeText) : undefined;
  if (!timeText) issues.push({ field: 'time', problem: 'required' });
  else if (!time) issues.push({ field: 'time', problem: 'invalidFormat' });
  const given = input.pauses ?? [];
  if (given.length > MAX_PAUSES) issues.push({ field: 'pauses', problem: 'outOfRange', params: { min: 0, max: MAX_PAUSES } });
  const pauses: { from: LocalDate; to: LocalDate }[] = [];
  given.slice(0, MAX_PAUSES).forEach((pause, i) => {
    const n = i + 1;
    const from = pause.from?.trim().slice(0, 10) ?? '';
    const to = pause.to?.trim().slice(0, 10) ?? '';
    if (!from && !to) return;
    const check = (field: string, value: string) => {
      if (!value) issues.push({ field, problem: 'required' });
      else if (!isLocalDate(value)) issues.push({ field, problem: 'invalidFormat' });
      return !!value && isLocalDate(value);
    };
    const fromOk = check(pauseField(n, 'from'), from);
    const toOk = check(pauseField(n, 'to'), to);
    if (fromOk && toOk && from > to) issues.push({ field: pauseField(n, 'to'), problem: 'outOfRange', params: { rule: PAUSE_ORDER, n } });
    else if (fromOk && toOk) pauses.push({ from, to });
  });
  if (issues.length) throw new ValidationError(issues);
  return schedule(weekdays.filter((day): day is number => day !== undefined), time!, pauses);
}
