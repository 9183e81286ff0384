import { parseAmount } from './amounts';
import { BENEFIT_KINDS, BENEFIT_PERIODS, BENEFIT_STAGES, Benefit, KIND_SCALE } from './benefits';
import { ValidationError } from './errors';
import { FieldChecker } from './fieldChecker';
import { PersonName } from './ideas';

/** What the benefit card says, checked; the rest of a registration comes from who registers it and when. */
export type BenefitDraft = Pick<Benefit, 'category' | 'kind' | 'stage' | 'period' | 'amount' | 'measure' | 'indicator' | 'baseline' | 'measured' | 'usage' | 'owner' | 'evidence'>;

/** The benefit form as typed. */
export interface BenefitInput {
  readonly category?: string;
  readonly kind?: string;
  readonly stage?: string;
  readonly period?: string;
  /** As written: "1 500,5" and "1500.50" are both fine (see amounts.ts). */
  readonly amount?: string;
  readonly measure?: string;
  readonly indicator?: string;
  readonly baseline?: string;
  readonly measured?: string;
  readonly usage?: string;
  /** Entra object id of the benefit owner, one of the unit's people. */
  readonly ownerId?: string;
  readonly evidence?: string;
}

/**
 * Checks a benefit registration. What is required depends on the kind and stage, following the
 * benefit-realisation practice: a realized gain states its measured value, and a realized time or
 * money gain states how the freed resources are used.
 */
export function checkBenefitDraft(input: BenefitInput, context: { readonly categories: readonly string[]; readonly people: readonly PersonName[] }): BenefitDraft {
  const checks = new FieldChecker();
  const category = checks.oneOf('category', input.category, context.categories, { required: true });
  const kind = checks.oneOf('kind', input.kind, BENEFIT_KINDS, { required: true });
  const stage = checks.oneOf('stage', input.stage, BENEFIT_STAGES, { required: true });
  const period = kind === 'quality' ? 'oneOff' : checks.oneOf('period', input.period, BENEFIT_PERIODS, { required: true });
  let amount: number | undefined;
  if (kind && kind !== 'quality') {
    const text = input.amount?.trim() ?? '';
    if (!text) checks.add({ field: 'amount', problem: 'required' });
    else {
      amount = parseAmount(text, KIND_SCALE[kind]);
      if (amount === undefined || amount === 0) checks.add({ field: 'amount', problem: 'invalidFormat' });
    }
  }
  const needsMeasure = kind === 'quantity' || kind === 'resource';
  const measure = checks.text('measure', input.measure, 'name', { required: needsMeasure });
  const indicator = checks.text('indicator', input.indicator, 'shortText', { required: kind === 'quality' });
  const baseline = checks.text('baseline', input.baseline, 'shortText');
  const measured = checks.text('measured', input.measured, 'shortText', { required: stage === 'realized' });
  const usage = checks.text('usage', input.usage, 'longText', { required: stage === 'realized' && (kind === 'time' || kind === 'money') });
  const evidence = checks.text('evidence', input.evidence, 'longText');
  const owner = checks.person('ownerId', input.ownerId, context.people, { required: true });
  if (checks.issues.length || !category || !kind || !stage || !period || !owner) throw new ValidationError(checks.issues);
  return {
    category,
    kind,
    stage,
    period,
    owner,
    ...(amount !== undefined ? { amount } : {}),
    ...(needsMeasure && measure ? { measure } : {}),
    ...(indicator ? { indicator } : {}),
    ...(baseline ? { baseline } : {}),
    ...(measured ? { measured } : {}),
    ...(usage ? { usage } : {}),
    ...(evidence ? { evidence } : {}),
  };
}
