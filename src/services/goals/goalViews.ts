import { Access, oversees } from '../../domain/access';
import { yearStart } from '../../domain/benefits';
import { LocalDate, localDate } from '../../domain/dates';
import { DomainError } from '../../domain/errors';
import { GoalFigures, GoalLine, NO_FIGURES, rolledUp, unitGoalLines } from '../../domain/goalProgress';
import { Goal, GoalOwner, canSetGoals, goalChain, goalsOf, possibleParents, sameOwner } from '../../domain/goals';
import { OrganisationSnapshot, Unit, findServiceArea, findUnit } from '../../domain/organisation';
import { Person } from '../../domain/people';
import { BenefitRepository } from '../../ports/benefitRepository';
import { Clock } from '../../ports/clock';
import { IdeaRepository } from '../../ports/ideaRepository';
import { OrganisationDirectory } from '../organisationDirectory';
import { goalFiguresOf } from './goalReads';

/** One owner's goals as the goals card shows them: each with the chain above it and the figures below it. */
export interface OwnerGoalsView {
  readonly owner: GoalOwner;
  /** The organisation's, the area's or the unit's name. */
  readonly name: string;
  readonly lines: readonly GoalLine[];
  /** Closed goals of the owner, by title: history, not offered any more. */
  readonly closed: readonly Goal[];
  /** What a new goal may hang under (empty for the organisation's goals). */
  readonly parents: readonly Goal[];
  readonly canSet: boolean;
  /** The other goal owners this person has to do with, widest first: to switch to. */
  readonly others: readonly { readonly owner: GoalOwner; readonly name: string }[];
  readonly from: LocalDate;
  readonly to: LocalDate;
  readonly org: OrganisationSnapshot;
}

/** A unit's goals for its board: their chains and this year's figures. */
export interface UnitGoalsView {
  readonly unit: Unit;
  readonly lines: readonly GoalLine[];
  readonly from: LocalDate;
  readonly to: LocalDate;
}

export function ownerName(org: OrganisationSnapshot, owner: GoalOwner): string | undefined {
  if (owner.level === 'organisation') return org.settings.name;
  return owner.level === 'area' ? findServiceArea(org, owner.ownerId)?.name : findUnit(org, owner.ownerId)?.name;
}

/** Everyone in the organisation sees every goal: the breakdown is meant to be visible on all boards. */
const isInOrganisation = (access: Access): boolean => access.orgRoles.size + access.leaderOf.size + access.memberOf.size + access.serviceAreaLeaderOf.size > 0;

/**
 * The owners whose goals this person has to do with: the organisation, the areas they lead or work
 * in (every area for those who follow the whole organisation), their units.
 */
export function goalOwnersFor(access: Access, org: OrganisationSnapshot): { owner: GoalOwner; name: string }[] {
  const units = org.units.filter((unit) => access.leaderOf.has(unit.id) || access.memberOf.has(unit.id));
  const areaIds = new Set([...access.serviceAreaLeaderOf, ...units.map((unit) => unit.serviceAreaId), ...(oversees(access) ? org.serviceAreas.map((area) => area.id) : [])]);
  return [
    { owner: { level: 'organisation' as const }, name: org.settings.name },
    ...org.serviceAreas.filter((area) => areaIds.has(area.id)).map((area) => ({ owner: { level: 'area' as const, ownerId: area.id }, name: area.name })),
    ...units.map((unit) => ({ owner: { level: 'unit' as const, ownerId: unit.id }, name: unit.name })),
  ];
}

/** The goals a person sees first: their unit's, else the area they lead, else the organisation's. */
function defaultOwner(access: Access, org: OrganisationSnapshot): GoalOwner {
  const unit = org.units.find((u) => access.leaderOf.has(u.id)) ?? org.units.find((u) => access.memberOf.has(u.id));
  if (unit) return { level: 'unit', ownerId: unit.id };
  const area = org.serviceAreas.find((a) => access.serviceAreaLeaderOf.has(a.id));
  return area ? { level: 'area', ownerId: area.id } : { level: 'organisation' };
}

/**
 * The goal breakdown as people read it: a unit's goals on its board, and any owner's goals on the
 * goals card, each with how many ideas and how much realized gain serve it this year. Reads are
 * bounded per unit by live work, the year's closed ideas and the year's registrations.
 */
export class GoalViews {
  constructor(
    private readonly ideas: IdeaRepository,
    private readonly benefits: BenefitRepository,
    private readonly directory: OrganisationDirectory,
    private readonly clock: Clock,
  ) {}

  private period(org: OrganisationSnapshot): { from: LocalDate; to: LocalDate } {
    const today = localDate(this.clock.now(), org.settings.timeZone);
    return { from: yearStart(today), to: today };
  }

  /** The unit's goals for its board or tab; no read at all when the unit has no goals. */
  async forUnit(person: Person, unitId: string): Promise<UnitGoalsView> {
    const { access, org } = await this.directory.accessOf(person);
    const unit = findUnit(org, unitId);
    if (!unit) throw new DomainError('notFound');
    if (!isInOrganisation(access)) throw new DomainError('forbidden');
    const { from, to } = this.period(org);
    const goals = goalsOf(org.goals, { level: 'unit', ownerId: unitId });
    const figures = goals.length ? await goalFiguresOf(this.ideas, this.benefits, [unitId], from, to, org.settings.timeZone) : new Map<string, GoalFigures>();
    return { unit, lines: unitGoalLines(org.goals, unitId, figures), from, to };
  }

  /**
   * One owner's goals; the owner defaults to the narrowest of the person's (their unit). Without
   * `figures` nothing but the organisation is read: for the goal form.
   */
  async forOwner(person: Person, wanted?: GoalOwner, options: { readonly figures?: boolean } = {}): Promise<OwnerGoalsView> {
    const { access, org } = await this.directory.accessOf(person);
    if (!isInOrganisation(access)) throw new DomainError('forbidden');
    const mine = goalOwnersFor(access, org);
    const owner = wanted ?? defaultOwner(access, org);
    const name = ownerName(org, owner);
    if (name === undefined) throw new DomainError('notFound');
    const { from, to } = this.period(org);
    const own = goalsOf(org.goals, owner);
    const figures = own.length && options.figures !== false ? await this.figuresBelow(org, own, from, to) : new Map<string, GoalFigures>();
    const lines = own.map((goal) => ({ goal, above: goalChain(org.goals, goal).slice(1), figures: figures.get(goal.id) ?? NO_FIGURES }));
    return {
      owner,
      name,
      lines,
      closed: goalsOf(org.goals, owner, { includeClosed: true }).filter((goal) => goal.closed),
      parents: possibleParents(org.goals, owner, org),
      canSet: canSetGoals(access, owner, org),
      others: mine.filter((other) => !sameOwner(other.owner, owner)),
      from,
      to,
      org,
    };
  }

  /** Figures of goals, rolled up from the unit goals below them: only units that have goals under them are read. */
  private async figuresBelow(org: OrganisationSnapshot, goals: readonly Goal[], from: LocalDate, to: LocalDate): Promise<Map<string, GoalFigures>> {
    const open = org.goals.filter((goal) => !goal.closed);
    const wanted = new Set(goals.map((goal) => goal.id));
    const underWanted = (goal: Goal) => goalChain(org.goals, goal).some((g) => wanted.has(g.id));
    const unitIds = [...new Set(open.filter((goal) => goal.level === 'unit' && underWanted(goal)).map((goal) => goal.ownerId ?? ''))].filter(Boolean);
    const own = await goalFiguresOf(this.ideas, this.benefits, unitIds, from, to, org.settings.timeZone);
    return rolledUp(open, own);
  }
}
