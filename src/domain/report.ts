import { Benefit, BenefitTotals, totalsFor } from './benefits';
import { addBenefits } from './digest';
import { LocalDate, daysBetween, localDate } from './dates';
import { Idea, IdeaOrigin, isIdeaOverdue, overdueActions } from './ideas';
import { MeetingLog } from './meetings';
import { countedUntil } from './reportPeriod';
import { HolidayCheck, MeetingSchedule, scheduledMeetings } from './schedule';
import { StagnationFlags, StagnationThresholds, isStagnating, stagnationOf } from './stagnation';

/**
 * The arithmetic of the quarterly, half-yearly and annual reports: one row per unit, summed into
 * service areas and the organisation. Pure: every figure comes from the rows the caller read for
 * the period, and "today" is passed in.
 *
 * Period figures (submitted, done, rejected, cycle and response times, meetings, benefits) count
 * what happened on local dates in the period. Figures about the work as it stands (open overdue
 * items, done ideas still without a benefit, stagnation) are as of today.
 */

/** A submission as its index row keeps it. */
export interface Submission {
  readonly number: number;
  readonly createdAt: string;
  readonly submitterId: string;
  readonly origin?: IdeaOrigin;
  readonly firstResponseAt?: string;
}

/** The figures that add up from units to service areas and the organisation. */
export interface ReportFigures {
  readonly submitted: number;
  readonly done: number;
  readonly rejected: number;
  /** Summed over units with a headcount only, so "per employee" never divides by an unknown. */
  readonly staffed: { readonly headcount: number; readonly done: number; readonly participants: number };
  /** Days from submitted to done, one per idea done in the period (for medians). */
  readonly cycleDays: readonly number[];
  /** Hours from submitted to the first answer, one per idea submitted in the period and answered. */
  readonly responseHours: readonly number[];
  /** Ideas submitted in the period with no answer yet. */
  readonly unanswered: number;
  readonly meetingsHeld: number;
  readonly meetingsScheduled: number;
  /** Registrations made in the period; realized counts approved gains only (see totalsFor). */
  readonly benefits: BenefitTotals;
  readonly benefitsByCategory: readonly { readonly category: string; readonly totals: BenefitTotals }[];
  /** Now: ideas overdue or with an overdue action item. */
  readonly overdueOpen: number;
  /** Now: done ideas with no benefit registered. */
  readonly benefitMissing: number;
  /** Fishbone analyses concluded in the period. */
  readonly fishbones: number;
}

export interface UnitReport extends ReportFigures {
  readonly unitId: string;
  readonly name: string;
  readonly code: string;
  readonly serviceAreaId: string;
  readonly headcount?: number;
  /** Scheduled meeting dates up to today with no meeting logged as held. */
  readonly missedMeetings: readonly LocalDate[];
  readonly stagnation: StagnationFlags;
}

export interface GroupReport extends ReportFigures {
  readonly id: string;
  readonly name: string;
  readonly units: number;
  readonly stagnatingUnits: number;
}

export interface UnitReportInput {
  readonly unit: { readonly id: string; readonly name: string; readonly code: string; readonly serviceAreaId: string; readonly headcount?: number; readonly schedule?: MeetingSchedule };
  readonly period: { readonly from: LocalDate; readonly to: LocalDate };
  readonly today: LocalDate;
  readonly timeZone: string;
  /** Submission rows read for the period (a day wider on each side: they are keyed by UTC date). */
  readonly submissions: readonly Submission[];
  /** The live work now, and the ideas done or rejected in the period (widened likewise). */
  readonly ideas: readonly Idea[];
  /** Registrations made in the period. */
  readonly benefits: readonly Benefit[];
  /** Meeting logs dated in the period. */
  readonly meetings: readonly MeetingLog[];
  readonly isHoliday: HolidayCheck;
  /** What stagnation is judged on: the live work and ideas closed lately, and the dates of meetings logged lately. */
  readonly recent: { readonly ideas: readonly Idea[]; readonly meetingsLogged: readonly LocalDate[] };
  readonly thresholds: StagnationThresholds;
  /** Dates fishbone analyses of the unit were concluded on. */
  readonly fishboneDates?: readonly LocalDate[];
}

const HOUR_MS = 3_600_000;

/** The median of a list of numbers; undefined when there are none. */
export function median(values: readonly number[]): number | undefined {
  if (!values.length) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** Ideas done per employee in the period; undefined without a headcount. */
export const donePerEmployee = (figures: Pick<ReportFigures, 'staffed'>): number | undefined =>
  figures.staffed.headcount > 0 ? figures.staffed.done / figures.staffed.headcount : undefined;

/** Share of staff (0..1) who submitted or owned something in the period; undefined without a headcount. */
export const participation = (figures: Pick<ReportFigures, 'staffed'>): number | undefined =>
  figures.staffed.headcount > 0 ? Math.min(1, figures.staffed.participants / figures.staffed.headcount) : undefined;

/** Share of scheduled meetings (0..1) that were held; undefined when none were scheduled. */
export const meetingShare = (figures: Pick<ReportFigures, 'meetingsHeld' | 'meetingsScheduled'>): number | undefined =>
  figures.meetingsScheduled > 0 ? Math.min(1, figures.meetingsHeld / figures.meetingsScheduled) : undefined;

const ZERO_TOTALS: BenefitTotals = { identified: { hours: 0, money: 0, other: 0 }, realized: { hours: 0, money: 0, other: 0 }, pending: 0 };

function byCategory(benefits: readonly Benefit[], from: LocalDate, to: LocalDate): ReportFigures['benefitsByCategory'] {
  const categories = [...new Set(benefits.map((b) => b.category))].sort();
  return categories.map((category) => ({ category, totals: totalsFor(benefits.filter((b) => b.category === category), from, to) }));
}

/** One unit's row. */
export function unitReport(input: UnitReportInput): UnitReport {
  const { period, today, timeZone, unit } = input;
  const day = (instant: string) => localDate(new Date(instant), timeZone);
  const inPeriod = (date: LocalDate | undefined) => !!date && date >= period.from && date <= period.to;
  const until = countedUntil(period, today);

  // Revision follow-ups and fishbone actions are leadership work, not improvement ideas.
  const submissions = input.submissions.filter((s) => !s.origin && inPeriod(day(s.createdAt)));
  const ideas = input.ideas.filter((i) => !i.origin);
  const done = ideas.filter((i) => i.status === 'done' && i.doneAt && inPeriod(day(i.doneAt)));
  const rejected = ideas.filter((i) => i.status === 'rejected' && inPeriod(day(i.statusChangedAt)));

  // Took part: submitted an idea in the period, or owned an idea or action item that was under way in it.
  const underWay = ideas.filter((i) => day(i.createdAt) <= period.to);
  const participants = new Set([
    ...submissions.map((s) => s.submitterId),
    ...underWay.flatMap((i) => [i.owner?.id, ...i.actions.map((a) => a.owner?.id)]).filter((id): id is string => !!id),
  ]);
  const headcount = unit.headcount && unit.headcount > 0 ? unit.headcount : 0;

  const answered = submissions.filter((s) => s.firstResponseAt);
  const heldDates = new Set(input.meetings.filter((m) => m.held && m.date >= period.from && m.date <= until).map((m) => m.date));
  const scheduled = unit.schedule && period.from <= until ? scheduledMeetings(unit.schedule, period.from, until, input.isHoliday) : [];
  const stagnation = stagnationOf(input.recent.ideas, input.recent.meetingsLogged, today, timeZone, input.thresholds);

  return {
    unitId: unit.id,
    name: unit.name,
    code: unit.code,
    serviceAreaId: unit.serviceAreaId,
    ...(unit.headcount !== undefined ? { headcount: unit.headcount } : {}),
    submitted: submissions.length,
    done: done.length,
    rejected: rejected.length,
    staffed: headcount ? { headcount, done: done.length, participants: Math.min(participants.size, headcount) } : { headcount: 0, done: 0, participants: 0 },
    cycleDays: done.map((i) => daysBetween(day(i.createdAt), day(i.doneAt ?? i.statusChangedAt))),
    responseHours: answered.map((s) => Math.max(0, (Date.parse(s.firstResponseAt ?? s.createdAt) - Date.parse(s.createdAt)) / HOUR_MS)),
    unanswered: submissions.length - answered.length,
    meetingsHeld: heldDates.size,
    meetingsScheduled: scheduled.length,
    missedMeetings: scheduled.filter((date) => !heldDates.has(date)),
    benefits: totalsFor(input.benefits, period.from, period.to),
    benefitsByCategory: byCategory(input.benefits, period.from, period.to),
    overdueOpen: input.ideas.filter((i) => isIdeaOverdue(i, today) || overdueActions(i, today).length > 0).length,
    benefitMissing: ideas.filter((i) => i.status === 'done' && !i.benefitRegistered).length,
    fishbones: (input.fishboneDates ?? []).filter(inPeriod).length,
    stagnation,
  };
}

function mergeCategories(rows: readonly ReportFigures[]): ReportFigures['benefitsByCategory'] {
  const sums = new Map<string, BenefitTotals>();
  for (const row of rows) for (const { category, totals } of row.benefitsByCategory) sums.set(category, addBenefits(sums.get(category) ?? ZERO_TOTALS, totals));
  return [...sums.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([category, totals]) => ({ category, totals }));
}

/** A service area's or the organisation's row: sums, and the medians over every unit's ideas. */
export function groupReport(id: string, name: string, units: readonly UnitReport[]): GroupReport {
  const sum = (pick: (row: UnitReport) => number) => units.reduce((total, row) => total + pick(row), 0);
  return {
    id,
    name,
    units: units.length,
    stagnatingUnits: units.filter((u) => isStagnating(u.stagnation)).length,
    submitted: sum((u) => u.submitted),
    done: sum((u) => u.done),
    rejected: sum((u) => u.rejected),
    staffed: { headcount: sum((u) => u.staffed.headcount), done: sum((u) => u.staffed.done), participants: sum((u) => u.staffed.participants) },
    cycleDays: units.flatMap((u) => u.cycleDays),
    responseHours: units.flatMap((u) => u.responseHours),
    unanswered: sum((u) => u.unanswered),
    meetingsHeld: sum((u) => u.meetingsHeld),
    meetingsScheduled: sum((u) => u.meetingsScheduled),
    benefits: units.reduce((total, u) => addBenefits(total, u.benefits), ZERO_TOTALS),
    benefitsByCategory: mergeCategories(units),
    overdueOpen: sum((u) => u.overdueOpen),
    benefitMissing: sum((u) => u.benefitMissing),
    fishbones: sum((u) => u.fishbones),
  };
}
