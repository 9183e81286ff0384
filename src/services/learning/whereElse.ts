import { Benefit, Totals, countsAsRealized, totalsFor } from '../../domain/benefits';
import { DomainError } from '../../domain/errors';
import { Idea, IdeaRef } from '../../domain/ideas';
import { MAX_PENDING_SUGGESTIONS, PracticeSpread, PracticeSuggestion, WhereElseAnswer, decidesForUnit, practiceSpread, receivingUnits } from '../../domain/practice';
import { OrganisationSnapshot, Unit, findUnit } from '../../domain/organisation';
import { Person, objectIdsOf } from '../../domain/people';
import { BenefitRepository } from '../../ports/benefitRepository';
import { Clock } from '../../ports/clock';
import { IdeaRepository } from '../../ports/ideaRepository';
import { Logger } from '../../ports/logger';
import { Notifier } from '../../ports/notifier';
import { PracticeRepository } from '../../ports/practiceRepository';
import { IdeaSubmission } from '../ideas/ideaSubmission';
import { OrganisationDirectory } from '../organisationDirectory';
import { LiveIdeaIndex } from './liveIdeaIndex';

const ALL_TIME = { from: '0000-01-01', to: '9999-12-31' } as const;
/** Index hits read when looking for units with a similar open problem. */
const SIMILAR_CANDIDATES = 30;

/** A pending offer as a unit's digest shows it. */
export interface TriedElsewhere extends PracticeSuggestion {
  readonly fromUnit: Unit;
}

export interface WhereElseOutcome {
  readonly idea: Idea;
  readonly unit: Unit;
  readonly realized: Totals;
  readonly answer: WhereElseAnswer;
  /** Units offered the practice by this answer (0 when it was answered before). */
  readonly offered: number;
}

/**
 * "Where else?". When an idea is done and has an approved realized gain (whichever happens last),
 * its unit's leaders are asked once, through the outbox, whether it could help elsewhere. A yes
 * offers it to units with a similar open problem (the search index) and units of the same kind,
 * in their next weekly digest. A unit adopts it as a new idea of its own, linked to the original;
 * reports count the units each practice spread to.
 */
export class WhereElse {
  constructor(
    private readonly ideas: IdeaRepository,
    private readonly benefits: BenefitRepository,
    private readonly practices: PracticeRepository,
    private readonly index: LiveIdeaIndex,
    private readonly submission: IdeaSubmission,
    private readonly directory: OrganisationDirectory,
    private readonly notifier: Notifier,
    private readonly clock: Clock,
    private readonly logger: Logger,
  ) {}

  /** An idea was written: if it just moved to done, it may be time to ask. */
  async ideaWritten(idea: Idea): Promise<void> {
    if (idea.status === 'done' && idea.lastChange.what === 'status') await this.consider(idea);
  }

  /** A TOL approved a realized gain: if the idea is done, it may be time to ask (from what the approval read). */
  async gainApproved(idea: Idea, registrations: readonly Benefit[]): Promise<void> {
    if (idea.status === 'done') await this.consider(idea, registrations);
  }

  /** Asks the unit's leaders, once per idea. Never fails the change that led here: problems are logged. */
  private async consider(idea: Idea, known?: readonly Benefit[]): Promise<void> {
    try {
      // Follow-up points of revisions and fishbone analyses are leadership work, not practices to spread.
      if (idea.origin || !idea.benefitRegistered) return;
      const benefits = known ?? (await this.benefits.forIdea(idea.unitId, idea.number));
      if (!benefits.some(countsAsRealized)) return;
      const org = await this.directory.snapshot();
      const unit = findUnit(org, idea.unitId);
      if (!unit || !(await this.practices.markAsked(idea, this.clock.now().toISOString()))) return;
      const realized = totalsFor(benefits, ALL_TIME.from, ALL_TIME.to).realized;
      for (const leader of objectIdsOf(unit.leaders, org.aliases)) await this.notifier.toPerson(leader, { kind: 'whereElse', idea, unit, realized });
    } catch (error) {
      this.logger.warn({ unitId: idea.unitId, number: idea.number, err: error instanceof Error ? error.message : String(error) }, 'could not ask whether the practice could help elsewhere');
    }
  }

  /** The leader's answer. The first answer stands; a yes offers the practice to the receiving units. */
  async answer(person: Person, ref: IdeaRef, yes: boolean): Promise<WhereElseOutcome> {
    const { access, org } = await this.directory.accessOf(person);
    const unit = findUnit(org, ref.unitId);
    const idea = unit ? await this.ideas.get(ref.unitId, ref.number) : undefined;
    if (!unit || !idea) throw new DomainError('notFound');
    if (!decidesForUnit(access, unit)) throw new DomainError('forbidden');
    const realized = totalsFor(await this.benefits.forIdea(ref.unitId, ref.number), ALL_TIME.from, ALL_TIME.to).realized;
    const now = this.clock.now().toISOString();
    const { answer, first } = await this.practices.answer(ref, yes ? 'yes' : 'no', now);
    if (answer === 'no' || !first) return { idea, unit, realized, answer, offered: 0 };
    const receivers = this.receiversOf(org, unit, idea);
    for (const { unit: receiver, reason } of receivers) {
      await this.practices.suggest(receiver.id, { from: ref, title: idea.title, ...(idea.proposal ? { proposal: idea.proposal } : {}), realized, reason, suggestedAt: now });
    }
    return { idea, unit, realized, answer, offered: receivers.length };
  }

  private receiversOf(org: OrganisationSnapshot, unit: Unit, idea: Idea) {
    const open = this.index.similar({ title: idea.title, situation: idea.situation, proposal: idea.proposal }, SIMILAR_CANDIDATES, idea).filter((hit) => hit.status !== 'done');
    return receivingUnits(org, unit, open.map((hit) => hit.unitId));
  }

  /** The unit's pending offers, for its digest: one range query bounded by pending offers. */
  async pending(org: OrganisationSnapshot, unitId: string): Promise<TriedElsewhere[]> {
    const offers = await this.practices.pending(unitId, MAX_PENDING_SUGGESTIONS);
    return offers.flatMap((offer) => {
      const fromUnit = findUnit(org, offer.from.unitId);
      return fromUnit ? [{ ...offer, fromUnit }] : [];
    });
  }

  /** Adopts the offered practice as a new idea on the receiving unit's board, linked to the original. */
  async adopt(person: Person & { teamsId?: string }, unitId: string, from: IdeaRef): Promise<{ idea: Idea; unit: Unit; original: Unit }> {
    const { org, offer } = await this.offer(person, unitId, from);
    const original = await this.ideas.get(from.unitId, from.number);
    const source = original ?? { title: offer.title, proposal: offer.proposal, type: 'improve', wastes: [], benefitAreas: [] };
    const { idea, unit } = await this.submission.submit(person, {
      unitId,
      idea: { title: source.title, situation: original?.situation, proposal: source.proposal, type: source.type, wastes: source.wastes, benefitAreas: source.benefitAreas },
      adoptedFrom: from,
    });
    await this.practices.withdraw(unitId, from);
    await this.practices.recordAdoption(from, source.title, unitId, idea.createdAt);
    return { idea, unit, original: findUnit(org, from.unitId) ?? unit };
  }

  /** Declines the offer: it is no longer shown. */
  async dismiss(person: Person, unitId: string, from: IdeaRef): Promise<{ unit: Unit; original: Unit }> {
    const { org } = await this.offer(person, unitId, from);
    await this.practices.withdraw(unitId, from);
    const unit = findUnit(org, unitId)!;
    return { unit, original: findUnit(org, from.unitId) ?? unit };
  }

  /** The unit's practices and how many units adopted each (up to `until`): one range query bounded by adoptions. */
  async spreadOf(unitId: string, until?: string): Promise<PracticeSpread[]> {
    return practiceSpread(await this.practices.adoptionsOf(unitId), until);
  }

  private async offer(person: Person, unitId: string, from: IdeaRef) {
    const { access, org } = await this.directory.accessOf(person);
    const unit = findUnit(org, unitId);
    if (!unit) throw new DomainError('notFound');
    if (!decidesForUnit(access, unit)) throw new DomainError('forbidden');
    const offer = await this.practices.suggestion(unitId, from);
    if (!offer) throw new DomainError('conflict');
    return { org, offer };
  }
}
