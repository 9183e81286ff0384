import { LocalDate, isLocalDate } from './dates';
import { FieldIssue, ValidationError } from './errors';
import { MeetingSchedule, TIME_PATTERN } from './schedule';

/**
 * Reading and checking a unit's meeting schedule, from the schedule card and from storage. The
 * card offers three pause periods; a file may not give more, so saving the card never drops one.
 */
export const MAX_PAUSES = 3;
export const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;

/** The issue parameter that marks "the pause ends before it starts" (reported on the `to` field). */
export const PAUSE_ORDER = 'pauseOrder';

type Raw = Readonly<Record<string, unknown>>;

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

/**
 * The schedule card's inputs: `weekdays` ("1,2,5" from a multi-select), `time` ("08:30") and up to
 * three pauses `pause<n>From` / `pause<n>To`. Every problem is reported at once.
 */
export function readScheduleForm(raw: Raw): MeetingSchedule {
  const issues: FieldIssue[] = [];
  const text = (value: unknown) => (typeof value === 'string' ? value.trim() : typeof value === 'number' ? String(value) : '');
  const dayTexts = text(raw.weekdays).split(',').map((v) => v.trim()).filter(Boolean);
  const weekdays = dayTexts.map(weekdayValue);
  if (!dayTexts.length) issues.push({ field: 'weekdays', problem: 'required' });
  else if (weekdays.some((day) => day === undefined)) issues.push({ field: 'weekdays', problem: 'unknownOption' });
  const timeText = text(raw.time);
  const time = timeText ? normaliseTime(timeText) : undefined;
  if (!timeText) issues.push({ field: 'time', problem: 'required' });
  else if (!time) issues.push({ field: 'time', problem: 'invalidFormat' });
  const pauses: { from: LocalDate; to: LocalDate }[] = [];
  for (let n = 1; n <= MAX_PAUSES; n++) {
    const fromField = `pause${n}From`;
    const toField = `pause${n}To`;
    const from = text(raw[fromField]).slice(0, 10);
    const to = text(raw[toField]).slice(0, 10);
    if (!from && !to) continue;
    const check = (field: string, value: string) => {
      if (!value) issues.push({ field, problem: 'required' });
      else if (!isLocalDate(value)) issues.push({ field, problem: 'invalidFormat' });
      return !!value && isLocalDate(value);
    };
    const fromOk = check(fromField, from);
    const toOk = check(toField, to);
    if (fromOk && toOk && from > to) issues.push({ field: toField, problem: 'outOfRange', params: { rule: PAUSE_ORDER, n } });
    else if (fromOk && toOk) pauses.push({ from, to });
  }
  if (issues.length) throw new ValidationError(issues);
  return schedule(weekdays.filter((day): day is number => day !== undefined), time!, pauses);
}

/** The card's inputs for a stored schedule (or an empty form). */
export function scheduleFormValues(current: MeetingSchedule | undefined): Record<string, string> {
  const values: Record<string, string> = { weekdays: current?.weekdays.join(',') ?? '', time: current?.time ?? '' };
  for (let n = 1; n <= MAX_PAUSES; n++) {
    values[`pause${n}From`] = current?.pauses[n - 1]?.from ?? '';
    values[`pause${n}To`] = current?.pauses[n - 1]?.to ?? '';
  }
  return values;
}
