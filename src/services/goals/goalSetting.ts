import { Access } from '../../domain/access';
import { DomainError } from '../../domain/errors';
import { GOAL_LEVELS, Goal, GoalInput, GoalOwner, addGoal, canSetGoals, checkGoalDraft, closeGoal, descendants, editGoal, findGoal, goalVersion, ownerOf, placementProblem, possibleParents } from '../../domain/goals';
import { OrganisationSnapshot } from '../../domain/organisation';
import { Person } from '../../domain/people';
import { GoalRepository } from '../../ports/goalRepository';
import { OrganisationDirectory } from '../organisationDirectory';

/** A goal as a card showed it: its id and the fingerprint of what was shown. */
export interface ShownGoal {
  readonly goalId: string;
  readonly version: string;
}

/**
 * Setting goals from a card: adding, editing (and so moving) and closing, each decided from the
 * person's stored roles and checked against the tree as stored now. Writes are conditional on
 * what they depend on (the goal, its parent), so a concurrent change is judged afresh, and a card
 * that shows an older version of the goal is refused as stale.
 */
export class GoalSetting {
  constructor(
    private readonly goals: GoalRepository,
    private readonly directory: OrganisationDirectory,
  ) {}

  /** The organisation as stored now (not a cached copy): goal changes are rare, and must see each other. */
  private async fresh(person: Person): Promise<{ access: Access; org: OrganisationSnapshot }> {
    this.directory.invalidate();
    return this.directory.accessOf(person);
  }

  /** A new goal for `owner`; refused before the form is checked when the person may not set it. */
  async add(person: Person, owner: GoalOwner, input: GoalInput): Promise<Goal> {
    const { access, org } = await this.fresh(person);
    if (!canSetGoals(access, owner, org)) throw new DomainError('forbidden');
    const draft = checkGoalDraft(input, possibleParents(org.goals, owner, org), owner);
    const goal = addGoal(org.goals, owner, draft, access, org);
    await this.goals.create(goal, (parent) => {
      // The parent as stored now: closed or changed since the form was shown means the placement is judged again.
      const tree = org.goals.map((g) => (g.id === parent.id ? parent : g));
      if (placementProblem(goal, tree, org)) throw new DomainError('staleCard');
    });
    this.directory.invalidate();
    return goal;
  }

  /** New wording, measure, target or parent for a goal, as long as the card showed its current version. */
  async edit(person: Person, shown: ShownGoal, input: GoalInput): Promise<Goal> {
    const { access, org } = await this.fresh(person);
    const goal = findGoal(org.goals, shown.goalId);
    if (!goal) throw new DomainError('notFound');
    const owner = ownerOf(goal);
    if (!canSetGoals(access, owner, org)) throw new DomainError('forbidden');
    const draft = checkGoalDraft(input, possibleParents(org.goals, owner, org), owner);
    const ids = [goal.id, ...(draft.parentId ? [draft.parentId] : [])];
    const [edited] = await this.goals.update(ids, (current) => {
      assertShown(current[0], shown);
      const tree = org.goals.map((g) => current.find((c) => c.id === g.id) ?? g);
      // The parent is written back unchanged: its ETag guards against it being closed meanwhile.
      return [editGoal(tree, goal.id, draft, access, org), ...current.slice(1)];
    });
    this.directory.invalidate();
    return edited;
  }

  /** Closes a goal and its open breakdown; returns every goal closed, the goal itself first. */
  async close(person: Person, shown: ShownGoal): Promise<Goal[]> {
    const { access, org } = await this.fresh(person);
    const goal = findGoal(org.goals, shown.goalId);
    if (!goal) throw new DomainError('notFound');
    if (!canSetGoals(access, ownerOf(goal), org)) throw new DomainError('forbidden');
    const ids = [goal.id, ...descendants(org.goals, goal.id).filter((g) => !g.closed).map((g) => g.id)];
    const closed = await this.goals.update(ids, (current) => {
      assertShown(current[0], shown);
      const tree = org.goals.map((g) => current.find((c) => c.id === g.id) ?? g);
      return closeGoal(tree, goal.id, access, org);
    });
    return [...closed, ...(await this.closeLateChildren(closed))];
  }

  /**
   * A goal added under one of `closed` while it was being closed (its parent check passed just
   * before) is closed too, so no open goal is left under a closed one. Bounded by the tree's depth.
   */
  private async closeLateChildren(closed: readonly Goal[]): Promise<Goal[]> {
    const late: Goal[] = [];
    let parents = new Set(closed.map((g) => g.id));
    for (let depth = 0; depth < GOAL_LEVELS.length && parents.size; depth++) {
      this.directory.invalidate();
      const left = (await this.directory.snapshot()).goals.filter((g) => !g.closed && g.parentId && parents.has(g.parentId));
      if (!left.length) break;
      const more = await this.goals.update(left.map((g) => g.id), (current) => current.filter((g) => !g.closed).map((g) => ({ ...g, closed: true })));
      late.push(...more);
      parents = new Set(more.map((g) => g.id));
    }
    this.directory.invalidate();
    return late;
  }
}

function assertShown(goal: Goal | undefined, shown: ShownGoal): void {
  if (!goal || goalVersion(goal) !== shown.version) throw new DomainError('staleCard');
}
