import { parseAmount } from './amounts';
import { BENEFIT_KINDS, BENEFIT_PERIODS, BENEFIT_STAGES, Benefit, KIND_SCALE } from './benefits';
import { ValidationError } from './errors';
import { PersonName } from './ideas';
import { FieldChecker } from './text';

/** What the benefit card says, checked; the rest of a registration comes from who registers it and when. */
export type BenefitDraft = Pick<Benefit, 'category' | 'kind' | 'stage' | 'period' | 'amount' | 'measure' | 'indicator' | 'baseline' | 'measured' | 'usage' | 'owner' | 'evidence'>;

type Raw = Readonly<Record<string, unknown>>;

/**
 * Reads the benefit card. What is required depends on the kind and stage, following the
 * benefit-realisation practice: a realized gain states its measured value, and a realized time or
 * money gain states how the freed resources are used.
 */
export function readBenefitDraft(raw: Raw, context: { readonly categories: readonly string[]; readonly people: readonly PersonName[] }): BenefitDraft {
  const checks = new FieldChecker();
  const category = checks.oneOf('category', raw.category, context.categories, { required: true });
  const kind = checks.oneOf('kind', raw.kind, BENEFIT_KINDS, { required: true });
  const stage = checks.oneOf('stage', raw.stage, BENEFIT_STAGES, { required: true });
  const period = kind === 'quality' ? 'oneOff' : checks.oneOf('period', raw.period, BENEFIT_PERIODS, { required: true });
  let amount: number | undefined;
  if (kind && kind !== 'quality') {
    const text = typeof raw.amount === 'string' || typeof raw.amount === 'number' ? String(raw.amount) : '';
    if (!text.trim()) checks.add({ field: 'amount', problem: 'required' });
    else {
      amount = parseAmount(text, KIND_SCALE[kind]);
      if (amount === undefined || amount === 0) checks.add({ field: 'amount', problem: 'invalidFormat' });
    }
  }
  const needsMeasure = kind === 'quantity' || kind === 'resource';
  const measure = checks.text('measure', raw.measure, 'name', { required: needsMeasure });
  const indicator = checks.text('indicator', raw.indicator, 'shortText', { required: kind === 'quality' });
  const baseline = checks.text('baseline', raw.baseline, 'shortText');
  const measured = checks.text('measured', raw.measured, 'shortText', { required: stage === 'realized' });
  const usage = checks.text('usage', raw.usage, 'longText', { required: stage === 'realized' && (kind === 'time' || kind === 'money') });
  const evidence = checks.text('evidence', raw.evidence, 'longText');
  const ownerId = typeof raw.ownerId === 'string' ? raw.ownerId.toLowerCase() : '';
  const owner = context.people.find((p) => p.id === ownerId);
  if (!ownerId) checks.add({ field: 'ownerId', problem: 'required' });
  else if (!owner) checks.add({ field: 'ownerId', problem: 'unknownOption' });
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
