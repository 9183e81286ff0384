import { Benefit, BenefitTotals, Totals, totalsFor, yearStart } from './benefits';
import { LocalDate, addDays, localDate } from './dates';
import { Idea, isIdeaOverdue, overdueActions } from './ideas';
import { HolidayCheck, MeetingSchedule, scheduledMeetings } from './schedule';
import { StagnationFlags, StagnationThresholds, isStagnating, stagnationOf } from './stagnation';

/** One unit's week, as the Monday digest shows it. */
export interface UnitWeek {
  readonly unitId: string;
  readonly name: string;
  readonly newIdeas: number;
  readonly doneIdeas: number;
  /** Ideas overdue, or with an overdue action item, now. */
  readonly overdue: number;
  readonly meetingsHeld: number;
  readonly meetingsScheduled: number;
  readonly benefitsWeek: BenefitTotals;
  readonly benefitsYearToDate: BenefitTotals;
  readonly pendingApprovals: number;
  readonly stagnation: StagnationFlags;
}

export interface WeekInput {
  readonly unitId: string;
  readonly name: string;
  /** The live work, and the ideas that left it since the stagnation window began. */
  readonly ideas: readonly Idea[];
  /** Registrations made from the week's start (or the year's, if earlier) to today. */
  readonly benefits: readonly Benefit[];
  /** Realized gains waiting for a decision now, whenever registered. */
  readonly pendingApprovals: number;
  /** Dates of meetings logged as held. */
  readonly meetingsHeld: readonly LocalDate[];
  /** Dates of meetings logged at all (held or not), for the stagnation rule. */
  readonly meetingsLogged: readonly LocalDate[];
  readonly schedule?: MeetingSchedule;
  /** The week reported on: Monday to Sunday before the digest. */
  readonly from: LocalDate;
  readonly to: LocalDate;
  readonly today: LocalDate;
  readonly timeZone: string;
  readonly isHoliday: HolidayCheck;
  readonly thresholds: StagnationThresholds;
}

export function unitWeek(input: WeekInput): UnitWeek {
  const day = (instant: string) => localDate(new Date(instant), input.timeZone);
  const inWeek = (date: LocalDate | undefined) => !!date && date >= input.from && date <= input.to;
  return {
    unitId: input.unitId,
    name: input.name,
    newIdeas: input.ideas.filter((i) => inWeek(day(i.createdAt))).length,
    doneIdeas: input.ideas.filter((i) => i.status === 'done' && i.doneAt && inWeek(day(i.doneAt))).length,
    overdue: input.ideas.filter((i) => isIdeaOverdue(i, input.today) || overdueActions(i, input.today).length > 0).length,
    meetingsHeld: input.meetingsHeld.filter(inWeek).length,
    meetingsScheduled: input.schedule ? scheduledMeetings(input.schedule, input.from, input.to, input.isHoliday).length : 0,
    benefitsWeek: totalsFor(input.benefits, input.from, input.to),
    benefitsYearToDate: totalsFor(input.benefits, yearStart(input.today), input.today),
    pendingApprovals: input.pendingApprovals,
    stagnation: stagnationOf(input.ideas, input.meetingsLogged, input.today, input.timeZone, input.thresholds),
  };
}

export const addTotals = (a: Totals, b: Totals): Totals => ({ hours: a.hours + b.hours, money: a.money + b.money, other: a.other + b.other });
export const addBenefits = (a: BenefitTotals, b: BenefitTotals): BenefitTotals => ({
  identified: addTotals(a.identified, b.identified),
  realized: addTotals(a.realized, b.realized),
  pending: a.pending + b.pending,
});

/** A row for a group of units (a service area, or the organisation): sums, and how many stagnate. */
export interface GroupWeek extends Omit<UnitWeek, 'unitId' | 'stagnation'> {
  readonly id: string;
  readonly units: number;
  readonly stagnatingUnits: number;
}

export function groupWeek(id: string, name: string, weeks: readonly UnitWeek[]): GroupWeek {
  const zero: BenefitTotals = { identified: { hours: 0, money: 0, other: 0 }, realized: { hours: 0, money: 0, other: 0 }, pending: 0 };
  const sum = (pick: (w: UnitWeek) => number) => weeks.reduce((total, w) => total + pick(w), 0);
  return {
    id,
    name,
    units: weeks.length,
    stagnatingUnits: weeks.filter((w) => isStagnating(w.stagnation)).length,
    newIdeas: sum((w) => w.newIdeas),
    doneIdeas: sum((w) => w.doneIdeas),
    overdue: sum((w) => w.overdue),
    meetingsHeld: sum((w) => w.meetingsHeld),
    meetingsScheduled: sum((w) => w.meetingsScheduled),
    benefitsWeek: weeks.reduce((t, w) => addBenefits(t, w.benefitsWeek), zero),
    benefitsYearToDate: weeks.reduce((t, w) => addBenefits(t, w.benefitsYearToDate), zero),
    pendingApprovals: sum((w) => w.pendingApprovals),
  };
}

/** Board meetings held against scheduled in one week (Monday to Sunday). */
export interface MeetingWeek {
  readonly from: LocalDate;
  readonly to: LocalDate;
  readonly held: number;
  readonly scheduled: number;
}

/**
 * The `count` weeks ending with the one that ends on `to`, oldest first: how many meetings were
 * held against how many the schedule had (public holidays and pauses skipped), a measurement point
 * the TOL reports on.
 */
export function meetingWeeks(schedule: MeetingSchedule | undefined, held: readonly LocalDate[], to: LocalDate, count: number, isHoliday: HolidayCheck): MeetingWeek[] {
  return Array.from({ length: count }, (_, i) => {
    const end = addDays(to, -7 * (count - 1 - i));
    const from = addDays(end, -6);
    return {
      from,
      to: end,
      held: held.filter((date) => date >= from && date <= end).length,
      scheduled: schedule ? scheduledMeetings(schedule, from, end, isHoliday).length : 0,
    };
  });
}
