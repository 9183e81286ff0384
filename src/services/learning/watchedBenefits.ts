import { Benefit, countsAsRealized } from '../../domain/benefits';
import { LocalDate } from '../../domain/dates';
import { Idea, IdeaRef } from '../../domain/ideas';
import { BenefitKey, BenefitRepository } from '../../ports/benefitRepository';
import { AuditEntry } from '../../ports/ideaRepository';

/** Told of an idea whose registration became an approved realized gain; must not throw. */
export type GainListener = (idea: IdeaRef) => Promise<void>;

/**
 * The benefit repository that tells listeners when a registration is written as an approved
 * realized gain (a TOL's approval): "where else?" asks once the idea is also done.
 */
export class WatchedBenefits implements BenefitRepository {
  constructor(
    private readonly benefits: BenefitRepository,
    /** Filled in by the composition once the services that listen exist. */
    readonly listeners: GainListener[] = [],
  ) {}

  async register(unitId: string, ideaNumber: number, build: (id: string, idea: Idea) => Benefit, markIdea: (idea: Idea) => Idea, audit: AuditEntry): Promise<{ benefit: Benefit; idea: Idea }> {
    const written = await this.benefits.register(unitId, ideaNumber, build, markIdea, audit);
    await this.told(written.benefit);
    return written;
  }

  async update(key: BenefitKey, change: (current: Benefit) => Benefit, audit: (after: Benefit) => AuditEntry): Promise<Benefit> {
    return this.told(await this.benefits.update(key, change, audit));
  }

  get(key: BenefitKey): Promise<Benefit | undefined> {
    return this.benefits.get(key);
  }

  live(unitId: string): Promise<Benefit[]> {
    return this.benefits.live(unitId);
  }

  forIdea(unitId: string, ideaNumber: number): Promise<Benefit[]> {
    return this.benefits.forIdea(unitId, ideaNumber);
  }

  registeredBetween(unitId: string, from: LocalDate, to: LocalDate): Promise<Benefit[]> {
    return this.benefits.registeredBetween(unitId, from, to);
  }

  pendingApprovals(unitId: string): Promise<Benefit[]> {
    return this.benefits.pendingApprovals(unitId);
  }

  private async told(benefit: Benefit): Promise<Benefit> {
    if (countsAsRealized(benefit)) for (const listener of this.listeners) await listener({ unitId: benefit.unitId, number: benefit.ideaNumber });
    return benefit;
  }
}
