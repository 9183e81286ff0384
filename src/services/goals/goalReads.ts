import { Benefit } from '../../domain/benefits';
import { LocalDate } from '../../domain/dates';
import { GoalFigures, GoalPeriod, linkedFigures, missingIdeaNumbers } from '../../domain/goalProgress';
import { Idea } from '../../domain/ideas';
import { BenefitRepository } from '../../ports/benefitRepository';
import { IdeaRepository } from '../../ports/ideaRepository';
import { ideasActiveBetween } from '../ideas/ideaReads';

/**
 * The ideas behind a period's registrations that were not read with the period's ideas (a
 * follow-up measured months after the idea was done): one point read each, bounded by the
 * registrations, never the unit's history.
 */
export async function withIdeasOf(ideas: IdeaRepository, unitId: string, read: readonly Idea[], benefits: readonly Benefit[]): Promise<Idea[]> {
  const missing = missingIdeaNumbers(benefits, read);
  const more = await Promise.all(missing.map((number) => ideas.get(unitId, number)));
  return [...read, ...more.filter((idea): idea is Idea => !!idea)];
}

/**
 * What each goal's linked ideas in one unit came to in [from, to]: the live work and the ideas
 * closed in the period, the registrations made in it, and the ideas of those registrations.
 */
export async function unitGoalFigures(ideas: IdeaRepository, benefits: BenefitRepository, unitId: string, period: GoalPeriod): Promise<Map<string, GoalFigures>> {
  const [active, registered] = await Promise.all([ideasActiveBetween(ideas, unitId, period.from, period.to), benefits.registeredBetween(unitId, period.from, period.to)]);
  return linkedFigures(await withIdeasOf(ideas, unitId, active, registered), registered, period);
}

/** Several units' figures, one map: goals are unique in the organisation, so they never collide. */
export async function goalFiguresOf(ideas: IdeaRepository, benefits: BenefitRepository, unitIds: readonly string[], from: LocalDate, to: LocalDate, timeZone: string): Promise<Map<string, GoalFigures>> {
  const maps = await Promise.all(unitIds.map((unitId) => unitGoalFigures(ideas, benefits, unitId, { from, to, timeZone })));
  return new Map(maps.flatMap((map) => [...map]));
}
