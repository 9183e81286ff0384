import { TurnContext } from 'botbuilder';
import {
  BenefitCardOptions,
  BenefitCardView,
  EMPTY_BENEFIT_FORM,
  LedgerSwitch,
  benefitCard,
  benefitFormCard,
  benefitFormDefaults,
  benefitFormFrom,
  decisionWord,
  knownRefreshIds,
  ledgerCard,
} from '../../cards/benefitCards';
import { BenefitFormValues } from '../../cards/models';
import { AdaptiveCardJson } from '../../cards/renderer';
import { Access, oversees } from '../../domain/access';
import { Benefit, Decision } from '../../domain/benefits';
import { AlreadyDecidedError, OwnRegistrationError, decidesOnBenefits, decisionRight } from '../../domain/benefitRules';
import { DomainError, ValidationError } from '../../domain/errors';
import { shortId } from '../../domain/ideas';
import { Locale } from '../../domain/locale';
import { OrganisationSnapshot, Unit, unitForChannel } from '../../domain/organisation';
import { TextKey, t } from '../../i18n';
import { formatDate } from '../../i18n/format';
import { cleanText } from '../../domain/text';
import { RegisterBenefit } from '../../services/benefits/benefitRegistration';
import { BenefitKey } from '../../ports/benefitRepository';
import { approverIdsFor } from '../../services/benefits/approvers';
import { isChannel } from '../activityInfo';
import { AppDeps } from '../deps';
import { logRefusal, refusalNotice } from '../refusals';
import { errorText } from '../errorText';
import { CardData } from '../commands/cardData';
import { cardErrors } from '../commands/cardForm';
import { BENEFIT_FORM, BENEFIT_FORM_INPUTS, DECISION_FORM, benefitDecisionOf, benefitRegistrationOf, ledgerScopeOf, openedFromInbox } from '../commands/benefitCommands';
import { IdeaRef, benefitKeyOf, ideaRefOf, optionalBenefitIdOf } from '../commands/refs';
import { answerInteractor } from '../invokeAnswer';
import { sendCard } from '../replies';
import { actor, turnInfo } from '../turn';

/**
 * Benefit realisation in Teams: the benefit form on an idea, the registration card that is also
 * the service-area leader's approval card, and the benefit ledger. Every card action is answered
 * to the person who pressed only (see invokeAnswer.ts); who may decide is checked by the service.
 */

/** Card verbs that decide on a realized benefit, and the decision each stands for. */
export const BENEFIT_DECISION_VERBS: readonly [string, Decision][] = [
  ['benefit.approve', 'approved'],
  ['benefit.reject', 'rejected'],
  ['benefit.requestChanges', 'changesRequested'],
];

/** A headline carried through a refresh is display text only; it is kept short. */
const MAX_HEADLINE = 500;

/** A short refusal when not even the card can be shown (gone, or not yours to see). */
function refusal(context: TurnContext, deps: AppDeps, verb: string, error: unknown, forbiddenDetail?: TextKey): Promise<AdaptiveCardJson> {
  // Not actor(): the refusal may be that Teams did not say who acted.
  const { locale } = turnInfo(context);
  logRefusal(deps.logger, verb, error);
  return answerInteractor(context, refusalNotice(locale, errorText(locale, error, forbiddenDetail ? t(locale, forbiddenDetail) : '')));
}

// ---------------------------------------------------------------------------------------------
// The registration card

/** The submitter, whoever decided, and those asked to approve it (see approverIdsFor) who have met the bot. */
async function refreshUserIds(deps: AppDeps, org: OrganisationSnapshot, benefit: Benefit, unit: Unit): Promise<string[]> {
  const approvers = await Promise.all(approverIdsFor(org, unit, benefit.submittedBy.id).ids.map((id) => deps.services.people.get(id).catch(() => undefined)));
  return [...knownRefreshIds(benefit), ...approvers.flatMap((record) => (record?.teamsUserId ? [record.teamsUserId] : []))];
}

/**
 * The registration card for this viewer. A leader looking at their own pending registration is
 * told why there are no buttons: someone else decides it.
 */
async function viewCard(context: TurnContext, deps: AppDeps, view: BenefitCardView & { readonly ownRegistration?: boolean }, options: BenefitCardOptions = {}): Promise<AdaptiveCardJson> {
  const { locale, org } = actor(context);
  const own = view.ownRegistration && view.benefit.approval === 'pending' && !options.note ? { note: t(locale, 'benefit.ownRegistration'), noteColor: 'Accent' as const } : {};
  return benefitCard(locale, view, { ...own, ...options, refreshUserIds: await refreshUserIds(deps, org, view.benefit, view.unit) });
}

/**
 * benefit.refresh: the registration as this person sees it now (Universal Actions refresh), also
 * how the approvals list, "my items" and the digest open one. Opened from the list, the card
 * has a button back to it.
 */
export function refreshBenefit(deps: AppDeps) {
  return async (context: TurnContext, _state: unknown, raw: unknown): Promise<AdaptiveCardJson> => {
    try {
      const data = CardData.of(raw);
      const key = benefitKeyOf(data);
      const { person, access } = actor(context);
      const view = await deps.services.benefitApproval.view(person, key);
      // The notification's headline ("new approval request") stays while it is still true.
      const headline = cleanText(data.text('headline') ?? '', 'title').slice(0, MAX_HEADLINE);
      const keep = headline && data.text('shownApproval') === view.benefit.approval;
      const inboxButton = openedFromInbox(data) && decidesOnBenefits(access);
      return answerInteractor(context, await viewCard(context, deps, view, { ...(keep ? { headline } : {}), inboxButton }));
    } catch (error) {
      return refusal(context, deps, 'benefit.refresh', error);
    }
  };
}

function alreadyDecidedNote(locale: Locale, current: Benefit): string {
  return current.decision ? t(locale, 'benefit.alreadyDecided', { name: current.decision.by.name, outcome: decisionWord(locale, current.decision.outcome) }) : t(locale, 'error.staleCard');
}

/**
 * benefit.approve / benefit.reject / benefit.requestChanges. Success shows the decided card;
 * someone who may not decide, a decision already taken, or a missing comment shows the card as
 * it stands with the reason, and nothing is stored.
 */
export function decideBenefit(deps: AppDeps, outcome: Decision) {
  return async (context: TurnContext, _state: unknown, raw: unknown): Promise<AdaptiveCardJson> => {
    const verb = BENEFIT_DECISION_VERBS.find(([, d]) => d === outcome)?.[0] ?? 'benefit.decide';
    const data = CardData.of(raw);
    let key: BenefitKey;
    try {
      key = benefitKeyOf(data);
    } catch (error) {
      return refusal(context, deps, verb, error);
    }
    try {
      const { locale, person } = actor(context);
      const view = await deps.services.benefitApproval.decide({ ...person, teamsId: context.activity.from.id }, key, benefitDecisionOf(data, outcome));
      // More waiting for this leader: a way on to the next, wherever this card came from.
      const inboxButton = (await deps.services.approvalInbox.count(person).catch(() => 0)) > 0;
      return answerInteractor(context, await viewCard(context, deps, view, { note: t(locale, 'benefit.decisionSaved', { outcome: decisionWord(locale, outcome) }), noteColor: 'Good', inboxButton }));
    } catch (error) {
      logRefusal(deps.logger, verb, error);
      try {
        const { locale, person } = actor(context);
        const comment = data.text('comment') ?? '';
        const options: BenefitCardOptions =
          error instanceof AlreadyDecidedError
            ? { note: alreadyDecidedNote(locale, error.current), noteColor: 'Attention' }
            : error instanceof OwnRegistrationError
              ? { note: t(locale, 'benefit.ownRegistration'), noteColor: 'Attention' }
              : error instanceof ValidationError
                ? { note: t(locale, 'error.invalid'), noteColor: 'Attention', errors: cardErrors(locale, error, DECISION_FORM), comment }
                : { note: errorText(locale, error, t(locale, 'benefit.whoDecides')), noteColor: 'Attention', comment };
        const view = await deps.services.benefitApproval.view(person, key);
        return answerInteractor(context, await viewCard(context, deps, view, options));
      } catch (viewError) {
        return refusal(context, deps, verb, viewError);
      }
    }
  };
}

// ---------------------------------------------------------------------------------------------
// The form

interface FormExtra {
  readonly values?: BenefitFormValues;
  readonly error?: string;
  readonly errors?: Readonly<Record<string, string>>;
}

/**
 * The benefit form for an idea: fresh (defaults from the idea), or prefilled as a realized
 * registration from an earlier one (a follow-up of an identified gain, or again after changes).
 */
async function buildForm(context: TurnContext, deps: AppDeps, target: { unitId: string; number: number }, fromBenefitId: string, extra: FormExtra = {}): Promise<AdaptiveCardJson> {
  const { locale, person } = actor(context);
  const { idea, unit, context: unitContext } = await deps.services.benefitRegistration.formFor(person, target.unitId, target.number);
  const { settings } = unitContext.org;
  const from = fromBenefitId
    ? await deps.services.benefitApproval.view(person, { unitId: target.unitId, ideaNumber: target.number, id: fromBenefitId }).catch(() => undefined)
    : undefined;
  const lead = from
    ? from.benefit.stage === 'identified'
      ? t(locale, 'benefitForm.followUp', { date: formatDate(locale, from.benefit.registeredOn) })
      : t(locale, 'benefitForm.again')
    : undefined;
  const values = extra.values ?? (from ? benefitFormFrom(locale, from.benefit) : benefitFormDefaults(idea, settings, unitContext.people, person.aadObjectId));
  return benefitFormCard(locale, {
    idea,
    unit,
    settings,
    people: unitContext.people,
    values,
    ...(from ? { fromBenefitId: from.benefit.id } : {}),
    ...(lead ? { lead } : {}),
    ...(extra.error ? { error: extra.error } : {}),
    ...(extra.errors ? { errors: extra.errors } : {}),
  });
}

/** benefit.form {unitId, number, fromBenefitId?}: the form, for the person who pressed only. */
export function openBenefitForm(deps: AppDeps) {
  return async (context: TurnContext, _state: unknown, raw: unknown): Promise<AdaptiveCardJson> => {
    try {
      const data = CardData.of(raw);
      return answerInteractor(context, await buildForm(context, deps, ideaRefOf(data), optionalBenefitIdOf(data, 'fromBenefitId') ?? ''));
    } catch (error) {
      return refusal(context, deps, 'benefit.form', error);
    }
  };
}

/**
 * benefit.register: stores the registration (a realized one goes to the service-area leaders for
 * approval) and answers with its card; a refusal gives the form back with what was typed and
 * each problem next to its field.
 */
export function registerBenefit(deps: AppDeps) {
  return async (context: TurnContext, _state: unknown, raw: unknown): Promise<AdaptiveCardJson> => {
    const data = CardData.of(raw);
    let target: IdeaRef;
    let command: RegisterBenefit;
    try {
      target = ideaRefOf(data);
      command = benefitRegistrationOf(data);
    } catch (error) {
      return refusal(context, deps, 'benefit.register', error);
    }
    try {
      const { locale, person, access, org } = actor(context);
      const { benefit, idea, unit } = await deps.services.benefitRegistration.register({ ...person, teamsId: context.activity.from.id }, { unitId: target.unitId, ideaNumber: target.number }, command);
      // Stored: from here on only the card is built, so nothing below may suggest it failed.
      // The registrant never decides on their own gain, so this is never a decision card.
      const view: BenefitCardView = { benefit, idea, unit, settings: org.settings, canDecide: decisionRight(access, unit, benefit) === 'decides' };
      const headline = t(locale, 'benefit.registered', { id: shortId(unit.code, benefit.ideaNumber) });
      const card = await viewCard(context, deps, view, { headline }).catch(() => benefitCard(locale, view, { headline }));
      return answerInteractor(context, card);
    } catch (error) {
      logRefusal(deps.logger, 'benefit.register', error);
      try {
        const { locale } = actor(context);
        const values = { ...EMPTY_BENEFIT_FORM, ...data.typed(BENEFIT_FORM_INPUTS) };
        const extra: FormExtra =
          error instanceof ValidationError
            ? { values, error: t(locale, 'error.invalid'), errors: cardErrors(locale, error, BENEFIT_FORM) }
            : { values, error: errorText(locale, error) };
        return answerInteractor(context, await buildForm(context, deps, target, command.fromBenefitId ?? '', extra));
      } catch (formError) {
        return refusal(context, deps, 'benefit.register', formError);
      }
    }
  };
}

// ---------------------------------------------------------------------------------------------
// The ledger

/**
 * The ledgers a person may see, widest first: the organisation for those who follow it all, the
 * service areas they lead, then the units they belong to or lead.
 */
export function ledgerScopesFor(access: Access, org: OrganisationSnapshot): LedgerSwitch[] {
  return [
    ...(oversees(access) ? [{ kind: 'organisation' as const, id: '', title: org.settings.name }] : []),
    ...org.serviceAreas.filter((area) => access.serviceAreaLeaderOf.has(area.id)).map((area) => ({ kind: 'area' as const, id: area.id, title: area.name })),
    ...org.units.filter((unit) => access.memberOf.has(unit.id) || access.leaderOf.has(unit.id)).map((unit) => ({ kind: 'unit' as const, id: unit.id, title: unit.name })),
  ];
}

/**
 * "gevinster" / "benefits": in a unit's channel, that unit's ledger for everyone there; in the
 * 1:1 chat, the widest ledger the person may see, with buttons for the others.
 */
export async function showLedger(context: TurnContext, deps: AppDeps): Promise<void> {
  const { locale, person, access, org } = actor(context);
  try {
    const channelUnit = unitForChannel(org, context.activity.conversation.id);
    const scopes = ledgerScopesFor(access, org);
    const scope = channelUnit ? { kind: 'unit' as const, id: channelUnit.id, title: channelUnit.name } : scopes[0];
    if (!scope) {
      await context.sendActivity(t(locale, 'ledger.notInUnit'));
      return;
    }
    const view = await deps.services.benefitLedger.ledger(person, ledgerScopeOf(CardData.of({ kind: scope.kind, id: scope.id })));
    // A channel's card is shared: no buttons that only make sense for the person who asked.
    const shared = !!channelUnit || isChannel(context.activity);
    await sendCard(context, ledgerCard(locale, view, shared ? [] : scopes, !shared && decidesOnBenefits(access)));
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    logRefusal(deps.logger, 'benefits', error);
    await context.sendActivity(errorText(locale, error, t(locale, 'ledger.forbidden')));
  }
}

/** benefit.ledger {kind, id}: that ledger, for the person who pressed only. */
export function ledgerShow(deps: AppDeps) {
  return async (context: TurnContext, _state: unknown, raw: unknown): Promise<AdaptiveCardJson> => {
    try {
      const scope = ledgerScopeOf(CardData.of(raw));
      const { locale, person, access, org } = actor(context);
      const view = await deps.services.benefitLedger.ledger(person, scope);
      return answerInteractor(context, ledgerCard(locale, view, ledgerScopesFor(access, org), decidesOnBenefits(access)));
    } catch (error) {
      return refusal(context, deps, 'benefit.ledger', error, 'ledger.forbidden');
    }
  };
}
