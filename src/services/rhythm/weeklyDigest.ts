import { isOwnRegistration } from '../../domain/benefitRules';
import { Benefit, yearStart } from '../../domain/benefits';
import { LocalDate, addDays } from '../../domain/dates';
import { GroupWeek, UnitWeek, groupWeek, unitWeek } from '../../domain/digest';
import { Idea } from '../../domain/ideas';
import { OrganisationSettings, Unit } from '../../domain/organisation';
import { objectIdsOf } from '../../domain/people';
import { HolidayCheck, weekStart } from '../../domain/schedule';
import { StagnationThresholds } from '../../domain/stagnation';
import { BenefitRepository } from '../../ports/benefitRepository';
import { IdeaRepository } from '../../ports/ideaRepository';
import { MeetingRepository } from '../../ports/meetingRepository';
import { OrganisationDirectory } from '../organisationDirectory';
import { benefitsFor, ideasActiveBetween } from '../ideas/ideaReads';

export type DigestScope = 'unit' | 'area' | 'organisation';

/** A benefit waiting for the recipient's approval, with what the digest shows of its idea. */
export interface PendingApproval {
  readonly benefit: Benefit;
  readonly idea: Idea;
  readonly unit: Unit;
}

/** One recipient's digest: their unit, their service area (a row per unit), or the organisation (a row per area). */
export interface DigestView {
  readonly recipientId: string;
  readonly scope: DigestScope;
  /** The unit or area id, or "organisation": part of the outbox key. */
  readonly scopeId: string;
  readonly name: string;
  readonly from: LocalDate;
  readonly to: LocalDate;
  readonly rows: readonly (UnitWeek | GroupWeek)[];
  readonly total: GroupWeek;
  /** Per-unit weeks behind the rows, for the stagnation flags. */
  readonly units: readonly UnitWeek[];
  readonly approvals: readonly PendingApproval[];
  readonly settings: OrganisationSettings;
  readonly thresholds: StagnationThresholds;
}

/**
 * One person's digests asked for now (see digestOnDemand.ts): any week, and only the units their
 * digests cover are read.
 */
export interface DigestFor {
  readonly recipientId: string;
  readonly from: LocalDate;
  readonly to: LocalDate;
  readonly unitIds: ReadonlySet<string>;
}

/**
 * The Monday digests: unit leaders get their unit, TOLs their service area with a row per unit,
 * executives and coaches the organisation with a row per service area. Every unit is read once,
 * whatever the number of readers, and each read is bounded by live work or by the weeks looked at
 * (live and recently closed ideas, the year's and the live benefit registrations, the meeting logs).
 */
export class WeeklyDigests {
  constructor(
    private readonly ideas: IdeaRepository,
    private readonly benefits: BenefitRepository,
    private readonly meetings: MeetingRepository,
    private readonly directory: OrganisationDirectory,
  ) {}

  /** The digests for the week before `today` (Monday to Sunday); or `only` one person's, for the week asked. */
  async build(today: LocalDate, isHoliday: HolidayCheck, thresholds: StagnationThresholds, only?: DigestFor): Promise<DigestView[]> {
    const org = await this.directory.snapshot();
    const to = only?.to ?? addDays(weekStart(today), -1);
    const from = only?.from ?? addDays(to, -6);
    const since = addDays(today, -7 * thresholds.quietWeeks - 7);
    const benefitsFrom = from < yearStart(today) ? from : yearStart(today);
    const units = only ? org.units.filter((unit) => only.unitIds.has(unit.id)) : org.units;
    const data = await Promise.all(
      units.map(async (unit) => {
        const [ideas, benefits, logs] = await Promise.all([
          ideasActiveBetween(this.ideas, unit.id, since, today),
          benefitsFor(this.benefits, unit.id, benefitsFrom, today),
          this.meetings.list(unit.id, since, today),
        ]);
        const pending = benefits.live.filter((b) => b.approval === 'pending');
        const week = unitWeek({
          unitId: unit.id,
          name: unit.name,
          ideas,
          benefits: benefits.inPeriod,
          pendingApprovals: pending.length,
          meetingsHeld: logs.filter((l) => l.held).map((l) => l.date),
          meetingsLogged: logs.map((l) => l.date),
          ...(unit.schedule ? { schedule: unit.schedule } : {}),
          from,
          to,
          today,
          timeZone: org.settings.timeZone,
          isHoliday,
          thresholds,
        });
        return { unit, week, pending };
      }),
    );
    const common = { from, to, settings: org.settings, thresholds };
    const views: DigestView[] = [];
    for (const { unit, week } of data) {
      for (const recipientId of objectIdsOf(unit.leaders, org.aliases)) {
        views.push({ ...common, recipientId, scope: 'unit', scopeId: unit.id, name: unit.name, rows: [week], total: groupWeek(unit.id, unit.name, [week]), units: [week], approvals: [] });
      }
    }
    for (const area of org.serviceAreas) {
      const inArea = data.filter((d) => d.unit.serviceAreaId === area.id);
      const weeks = inArea.map((d) => d.week);
      const approvals = (await Promise.all(inArea.map(({ unit, pending }) => this.pendingOf(unit, pending)))).flat();
      for (const recipientId of objectIdsOf(area.leaders, org.aliases)) {
        // Nobody approves their own registration: another leader or an administrator decides it.
        const theirs = approvals.filter(({ benefit }) => !isOwnRegistration(benefit, recipientId));
        views.push({ ...common, recipientId, scope: 'area', scopeId: area.id, name: area.name, rows: weeks, total: groupWeek(area.id, area.name, weeks), units: weeks, approvals: theirs });
      }
    }
    const overseers = objectIdsOf(org.roleAssignments.filter((a) => a.role === 'executive' || a.role === 'coach').map((a) => a.person), org.aliases);
    if (overseers.length) {
      const allWeeks = data.map((d) => d.week);
      const rows = org.serviceAreas.map((area) => groupWeek(area.id, area.name, data.filter((d) => d.unit.serviceAreaId === area.id).map((d) => d.week)));
      for (const recipientId of overseers) {
        views.push({ ...common, recipientId, scope: 'organisation', scopeId: 'organisation', name: org.settings.name, rows, total: groupWeek('organisation', org.settings.name, allWeeks), units: allWeeks, approvals: [] });
      }
    }
    return only ? views.filter((view) => view.recipientId.toLowerCase() === only.recipientId.toLowerCase()) : views;
  }

  /** The pending registrations with their ideas: one point read per idea, bounded by the decisions waiting. */
  private async pendingOf(unit: Unit, pending: readonly Benefit[]): Promise<PendingApproval[]> {
    const approvals = await Promise.all(
      pending.map(async (benefit) => {
        const idea = await this.ideas.get(unit.id, benefit.ideaNumber);
        return idea ? [{ benefit, idea, unit }] : [];
      }),
    );
    return approvals.flat();
  }
}
