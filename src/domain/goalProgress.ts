import { Benefit, Totals, totalsFor } from './benefits';
import { LocalDate, localDate } from './dates';
import { addTotals } from './digest';
import { Goal, goalChain, goalsOf } from './goals';
import { Idea } from './ideas';

/**
 * How much work serves each goal: the ideas linked to it and the realized (approved) gain of their
 * benefit registrations. Counted over what the caller read for the period (live work, the ideas
 * closed in it, and the registrations made in it), never a unit's whole history; an area's and the
 * organisation's goals add up the goals below them, over the units read.
 */
export interface GoalFigures {
  /** Linked ideas still being worked on, or done in the period (rejected ones do not serve a goal). */
  readonly ideas: number;
  /** Of them, done in the period. */
  readonly done: number;
  /** Realized gains of linked ideas registered in the period (approved only, as everywhere). */
  readonly realized: Totals;
}

export const NO_FIGURES: GoalFigures = { ideas: 0, done: 0, realized: { hours: 0, money: 0, other: 0 } };

const addFigures = (a: GoalFigures, b: GoalFigures): GoalFigures => ({ ideas: a.ideas + b.ideas, done: a.done + b.done, realized: addTotals(a.realized, b.realized) });

export interface GoalPeriod {
  readonly from: LocalDate;
  readonly to: LocalDate;
  readonly timeZone: string;
}

/**
 * Figures of each goal ideas are linked to. `ideas` are the ideas read (each once); `benefits`
 * the registrations read, whose ideas must be among `ideas` to be counted.
 */
export function linkedFigures(ideas: readonly Idea[], benefits: readonly Benefit[], period: GoalPeriod): Map<string, GoalFigures> {
  const figures = new Map<string, GoalFigures>();
  const add = (goalId: string, more: GoalFigures) => figures.set(goalId, addFigures(figures.get(goalId) ?? NO_FIGURES, more));
  const goalOf = new Map<string, string>();
  for (const idea of ideas) {
    if (!idea.goalId || idea.origin) continue;
    goalOf.set(`${idea.unitId}|${idea.number}`, idea.goalId);
    if (idea.status === 'rejected') continue;
    const doneDay = idea.status === 'done' && idea.doneAt ? localDate(new Date(idea.doneAt), period.timeZone) : undefined;
    const doneInPeriod = !!doneDay && doneDay >= period.from && doneDay <= period.to;
    // A done idea whose work ended before the period is history, not work serving the goal now.
    if (idea.status === 'done' && !doneInPeriod) continue;
    add(idea.goalId, { ...NO_FIGURES, ideas: 1, done: doneInPeriod ? 1 : 0 });
  }
  const byGoal = new Map<string, Benefit[]>();
  for (const benefit of benefits) {
    const goalId = goalOf.get(`${benefit.unitId}|${benefit.ideaNumber}`);
    if (goalId) byGoal.set(goalId, [...(byGoal.get(goalId) ?? []), benefit]);
  }
  for (const [goalId, registrations] of byGoal) add(goalId, { ...NO_FIGURES, realized: totalsFor(registrations, period.from, period.to).realized });
  return figures;
}

/** Each goal's own figures plus those of every goal below it: area and organisation goals add up their breakdown. */
export function rolledUp(goals: readonly Goal[], own: ReadonlyMap<string, GoalFigures>): Map<string, GoalFigures> {
  const total = new Map<string, GoalFigures>();
  const of = (goal: Goal, depth: number): GoalFigures => {
    const known = total.get(goal.id);
    if (known) return known;
    const children = depth < 3 ? goals.filter((g) => g.parentId === goal.id) : [];
    const sum = children.reduce((acc, child) => addFigures(acc, of(child, depth + 1)), own.get(goal.id) ?? NO_FIGURES);
    total.set(goal.id, sum);
    return sum;
  };
  goals.forEach((goal) => of(goal, 0));
  return total;
}

/** A unit's goal as a board shows it: the goal, the chain above it, and its figures. */
export interface GoalLine {
  readonly goal: Goal;
  /** The goals above it, nearest first: the area's goal, then the organisation's. */
  readonly above: readonly Goal[];
  readonly figures: GoalFigures;
}

/** A unit's open goals with their chains and the unit's figures for each. */
export function unitGoalLines(goals: readonly Goal[], unitId: string, figures: ReadonlyMap<string, GoalFigures>): GoalLine[] {
  return goalsOf(goals, { level: 'unit', ownerId: unitId }).map((goal) => ({ goal, above: goalChain(goals, goal).slice(1), figures: figures.get(goal.id) ?? NO_FIGURES }));
}

/**
 * Ideas of registrations that were not among the ideas read (a follow-up measurement months after
 * the idea was done): the caller reads them one by one, bounded by the period's registrations.
 */
export function missingIdeaNumbers(benefits: readonly Pick<Benefit, 'ideaNumber'>[], ideas: readonly Pick<Idea, 'number'>[]): number[] {
  const known = new Set(ideas.map((idea) => idea.number));
  return [...new Set(benefits.map((b) => b.ideaNumber))].filter((n) => !known.has(n));
}

/** A goal as a report shows it: with its chain, its figures for the period, and at which level it sits. */
export type GoalReportRow = GoalLine;

const hasFigures = (figures: GoalFigures): boolean => figures.ideas > 0 || figures.realized.hours !== 0 || figures.realized.money !== 0 || figures.realized.other !== 0;

/**
 * The goals a report covers, cut by goal: for a unit its own goals; for a service area its goals
 * and its units' goals; for the organisation every goal. Open goals always, closed ones only when
 * something served them in the period. Area and organisation goals add up the unit goals below
 * them, over the units the report read. Organisation goals first, then areas', then units'.
 */
export function goalReportRows(goals: readonly Goal[], scope: { readonly unitIds: readonly string[]; readonly areaIds: readonly string[]; readonly organisation: boolean }, own: ReadonlyMap<string, GoalFigures>): GoalReportRow[] {
  const rolled = rolledUp(goals, own);
  const inScope = (goal: Goal): boolean =>
    goal.level === 'organisation' ? scope.organisation : goal.level === 'area' ? scope.areaIds.includes(goal.ownerId ?? '') : scope.unitIds.includes(goal.ownerId ?? '');
  const order = (goal: Goal): number => ['organisation', 'area', 'unit'].indexOf(goal.level);
  return goals
    .filter((goal) => inScope(goal) && (!goal.closed || hasFigures(rolled.get(goal.id) ?? NO_FIGURES)))
    .map((goal, index) => ({ goal, index }))
    .sort((a, b) => order(a.goal) - order(b.goal) || a.index - b.index)
    .map(({ goal }) => ({ goal, above: goalChain(goals, goal).slice(1), figures: rolled.get(goal.id) ?? NO_FIGURES }));
}
