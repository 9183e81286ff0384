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
import { AlreadyDecidedError, canDecide } from '../../domain/benefitRules';
import { DomainError, ValidationError } from '../../domain/errors';
import { shortId } from '../../domain/ideas';
import { Locale } from '../../domain/locale';
import { OrganisationSnapshot, Unit, unitForChannel } from '../../domain/organisation';
import { TextKey, t } from '../../i18n';
import { formatDate } from '../../i18n/format';
import { BenefitKey } from '../../ports/benefitRepository';
import { serviceAreaLeaderIds } from '../../services/benefits/approvers';
import { LedgerScope } from '../../services/benefits/benefitLedger';
import { isChannel } from '../activityInfo';
import { AppDeps } from '../deps';
import { logRefusal, refusalNotice } from '../refusals';
import { errorText, fieldMessages } from '../errorText';
import { answerInteractor } from '../invokeAnswer';
import { sendCard } from '../replies';
import { actor, turnInfo } from '../turn';

/**
 * Benefit realisation in Teams: the benefit form on an idea, the registration card that is also
 * the service-area leader's approval card, and the benefit ledger. Every card action is answered
 * to the person who pressed only (see invokeAnswer.ts); who may decide is checked by the service.
 */

type Data = Readonly<Record<string, unknown>>;

export const BENEFIT_FIELD_LABELS: Readonly<Record<string, TextKey>> = {
  category: 'benefitForm.categoryLabel',
  kind: 'benefitForm.kindLabel',
  stage: 'benefitForm.stageLabel',
  amount: 'benefitForm.amountLabel',
  period: 'benefitForm.periodLabel',
  measure: 'benefitForm.measureLabel',
  indicator: 'benefitForm.indicatorLabel',
  baseline: 'benefitForm.baselineLabel',
  measured: 'benefitForm.measuredLabel',
  usage: 'benefitForm.usageLabel',
  ownerId: 'benefitForm.ownerLabel',
  evidence: 'benefitForm.evidenceLabel',
};

const DECISION_LABELS: Readonly<Record<string, TextKey>> = { comment: 'benefit.commentLabel' };

/** Card verbs that decide on a realized benefit, and the decision each stands for. */
export const BENEFIT_DECISION_VERBS: readonly [string, Decision][] = [
  ['benefit.approve', 'approved'],
  ['benefit.reject', 'rejected'],
  ['benefit.requestChanges', 'changesRequested'],
];

/** A headline carried through a refresh is display text only; it is kept short. */
const MAX_HEADLINE = 500;

const str = (value: unknown): string => (typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '');

/** Which idea a card action is about. Card data comes back as strings; anything odd is "not found". */
function ideaTarget(data: Data): { unitId: string; number: number } {
  const unitId = str(data.unitId);
  const number = Number(data.number);
  if (!unitId || !Number.isInteger(number) || number < 1) throw new DomainError('notFound');
  return { unitId, number };
}

function benefitTarget(data: Data): BenefitKey {
  const { unitId, number } = ideaTarget(data);
  const id = str(data.benefitId);
  if (!id) throw new DomainError('notFound');
  return { unitId, ideaNumber: number, id };
}

function formValues(data: Data): BenefitFormValues {
  return Object.fromEntries(Object.keys(EMPTY_BENEFIT_FORM).map((key) => [key, str(data[key])])) as unknown as BenefitFormValues;
}




/** A short refusal when not even the card can be shown (gone, or not yours to see). */
function refusal(context: TurnContext, deps: AppDeps, verb: string, error: unknown, forbiddenDetail?: TextKey): Promise<AdaptiveCardJson> {
  // Not actor(): the refusal may be that Teams did not say who acted.
  const { locale } = turnInfo(context);
  logRefusal(deps.logger, verb, error);
  return answerInteractor(context, refusalNotice(locale, errorText(locale, error, forbiddenDetail ? t(locale, forbiddenDetail) : '')));
}

// ---------------------------------------------------------------------------------------------
// The registration card

/** The submitter, whoever decided, and the unit's service-area leaders who have met the bot. */
async function refreshUserIds(deps: AppDeps, org: OrganisationSnapshot, benefit: Benefit, unit: Unit): Promise<string[]> {
  const leaders = await Promise.all(serviceAreaLeaderIds(org, unit).map((id) => deps.services.people.get(id).catch(() => undefined)));
  return [...knownRefreshIds(benefit), ...leaders.flatMap((record) => (record?.teamsUserId ? [record.teamsUserId] : []))];
}

async function viewCard(context: TurnContext, deps: AppDeps, view: BenefitCardView, options: BenefitCardOptions = {}): Promise<AdaptiveCardJson> {
  const { locale, org } = actor(context);
  return benefitCard(locale, view, { ...options, refreshUserIds: await refreshUserIds(deps, org, view.benefit, view.unit) });
}

/** benefit.refresh: the registration as this person sees it now (Universal Actions refresh). */
export function refreshBenefit(deps: AppDeps) {
  return async (context: TurnContext, _state: unknown, data: Data): Promise<AdaptiveCardJson> => {
    try {
      const { person } = actor(context);
      const view = await deps.services.benefitApproval.view(person, benefitTarget(data));
      // The notification's headline ("new approval request") stays while it is still true.
      const headline = str(data.headline).slice(0, MAX_HEADLINE);
      const keep = headline && str(data.shownApproval) === view.benefit.approval;
      return answerInteractor(context, await viewCard(context, deps, view, keep ? { headline } : {}));
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
  return async (context: TurnContext, _state: unknown, data: Data): Promise<AdaptiveCardJson> => {
    const verb = BENEFIT_DECISION_VERBS.find(([, d]) => d === outcome)?.[0] ?? 'benefit.decide';
    let key: BenefitKey;
    try {
      key = benefitTarget(data);
    } catch (error) {
      return refusal(context, deps, verb, error);
    }
    try {
      const { locale, person } = actor(context);
      const view = await deps.services.benefitApproval.decide({ ...person, teamsId: context.activity.from.id }, key, outcome, data);
      return answerInteractor(context, await viewCard(context, deps, view, { note: t(locale, 'benefit.decisionSaved', { outcome: decisionWord(locale, outcome) }), noteColor: 'Good' }));
    } catch (error) {
      logRefusal(deps.logger, verb, error);
      try {
        const { locale, person } = actor(context);
        const comment = str(data.comment);
        const options: BenefitCardOptions =
          error instanceof AlreadyDecidedError
            ? { note: alreadyDecidedNote(locale, error.current), noteColor: 'Attention' }
            : error instanceof ValidationError
              ? { note: t(locale, 'error.invalid'), noteColor: 'Attention', errors: fieldMessages(locale, error, DECISION_LABELS), comment }
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
  return async (context: TurnContext, _state: unknown, data: Data): Promise<AdaptiveCardJson> => {
    try {
      return answerInteractor(context, await buildForm(context, deps, ideaTarget(data), str(data.fromBenefitId)));
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
  return async (context: TurnContext, _state: unknown, data: Data): Promise<AdaptiveCardJson> => {
    let target: { unitId: string; number: number };
    try {
      target = ideaTarget(data);
    } catch (error) {
      return refusal(context, deps, 'benefit.register', error);
    }
    try {
      const { locale, person, access, org } = actor(context);
      const { benefit, idea, unit } = await deps.services.benefitRegistration.register({ ...person, teamsId: context.activity.from.id }, { unitId: target.unitId, ideaNumber: target.number }, data);
      // Stored: from here on only the card is built, so nothing below may suggest it failed.
      const view: BenefitCardView = { benefit, idea, unit, settings: org.settings, canDecide: canDecide(access, unit) };
      const headline = t(locale, 'benefit.registered', { id: shortId(unit.code, benefit.ideaNumber) });
      const card = await viewCard(context, deps, view, { headline }).catch(() => benefitCard(locale, view, { headline }));
      return answerInteractor(context, card);
    } catch (error) {
      logRefusal(deps.logger, 'benefit.register', error);
      try {
        const { locale } = actor(context);
        const extra: FormExtra =
          error instanceof ValidationError
            ? { values: formValues(data), error: t(locale, 'error.invalid'), errors: fieldMessages(locale, error, BENEFIT_FIELD_LABELS) }
            : { values: formValues(data), error: errorText(locale, error) };
        return answerInteractor(context, await buildForm(context, deps, target, str(data.fromBenefitId), extra));
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

function toLedgerScope(data: Data): LedgerScope {
  const id = str(data.id);
  switch (str(data.kind)) {
    case 'organisation':
      return { kind: 'organisation' };
    case 'area':
      if (id) return { kind: 'area', areaId: id };
      break;
    case 'unit':
      if (id) return { kind: 'unit', unitId: id };
      break;
  }
  throw new DomainError('notFound');
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
    const view = await deps.services.benefitLedger.ledger(person, toLedgerScope({ kind: scope.kind, id: scope.id }));
    // A channel's card is shared: no buttons that only make sense for the person who asked.
    await sendCard(context, ledgerCard(locale, view, channelUnit || isChannel(context.activity) ? [] : scopes));
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    logRefusal(deps.logger, 'benefits', error);
    await context.sendActivity(errorText(locale, error, t(locale, 'ledger.forbidden')));
  }
}

/** benefit.ledger {kind, id}: that ledger, for the person who pressed only. */
export function ledgerShow(deps: AppDeps) {
  return async (context: TurnContext, _state: unknown, data: Data): Promise<AdaptiveCardJson> => {
    try {
      const { locale, person, access, org } = actor(context);
      const view = await deps.services.benefitLedger.ledger(person, toLedgerScope(data));
      return answerInteractor(context, ledgerCard(locale, view, ledgerScopesFor(access, org)));
    } catch (error) {
      return refusal(context, deps, 'benefit.ledger', error, 'ledger.forbidden');
    }
  };
}
