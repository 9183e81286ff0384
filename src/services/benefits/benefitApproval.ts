import { Benefit, DECISIONS, Decision } from '../../domain/benefits';
import { canDecide, decide } from '../../domain/benefitRules';
import { DomainError, ValidationError } from '../../domain/errors';
import { Idea } from '../../domain/ideas';
import { canView } from '../../domain/ideaRules';
import { OrganisationSettings, Unit } from '../../domain/organisation';
import { Person } from '../../domain/people';
import { FieldChecker } from '../../domain/text';
import { BenefitKey, BenefitRepository } from '../../ports/benefitRepository';
import { IdeaRepository } from '../../ports/ideaRepository';
import { Logger } from '../../ports/logger';
import { Notifier } from '../../ports/notifier';
import { IdeaContexts } from '../ideas/ideaContext';

export interface BenefitView {
  readonly benefit: Benefit;
  readonly idea: Idea;
  readonly unit: Unit;
  readonly settings: OrganisationSettings;
  /** May this viewer decide? Decided server-side from stored roles. */
  readonly canDecide: boolean;
  readonly viewerId: string;
}

/** The TOL's approval of realized benefits: approve, reject, or ask for changes, from a card. */
export class BenefitApproval {
  constructor(
    private readonly ideas: IdeaRepository,
    private readonly benefits: BenefitRepository,
    private readonly contexts: IdeaContexts,
    private readonly notifier: Notifier,
    private readonly logger: Logger,
  ) {}

  async view(person: Person, key: BenefitKey): Promise<BenefitView> {
    const context = await this.contexts.forUnit(person, key.unitId);
    const [benefit, idea] = await Promise.all([this.benefits.get(key), this.ideas.get(key.unitId, key.ideaNumber)]);
    if (!benefit || !idea) throw new DomainError('notFound');
    const decides = canDecide(context.access, context.unit);
    if (!decides && !canView(this.contexts.viewer(context, idea))) throw new DomainError('forbidden');
    return { benefit, idea, unit: context.unit, settings: context.org.settings, canDecide: decides, viewerId: person.aadObjectId };
  }

  /**
   * Decides a pending registration. The decision is applied under the registration's ETag, so of
   * two TOLs deciding at once one wins and the other gets AlreadyDecidedError with the decision.
   */
  async decide(person: Person & { teamsId?: string }, key: BenefitKey, outcome: string, fields: Readonly<Record<string, unknown>>): Promise<BenefitView> {
    const decision = DECISIONS.find((d) => d === outcome);
    if (!decision) throw new ValidationError([{ field: 'decision', problem: 'unknownOption' }]);
    const checks = new FieldChecker();
    const comment = checks.text('comment', fields.comment, 'longText');
    if (checks.issues.length) throw new ValidationError(checks.issues);
    const context = await this.contexts.forUnit(person, key.unitId);
    const allowed = canDecide(context.access, context.unit);
    const change = this.contexts.change(context);
    const benefit = await this.benefits.update(
      key,
      (current) => decide(current, decision as Decision, comment, allowed, change),
      (after) => ({ at: change.at, by: change.by, what: 'benefitDecision', detail: `${after.decision?.outcome ?? ''}${comment ? `: ${comment}` : ''}` }),
    );
    const idea = await this.ideas.get(key.unitId, key.ideaNumber);
    if (!idea) throw new DomainError('notFound');
    await this.notifier.toPerson(benefit.submittedBy.id, { kind: 'benefitDecided', benefit, idea, unit: context.unit }).catch((error: unknown) => {
      this.logger.warn({ unitId: key.unitId, err: String(error) }, 'could not tell the submitter about the decision');
    });
    return { benefit, idea, unit: context.unit, settings: context.org.settings, canDecide: allowed, viewerId: person.aadObjectId };
  }
}
