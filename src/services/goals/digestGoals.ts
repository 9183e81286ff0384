import { yearStart } from '../../domain/benefits';
import { LocalDate } from '../../domain/dates';
import { GoalFigures, GoalLine, NO_FIGURES, rolledUp } from '../../domain/goalProgress';
import { GoalOwner, goalChain, goalsOf } from '../../domain/goals';
import { OrganisationSnapshot } from '../../domain/organisation';
import { BenefitRepository } from '../../ports/benefitRepository';
import { IdeaRepository } from '../../ports/ideaRepository';
import { goalFiguresOf } from './goalReads';

/** A digest's scope, as the digest names it. */
export interface DigestScopeRef {
  readonly scope: 'unit' | 'area' | 'organisation';
  readonly scopeId: string;
}

const ownerOfScope = ({ scope, scopeId }: DigestScopeRef): GoalOwner =>
  scope === 'organisation' ? { level: 'organisation' } : { level: scope, ownerId: scopeId };

/**
 * The goals each digest shows: a unit's own goals, an area's or the organisation's with the
 * figures of the unit goals below them added up, all over the year to date. Only units that have
 * open goals are read (live work, the year's closed ideas and registrations), once per run.
 */
export async function digestGoalLines(ideas: IdeaRepository, benefits: BenefitRepository, org: OrganisationSnapshot, unitIds: readonly string[], today: LocalDate): Promise<(scope: DigestScopeRef) => GoalLine[]> {
  const open = org.goals.filter((goal) => !goal.closed);
  if (!open.length) return () => [];
  const covered = new Set(unitIds);
  const withGoals = [...new Set(open.filter((goal) => goal.level === 'unit' && covered.has(goal.ownerId ?? '')).map((goal) => goal.ownerId ?? ''))];
  const own = withGoals.length ? await goalFiguresOf(ideas, benefits, withGoals, yearStart(today), today, org.settings.timeZone) : new Map<string, GoalFigures>();
  const figures = rolledUp(open, own);
  return (scope) => goalsOf(org.goals, ownerOfScope(scope)).map((goal) => ({ goal, above: goalChain(org.goals, goal).slice(1), figures: figures.get(goal.id) ?? NO_FIGURES }));
}
