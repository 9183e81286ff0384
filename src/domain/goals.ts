import { Access, isAdministrator } from './access';
import { DomainError, ValidationError } from './errors';
import { FieldChecker } from './fieldChecker';
import { isSlug, slugify } from './ids';
import { ServiceArea, Unit } from './organisation';

/** What the goal rules need to know of the organisation: which areas and units there are, and each unit's area. */
export interface GoalScope {
  readonly units: readonly Pick<Unit, 'id' | 'serviceAreaId'>[];
  readonly serviceAreas: readonly Pick<ServiceArea, 'id'>[];
}

/**
 * Goal breakdown (målnedbrytning): the organisation's goals, each service area's goals under them,
 * and each unit's goals under its area's, so that every board shows how the unit's work connects
 * to the overall effort. Pure rules over the goal list; storage keeps it beside the organisation.
 */

export const GOAL_LEVELS = ['organisation', 'area', 'unit'] as const;
export type GoalLevel = (typeof GOAL_LEVELS)[number];

/** The level a goal of each level hangs under: the organisation's goals hang under nothing. */
export const PARENT_LEVEL: Readonly<Record<GoalLevel, GoalLevel | undefined>> = { organisation: undefined, area: 'organisation', unit: 'area' };

export interface Goal {
  /** A slug, unique in the organisation (chosen in the file, or made from the title on a card). */
  readonly id: string;
  readonly level: GoalLevel;
  /** The service area of an area goal, the unit of a unit goal; absent for the organisation's. */
  readonly ownerId?: string;
  /** The goal one level up that this one breaks down; absent for the organisation's. */
  readonly parentId?: string;
  readonly title: string;
  /** What is measured ("Sick leave", "Ideas done within 30 days"), where one fits. */
  readonly measure?: string;
  /** The target for the measure ("under 6 %"), where one fits. */
  readonly target?: string;
  /** A closed goal stays on record (ideas linked to it keep the link) but is offered no longer. */
  readonly closed: boolean;
}

/** Where a goal belongs: the organisation, one service area, or one unit. */
export type GoalOwner = { readonly level: 'organisation' } | { readonly level: 'area'; readonly ownerId: string } | { readonly level: 'unit'; readonly ownerId: string };

export const ownerOf = (goal: Pick<Goal, 'level' | 'ownerId'>): GoalOwner =>
  goal.level === 'organisation' ? { level: 'organisation' } : { level: goal.level, ownerId: goal.ownerId ?? '' };

export const sameOwner = (a: GoalOwner, b: GoalOwner): boolean => a.level === b.level && (a.level === 'organisation' || (b.level !== 'organisation' && a.ownerId === b.ownerId));

export const findGoal = (goals: readonly Goal[], id: string): Goal | undefined => goals.find((goal) => goal.id === id);

/** The goals of one owner, open ones only unless asked, in the order they were given. */
export function goalsOf(goals: readonly Goal[], owner: GoalOwner, options: { readonly includeClosed?: boolean } = {}): Goal[] {
  return goals.filter((goal) => sameOwner(ownerOf(goal), owner) && (options.includeClosed || !goal.closed));
}

/** A goal and the goals above it, up to the organisation's: at most three, whatever is stored. */
export function goalChain(goals: readonly Goal[], goal: Goal): Goal[] {
  const chain = [goal];
  let current = goal;
  while (current.parentId && chain.length < GOAL_LEVELS.length) {
    const parent = findGoal(goals, current.parentId);
    if (!parent || chain.includes(parent)) break;
    chain.push(parent);
    current = parent;
  }
  return chain;
}

/** Every goal below this one, at any depth. */
export function descendants(goals: readonly Goal[], goalId: string): Goal[] {
  const below = goals.filter((goal) => goal.parentId === goalId);
  return below.flatMap((goal) => [goal, ...descendants(goals, goal.id)]);
}

/** Why a goal cannot hang where it is put. */
export type PlacementProblem =
  | 'unknownOwner'
  | 'parentRequired'
  | 'noParentAllowed'
  | 'unknownParent'
  | 'parentLevel'
  | 'parentClosed'
  /** A unit goal under a goal of another service area than the unit's. */
  | 'parentOtherArea';

/**
 * Whether `goal` may hang under its parent: an organisation goal under nothing; an area goal under
 * an open organisation goal; a unit goal under an open goal of its own unit's service area. A
 * closed goal is not checked against its parent: it is history.
 */
export function placementProblem(goal: Goal, goals: readonly Goal[], org: GoalScope): PlacementProblem | undefined {
  if (goal.level === 'area' && !org.serviceAreas.some((area) => area.id === goal.ownerId)) return 'unknownOwner';
  if (goal.level === 'unit' && !org.units.some((unit) => unit.id === goal.ownerId)) return 'unknownOwner';
  if (goal.closed) return undefined;
  const parentLevel = PARENT_LEVEL[goal.level];
  if (!parentLevel) return goal.parentId ? 'noParentAllowed' : undefined;
  if (!goal.parentId) return 'parentRequired';
  const parent = findGoal(goals, goal.parentId);
  if (!parent) return 'unknownParent';
  if (parent.level !== parentLevel) return 'parentLevel';
  if (parent.closed) return 'parentClosed';
  if (goal.level === 'unit' && parent.ownerId !== org.units.find((unit) => unit.id === goal.ownerId)?.serviceAreaId) return 'parentOtherArea';
  return undefined;
}

/** The goals a new or moved goal of `owner` may hang under: the open goals one level up (for a unit, its own area's). */
export function possibleParents(goals: readonly Goal[], owner: GoalOwner, org: Pick<GoalScope, 'units'>): Goal[] {
  if (owner.level === 'organisation') return [];
  if (owner.level === 'area') return goals.filter((goal) => goal.level === 'organisation' && !goal.closed);
  const areaId = org.units.find((unit) => unit.id === owner.ownerId)?.serviceAreaId;
  return goals.filter((goal) => goal.level === 'area' && goal.ownerId === areaId && !goal.closed);
}

/** Every open goal that hangs wrongly, with why: an import leaves none (a unit moved to another area, say). */
export function treeProblems(goals: readonly Goal[], org: GoalScope): { goal: Goal; problem: PlacementProblem }[] {
  return goals.flatMap((goal) => {
    const problem = placementProblem(goal, goals, org);
    return problem ? [{ goal, problem }] : [];
  });
}

/**
 * Who sets goals: administrators and the executive group the organisation's; a service area's
 * leaders (and administrators) the area's; a unit's leaders, its area's leaders and administrators
 * the unit's. Decided from stored roles, never from what a card showed.
 */
export function canSetGoals(access: Access, owner: GoalOwner, org: Pick<GoalScope, 'units'>): boolean {
  if (isAdministrator(access)) return true;
  switch (owner.level) {
    case 'organisation':
      return access.orgRoles.has('executive');
    case 'area':
      return access.serviceAreaLeaderOf.has(owner.ownerId);
    case 'unit': {
      const unit = org.units.find((u) => u.id === owner.ownerId);
      return !!unit && (access.leaderOf.has(unit.id) || access.serviceAreaLeaderOf.has(unit.serviceAreaId));
    }
  }
}

/** The goal form as typed. */
export interface GoalInput {
  readonly title?: string;
  readonly measure?: string;
  readonly target?: string;
  readonly parentId?: string;
}

export type GoalDraft = Pick<Goal, 'title' | 'measure' | 'target' | 'parentId'>;

/** Checks the form: a title, optional measure and target, and a parent among those offered (required below the organisation). */
export function checkGoalDraft(input: GoalInput, parents: readonly Goal[], owner: GoalOwner): GoalDraft {
  const checks = new FieldChecker();
  const title = checks.text('title', input.title, 'title', { required: true });
  const measure = checks.text('measure', input.measure, 'title');
  const target = checks.text('target', input.target, 'title');
  const parentId = owner.level === 'organisation' ? undefined : checks.oneOf('parentId', input.parentId, parents.map((goal) => goal.id), { required: true });
  return checks.done({ title: title!, ...(measure ? { measure } : {}), ...(target ? { target } : {}), ...(parentId ? { parentId } : {}) });
}

/** A new goal's id: its title as a slug, numbered when taken ("ferre-vaktbytter-2"). */
export function newGoalId(title: string, goals: readonly Pick<Goal, 'id'>[]): string {
  const base = slugify(title).slice(0, 36).replace(/-+$/, '') || 'goal';
  const taken = new Set(goals.map((goal) => goal.id));
  for (let n = 1; ; n++) {
    const candidate = n === 1 ? base : `${base}-${n}`;
    if (!taken.has(candidate) && isSlug(candidate)) return candidate;
  }
}

type Org = GoalScope;

function assertPlaced(goal: Goal, goals: readonly Goal[], org: Org): Goal {
  const problem = placementProblem(goal, goals, org);
  if (problem) throw new ValidationError([{ field: 'parentId', problem: 'unknownOption', params: { reason: problem } }]);
  return goal;
}

/** A new goal for `owner`, checked against the tree and the person's roles. */
export function addGoal(goals: readonly Goal[], owner: GoalOwner, draft: GoalDraft, access: Access, org: Org): Goal {
  if (!canSetGoals(access, owner, org)) throw new DomainError('forbidden');
  const goal: Goal = { id: newGoalId(draft.title, goals), ...owner, ...draft, closed: false };
  return assertPlaced(goal, goals, org);
}

/** New wording, measure or target, and (below the organisation) perhaps another parent: "moving" the goal. */
export function editGoal(goals: readonly Goal[], goalId: string, draft: GoalDraft, access: Access, org: Org): Goal {
  const goal = findGoal(goals, goalId);
  if (!goal) throw new DomainError('notFound');
  if (!canSetGoals(access, ownerOf(goal), org)) throw new DomainError('forbidden');
  if (goal.closed) throw new DomainError('conflict', { goal: goal.id });
  const { measure: _m, target: _t, parentId: _p, ...kept } = goal;
  return assertPlaced({ ...kept, ...draft }, goals, org);
}

/** Moves a goal under another parent of the right level (its own area's, for a unit goal). */
export function moveGoal(goals: readonly Goal[], goalId: string, parentId: string, access: Access, org: Org): Goal {
  const goal = findGoal(goals, goalId);
  if (!goal) throw new DomainError('notFound');
  return editGoal(goals, goalId, { title: goal.title, ...(goal.measure ? { measure: goal.measure } : {}), ...(goal.target ? { target: goal.target } : {}), parentId }, access, org);
}

/**
 * Closes a goal and every open goal below it: a goal the organisation no longer pursues takes its
 * breakdown with it, so no open unit goal is left hanging under a closed one. Returns every goal
 * closed. Only someone who may set the goal itself may close it (authority runs downwards).
 */
export function closeGoal(goals: readonly Goal[], goalId: string, access: Access, org: Org): Goal[] {
  const goal = findGoal(goals, goalId);
  if (!goal) throw new DomainError('notFound');
  if (!canSetGoals(access, ownerOf(goal), org)) throw new DomainError('forbidden');
  return [goal, ...descendants(goals, goalId)].filter((g) => !g.closed).map((g) => ({ ...g, closed: true }));
}

/** The goals an idea in this unit may serve: the unit's open goals. */
export const goalsForIdeas = (goals: readonly Goal[], unitId: string): Goal[] => goalsOf(goals, { level: 'unit', ownerId: unitId });

/**
 * A short fingerprint of what a card showed of a goal. Goals carry no version number; a card sends
 * this back, and a change is refused as stale when the goal has changed since the card was made.
 */
export function goalVersion(goal: Goal): string {
  const text = JSON.stringify([goal.title, goal.measure ?? '', goal.target ?? '', goal.parentId ?? '', goal.closed]);
  // FNV-1a, 32 bits: not for security, only to notice a change.
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return hash.toString(36);
}
