import { isOwnRegistration } from '../../domain/benefitRules';
import { GoalLine } from '../../domain/goalProgress';
import { digestGoalLines } from '../goals/digestGoals';
import { Benefit, BenefitTotals, Quarter, recentQuarters, totalsFor, yearStart } from '../../domain/benefits';
import { LocalDate, addDays } from '../../domain/dates';
import { GroupWeek, MeetingWeek, UnitWeek, groupWeek, meetingWeeks, unitWeek } from '../../domain/digest';
import { Idea } from '../../domain/ideas';
import { OrganisationSettings, OrganisationSnapshot, Unit } from '../../domain/organisation';
import { objectIdsOf } from '../../domain/people';
import { HolidayCheck, weekStart } from '../../domain/schedule';
import { StagnationThresholds } from '../../domain/stagnation';
import { BenefitRepository } from '../../ports/benefitRepository';
import { IdeaRepository } from '../../ports/ideaRepository';
import { MeetingRepository } from '../../ports/meetingRepository';
import { OrganisationDirectory } from '../organisationDirectory';
import { benefitsFor, ideasActiveBetween } from '../ideas/ideaReads';
import { TriedElsewhere } from '../learning/whereElse';

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
  /** A unit's digest: meetings held against scheduled, week by week up to the one reported on. */
  readonly meetingWeeks?: readonly MeetingWeek[];
  /** A unit's digest: practices tried elsewhere that are offered to the unit. */
  readonly tried?: readonly TriedElsewhere[];
  /** An area's or the organisation's digest: identified against realized in each of the last four quarters. */
  readonly quarters?: readonly { readonly quarter: Quarter; readonly totals: BenefitTotals }[];
  /** The scope's goals with the chain above each and what serves them this year (goal breakdown). */
  readonly goals?: readonly GoalLine[];
}

/** Quarters an area digest charts, as on the ledger. */
const DIGEST_QUARTERS = 4;

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
    /** A unit's pending "tried elsewhere" offers (see learning/whereElse). */
    private readonly triedElsewhere: (org: OrganisationSnapshot, unitId: string) => Promise<TriedElsewhere[]> = async () => [],
  ) {}

  /** The digests for the week before `today` (Monday to Sunday); or `only` one person's, for the week asked. */
  async build(today: LocalDate, isHoliday: HolidayCheck, thresholds: StagnationThresholds, only?: DigestFor): Promise<DigestView[]> {
    const org = await this.directory.snapshot();
    const to = only?.to ?? addDays(weekStart(today), -1);
    const from = only?.from ?? addDays(to, -6);
    const since = addDays(today, -7 * thresholds.quietWeeks - 7);
    const quarters = recentQuarters(today, DIGEST_QUARTERS);
    const benefitsFrom = [from, yearStart(today), quarters[0].from].sort()[0];
    const units = only ? org.units.filter((unit) => only.unitIds.has(unit.id)) : org.units;
    const data = await Promise.all(
      units.map(async (unit) => {
        const [ideas, benefits, logs, tried] = await Promise.all([
          ideasActiveBetween(this.ideas, unit.id, since, today),
          benefitsFor(this.benefits, unit.id, benefitsFrom, today),
          this.meetings.list(unit.id, since, today),
          // Only a unit with a leader gets a digest of its own to show them on.
          unit.leaders.length ? this.triedElsewhere(org, unit.id) : [],
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
        const held = logs.filter((l) => l.held).map((l) => l.date);
        // The weeks the logs read for the stagnation rule cover: no read beyond them.
        const meetings = meetingWeeks(unit.schedule, held, to, thresholds.quietWeeks, isHoliday);
        return { unit, week, pending, meetings, benefits: benefits.inPeriod, tried };
      }),
    );
    const quartersOf = (members: typeof data) => {
      const all = members.flatMap((d) => d.benefits);
      return quarters.map((quarter) => ({ quarter, totals: totalsFor(all, quarter.from, quarter.to) }));
    };
    const common = { from, to, settings: org.settings, thresholds };
    const views: DigestView[] = [];
    for (const { unit, week, meetings, tried } of data) {
      for (const recipientId of objectIdsOf(unit.leaders, org.aliases)) {
        views.push({ ...common, recipientId, scope: 'unit', scopeId: unit.id, name: unit.name, rows: [week], total: groupWeek(unit.id, unit.name, [week]), units: [week], approvals: [], meetingWeeks: meetings, ...(tried.length ? { tried } : {}) });
      }
    }
    for (const area of org.serviceAreas) {
      const inArea = data.filter((d) => d.unit.serviceAreaId === area.id);
      const weeks = inArea.map((d) => d.week);
      const approvals = (await Promise.all(inArea.map(({ unit, pending }) => this.pendingOf(unit, pending)))).flat();
      const areaQuarters = quartersOf(inArea);
      for (const recipientId of objectIdsOf(area.leaders, org.aliases)) {
        // Nobody approves their own registration: another leader or an administrator decides it.
        const theirs = approvals.filter(({ benefit }) => !isOwnRegistration(benefit, recipientId));
        views.push({ ...common, recipientId, scope: 'area', scopeId: area.id, name: area.name, rows: weeks, total: groupWeek(area.id, area.name, weeks), units: weeks, approvals: theirs, quarters: areaQuarters });
      }
    }
    const overseers = objectIdsOf(org.roleAssignments.filter((a) => a.role === 'executive' || a.role === 'coach').map((a) => a.person), org.aliases);
    if (overseers.length) {
      const allWeeks = data.map((d) => d.week);
      const rows = org.serviceAreas.map((area) => groupWeek(area.id, area.name, data.filter((d) => d.unit.serviceAreaId === area.id).map((d) => d.week)));
      const orgQuarters = quartersOf(data);
      for (const recipientId of overseers) {
        views.push({ ...common, recipientId, scope: 'organisation', scopeId: 'organisation', name: org.settings.name, rows, total: groupWeek('organisation', org.settings.name, allWeeks), units: allWeeks, approvals: [], quarters: orgQuarters });
      }
    }
    const built = only ? views.filter((view) => view.recipientId.toLowerCase() === only.recipientId.toLowerCase()) : views;
    const goalsOf = await digestGoalLines(this.ideas, this.benefits, org, units.map((unit) => unit.id), today);
    return built.map((view) => ({ ...view, goals: goalsOf(view) }));
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
