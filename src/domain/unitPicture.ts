import { Benefit, countsAsIdentified, countsAsRealized, annualised } from './benefits';
import { LocalDate, addDays, localDate } from './dates';
import { Idea } from './ideas';
import { HolidayCheck, MeetingSchedule, scheduledMeetings, weekStart } from './schedule';

/**
 * The unit's picture beside its board: the rhythm (board meetings held against the schedule), the
 * flow (ideas in and done), and the gains (identified against realized). Pure arithmetic over the
 * bounded reads the service makes; every figure is by local date in the organisation's time zone.
 */

/** "2026-11": a calendar month. */
export type Month = string;

export interface MeetingWeek {
  /** The Monday of the ISO week. */
  readonly weekStart: LocalDate;
  readonly held: number;
  /** Meeting days of the schedule in the week, up to today (later ones are not due yet). */
  readonly scheduled: number;
}

export interface IdeaMonth {
  readonly month: Month;
  readonly submitted: number;
  readonly done: number;
}

export interface GainMonth {
  readonly month: Month;
  /** Hours per year in hundredths, of registrations made in the month. */
  readonly identifiedHours: number;
  /** Only realized gains the service-area leader approved count. */
  readonly realizedHours: number;
}

const monthOf = (date: LocalDate): Month => date.slice(0, 7);

/** The first day of the week `weeks - 1` weeks before today's: where a `weeks`-week window starts. */
export const weeksFrom = (today: LocalDate, weeks: number): LocalDate => addDays(weekStart(today), -7 * (weeks - 1));

/** The last `count` months up to and including today's, oldest first. */
export function monthsUpTo(today: LocalDate, count: number): Month[] {
  const [year, month] = [Number(today.slice(0, 4)), Number(today.slice(5, 7))];
  return Array.from({ length: count }, (_, i) => {
    const back = new Date(Date.UTC(year, month - 1 - (count - 1 - i), 1));
    return back.toISOString().slice(0, 7);
  });
}

/** First day of the first month of `monthsUpTo(today, count)`. */
export const monthsFrom = (today: LocalDate, count: number): LocalDate => `${monthsUpTo(today, count)[0]}-01`;

/** Held against scheduled, week by week, for the `weeks` weeks up to today. */
export function meetingWeeks(input: { readonly today: LocalDate; readonly weeks: number; readonly schedule?: MeetingSchedule; readonly isHoliday: HolidayCheck; readonly held: readonly LocalDate[] }): MeetingWeek[] {
  const first = weeksFrom(input.today, input.weeks);
  return Array.from({ length: input.weeks }, (_, i) => {
    const from = addDays(first, 7 * i);
    const sunday = addDays(from, 6);
    const to = sunday < input.today ? sunday : input.today;
    return {
      weekStart: from,
      held: input.held.filter((date) => date >= from && date <= sunday).length,
      scheduled: input.schedule ? scheduledMeetings(input.schedule, from, to, input.isHoliday).length : 0,
    };
  });
}

/** Ideas submitted and ideas done per month. `submitted` are submission instants; `closed` the ideas closed in the period. */
export function ideaMonths(months: readonly Month[], submitted: readonly string[], closed: readonly Idea[], timeZone: string): IdeaMonth[] {
  const monthAt = (instant: string) => monthOf(localDate(new Date(instant), timeZone));
  const submittedIn = new Map<Month, number>();
  for (const at of submitted) submittedIn.set(monthAt(at), (submittedIn.get(monthAt(at)) ?? 0) + 1);
  const doneIn = new Map<Month, number>();
  for (const idea of closed) {
    if (idea.status !== 'done') continue;
    const month = monthAt(idea.doneAt ?? idea.statusChangedAt);
    doneIn.set(month, (doneIn.get(month) ?? 0) + 1);
  }
  return months.map((month) => ({ month, submitted: submittedIn.get(month) ?? 0, done: doneIn.get(month) ?? 0 }));
}

/** Time gains (hours per year) identified and realized, by the month they were registered in. */
export function gainMonths(months: readonly Month[], benefits: readonly Benefit[]): GainMonth[] {
  return months.map((month) => {
    const inMonth = benefits.filter((b) => b.measure === 'hours' && monthOf(b.registeredOn) === month);
    const sum = (counts: (b: Benefit) => boolean) => inMonth.filter(counts).reduce((total, b) => total + annualised(b), 0);
    return { month, identifiedHours: sum(countsAsIdentified), realizedHours: sum(countsAsRealized) };
  });
}
