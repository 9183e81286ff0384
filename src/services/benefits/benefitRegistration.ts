import { followUpsDue } from '../../domain/benefitRules';
import { BenefitCheckContext, BenefitInput, checkBenefitDraft } from '../../domain/benefitForm';
import { BenefitStory, pendingMeasurement, storyOf } from '../../domain/benefitStory';
import { Benefit } from '../../domain/benefits';
import { localDate } from '../../domain/dates';
import { DomainError, ValidationError } from '../../domain/errors';
import { Idea, PersonName } from '../../domain/ideas';
import { canView, markBenefitRegistered } from '../../domain/ideaRules';
import { Unit } from '../../domain/organisation';
import { Person } from '../../domain/people';
import { BenefitKey, BenefitRepository } from '../../ports/benefitRepository';
import { IdeaRepository } from '../../ports/ideaRepository';
import { Logger } from '../../ports/logger';
import { Notifier } from '../../ports/notifier';
import { IdeaContexts, UnitContext } from '../ideas/ideaContext';
import { approverIdsFor } from './approvers';

/**
 * A registration as typed. `fromBenefitId` names the registration the form was opened from: a
 * plan (the new registration is a measurement of it), or a measurement the TOL asked to change
 * (the new one measures the same plan again).
 */
export interface RegisterBenefit {
  readonly benefit: BenefitInput;
  readonly fromBenefitId?: string;
}

export interface BenefitFormContext {
  readonly idea: Idea;
  readonly unit: Unit;
  readonly context: UnitContext;
  /** The plan a measurement would follow up, with its measurements so far. */
  readonly story?: BenefitStory;
  /** The registration the form was opened from, when there is one. */
  readonly from?: Benefit;
}

/**
 * Registering a benefit for an idea: its plan (identified), a dated measurement of the plan, or an
 * unplanned gain (realized). Required when the idea is done, possible earlier. A measurement goes
 * to the service-area leaders (TOLs) for approval; until approved it does not count as realized.
 */
export class BenefitRegistration {
  constructor(
    private readonly ideas: IdeaRepository,
    private readonly benefits: BenefitRepository,
    private readonly contexts: IdeaContexts,
    private readonly notifier: Notifier,
    private readonly logger: Logger,
  ) {}

  /** What the form needs: the idea, the unit's people for the owner, and the plan it follows up. */
  async formFor(person: Person, unitId: string, ideaNumber: number, fromBenefitId?: string): Promise<BenefitFormContext> {
    const context = await this.contexts.forUnit(person, unitId);
    const [idea, registrations] = await Promise.all([this.ideas.get(unitId, ideaNumber), fromBenefitId ? this.benefits.forIdea(unitId, ideaNumber) : Promise.resolve([])]);
    if (!idea) throw new DomainError('notFound');
    if (!canView(this.contexts.viewer(context, idea))) throw new DomainError('forbidden');
    const from = registrations.find((b) => b.id === fromBenefitId);
    const story = from ? storyOf(from, registrations) : undefined;
    return { idea, unit: context.unit, context, ...(story ? { story } : {}), ...(from ? { from } : {}) };
  }

  async register(person: Person & { teamsId?: string }, target: { unitId: string; ideaNumber: number }, input: RegisterBenefit): Promise<{ benefit: Benefit; idea: Idea; unit: Unit; story: BenefitStory }> {
    const context = await this.contexts.forUnit(person, target.unitId);
    this.contexts.viewer(context);
    const registrations = input.fromBenefitId ? await this.benefits.forIdea(target.unitId, target.ideaNumber) : [];
    const plan = planFollowedUp(registrations, input.fromBenefitId);
    const waiting = plan && pendingMeasurement(storyOf(plan, registrations));
    // One measurement of a plan waits for a decision at a time, so each approval counts against the last.
    if (waiting) throw new ValidationError([{ field: 'measured', problem: 'duplicate', params: { reason: 'pending', date: waiting.registeredOn } }]);
    const { settings } = context.org;
    const checkContext: BenefitCheckContext = {
      categories: settings.benefitCategories,
      people: context.people,
      today: context.today,
      plausibility: { hoursPerFte: settings.hoursPerFte, currency: settings.currency, ...(context.unit.headcount ? { headcount: context.unit.headcount } : {}) },
    };
    const draft = checkBenefitDraft(input.benefit, checkContext, plan);
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
      { at: change.at, by: change.by, what: 'benefit', detail: `${draft.stage} ${draft.measure}${plan ? ' measured' : ''}` },
    );
    const story = storyOf(benefit, [...registrations, benefit]);
    if (plan) await this.noteMeasured(plan, idea, change);
    if (realized) await this.askForApproval(benefit, idea, context.unit, false, story);
    return { benefit, idea, unit: context.unit, story };
  }

  /**
   * A plan measured now needs no reminder for the follow-ups already due: they are marked as sent,
   * so the owner is asked again only at the next interval.
   */
  private async noteMeasured(plan: Benefit, idea: Idea, change: { id: string; by: PersonName; at: string }): Promise<void> {
    const { settings } = await this.contexts.directory.snapshot();
    const today = localDate(new Date(change.at), settings.timeZone);
    const doneOn = idea.doneAt ? localDate(new Date(idea.doneAt), settings.timeZone) : undefined;
    const key: BenefitKey = { unitId: plan.unitId, ideaNumber: plan.ideaNumber, id: plan.id };
    await this.benefits
      .update(
        key,
        (current) => {
          const due = followUpsDue(current, doneOn, today, settings.followUpMonths);
          if (!due.length) return current;
          const followUpsSent = [...current.followUpsSent, ...due];
          const closed = settings.followUpMonths.every((months) => followUpsSent.includes(months));
          return { ...current, followUpsSent, ...(closed ? { followUpsClosed: true } : {}), updatedAt: change.at, version: current.version + 1, lastChangeId: change.id };
        },
        () => ({ at: change.at, by: change.by, what: 'benefitFollowedUp', detail: key.id }),
      )
      .catch((error: unknown) => this.logger.warn({ unitId: key.unitId, err: String(error) }, 'could not mark the follow-ups of the measured plan'));
  }

  /**
   * Sends the approval card to every TOL of the unit's service area who can be reached, except the
   * one who registered it; when that leaves nobody, to the administrators (see approverIdsFor).
   */
  async askForApproval(benefit: Benefit, idea: Idea, unit: Unit, reminder: boolean, story?: BenefitStory): Promise<number> {
    const org = await this.contexts.directory.snapshot();
    const { ids: approvers, administrators } = approverIdsFor(org, unit, benefit.submittedBy.id);
    if (!approvers.length) this.logger.warn({ unitId: unit.id, serviceAreaId: unit.serviceAreaId }, 'nobody who can be reached may approve this benefit');
    else if (administrators) this.logger.info({ unitId: unit.id, serviceAreaId: unit.serviceAreaId }, 'no other service-area leader: the approval request goes to the administrators');
    const evidence = story ?? storyOf(benefit, await this.benefits.forIdea(unit.id, idea.number).catch(() => [benefit]));
    let sent = 0;
    for (const approver of approvers) {
      try {
        await this.notifier.toPerson(approver, { kind: 'approvalRequested', benefit, story: evidence, idea, unit, reminder });
        sent++;
      } catch (error) {
        this.logger.warn({ unitId: unit.id, err: String(error) }, 'could not send an approval request');
      }
    }
    return sent;
  }
}

/**
 * The plan a new measurement follows up: the registration the form was opened from when it is a
 * plan, or the plan of a measurement sent back for changes. Unknown, rejected or unplanned: none.
 */
function planFollowedUp(registrations: readonly Benefit[], fromId: string | undefined): Benefit | undefined {
  const from = fromId ? registrations.find((b) => b.id === fromId) : undefined;
  if (fromId && !from) throw new DomainError('notFound');
  const planId = from?.stage === 'identified' ? from.id : from?.planId;
  const plan = registrations.find((b) => b.id === planId && b.stage === 'identified');
  return plan && plan.approval !== 'rejected' ? plan : undefined;
}
