import { Benefit } from '../../domain/benefits';
import { LocalDate, addDays } from '../../domain/dates';
import { Idea } from '../../domain/ideas';
import { BenefitRepository } from '../../ports/benefitRepository';
import { IdeaRepository } from '../../ports/ideaRepository';

/**
 * The bounded reads every view and job builds on: live work, plus what happened in the period
 * asked for. Never a unit's whole history.
 */

/**
 * Everything a period's figures can be about: the live work, and the ideas that left it on local
 * dates in [from, to]. Stored dates are UTC, so the range is widened by a day on each side; the
 * domain functions then count by local dates.
 */
export async function ideasActiveBetween(ideas: IdeaRepository, unitId: string, from: LocalDate, to: LocalDate): Promise<Idea[]> {
  const [live, closed] = await Promise.all([ideas.live(unitId), ideas.closedBetween(unitId, addDays(from, -1), addDays(to, 1))]);
  const byNumber = new Map(live.map((idea) => [idea.number, idea]));
  for (const idea of closed) if (!byNumber.has(idea.number)) byNumber.set(idea.number, idea);
  return [...byNumber.values()];
}

/** Registrations made in [from, to], and the live ones (pending decisions, follow-ups) whenever made. */
export async function benefitsFor(benefits: BenefitRepository, unitId: string, from: LocalDate, to: LocalDate): Promise<{ inPeriod: Benefit[]; live: Benefit[] }> {
  const [inPeriod, live] = await Promise.all([benefits.registeredBetween(unitId, from, to), benefits.live(unitId)]);
  return { inPeriod, live };
}
