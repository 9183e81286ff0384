import { EMPTY_BENEFIT_FORM } from '../../cards/benefitFormCard';
import { perPeriodText, valueText } from '../../cards/benefitValues';
import { decimalsOf } from '../../domain/amounts';
import { BenefitMeasure, MEASURE_SCALE } from '../../domain/benefitMeasure';
import { BenefitPeriod, Decision } from '../../domain/benefits';
import { DomainError, FieldIssue } from '../../domain/errors';
import { isSlug, isUnitId } from '../../domain/ids';
import { Locale } from '../../domain/locale';
import { OrganisationSettings } from '../../domain/organisation';
import { TextKey, t } from '../../i18n';
import { formatNumber } from '../../i18n/format';
import { LedgerScope } from '../../services/benefits/benefitLedger';
import { DecideBenefit } from '../../services/benefits/benefitApproval';
import { RegisterBenefit } from '../../services/benefits/benefitRegistration';
import { LedgerExportPeriod, isLedgerExportPeriod } from '../../services/benefits/ledgerExport';
import { CardData } from './cardData';
import { CardForm, listedForm } from './cardForm';
import { optionalBenefitIdOf } from './refs';

/** The benefit form, the approval card and the ledger: their card data as typed commands. */

/** The form's inputs, kept as typed when the form comes back with problems. */
export const BENEFIT_FORM_INPUTS = Object.keys(EMPTY_BENEFIT_FORM);

export function benefitRegistrationOf(data: CardData): RegisterBenefit {
  const fromBenefitId = optionalBenefitIdOf(data, 'fromBenefitId');
  const text = (key: string) => data.text(key);
  return {
    benefit: {
      category: text('category'),
      stage: text('stage'),
      period: text('period'),
      indicator: text('indicator'),
      unit: text('unit'),
      baseline: text('baseline'),
      baselineOn: text('baselineOn'),
      target: text('target'),
      targetBy: text('targetBy'),
      measured: text('measured'),
      measuredOn: text('measuredOn'),
      gap: text('gap'),
      use: text('use'),
      useText: text('useText'),
      ownerId: text('ownerId'),
      evidence: text('evidence'),
      confirmLarge: data.token('confirmLarge'),
    },
    ...(fromBenefitId ? { fromBenefitId } : {}),
  };
}

/** Which step of the form a button asks for: the second once the gain is chosen (or a plan is measured). */
export interface BenefitFormRequest {
  readonly fromBenefitId?: string;
  readonly details: boolean;
  readonly category?: string;
  readonly stage?: string;
}

export function benefitFormRequestOf(data: CardData): BenefitFormRequest {
  const fromBenefitId = optionalBenefitIdOf(data, 'fromBenefitId');
  const category = data.text('category')?.trim();
  const stage = data.text('stage')?.trim();
  return { ...(fromBenefitId ? { fromBenefitId } : {}), details: data.token('step') === 'details', ...(category ? { category } : {}), ...(stage ? { stage } : {}) };
}

/** What the form's problems are said about: the measure its values are in. */
export interface BenefitFormSubject {
  readonly measure: BenefitMeasure;
  readonly period: BenefitPeriod;
  readonly unit?: string;
  readonly settings: Pick<OrganisationSettings, 'currency' | 'hoursPerFte'>;
}

const FIELD_LABELS: Readonly<Record<string, TextKey>> = {
  category: 'benefitForm.categoryLabel',
  stage: 'benefitForm.stageLabel',
  period: 'benefitForm.periodLabel',
  indicator: 'benefitForm.indicatorLabel',
  unit: 'benefitForm.unitLabel',
  baselineOn: 'benefitForm.baselineOnLabel',
  targetBy: 'benefitForm.targetByLabel',
  measuredOn: 'benefitForm.measuredOnLabel',
  gap: 'benefitForm.gapLabel',
  useText: 'benefitForm.useTextLabel',
  ownerId: 'benefitForm.ownerLabel',
  evidence: 'benefitForm.evidenceLabel',
};

/**
 * The benefit form's fields and its own messages: a refused value says why and what to write
 * instead, a time gain beyond the unit's hours says so with the numbers, an unusual gain asks to
 * be confirmed, and a shortfall asks for the gap.
 */
export function benefitCardForm(subject: BenefitFormSubject): CardForm {
  const { measure, settings } = subject;
  const label = (locale: Locale, field: string): string => {
    if (field === 'baseline' || field === 'target' || field === 'measured') {
      return t(locale, `benefitForm.${field}Label.${measure}`, { currency: settings.currency, unit: subject.unit ?? '' }).replace(/, $/, '');
    }
    if (field === 'use') return t(locale, measure === 'money' ? 'benefitForm.useLabel.money' : 'benefitForm.useLabel.hours');
    const key = FIELD_LABELS[field];
    return key ? t(locale, key) : field;
  };
  const gain = (locale: Locale, scaled: number) => (measure === 'quality' ? valueText(locale, measure, scaled, settings, subject.unit) : perPeriodText(locale, { measure, period: subject.period, ...(subject.unit ? { unit: subject.unit } : {}) }, scaled, settings));
  const message = (locale: Locale, issue: FieldIssue): string | undefined => {
    const params = { ...issue.params, field: label(locale, issue.field) };
    const reason = issue.params?.reason;
    if (issue.problem === 'invalidFormat' && typeof reason === 'string' && reason !== '') {
      return t(locale, `benefitForm.amount.${reason as 'notNumber'}`, { ...params, decimals: decimalsOf(MEASURE_SCALE[measure]) });
    }
    if (issue.problem === 'implausible' && reason === 'moreThanUnit') {
      const number = (key: string) => formatNumber(locale, Number(issue.params?.[key] ?? 0), 0);
      return t(locale, 'benefitForm.moreThanUnit', { ...params, hours: number('hours'), capacity: number('capacity'), hoursPerFte: number('hoursPerFte') });
    }
    if (issue.problem === 'implausible' && reason === 'noChange') return t(locale, 'benefitForm.noChange', params);
    if (issue.problem === 'implausible' && reason === 'notLower') return t(locale, 'benefitForm.notLower', params);
    if (issue.problem === 'unconfirmed') return t(locale, 'benefitForm.unconfirmed', { gain: typeof issue.params?.gain === 'number' ? gain(locale, issue.params.gain) : '' });
    if (issue.problem === 'required' && reason === 'shortfall') {
      return t(locale, 'benefitForm.shortfall', { gain: gain(locale, Number(issue.params?.gain ?? 0)), planned: gain(locale, Number(issue.params?.planned ?? 0)) });
    }
    if (issue.problem === 'duplicate' && reason === 'pending') return t(locale, 'benefitForm.pendingMeasurement', { date: String(issue.params?.date ?? '') });
    return undefined;
  };
  return { slot: (field) => field, label, message };
}

/** The button pressed is the outcome; the comment is the card's one input. */
export const benefitDecisionOf = (data: CardData, outcome: Decision): DecideBenefit => ({ outcome, comment: data.text('comment') });

/** The approvals list opens a registration with this mark, so its card offers the way back. */
export const openedFromInbox = (data: CardData): boolean => data.token('inbox') === '1';

export const DECISION_FORM: CardForm = listedForm({ comment: { label: 'benefit.commentLabel' } });

/** Which ledger a ledger button opens: the organisation's, or an area's or unit's by its slug. */
export function ledgerScopeOf(data: CardData): LedgerScope {
  const id = data.token('id') ?? '';
  const kind = data.token('kind');
  if (kind === 'organisation') return { kind: 'organisation' };
  if (kind === 'area' && isSlug(id)) return { kind: 'area', areaId: id };
  if (kind === 'unit' && isUnitId(id)) return { kind: 'unit', unitId: id };
  throw new DomainError('notFound');
}

/** benefit.export: a ledger and the period the finance office asks for. */
export function ledgerExportOf(data: CardData): { scope: LedgerScope; period: LedgerExportPeriod } {
  const period = data.token('period');
  if (!isLedgerExportPeriod(period)) throw new DomainError('notFound');
  return { scope: ledgerScopeOf(data), period };
}
