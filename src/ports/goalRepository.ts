import { Goal } from '../domain/goals';

/** Writing the goal breakdown from cards; reading is part of loading the organisation (OrganisationRepository.load). */
export interface GoalRepository {
  /**
   * Stores a new goal; refuses (conflict) an id that is taken. With `checkParent`, the goal's
   * parent is read and checked (it may throw to refuse) and the goal is written only while the
   * parent is still as read (its ETag): a parent closed meanwhile is judged as it is now.
   */
  create(goal: Goal, checkParent?: (parent: Goal) => void): Promise<void>;
  /**
   * Read-modify-write of the goals named, each under its ETag, in one transaction: `change` gets
   * their current values and returns those to write (and may throw to refuse). After a lost race
   * it runs again on fresh copies, so a goal closed or moved meanwhile is judged as it is now.
   */
  update(goalIds: readonly string[], change: (current: readonly Goal[]) => readonly Goal[]): Promise<Goal[]>;
}
