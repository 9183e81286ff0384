import { Access, canManageUnit, isAdministrator, oversees, unitsOf } from './access';
import { LocalDate } from './dates';
import { DomainError, ValidationError } from './errors';
import {
  ActionItem,
  ChangeKind,
  Effort,
  FishboneCategory,
  Idea,
  IdeaStatus,
  Impact,
  MAX_ACTIONS_PER_IDEA,
  PersonName,
  RootCause,
} from './ideas';
import { OrganisationSnapshot, Unit } from './organisation';

/** The moves the board allows. Done ideas can be reopened by a leader; rejected ones reconsidered. */
const TRANSITIONS: Readonly<Record<IdeaStatus, readonly IdeaStatus[]>> = {
  new: ['planned', 'inProgress', 'parked', 'rejected'],
  planned: ['inProgress', 'new', 'parked', 'rejected'],
  inProgress: ['evaluating', 'planned', 'parked'],
  evaluating: ['done', 'inProgress'],
  done: ['inProgress'],
  parked: ['new', 'planned'],
  rejected: ['new'],
};

/** Moves only a leader may make: stopping an idea, or reopening a finished one. */
const LEADER_ONLY: ReadonlySet<IdeaStatus> = new Set<IdeaStatus>(['parked', 'rejected']);
export const NEEDS_REASON: ReadonlySet<IdeaStatus> = new Set<IdeaStatus>(['parked', 'rejected']);

/** How a person stands to one idea, decided from stored roles. */
export interface IdeaStanding {
  /** Unit leader, the area's TOL, or an administrator: may do everything on the unit's board. */
  readonly leads: boolean;
  readonly owns: boolean;
  readonly submitted: boolean;
  /** Takes part in the unit (member), or oversees it (coach, executive): may see and comment. */
  readonly participates: boolean;
}

export function standingOf(access: Access, unit: Unit, idea?: Pick<Idea, 'owner' | 'submitter'>): IdeaStanding {
  const me = access.person.aadObjectId;
  const leads = canManageUnit(access, unit);
  const oversees = isAdministrator(access) || access.orgRoles.has('coach') || access.orgRoles.has('executive');
  return {
    leads,
    owns: idea?.owner?.id === me,
    submitted: idea?.submitter.id === me,
    participates: leads || oversees || access.memberOf.has(unit.id),
  };
}

export const canView = (s: IdeaStanding): boolean => s.participates || s.owns || s.submitted;

/**
 * Learning between units (silo risk): anyone who takes part in a unit, or oversees them, may see
 * another unit's open or done idea as a summary (what, where, status, realized gain) and say "we
 * have the same problem" on it. The board, the idea's actions and its history stay with its unit.
 */
export const learnsAcrossUnits = (access: Access, org: OrganisationSnapshot): boolean => oversees(access) || unitsOf(access, org).length > 0;

/** Rejected and parked ideas are not offered to other units to learn from. */
export const offeredToOtherUnits = (idea: Pick<Idea, 'status'>): boolean => idea.status !== 'rejected' && idea.status !== 'parked';
export const canPropose = (s: IdeaStanding): boolean => s.participates;
export const canComment = canView;
export const canPlan = (s: IdeaStanding): boolean => s.leads;
export const canAddAction = (s: IdeaStanding): boolean => s.leads || s.owns;
export const canEditRootCause = (s: IdeaStanding): boolean => s.leads || s.owns;

export function canCompleteAction(s: IdeaStanding, action: ActionItem, me: string): boolean {
  return s.leads || s.owns || action.owner?.id === me;
}

/** The statuses this person may move the idea to now. */
export function allowedMoves(idea: Pick<Idea, 'status'>, s: IdeaStanding): IdeaStatus[] {
  const moves = TRANSITIONS[idea.status];
  if (s.leads) return [...moves];
  // Stopping, and undoing a stop or a finish, are the leader's decisions.
  if (!s.owns || LEADER_ONLY.has(idea.status) || idea.status === 'done') return [];
  return moves.filter((to) => !LEADER_ONLY.has(to));
}

export interface Change {
  readonly id: string;
  readonly by: PersonName;
  readonly at: string;
}

function touched(idea: Idea, change: Change, what: ChangeKind, extra: Partial<Idea> = {}): Idea {
  const status = extra.status ?? idea.status;
  return {
    ...idea,
    ...extra,
    updatedAt: change.at,
    version: idea.version + 1,
    lastChange: { id: change.id, by: change.by, at: change.at, what, ...(what === 'status' ? { status } : {}) },
  };
}

export function moveIdea(idea: Idea, to: IdeaStatus, s: IdeaStanding, change: Change, reason?: string): Idea {
  if (!TRANSITIONS[idea.status].includes(to)) throw new ValidationError([{ field: 'to', problem: 'unknownOption' }]);
  if (!allowedMoves(idea, s).includes(to)) throw new DomainError('forbidden');
  if (NEEDS_REASON.has(to) && !reason) throw new ValidationError([{ field: 'reason', problem: 'required' }]);
  const { statusReason: _previousReason, doneAt: _previousDone, ...rest } = idea;
  return touched(rest, change, 'status', {
    status: to,
    statusChangedAt: change.at,
    ...(idea.firstResponseAt ? {} : { firstResponseAt: change.at }),
    ...(NEEDS_REASON.has(to) && reason ? { statusReason: reason } : {}),
    ...(to === 'done' ? { doneAt: change.at } : {}),
  });
}

export function prioritise(idea: Idea, effort: Effort, impact: Impact, s: IdeaStanding, change: Change): Idea {
  if (!canPlan(s)) throw new DomainError('forbidden');
  return touched(idea, change, 'priority', { effort, impact });
}

export function assign(idea: Idea, owner: PersonName | undefined, dueDate: LocalDate | undefined, s: IdeaStanding, change: Change): Idea {
  if (!canPlan(s)) throw new DomainError('forbidden');
  const { owner: _o, dueDate: _d, ...rest } = idea;
  return touched(rest, change, 'assigned', { ...(owner ? { owner } : {}), ...(dueDate ? { dueDate } : {}) });
}

export function addAction(idea: Idea, action: Omit<ActionItem, 'id' | 'done'>, s: IdeaStanding, change: Change): Idea {
  if (!canAddAction(s)) throw new DomainError('forbidden');
  if (idea.actions.length >= MAX_ACTIONS_PER_IDEA) throw new ValidationError([{ field: 'text', problem: 'outOfRange', params: { min: 0, max: MAX_ACTIONS_PER_IDEA } }]);
  const id = idea.actions.reduce((max, a) => Math.max(max, a.id), 0) + 1;
  return touched(idea, change, 'action', { actions: [...idea.actions, { ...action, id, done: false }] });
}

export function completeAction(idea: Idea, actionId: number, s: IdeaStanding, change: Change): Idea {
  const action = idea.actions.find((a) => a.id === actionId);
  if (!action) throw new DomainError('notFound');
  if (!canCompleteAction(s, action, change.by.id)) throw new DomainError('forbidden');
  if (action.done) return idea;
  return touched(idea, change, 'actionDone', { actions: idea.actions.map((a) => (a.id === actionId ? { ...a, done: true, doneAt: change.at } : a)) });
}

export function recordRootCause(idea: Idea, rootCause: RootCause, s: IdeaStanding, change: Change): Idea {
  if (!canEditRootCause(s)) throw new DomainError('forbidden');
  const fishbone = Object.fromEntries(Object.entries(rootCause.fishbone).filter(([, text]) => !!text)) as Partial<Record<FishboneCategory, string>>;
  return touched(idea, change, 'rootCause', { rootCause: { whys: rootCause.whys.filter(Boolean), fishbone } });
}

/** Links the idea to one of its unit's goals (or unlinks it): the idea's leaders, owner or submitter. */
export function linkGoal(idea: Idea, goalId: string | undefined, s: IdeaStanding, change: Change): Idea {
  if (!s.leads && !s.owns && !s.submitted) throw new DomainError('forbidden');
  const { goalId: _previous, ...rest } = idea;
  return touched(rest, change, 'goal', goalId ? { goalId } : {});
}

/** Names the other units the idea affects: its leaders, owner or submitter. */
export function nameStakeholders(idea: Idea, unitIds: readonly string[], s: IdeaStanding, change: Change): Idea {
  if (!s.leads && !s.owns && !s.submitted) throw new DomainError('forbidden');
  const { stakeholders: _previous, ...rest } = idea;
  return touched(rest, change, 'stakeholders', unitIds.length ? { stakeholders: [...unitIds] } : {});
}

export function markBenefitRegistered(idea: Idea, change: Change): Idea {
  return touched(idea, change, 'benefit', { benefitRegistered: true });
}

/**
 * From a reminder: the owner of an overdue item (or a leader) sets a new due date or hands the
 * item over to someone else in the unit. `actionId` undefined means the idea itself.
 */
export function reschedule(idea: Idea, actionId: number | undefined, dueDate: LocalDate, s: IdeaStanding, change: Change): Idea {
  if (actionId === undefined) {
    if (!s.leads && !s.owns) throw new DomainError('forbidden');
    return touched(idea, change, 'assigned', { dueDate });
  }
  const action = idea.actions.find((a) => a.id === actionId);
  if (!action) throw new DomainError('notFound');
  if (!canCompleteAction(s, action, change.by.id)) throw new DomainError('forbidden');
  return touched(idea, change, 'action', { actions: idea.actions.map((a) => (a.id === actionId ? { ...a, dueDate } : a)) });
}

export function handOver(idea: Idea, actionId: number | undefined, to: PersonName, s: IdeaStanding, change: Change): Idea {
  if (actionId === undefined) {
    if (!s.leads && !s.owns) throw new DomainError('forbidden');
    return touched(idea, change, 'assigned', { owner: to });
  }
  const action = idea.actions.find((a) => a.id === actionId);
  if (!action) throw new DomainError('notFound');
  if (!canCompleteAction(s, action, change.by.id)) throw new DomainError('forbidden');
  return touched(idea, change, 'action', { actions: idea.actions.map((a) => (a.id === actionId ? { ...a, owner: to } : a)) });
}
