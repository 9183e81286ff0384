import { Benefit, Decision, countsAsRealized } from '../../domain/benefits';
import { BenefitStory, storyOf } from '../../domain/benefitStory';
import { canDecide, decide, decisionRight } from '../../domain/benefitRules';
import { DomainError } from '../../domain/errors';
import { FieldChecker } from '../../domain/fieldChecker';
import { Idea } from '../../domain/ideas';
import { canView } from '../../domain/ideaRules';
import { OrganisationSettings, Unit } from '../../domain/organisation';
import { Person } from '../../domain/people';
import { BenefitKey, BenefitRepository } from '../../ports/benefitRepository';
import { IdeaRepository } from '../../ports/ideaRepository';
import { Logger } from '../../ports/logger';
import { Notifier } from '../../ports/notifier';
import { IdeaContexts } from '../ideas/ideaContext';

export interface BenefitView {
  readonly benefit: Benefit;
  /** Its plan and the plan's measurements: the evidence the TOL decides from. */
  readonly story: BenefitStory;
  readonly idea: Idea;
  readonly unit: Unit;
  readonly settings: OrganisationSettings;
  /** May this viewer decide? Decided server-side from stored roles; never on their own registration. */
  readonly canDecide: boolean;
  /** The viewer would decide, but registered it themselves: another TOL or an administrator decides. */
  readonly ownRegistration: boolean;
  readonly viewerId: string;
}

/** A TOL's decision as typed: the outcome is the button pressed; a comment is needed unless approving. */
export interface DecideBenefit {
  readonly outcome: Decision;
  readonly comment?: string;
}

/**
 * Told when a decision makes a registration an approved realized gain, with the idea and all its
 * registrations as the approval read them (so a listener needs no reads of its own); must not throw.
 */
export type ApprovedGainListener = (idea: Idea, registrations: readonly Benefit[]) => Promise<void>;

/** The TOL's approval of realized benefits: approve, reject, or ask for changes, from a card. */
export class BenefitApproval {
  constructor(
    private readonly ideas: IdeaRepository,
    private readonly benefits: BenefitRepository,
    private readonly contexts: IdeaContexts,
    private readonly notifier: Notifier,
    private readonly logger: Logger,
    /** Filled in by the composition once the services that listen exist ("where else?"). */
    readonly approvedGainListeners: ApprovedGainListener[] = [],
  ) {}

  async view(person: Person, key: BenefitKey): Promise<BenefitView> {
    const context = await this.contexts.forUnit(person, key.unitId);
    const [registrations, idea] = await Promise.all([this.benefits.forIdea(key.unitId, key.ideaNumber), this.ideas.get(key.unitId, key.ideaNumber)]);
    const benefit = registrations.find((b) => b.id === key.id);
    if (!benefit || !idea) throw new DomainError('notFound');
    const right = decisionRight(context.access, context.unit, benefit);
    if (right === 'notApprover' && !canView(this.contexts.viewer(context, idea))) throw new DomainError('forbidden');
    const story = storyOf(benefit, registrations);
    return { benefit, story, idea, unit: context.unit, settings: context.org.settings, canDecide: right === 'decides', ownRegistration: right === 'ownRegistration', viewerId: person.aadObjectId };
  }

  /**
   * Decides a pending registration. The decision is applied under the registration's ETag, so of
   * two TOLs deciding at once one wins and the other gets AlreadyDecidedError with the decision.
   */
  async decide(person: Person & { teamsId?: string }, key: BenefitKey, input: DecideBenefit): Promise<BenefitView> {
    const checks = new FieldChecker();
    const comment = checks.done(checks.text('comment', input.comment, 'longText'));
    const context = await this.contexts.forUnit(person, key.unitId);
    const allowed = canDecide(context.access, context.unit);
    const change = this.contexts.change(context);
    // The plan's measurements approved so far: what this one adds is counted against them.
    const before = await this.benefits.forIdea(key.unitId, key.ideaNumber);
    const benefit = await this.benefits.update(
      key,
      (current) => decide(current, input.outcome, comment, allowed, change, before),
      (after) => ({ at: change.at, by: change.by, what: 'benefitDecision', detail: `${after.decision?.outcome ?? ''}${comment ? `: ${comment}` : ''}` }),
      before.find((b) => b.id === key.id),
    );
    const idea = await this.ideas.get(key.unitId, key.ideaNumber);
    if (!idea) throw new DomainError('notFound');
    const registrations = before.map((b) => (b.id === benefit.id ? benefit : b));
    const story = storyOf(benefit, registrations);
    if (countsAsRealized(benefit)) for (const listener of this.approvedGainListeners) await listener(idea, registrations);
    await this.notifier.toPerson(benefit.submittedBy.id, { kind: 'benefitDecided', benefit, story, idea, unit: context.unit }).catch((error: unknown) => {
      this.logger.warn({ unitId: key.unitId, err: String(error) }, 'could not tell the submitter about the decision');
    });
    const right = decisionRight(context.access, context.unit, benefit);
    return { benefit, story, idea, unit: context.unit, settings: context.org.settings, canDecide: right === 'decides', ownRegistration: right === 'ownRegistration', viewerId: person.aadObjectId };
  }
}
