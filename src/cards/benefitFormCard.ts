import { BenefitMeasure } from '../domain/benefitMeasure';
import { plannedGain } from '../domain/benefitGain';
import { BENEFIT_PERIODS, BENEFIT_STAGES, Benefit, FREED_USES } from '../domain/benefits';
import { LocalDate, addMonths } from '../domain/dates';
import { Idea, PersonName } from '../domain/ideas';
import { Locale } from '../domain/locale';
import { OrganisationSettings, Unit, findCategory } from '../domain/organisation';
import { TextKey, t } from '../i18n';
import { formatDate } from '../i18n/format';
import { perPeriodText, typedValue, valueText } from './benefitValues';
import { categoryLabel, choices, ideaId } from './labels';
import { Choice } from './models';
import { BenefitFormCardData, BenefitFormValues } from './benefitModels';
import { AdaptiveCardJson, renderCard } from './renderer';

/** The benefit form: what the gain is first, then only the fields its measure needs. */

export const EMPTY_BENEFIT_FORM: BenefitFormValues = {
  category: '',
  stage: '',
  period: '',
  indicator: '',
  unit: '',
  baseline: '',
  baselineOn: '',
  target: '',
  targetBy: '',
  measured: '',
  measuredOn: '',
  gap: '',
  use: '',
  useText: '',
  ownerId: '',
  evidence: '',
  confirmLarge: 'false',
};

/** What the second step registers: a plan, a measurement of a plan, or a gain measured without one. */
export type BenefitFormMode = 'plan' | 'measurement' | 'unplanned';

export interface BenefitFormOptions {
  readonly idea: Idea;
  readonly unit: Unit;
  readonly settings: OrganisationSettings;
  readonly people: readonly PersonName[];
  readonly step: 'choose' | 'details';
  readonly values?: Partial<BenefitFormValues>;
  /** The plan a measurement follows up. */
  readonly plan?: Benefit;
  /** The registration the form was opened from (a plan, or a measurement sent back). */
  readonly fromBenefitId?: string;
  readonly lead?: string;
  readonly error?: string;
  readonly errors?: Readonly<Record<string, string>>;
  /** Shows the "the amount is right" toggle with this text. */
  readonly confirm?: string;
}

/** A fresh form: the idea's first expected benefit area, its owner (or the viewer) as benefit owner, today's dates. */
export function benefitFormDefaults(idea: Idea, settings: OrganisationSettings, people: readonly PersonName[], viewerId: string, today: LocalDate): BenefitFormValues {
  const category = idea.benefitAreas.find((area) => settings.benefitCategories.some((c) => c.id === area)) ?? '';
  const known = (id: string | undefined) => (id && people.some((p) => p.id === id) ? id : undefined);
  return { ...EMPTY_BENEFIT_FORM, category, ...datesFrom(today), ownerId: known(idea.owner?.id) ?? known(viewerId) ?? '' };
}

/** Today for what was measured, three months ahead for a target: the first follow-up. */
const datesFrom = (today: LocalDate) => ({ baselineOn: today, measuredOn: today, targetBy: addMonths(today, 3) });

/**
 * The form opened from a registration: measuring a plan (its dates only), or measuring again what
 * the TOL sent back (as typed then, so only the change needs typing).
 */
export function benefitFormFrom(locale: Locale, from: Benefit, today: LocalDate): BenefitFormValues {
  const base = { ...EMPTY_BENEFIT_FORM, ...datesFrom(today), category: from.category, stage: 'realized', ownerId: from.owner.id };
  if (from.stage === 'identified') return base;
  return {
    ...base,
    period: from.period,
    indicator: from.indicator ?? '',
    unit: from.unit ?? '',
    baseline: typedValue(locale, from.measure, from.baseline?.value),
    baselineOn: from.baseline?.on ?? today,
    measured: typedValue(locale, from.measure, from.measured?.value),
    measuredOn: from.measured?.on ?? today,
    gap: from.gap ?? '',
    use: from.use && from.use.kind !== 'unstated' ? from.use.kind : '',
    useText: from.use?.text ?? '',
    evidence: from.evidence ?? '',
  };
}

const isSummedMeasure = (measure: BenefitMeasure) => measure === 'hours' || measure === 'money';

export function benefitFormCard(locale: Locale, options: BenefitFormOptions): AdaptiveCardJson {
  const { idea, unit, settings, plan } = options;
  const values = { ...EMPTY_BENEFIT_FORM, ...options.values };
  const category = findCategory(settings, plan?.category ?? values.category);
  const measure: BenefitMeasure = plan?.measure ?? category?.measure ?? 'quality';
  const mode: BenefitFormMode = plan ? 'measurement' : values.stage === 'realized' ? 'unplanned' : 'plan';
  const unitName = plan?.unit ?? category?.unit ?? values.unit;
  const label = (key: 'baselineLabel' | 'targetLabel' | 'measuredLabel') => t(locale, `benefitForm.${key}.${measure}`, { currency: settings.currency, unit: unitName || '' }).replace(/, $/, '');
  const required = (key: TextKey) => t(locale, 'field.required', { field: t(locale, key) });
  const data: BenefitFormCardData = {
    ref: { unitId: unit.id, number: idea.number, fromBenefitId: options.fromBenefitId ?? '' },
    idea: `${ideaId(unit.code, idea.number)} ${idea.title}`,
    unitName: unit.name,
    step: options.step,
    ...(options.lead ? { lead: options.lead } : {}),
    ...(options.error ? { error: options.error } : {}),
    errors: options.errors ?? {},
    values: { ...values, category: plan?.category ?? values.category, stage: plan ? 'realized' : values.stage },
    categories: settings.benefitCategories.map((c): Choice => ({ value: c.id, title: categoryLabel(locale, c) })),
    stages: choices(BENEFIT_STAGES, (v) => t(locale, `benefitStage.${v}`)),
    heading: t(locale, mode === 'plan' ? 'benefit.kindPlan' : mode === 'measurement' ? 'benefit.kindMeasurement' : 'benefit.kindUnplanned', { category: categoryLabel(locale, category ?? { id: values.category, measure }) }),
    intro: t(locale, mode === 'plan' ? 'benefitForm.planIntro' : mode === 'measurement' ? 'benefitForm.measureIntro' : 'benefitForm.unplannedIntro'),
    show: {
      indicator: mode !== 'measurement',
      unit: mode !== 'measurement' && (measure === 'quantity' || measure === 'quality') && !category?.unit,
      period: mode !== 'measurement' && measure !== 'quality',
      baseline: mode !== 'measurement' || !plan?.baseline,
      target: mode === 'plan',
      measured: mode !== 'plan',
      gap: mode === 'measurement' && plan !== undefined && plannedGain(plan) !== undefined,
      use: mode !== 'plan' && isSummedMeasure(measure),
      owner: mode !== 'measurement',
    },
    labels: {
      indicatorPlaceholder: t(locale, `benefitForm.indicatorPlaceholder.${measure}`),
      baseline: label('baselineLabel'),
      target: label('targetLabel'),
      measured: label('measuredLabel'),
      use: t(locale, measure === 'money' ? 'benefitForm.useLabel.money' : 'benefitForm.useLabel.hours'),
    },
    planFacts: plan ? planFacts(locale, plan, settings) : [],
    periods: choices(BENEFIT_PERIODS, (v) => t(locale, `benefitPeriod.${v}`)),
    uses: choices(FREED_USES, (v) => t(locale, `freedUse.${v}`)),
    people: options.people.map((p): Choice => ({ value: p.id, title: p.name })),
    ...(options.confirm ? { confirm: options.confirm } : {}),
    submitTitle: t(locale, mode === 'plan' ? 'benefitForm.submitPlan' : 'benefitForm.submitMeasurement'),
    requiredMessages: {
      category: required('benefitForm.categoryLabel'),
      stage: required('benefitForm.stageLabel'),
      indicator: required('benefitForm.indicatorLabel'),
      period: required('benefitForm.periodLabel'),
      baseline: t(locale, 'field.required', { field: label('baselineLabel') }),
      baselineOn: required('benefitForm.baselineOnLabel'),
      target: t(locale, 'field.required', { field: label('targetLabel') }),
      targetBy: required('benefitForm.targetByLabel'),
      measured: t(locale, 'field.required', { field: label('measuredLabel') }),
      measuredOn: required('benefitForm.measuredOnLabel'),
      ownerId: required('benefitForm.ownerLabel'),
    },
  };
  return renderCard('benefit-form', locale, data);
}

/** What a measurement is measured against: the plan's indicator, baseline, target and planned gain. */
export function planFacts(locale: Locale, plan: Benefit, settings: OrganisationSettings): { title: string; value: string }[] {
  const value = (scaled: number) => valueText(locale, plan.measure, scaled, settings, plan.unit);
  const planned = plannedGain(plan);
  return [
    ...(plan.indicator ? [{ title: t(locale, 'benefit.indicator'), value: plan.indicator }] : []),
    ...(plan.baseline ? [{ title: t(locale, 'benefit.baseline'), value: t(locale, 'benefit.reading', { value: perPeriodText(locale, plan, plan.baseline.value, settings), date: formatDate(locale, plan.baseline.on) }) }] : []),
    ...(plan.target ? [{ title: t(locale, 'benefit.target'), value: t(locale, 'benefit.targetReading', { value: perPeriodText(locale, plan, plan.target.value, settings), date: formatDate(locale, plan.target.on) }) }] : []),
    ...(planned !== undefined ? [{ title: t(locale, 'benefit.planned', { amount: '' }).replace(/:\s*$/, ''), value: plan.measure === 'quality' ? value(planned) : perPeriodText(locale, plan, planned, settings) }] : []),
  ];
}
