import { readAmount } from './amounts';
import { BenefitMeasure, Direction, MEASURE_SCALE } from './benefitMeasure';
import { directionOf, gainOf, shortfallOf } from './benefitGain';
import { PlausibilityContext, plausibilityIssues } from './benefitPlausibility';
import { BENEFIT_PERIODS, BENEFIT_STAGES, Benefit, BenefitPeriod, FREED_USES, FreedUse, Reading } from './benefits';
import { LocalDate, addYears, isLocalDate } from './dates';
import { ValidationError } from './errors';
import { FieldChecker, MAX_YEARS_AHEAD } from './fieldChecker';
import { PersonName } from './ideas';
import { BenefitCategory } from './organisation';

/** What the benefit card says, checked; the rest of a registration comes from who registers it and when. */
export type BenefitDraft = Pick<
  Benefit,
  'category' | 'measure' | 'stage' | 'period' | 'amount' | 'indicator' | 'unit' | 'better' | 'baseline' | 'target' | 'measured' | 'planId' | 'gap' | 'use' | 'owner' | 'evidence'
>;

/** The benefit form as typed. Values as written: "1 500,5" and "1500.50" are both fine (see amounts.ts). */
export interface BenefitInput {
  readonly category?: string;
  /** identified: a plan; realized: a measurement (of the plan it follows up, or an unplanned gain). */
  readonly stage?: string;
  readonly period?: string;
  readonly indicator?: string;
  readonly unit?: string;
  readonly baseline?: string;
  readonly baselineOn?: string;
  readonly target?: string;
  readonly targetBy?: string;
  readonly measured?: string;
  readonly measuredOn?: string;
  readonly gap?: string;
  /** budget or otherWork. */
  readonly use?: string;
  readonly useText?: string;
  /** Entra object id of the benefit owner, one of the unit's people. */
  readonly ownerId?: string;
  readonly evidence?: string;
  /** "true" when the person confirmed an unusually large amount. */
  readonly confirmLarge?: string;
}

export interface BenefitCheckContext {
  readonly categories: readonly BenefitCategory[];
  readonly people: readonly PersonName[];
  readonly today: LocalDate;
  readonly plausibility: Omit<PlausibilityContext, 'confirmed'>;
}

/** A baseline or measurement older than this is a slip of the year. */
const MAX_YEARS_BACK = 10;

/**
 * Checks a benefit registration, following benefit-realisation practice (DFØ, KS): a plan has an
 * indicator, a baseline value and date, a target value and date, and an owner; a measurement a
 * dated measured value, a gap note where it falls short of the target, and for hours or money how
 * the freed resources are used. `plan` is the plan a measurement follows up; without it a
 * realized registration is an unplanned gain (a measurement without a prior plan).
 */
export function checkBenefitDraft(input: BenefitInput, context: BenefitCheckContext, plan?: Benefit): BenefitDraft {
  return plan ? checkMeasurement(input, context, plan) : checkNew(input, context);
}

/** A plan, or an unplanned gain: the category chooses the measure and so the fields. */
function checkNew(input: BenefitInput, context: BenefitCheckContext): BenefitDraft {
  const checks = new BenefitChecks(context);
  const categoryId = checks.oneOf('category', input.category, context.categories.map((c) => c.id), { required: true });
  const stage = checks.oneOf('stage', input.stage, BENEFIT_STAGES, { required: true });
  const category = context.categories.find((c) => c.id === categoryId);
  const owner = checks.person('ownerId', input.ownerId, context.people, { required: true });
  const evidence = checks.text('evidence', input.evidence, 'longText');
  if (!category || !stage) throw new ValidationError(checks.issues);
  const { measure } = category;
  const period = checks.period(measure, input.period);
  const indicator = checks.text('indicator', input.indicator, 'shortText', { required: true });
  const unit = category.unit ?? checks.text('unit', input.unit, 'name', { required: measure === 'quantity' });
  const baseline = checks.reading(measure, 'baseline', input.baseline, 'baselineOn', input.baselineOn, { past: true });
  const common = { category: category.id, measure, period: period ?? 'oneOff', ...(indicator ? { indicator } : {}), ...(unit && (measure === 'quantity' || measure === 'quality') ? { unit } : {}), ...(evidence ? { evidence } : {}) };
  if (stage === 'identified') {
    const target = checks.reading(measure, 'target', input.target, 'targetBy', input.targetBy, { after: baseline?.on });
    const better = baseline && target ? checks.direction(measure, baseline, target) : undefined;
    const gain = better && baseline && target ? gainOf(better, baseline.value, target.value) : undefined;
    if (period) checks.plausible(measure, period, [{ field: 'baseline', reading: baseline }, { field: 'target', reading: target }], gain, baseline?.value, input.confirmLarge);
    if (checks.issues.length || !owner || !period || !baseline || !target || !better || gain === undefined) throw new ValidationError(checks.issues);
    return { ...common, stage, amount: gain, better, baseline, target, owner };
  }
  const measured = checks.reading(measure, 'measured', input.measured, 'measuredOn', input.measuredOn, { past: true, after: baseline?.on });
  // Unplanned, the gain says which way is better: it is registered because things improved.
  const better = baseline && measured ? checks.direction(measure, baseline, measured, 'measured') : undefined;
  const gain = better && baseline && measured ? gainOf(better, baseline.value, measured.value) : undefined;
  const use = checks.use(measure, input.use, input.useText);
  if (period) checks.plausible(measure, period, [{ field: 'baseline', reading: baseline }, { field: 'measured', reading: measured }], gain, baseline?.value, input.confirmLarge);
  if (checks.issues.length || !owner || !period || !baseline || !measured || !better || gain === undefined) throw new ValidationError(checks.issues);
  return { ...common, stage, amount: gain, better, baseline, measured, owner, ...(use ? { use } : {}) };
}

/**
 * A measurement of a plan: the plan fixes the category, indicator, period, baseline, direction
 * and owner. A plan from before values were numbers has no numeric baseline, so it is asked for.
 */
function checkMeasurement(input: BenefitInput, context: BenefitCheckContext, plan: Benefit): BenefitDraft {
  const checks = new BenefitChecks(context);
  const { measure, period } = plan;
  const baseline = plan.baseline ?? checks.reading(measure, 'baseline', input.baseline, 'baselineOn', input.baselineOn, { past: true });
  const measured = checks.reading(measure, 'measured', input.measured, 'measuredOn', input.measuredOn, { past: true, after: baseline?.on });
  const better: Direction | undefined = plan.better ?? (measure === 'hours' || measure === 'money' ? 'lower' : baseline && measured ? checks.direction(measure, baseline, measured, 'measured') : undefined);
  const signed = better && baseline && measured ? gainOf(better, baseline.value, measured.value) : undefined;
  const gain = signed === undefined ? undefined : Math.max(0, signed);
  const gap = checks.text('gap', input.gap, 'shortText');
  const short = gain === undefined ? 0 : shortfallOf(plan, gain);
  if (short > 0 && !gap) checks.add({ field: 'gap', problem: 'required', params: { reason: 'shortfall', gain: gain ?? 0, planned: gain === undefined ? 0 : gain + short } });
  const use = gain ? checks.use(measure, input.use, input.useText) : undefined;
  const evidence = checks.text('evidence', input.evidence, 'longText');
  checks.plausible(measure, period, [{ field: 'baseline', reading: plan.baseline ? undefined : baseline }, { field: 'measured', reading: measured }], gain, baseline?.value, input.confirmLarge);
  if (checks.issues.length || !baseline || !measured || !better || gain === undefined) throw new ValidationError(checks.issues);
  return {
    category: plan.category,
    measure,
    stage: 'realized',
    period,
    amount: gain,
    ...(plan.indicator ? { indicator: plan.indicator } : {}),
    ...(plan.unit ? { unit: plan.unit } : {}),
    better,
    baseline,
    measured,
    planId: plan.id,
    owner: plan.owner,
    ...(gap ? { gap } : {}),
    ...(use ? { use } : {}),
    ...(evidence ? { evidence } : {}),
  };
}

/** The field checks of a benefit form, on top of the general ones. */
class BenefitChecks extends FieldChecker {
  constructor(private readonly context: BenefitCheckContext) {
    super();
  }

  /** The period the values are per; quality is a state, not a flow, so it has none. */
  period(measure: BenefitMeasure, raw: string | undefined): BenefitPeriod | undefined {
    return measure === 'quality' ? 'oneOff' : this.oneOf('period', raw, BENEFIT_PERIODS, { required: true });
  }

  /** A value in the measure's scale and its date; a refused value says why (see AmountRefusal). */
  reading(measure: BenefitMeasure, field: string, raw: string | undefined, dateField: string, rawDate: string | undefined, when: { past?: boolean; after?: LocalDate }): Reading | undefined {
    const text = raw?.trim() ?? '';
    let value: number | undefined;
    if (!text) this.add({ field, problem: 'required' });
    else {
      const read = readAmount(text, MEASURE_SCALE[measure]);
      if (read.ok) value = read.value;
      else this.add({ field, problem: 'invalidFormat', params: { reason: read.reason, text: text.slice(0, 30) } });
    }
    const on = this.date(dateField, rawDate, when);
    return value !== undefined && on ? { value, on } : undefined;
  }

  date(field: string, raw: string | undefined, when: { past?: boolean; after?: LocalDate }): LocalDate | undefined {
    const value = raw?.trim().slice(0, 10) ?? '';
    const { today } = this.context;
    if (!value) this.add({ field, problem: 'required' });
    else if (!isLocalDate(value) || value < addYears(today, -MAX_YEARS_BACK)) this.add({ field, problem: 'invalidFormat' });
    else if (when.past && value > today) this.add({ field, problem: 'futureDate' });
    else if (value > addYears(today, MAX_YEARS_AHEAD)) this.add({ field, problem: 'tooFarAhead', params: { years: MAX_YEARS_AHEAD } });
    else if (when.after && value < when.after) this.add({ field, problem: 'beforeBaseline' });
    else return value;
    return undefined;
  }

  /** Which way is better, from where the value lies against the baseline; no change is no gain. */
  direction(measure: BenefitMeasure, baseline: Reading, value: Reading, field = 'target'): Direction | undefined {
    const better = directionOf(measure, baseline.value, value.value);
    if (!better) this.add({ field, problem: 'implausible', params: { reason: 'noChange' } });
    else if (gainOf(better, baseline.value, value.value) <= 0) {
      // Hours and money are what is spent: a plan to spend more is no saving.
      this.add({ field, problem: 'implausible', params: { reason: 'notLower' } });
      return undefined;
    }
    return better;
  }

  /** How freed hours or money are used: cut from the budget, or named other work. */
  use(measure: BenefitMeasure, raw: string | undefined, rawText: string | undefined): FreedUse | undefined {
    if (measure !== 'hours' && measure !== 'money') return undefined;
    const kind = this.oneOf('use', raw, FREED_USES, { required: true });
    const text = this.text('useText', rawText, 'shortText', { required: kind === 'otherWork' });
    return kind ? { kind, ...(text ? { text } : {}) } : undefined;
  }

  plausible(measure: BenefitMeasure, period: BenefitPeriod, readings: readonly { field: string; reading: Reading | undefined }[], gain: number | undefined, baseline: number | undefined, confirm: string | undefined): void {
    const values = readings.flatMap(({ field, reading }) => (reading ? [{ field, value: reading.value }] : []));
    const issues = plausibilityIssues(measure, period, values, gain, baseline, { ...this.context.plausibility, confirmed: confirm === 'true' });
    issues.forEach((issue) => this.add(issue));
  }
}
