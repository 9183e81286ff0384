import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * How long the request that is being answered may still take. The Bot Framework gives a bot
 * 15 s to answer; every storage call and every reply inside the turn is bounded by what is left,
 * so a frozen store or an unreachable connector ends in a clear answer instead of a hang.
 *
 * Carried in async context rather than passed through every call, because it bounds I/O deep in
 * the adapters (storage, connector) that the services between them should not know about.
 */
export interface TurnBudget {
  /** Epoch milliseconds after which no new I/O is started for this turn. */
  readonly deadline: number;
  /** Set by the first reply that could not be delivered: later replies in the turn are not tried. */
  replyFailure?: string;
}

const budgets = new AsyncLocalStorage<TurnBudget>();

export function withinTurnBudget<T>(budget: TurnBudget, work: () => Promise<T>): Promise<T> {
  return budgets.run(budget, work);
}

/** The budget of the turn this code runs in, if any (scheduled jobs have none). */
export function currentTurnBudget(): TurnBudget | undefined {
  return budgets.getStore();
}

/** Milliseconds left in the current turn, or undefined outside a turn. Never negative. */
export function turnTimeLeft(now: number = Date.now()): number | undefined {
  const budget = budgets.getStore();
  return budget ? Math.max(0, budget.deadline - now) : undefined;
}
