import { TableEntity, TableEntityResult } from '@azure/data-tables';
import { BENEFIT_MEASURES, BenefitMeasure, DIRECTIONS } from '../domain/benefitMeasure';
import { APPROVAL_STATES, BENEFIT_PERIODS, BENEFIT_STAGES, Benefit, FREED_USES, FreedUse, Reading } from '../domain/benefits';
import { isLocalDate } from '../domain/dates';
import { PersonName } from '../domain/ideas';
import { checkedKey } from './keys';
import { oneOf, optionalText } from './entityValues';
import { storedJson } from './storedJson';
import { decisionSchema, monthsSchema, personNameSchema } from './storedSchemas';

/** Benefit registrations live beside their idea in the unit's partition: `benefit|<idea>|<id>`. */
const pad = (n: number) => String(n).padStart(7, '0');
export const benefitRow = (ideaNumber: number, id: string) => checkedKey('benefit', pad(ideaNumber), id);
export const BENEFIT_RANGE = { from: 'benefit|', to: 'benefit|~' } as const;
/** One idea's registrations (its plan and measurements): a range bounded by the idea. */
export const ideaBenefitRange = (ideaNumber: number) => ({ from: `benefit|${pad(ideaNumber)}|`, to: `benefit|${pad(ideaNumber)}|~` });

type Row = TableEntityResult<Record<string, unknown>>;

const NOBODY: PersonName = { id: '', name: '' };

/**
 * Rows written since benefits became plans with measured values carry `shape: 2`. Rows without
 * it were written by the version before: a `kind` (time, money, quantity, resource, quality), one
 * amount, and the baseline and measured value as free text. They read as single-registration
 * plans and measurements: the amount is the gain, the texts are kept as `legacy`, and the use of
 * freed resources, written as free text then, reads as `unstated` with that text.
 */
const SHAPE = 2;

/** Amounts are whole numbers of the measure's scale; above 2^31 they must be written as Int64. */
function int64(value: number | undefined): { value: string; type: 'Int64' } | null {
  return value === undefined ? null : { value: String(value), type: 'Int64' };
}

function fromInt64(value: unknown): number | undefined {
  if (typeof value === 'number') return value;
  if (typeof value === 'bigint') return Number(value);
  if (typeof value === 'string' && /^-?\d+$/.test(value)) return Number(value);
  if (typeof value === 'object' && value !== null && 'value' in value) return fromInt64((value as { value: unknown }).value);
  return undefined;
}

const readingColumns = (prefix: string, dateColumn: string, reading: Reading | undefined) => ({ [`${prefix}Value`]: int64(reading?.value), [dateColumn]: reading?.on ?? null });

function readingFrom(row: Row, prefix: string, dateColumn: string): Reading | undefined {
  const value = fromInt64(row[`${prefix}Value`]);
  const on = row[dateColumn];
  return value !== undefined && typeof on === 'string' && isLocalDate(on) ? { value, on } : undefined;
}

export function benefitToEntity(b: Benefit): TableEntity<Record<string, unknown>> {
  return {
    partitionKey: b.unitId,
    rowKey: benefitRow(b.ideaNumber, b.id),
    shape: SHAPE,
    ideaNumber: b.ideaNumber,
    category: b.category,
    measure: b.measure,
    stage: b.stage,
    period: b.period,
    amount: int64(b.amount),
    counted: int64(b.counted),
    indicator: b.indicator ?? null,
    unit: b.unit ?? null,
    better: b.better ?? null,
    ...readingColumns('baseline', 'baselineOn', b.baseline),
    ...readingColumns('target', 'targetBy', b.target),
    ...readingColumns('measured', 'measuredOn', b.measured),
    planId: b.planId ?? null,
    gap: b.gap ?? null,
    useKind: b.use?.kind ?? null,
    useText: b.use?.text ?? null,
    legacyBaseline: b.legacy?.baseline ?? null,
    legacyMeasured: b.legacy?.measured ?? null,
    owner: JSON.stringify(b.owner),
    evidence: b.evidence ?? null,
    registeredOn: b.registeredOn,
    submittedBy: JSON.stringify(b.submittedBy),
    approval: b.approval,
    decision: b.decision ? JSON.stringify(b.decision) : null,
    approvalRequestedAt: b.approvalRequestedAt ?? null,
    followUpsSent: JSON.stringify(b.followUpsSent),
    followUpsClosed: b.followUpsClosed === true,
    createdAt: b.createdAt,
    updatedAt: b.updatedAt,
    version: b.version,
    lastChangeId: b.lastChangeId,
  };
}

/** What the previous version's `kind` is measured in now. */
const LEGACY_KINDS: Readonly<Record<string, BenefitMeasure>> = { time: 'hours', money: 'money', quantity: 'quantity', resource: 'quantity', quality: 'quality' };

const defined = <T extends object>(values: T): Partial<T> => Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined)) as Partial<T>;

/** The plan-and-measurement part of a row, in either shape. */
function measuredPart(row: Row): Partial<Benefit> & { measure: BenefitMeasure } {
  if (row.shape !== SHAPE) {
    const usage = optionalText(row.usage);
    const legacy = defined({ baseline: optionalText(row.baseline), measured: optionalText(row.measured) });
    return {
      measure: LEGACY_KINDS[String(row.kind)] ?? 'quality',
      ...defined({ amount: fromInt64(row.amount), indicator: optionalText(row.indicator), unit: optionalText(row.measure) }),
      ...(usage ? { use: { kind: 'unstated', text: usage } satisfies FreedUse } : {}),
      ...(Object.keys(legacy).length ? { legacy } : {}),
    };
  }
  const useKind = oneOf([...FREED_USES, 'unstated'] as const, row.useKind, 'unstated');
  const useText = optionalText(row.useText);
  const legacy = defined({ baseline: optionalText(row.legacyBaseline), measured: optionalText(row.legacyMeasured) });
  return {
    measure: oneOf(BENEFIT_MEASURES, row.measure, 'quality'),
    ...defined({
      amount: fromInt64(row.amount),
      counted: fromInt64(row.counted),
      indicator: optionalText(row.indicator),
      unit: optionalText(row.unit),
      better: DIRECTIONS.find((d) => d === row.better),
      baseline: readingFrom(row, 'baseline', 'baselineOn'),
      target: readingFrom(row, 'target', 'targetBy'),
      measured: readingFrom(row, 'measured', 'measuredOn'),
      planId: optionalText(row.planId),
      gap: optionalText(row.gap),
    }),
    ...(row.useKind || useText ? { use: { kind: useKind, ...(useText ? { text: useText } : {}) } } : {}),
    ...(Object.keys(legacy).length ? { legacy } : {}),
  };
}

export function benefitFromEntity(row: Row): Benefit {
  // The id is the last part of every key a registration is stored under (benefit|, bdate|, blive|).
  const id = String(row.rowKey ?? '').split('|').pop() ?? '';
  const decision = storedJson(row, 'decision', decisionSchema);
  return {
    unitId: String(row.partitionKey),
    ideaNumber: Number(row.ideaNumber),
    id,
    category: String(row.category ?? ''),
    stage: oneOf(BENEFIT_STAGES, row.stage, 'identified'),
    period: oneOf(BENEFIT_PERIODS, row.period, 'oneOff'),
    ...measuredPart(row),
    ...defined({ evidence: optionalText(row.evidence), approvalRequestedAt: optionalText(row.approvalRequestedAt) }),
    owner: storedJson(row, 'owner', personNameSchema) ?? NOBODY,
    registeredOn: String(row.registeredOn ?? ''),
    submittedBy: storedJson(row, 'submittedBy', personNameSchema) ?? NOBODY,
    approval: oneOf(APPROVAL_STATES, row.approval, 'notNeeded'),
    ...(decision ? { decision } : {}),
    followUpsSent: storedJson(row, 'followUpsSent', monthsSchema) ?? [],
    ...(row.followUpsClosed === true ? { followUpsClosed: true } : {}),
    createdAt: String(row.createdAt ?? ''),
    updatedAt: String(row.updatedAt ?? ''),
    version: Number(row.version ?? 1),
    lastChangeId: String(row.lastChangeId ?? ''),
  };
}
