import { BenefitTotals, totalsFor, yearStart } from '../../domain/benefits';
import { LocalDate, addDays } from '../../domain/dates';
import { Idea } from '../../domain/ideas';
import { Country, OrganisationSettings, Unit } from '../../domain/organisation';
import { Person } from '../../domain/people';
import { HolidayCheck } from '../../domain/schedule';
import { StagnationFlags, StagnationThresholds, stagnationOf } from '../../domain/stagnation';
import { GainMonth, IdeaMonth, MeetingWeek, gainMonths, ideaMonths, meetingWeeks, monthsFrom, monthsUpTo, weeksFrom } from '../../domain/unitPicture';
import { BenefitRepository } from '../../ports/benefitRepository';
import { IdeaRepository } from '../../ports/ideaRepository';
import { MeetingRepository } from '../../ports/meetingRepository';
import { IdeaContexts } from '../ideas/ideaContext';

/** Board meetings over the last 12 weeks; ideas in and done over the last 12 months. */
export const PICTURE_WEEKS = 12;
export const PICTURE_MONTHS = 12;

export interface UnitPictureView {
  readonly unit: Unit;
  readonly today: LocalDate;
  readonly settings: OrganisationSettings;
  readonly meetings: readonly MeetingWeek[];
  readonly ideas: readonly IdeaMonth[];
  /** This year's months so far. */
  readonly gains: readonly GainMonth[];
  /** Registrations made this year: identified, realized (approved) and pending. */
  readonly gainsThisYear: BenefitTotals;
  readonly stagnation: StagnationFlags;
  readonly thresholds: StagnationThresholds;
}

/**
 * The figures beside a unit's board. Five reads, each bounded by the period shown or by live work:
 * live ideas, ideas closed and ideas submitted in the last 12 months, this year's benefit
 * registrations, and the meeting logs of the weeks shown (or of the stagnation window, if longer).
 */
export class UnitPictures {
  constructor(
    private readonly ideas: IdeaRepository,
    private readonly benefits: BenefitRepository,
    private readonly meetings: MeetingRepository,
    private readonly contexts: IdeaContexts,
    private readonly holidays: (country: Country) => HolidayCheck,
    private readonly thresholds: StagnationThresholds,
  ) {}

  async picture(person: Person, unitId: string): Promise<UnitPictureView> {
    const context = await this.contexts.forUnit(person, unitId);
    this.contexts.viewer(context);
    const { today, unit } = context;
    const { timeZone, country } = context.org.settings;
    const months = monthsUpTo(today, PICTURE_MONTHS);
    const ideasFrom = monthsFrom(today, PICTURE_MONTHS);
    const quietSince = addDays(today, -7 * this.thresholds.quietWeeks - 7);
    const meetingsFrom = [weeksFrom(today, PICTURE_WEEKS), quietSince].sort()[0];
    // Stored dates are UTC: ranges are widened by a day on each side and counted by local dates.
    const [live, closed, submitted, registered, logs] = await Promise.all([
      this.ideas.live(unitId),
      this.ideas.closedBetween(unitId, addDays(ideasFrom, -1), addDays(today, 1)),
      this.ideas.submittedBetween(unitId, addDays(ideasFrom, -1), addDays(today, 1)),
      this.benefits.registeredBetween(unitId, yearStart(today), today),
      this.meetings.list(unitId, meetingsFrom, today),
    ]);
    return {
      unit,
      today,
      settings: context.org.settings,
      meetings: meetingWeeks({ today, weeks: PICTURE_WEEKS, ...(unit.schedule ? { schedule: unit.schedule } : {}), isHoliday: this.holidays(country), held: logs.filter((log) => log.held).map((log) => log.date) }),
      ideas: ideaMonths(months, submitted.map((row) => row.createdAt), closed, timeZone),
      gains: gainMonths(months.filter((month) => month >= yearStart(today).slice(0, 7)), registered),
      gainsThisYear: totalsFor(registered, yearStart(today), today),
      stagnation: stagnationOf(withoutDuplicates(live, closed), logs.map((log) => log.date), today, timeZone, this.thresholds),
      thresholds: this.thresholds,
    };
  }
}

/** Live work and recently closed ideas, each idea once (a done idea missing its benefit is in both). */
function withoutDuplicates(live: readonly Idea[], closed: readonly Idea[]): Idea[] {
  const byNumber = new Map(live.map((idea) => [idea.number, idea]));
  for (const idea of closed) if (!byNumber.has(idea.number)) byNumber.set(idea.number, idea);
  return [...byNumber.values()];
}
