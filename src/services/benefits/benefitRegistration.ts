import { Benefit } from '../../domain/benefits';
import { BenefitInput, checkBenefitDraft } from '../../domain/benefitForm';
import { DomainError } from '../../domain/errors';
import { Idea, PersonName } from '../../domain/ideas';
import { canView, markBenefitRegistered } from '../../domain/ideaRules';
import { Unit } from '../../domain/organisation';
import { Person } from '../../domain/people';
import { BenefitRepository } from '../../ports/benefitRepository';
import { IdeaRepository } from '../../ports/ideaRepository';
import { Logger } from '../../ports/logger';
import { Notifier } from '../../ports/notifier';
import { IdeaContexts, UnitContext } from '../ideas/ideaContext';
import { approverIdsFor } from './approvers';

/** A registration as typed; `fromBenefitId` names the identified gain a realized one was measured from. */
export interface RegisterBenefit {
  readonly benefit: BenefitInput;
  readonly fromBenefitId?: string;
}

export interface BenefitFormContext {
  readonly idea: Idea;
  readonly unit: Unit;
  readonly context: UnitContext;
}

/**
 * Registering a benefit for an idea: required when the idea is done, possible earlier. A realized
 * gain goes to the service-area leaders (TOLs) for approval; until approved it does not count.
 */
export class BenefitRegistration {
  constructor(
    private readonly ideas: IdeaRepository,
    private readonly benefits: BenefitRepository,
    private readonly contexts: IdeaContexts,
    private readonly notifier: Notifier,
    private readonly logger: Logger,
  ) {}

  /** What the form needs: the idea, the unit's people for the owner, the organisation's categories. */
  async formFor(person: Person, unitId: string, ideaNumber: number): Promise<BenefitFormContext> {
    const context = await this.contexts.forUnit(person, unitId);
    const idea = await this.ideas.get(unitId, ideaNumber);
    if (!idea) throw new DomainError('notFound');
    if (!canView(this.contexts.viewer(context, idea))) throw new DomainError('forbidden');
    return { idea, unit: context.unit, context };
  }

  async register(person: Person & { teamsId?: string }, target: { unitId: string; ideaNumber: number }, input: RegisterBenefit): Promise<{ benefit: Benefit; idea: Idea; unit: Unit }> {
    const context = await this.contexts.forUnit(person, target.unitId);
    this.contexts.viewer(context);
    const draft = checkBenefitDraft(input.benefit, { categories: context.org.settings.benefitCategories.map((c) => c.id), people: context.people });
    const owner = (await this.contexts.withTeamsId(draft.owner)) ?? draft.owner;
    const change = this.contexts.change(context);
    const realized = draft.stage === 'realized';
    const { benefit, idea } = await this.benefits.register(
      target.unitId,
      target.ideaNumber,
      (id, current) => {
        if (!canView(this.contexts.viewer(context, current))) throw new DomainError('forbidden');
        return {
          ...draft,
          owner,
          unitId: target.unitId,
          ideaNumber: target.ideaNumber,
          id,
          registeredOn: context.today,
          submittedBy: context.me,
          approval: realized ? 'pending' : 'notNeeded',
          ...(realized ? { approvalRequestedAt: change.at } : {}),
          followUpsSent: [],
          createdAt: change.at,
          updatedAt: change.at,
          version: 1,
          lastChangeId: change.id,
        };
      },
      (current) => markBenefitRegistered(current, change),
      { at: change.at, by: change.by, what: 'benefit', detail: `${draft.stage} ${draft.kind}` },
    );
    if (realized && input.fromBenefitId) await this.closeFollowUps({ unitId: target.unitId, ideaNumber: target.ideaNumber, id: input.fromBenefitId }, change);
    if (realized) await this.askForApproval(benefit, idea, context.unit, false);
    return { benefit, idea, unit: context.unit };
  }

  /** The identified gain a realized one was measured from needs no more follow-up reminders. */
  private async closeFollowUps(key: { unitId: string; ideaNumber: number; id: string }, change: { id: string; by: PersonName; at: string }): Promise<void> {
    const intervals = (await this.contexts.directory.snapshot()).settings.followUpMonths;
    await this.benefits
      .update(
        key,
        (current) => (current.stage !== 'identified' ? current : { ...current, followUpsSent: [...new Set([...current.followUpsSent, ...intervals])], followUpsClosed: true, updatedAt: change.at, version: current.version + 1, lastChangeId: change.id }),
        () => ({ at: change.at, by: change.by, what: 'benefitFollowedUp', detail: key.id }),
      )
      .catch((error: unknown) => this.logger.warn({ unitId: key.unitId, err: String(error) }, 'could not close the follow-ups of the identified benefit'));
  }

  /**
   * Sends the approval card to every TOL of the unit's service area who can be reached, except the
   * one who registered it; when that leaves nobody, to the administrators (see approverIdsFor).
   */
  async askForApproval(benefit: Benefit, idea: Idea, unit: Unit, reminder: boolean): Promise<number> {
    const org = await this.contexts.directory.snapshot();
    const { ids: approvers, administrators } = approverIdsFor(org, unit, benefit.submittedBy.id);
    if (!approvers.length) this.logger.warn({ unitId: unit.id, serviceAreaId: unit.serviceAreaId }, 'nobody who can be reached may approve this benefit');
    else if (administrators) this.logger.info({ unitId: unit.id, serviceAreaId: unit.serviceAreaId }, 'no other service-area leader: the approval request goes to the administrators');
    let sent = 0;
    for (const approver of approvers) {
      try {
        await this.notifier.toPerson(approver, { kind: 'approvalRequested', benefit, idea, unit, reminder });
        sent++;
      } catch (error) {
        this.logger.warn({ unitId: unit.id, err: String(error) }, 'could not send an approval request');
      }
    }
    return sent;
  }
}
