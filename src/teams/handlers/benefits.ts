import { TurnContext } from 'botbuilder';
import { BenefitCardOptions, BenefitCardView, benefitCard, decisionWord, knownRefreshIds } from '../../cards/benefitCards';
import { EMPTY_BENEFIT_FORM, benefitFormCard, benefitFormDefaults, benefitFormFrom } from '../../cards/benefitFormCard';
import { BenefitFormValues } from '../../cards/benefitModels';
import { AdaptiveCardJson } from '../../cards/renderer';
import { BENEFIT_PERIODS, BENEFIT_STAGES, Benefit, Decision } from '../../domain/benefits';
import { AlreadyDecidedError, OwnRegistrationError, decidesOnBenefits, decisionRight } from '../../domain/benefitRules';
import { ValidationError } from '../../domain/errors';
import { shortId } from '../../domain/ideas';
import { Locale } from '../../domain/locale';
import { OrganisationSettings, OrganisationSnapshot, Unit, findCategory } from '../../domain/organisation';
import { TextKey, t } from '../../i18n';
import { formatDate } from '../../i18n/format';
import { cleanText } from '../../domain/text';
import { RegisterBenefit } from '../../services/benefits/benefitRegistration';
import { BenefitKey } from '../../ports/benefitRepository';
import { approverIdsFor } from '../../services/benefits/approvers';
import { AppDeps } from '../deps';
import { logRefusal, refusalNotice } from '../refusals';
import { errorText } from '../errorText';
import { CardData } from '../commands/cardData';
import { cardErrors, issueText } from '../commands/cardForm';
import {
  BENEFIT_FORM_INPUTS,
  BenefitFormRequest,
  DECISION_FORM,
  benefitCardForm,
  benefitDecisionOf,
  benefitFormRequestOf,
  benefitRegistrationOf,
  openedFromInbox,
} from '../commands/benefitCommands';
import { IdeaRef, benefitKeyOf, ideaRefOf } from '../commands/refs';
import { answerInteractor } from '../invokeAnswer';
import { actor, turnInfo } from '../turn';

/**
 * Benefit realisation in Teams: the benefit form on an idea (a plan, a measurement of it, or an
 * unplanned gain), and the registration card that is also the service-area leader's approval card.
 * Every card action is answered to the person who pressed only (see invokeAnswer.ts); who may
 * decide is checked by the service. The ledger is in ledger.ts.
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
      return answerInteractor(context, await viewCard(context, deps, view, { note: t(locale, 'benefit.decisionSaved', { outcome: decisionWord(locale, outcome) }), noteColor: 'Accent', inboxButton }));
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
  readonly confirm?: string;
}

/** The plan a measurement follows: the registration opened from, or the plan of a measurement sent back. */
function planOf(from: Benefit | undefined, plan: Benefit | undefined): Benefit | undefined {
  const found = from?.stage === 'identified' ? from : plan;
  return found && found.approval !== 'rejected' ? found : undefined;
}

/** A chosen category and planned-or-measured that the second step can show. */
function chosen(settings: OrganisationSettings, values: BenefitFormValues): boolean {
  return !!findCategory(settings, values.category) && (BENEFIT_STAGES as readonly string[]).includes(values.stage);
}

/**
 * The benefit form for an idea. Fresh, it asks what the gain is (step one); with the gain chosen,
 * only the fields its measure needs (step two). Opened from a plan it measures the plan; opened
 * from a measurement sent back for changes, it is prefilled to measure again.
 */
async function buildForm(context: TurnContext, deps: AppDeps, target: { unitId: string; number: number }, request: BenefitFormRequest, extra: FormExtra = {}): Promise<AdaptiveCardJson> {
  const { locale, person } = actor(context);
  const { idea, unit, context: unitContext, story, from } = await deps.services.benefitRegistration.formFor(person, target.unitId, target.number, request.fromBenefitId);
  const { settings } = unitContext.org;
  const plan = planOf(from, story?.plan);
  const lead = from ? (from.stage === 'identified' ? t(locale, 'benefitForm.followUp', { date: formatDate(locale, from.registeredOn) }) : t(locale, 'benefitForm.again')) : undefined;
  const fresh = benefitFormDefaults(idea, settings, unitContext.people, person.aadObjectId, unitContext.today);
  const values = extra.values ?? (from ? benefitFormFrom(locale, from, unitContext.today) : { ...fresh, ...(request.category ? { category: request.category } : {}), ...(request.stage ? { stage: request.stage } : {}) });
  const details = !!from || (request.details && chosen(settings, values)) || (!!extra.values && chosen(settings, values));
  return benefitFormCard(locale, {
    idea,
    unit,
    settings,
    people: unitContext.people,
    step: details ? 'details' : 'choose',
    values,
    ...(plan ? { plan } : {}),
    ...(from ? { fromBenefitId: from.id } : {}),
    ...(lead ? { lead } : {}),
    ...(extra.error ? { error: extra.error } : {}),
    ...(extra.errors ? { errors: extra.errors } : {}),
    ...(extra.confirm ? { confirm: extra.confirm } : {}),
  });
}

/** benefit.form {unitId, number, fromBenefitId?, step?, category?, stage?}: the form, for the person who pressed only. */
export function openBenefitForm(deps: AppDeps) {
  return async (context: TurnContext, _state: unknown, raw: unknown): Promise<AdaptiveCardJson> => {
    try {
      const data = CardData.of(raw);
      return answerInteractor(context, await buildForm(context, deps, ideaRefOf(data), benefitFormRequestOf(data)));
    } catch (error) {
      return refusal(context, deps, 'benefit.form', error);
    }
  };
}

/** How the form's problems are worded: in the values' measure, from the plan or the chosen category. */
async function formProblems(deps: AppDeps, locale: Locale, target: IdeaRef, command: RegisterBenefit, error: ValidationError, settings: OrganisationSettings, person: ReturnType<typeof actor>['person']) {
  const { story, from } = command.fromBenefitId
    ? await deps.services.benefitRegistration.formFor(person, target.unitId, target.number, command.fromBenefitId).catch(() => ({ story: undefined, from: undefined }))
    : { story: undefined, from: undefined };
  const plan = planOf(from, story?.plan);
  const category = findCategory(settings, plan?.category ?? command.benefit.category ?? '');
  const period = plan?.period ?? BENEFIT_PERIODS.find((p) => p === command.benefit.period) ?? 'oneOff';
  const unit = plan?.unit ?? category?.unit ?? command.benefit.unit;
  const form = benefitCardForm({ measure: plan?.measure ?? category?.measure ?? 'quality', period, ...(unit ? { unit } : {}), settings });
  const unconfirmed = error.issues.find((issue) => issue.problem === 'unconfirmed');
  const others = error.issues.filter((issue) => issue.problem !== 'unconfirmed');
  return {
    errors: cardErrors(locale, new ValidationError(others), form),
    ...(unconfirmed ? { confirm: issueText(locale, unconfirmed, form) } : {}),
    // Only a confirmation asked for: the form says so by the toggle, not as an error at the top.
    ...(others.length ? { error: t(locale, 'error.invalid') } : {}),
  };
}

/**
 * benefit.register: stores the registration (a measurement goes to the service-area leaders for
 * approval) and answers with its card; a refusal gives the form back with what was typed and
 * each problem next to its field, or asks to confirm an unusually large amount.
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
      const { benefit, story, idea, unit } = await deps.services.benefitRegistration.register({ ...person, teamsId: context.activity.from.id }, { unitId: target.unitId, ideaNumber: target.number }, command);
      // Stored: from here on only the card is built, so nothing below may suggest it failed.
      // The registrant never decides on their own gain, so this is never a decision card.
      const view: BenefitCardView = { benefit, story, idea, unit, settings: org.settings, canDecide: decisionRight(access, unit, benefit) === 'decides' };
      const headline = t(locale, 'benefit.registered', { id: shortId(unit.code, benefit.ideaNumber) });
      const card = await viewCard(context, deps, view, { headline }).catch(() => benefitCard(locale, view, { headline }));
      return answerInteractor(context, card);
    } catch (error) {
      logRefusal(deps.logger, 'benefit.register', error);
      try {
        const { locale, person, org } = actor(context);
        const values: BenefitFormValues = { ...EMPTY_BENEFIT_FORM, ...data.typed(BENEFIT_FORM_INPUTS), confirmLarge: 'false' };
        const extra: FormExtra =
          error instanceof ValidationError ? { values, ...(await formProblems(deps, locale, target, command, error, org.settings, person)) } : { values, error: errorText(locale, error) };
        return answerInteractor(context, await buildForm(context, deps, target, { ...(command.fromBenefitId ? { fromBenefitId: command.fromBenefitId } : {}), details: true }, extra));
      } catch (formError) {
        return refusal(context, deps, 'benefit.register', formError);
      }
    }
  };
}
