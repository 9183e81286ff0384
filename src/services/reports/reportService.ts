import { LocalDate, addDays, localDate } from '../../domain/dates';
import { DomainError } from '../../domain/errors';
import { Idea } from '../../domain/ideas';
import { Country, OrganisationSettings, OrganisationSnapshot, Unit } from '../../domain/organisation';
import { Person } from '../../domain/people';
import { GroupReport, UnitReport, groupReport, unitReport } from '../../domain/report';
import { GoalFigures, GoalReportRow, goalReportRows, linkedFigures } from '../../domain/goalProgress';
import { withIdeasOf } from '../goals/goalReads';
import { ReportPeriod, checkReportPeriod } from '../../domain/reportPeriod';
import { ReportScope, canSeeReport, reportScopesFor, resolveScope } from '../../domain/reportScope';
import { HolidayCheck } from '../../domain/schedule';
import { PracticeSpread } from '../../domain/practice';
import { StagnationThresholds } from '../../domain/stagnation';
import { accessFor } from '../../domain/access';
import { BenefitRepository } from '../../ports/benefitRepository';
import { Clock } from '../../ports/clock';
import { IdeaRepository } from '../../ports/ideaRepository';
import { MeetingRepository } from '../../ports/meetingRepository';
import { OrganisationDirectory } from '../organisationDirectory';

/** A report asked for: what it covers and when. */
export interface ReportRequest {
  readonly scope: ReportScope;
  readonly period: ReportPeriod;
}

export interface ReportView {
  readonly scope: ReportScope;
  /** The unit's, area's or organisation's name. */
  readonly name: string;
  readonly period: ReportPeriod;
  /** The day the report was made: figures about the work as it stands are as of this day. */
  readonly today: LocalDate;
  readonly settings: OrganisationSettings;
  readonly units: readonly UnitReport[];
  /** A row per service area with units in the scope (for an area, its one row). */
  readonly areas: readonly GroupReport[];
  /** The scope's total: the unit, the area, or the organisation. */
  readonly total: GroupReport;
  /** The report cut by goal: the scope's goals with their linked ideas and realized gain in the period. */
  readonly goals: readonly GoalReportRow[];
  /** Practices of the scope's units adopted by other units ("where else?"), as of the period's end. */
  readonly spread?: readonly { readonly unit: Unit; readonly practices: readonly PracticeSpread[] }[];
}

/** When a unit's fishbone analyses were concluded; supplied once fishbone analyses are stored. */
export type FishboneDates = (unitId: string, from: LocalDate, to: LocalDate) => Promise<LocalDate[]>;

export interface ReportOptions {
  readonly holidays: (country: Country) => HolidayCheck;
  readonly thresholds: StagnationThresholds;
  readonly fishboneDates?: FishboneDates;
  /** A unit's practices and the units that adopted them, up to a date (see learning/whereElse). */
  readonly practiceSpread?: (unitId: string, until: LocalDate) => Promise<PracticeSpread[]>;
}

/**
 * Quarterly, half-yearly, annual and custom reports for a unit, a service area or the
 * organisation, as the action plan asks ("fixed measurement points": benefits realized and board
 * meetings held). Each unit's reads are bounded by the period and by live work: its submissions,
 * the ideas done or rejected in the period, the live work, the benefit registrations and the
 * meeting logs of the period, plus the last weeks when the period ended longer ago (stagnation
 * is judged as of today). The arithmetic is in src/domain/report.ts.
 */
export class ReportService {
  constructor(
    private readonly ideas: IdeaRepository,
    private readonly benefits: BenefitRepository,
    private readonly meetings: MeetingRepository,
    private readonly directory: OrganisationDirectory,
    private readonly clock: Clock,
    private readonly options: ReportOptions,
  ) {}

  /** Today in the organisation's time zone, and the scopes this person may report on. */
  async choices(person: Person): Promise<{ today: LocalDate; org: OrganisationSnapshot; scopes: { scope: ReportScope; name: string }[] }> {
    const { access, org } = await this.directory.accessOf(person);
    return { today: this.today(org), org, scopes: reportScopesFor(access, org) };
  }

  /** The report, for a person who may see its scope (checked from stored roles, now). */
  async report(person: Person, request: ReportRequest): Promise<ReportView> {
    const org = await this.directory.snapshot();
    const resolved = resolveScope(request.scope, org);
    if (!resolved) throw new DomainError('notFound');
    if (!canSeeReport(accessFor(person, org), org, request.scope)) throw new DomainError('forbidden');
    return this.build(org, request);
  }

  /**
   * The report with no person to check: for the operator's command line (who holds the storage
   * keys anyway), and for services that decided access by rules of their own (the revision).
   */
  async reportForOperator(request: ReportRequest): Promise<ReportView> {
    const org = await this.directory.snapshot();
    if (!resolveScope(request.scope, org)) throw new DomainError('notFound');
    return this.build(org, request);
  }

  private today(org: OrganisationSnapshot): LocalDate {
    return localDate(this.clock.now(), org.settings.timeZone);
  }

  private async build(org: OrganisationSnapshot, request: ReportRequest): Promise<ReportView> {
    const today = this.today(org);
    const period = checkReportPeriod(request.period, today);
    const resolved = resolveScope(request.scope, org);
    if (!resolved) throw new DomainError('notFound');
    const isHoliday = this.options.holidays(org.settings.country);
    const [read, spread] = await Promise.all([
      Promise.all(resolved.units.map((unit) => this.unitRow(unit, period, today, org.settings.timeZone, isHoliday, hasUnitGoals(org, unit.id)))),
      this.spreadOf(resolved.units, period.to),
    ]);
    const units = read.map((row) => row.report);
    const areaIds = [...new Set(resolved.units.map((u) => u.serviceAreaId))];
    const areas = request.scope.kind === 'unit' ? [] : org.serviceAreas.filter((a) => areaIds.includes(a.id)).map((area) => groupReport(area.id, area.name, units.filter((u) => u.serviceAreaId === area.id)));
    const totalId = request.scope.kind === 'unit' ? request.scope.unitId : request.scope.kind === 'area' ? request.scope.areaId : 'organisation';
    const goalScope = { unitIds: resolved.units.map((u) => u.id), areaIds: request.scope.kind === 'unit' ? [] : areaIds, organisation: request.scope.kind === 'organisation' };
    const goals = goalReportRows(org.goals, goalScope, new Map(read.flatMap((row) => [...row.goals])));
    return { scope: request.scope, name: resolved.name, period, today, settings: org.settings, units, areas, total: groupReport(totalId, resolved.name, units), goals, ...(spread.length ? { spread } : {}) };
  }

  /** One range query per unit, bounded by its practices' adoptions. */
  private async spreadOf(units: readonly Unit[], until: LocalDate) {
    const read = this.options.practiceSpread;
    if (!read) return [];
    const all = await Promise.all(units.map(async (unit) => ({ unit, practices: await read(unit.id, until) })));
    return all.filter((entry) => entry.practices.length);
  }

  private async unitRow(unit: Unit, period: ReportPeriod, today: LocalDate, timeZone: string, isHoliday: HolidayCheck, withGoals: boolean): Promise<{ report: UnitReport; goals: Map<string, GoalFigures> }> {
    // Index rows are keyed by UTC date: a day wider on each side, and the domain counts local dates.
    const wideFrom = addDays(period.from, -1);
    const wideTo = addDays(period.to, 1);
    const since = addDays(today, -7 * this.options.thresholds.quietWeeks - 7);
    // Stagnation is judged on the last weeks; read them apart only when the period does not hold them.
    const recentCovered = since >= period.from && today <= period.to;
    const [submissions, closed, live, benefits, meetings, recent, fishboneDates] = await Promise.all([
      this.ideas.submittedBetween(unit.id, wideFrom, wideTo),
      this.ideas.closedBetween(unit.id, wideFrom, wideTo),
      this.ideas.live(unit.id),
      this.benefits.registeredBetween(unit.id, period.from, period.to),
      this.meetings.list(unit.id, period.from, period.to),
      recentCovered ? undefined : this.recent(unit.id, since, today),
      this.options.fishboneDates?.(unit.id, period.from, period.to) ?? Promise.resolve([]),
    ]);
    const ideas = merged(live, closed);
    // Cut by goal: the same reads, plus the ideas of registrations made in the period for ideas closed before it.
    const goals = withGoals ? linkedFigures(await withIdeasOf(this.ideas, unit.id, ideas, benefits), benefits, { from: period.from, to: period.to, timeZone }) : new Map<string, GoalFigures>();
    const report = unitReport({
      unit,
      period,
      today,
      timeZone,
      submissions,
      ideas,
      benefits,
      meetings,
      isHoliday,
      recent: recent ? { ideas: merged(live, recent.closed), meetingsLogged: recent.meetingsLogged } : { ideas, meetingsLogged: meetings.map((m) => m.date) },
      thresholds: this.options.thresholds,
      fishboneDates,
    });
    return { report, goals };
  }

  /** Ideas closed and meetings logged in the last weeks, when the period read does not hold them. */
  private async recent(unitId: string, since: LocalDate, today: LocalDate): Promise<{ closed: Idea[]; meetingsLogged: LocalDate[] }> {
    const [closed, logs] = await Promise.all([this.ideas.closedBetween(unitId, addDays(since, -1), addDays(today, 1)), this.meetings.list(unitId, since, today)]);
    return { closed, meetingsLogged: logs.map((log) => log.date) };
  }
}

/** Whether any goal, open or closed, belongs to the unit: only then are its ideas cut by goal. */
const hasUnitGoals = (org: OrganisationSnapshot, unitId: string): boolean => org.goals.some((goal) => goal.level === 'unit' && goal.ownerId === unitId);

/** Live work and closed ideas, each idea once (a done idea with an open action item is in both). */
function merged(live: readonly Idea[], closed: readonly Idea[]): Idea[] {
  const byNumber = new Map(live.map((idea) => [idea.number, idea]));
  for (const idea of closed) if (!byNumber.has(idea.number)) byNumber.set(idea.number, idea);
  return [...byNumber.values()];
}
