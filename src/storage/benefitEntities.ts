import { TableEntity, TableEntityResult } from '@azure/data-tables';
import { APPROVAL_STATES, BENEFIT_KINDS, BENEFIT_PERIODS, BENEFIT_STAGES, Benefit } from '../domain/benefits';
import { PersonName } from '../domain/ideas';
import { checkedKey } from './keys';
import { oneOf, optionalText } from './entityValues';
import { storedJson } from './storedJson';
import { decisionSchema, monthsSchema, personNameSchema } from './storedSchemas';

/** Benefit registrations live beside their idea in the unit's partition: `benefit|<idea>|<id>`. */
const pad = (n: number) => String(n).padStart(7, '0');
export const benefitRow = (ideaNumber: number, id: string) => checkedKey('benefit', pad(ideaNumber), id);
export const BENEFIT_RANGE = { from: 'benefit|', to: 'benefit|~' } as const;

type Row = TableEntityResult<Record<string, unknown>>;

const NOBODY: PersonName = { id: '', name: '' };


/** Amounts are whole numbers of the kind's scale; above 2^31 they must be written as Int64. */
function int64(value: number | undefined): { value: string; type: 'Int64' } | null {
  return value === undefined ? null : { value: String(value), type: 'Int64' };
}

function fromInt64(value: unknown): number | undefined {
  if (typeof value === 'number') return value;
  if (typeof value === 'bigint') return Number(value);
  if (typeof value === 'string' && /^\d+$/.test(value)) return Number(value);
  if (typeof value === 'object' && value !== null && 'value' in value) return fromInt64((value as { value: unknown }).value);
  return undefined;
}

export function benefitToEntity(b: Benefit): TableEntity<Record<string, unknown>> {
  return {
    partitionKey: b.unitId,
    rowKey: benefitRow(b.ideaNumber, b.id),
    ideaNumber: b.ideaNumber,
    category: b.category,
    kind: b.kind,
    stage: b.stage,
    period: b.period,
    amount: int64(b.amount),
    measure: b.measure ?? null,
    indicator: b.indicator ?? null,
    baseline: b.baseline ?? null,
    measured: b.measured ?? null,
    usage: b.usage ?? null,
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

export function benefitFromEntity(row: Row): Benefit {
  // The id is the last part of every key a registration is stored under (benefit|, bdate|, blive|).
  const id = String(row.rowKey ?? '').split('|').pop() ?? '';
  const decision = storedJson(row, 'decision', decisionSchema);
  const amount = fromInt64(row.amount);
  const optional = {
    measure: optionalText(row.measure),
    indicator: optionalText(row.indicator),
    baseline: optionalText(row.baseline),
    measured: optionalText(row.measured),
    usage: optionalText(row.usage),
    evidence: optionalText(row.evidence),
    approvalRequestedAt: optionalText(row.approvalRequestedAt),
  };
  return {
    unitId: String(row.partitionKey),
    ideaNumber: Number(row.ideaNumber),
    id,
    category: String(row.category ?? ''),
    kind: oneOf(BENEFIT_KINDS, row.kind, 'quality'),
    stage: oneOf(BENEFIT_STAGES, row.stage, 'identified'),
    period: oneOf(BENEFIT_PERIODS, row.period, 'oneOff'),
    ...(amount !== undefined ? { amount } : {}),
    ...(Object.fromEntries(Object.entries(optional).filter(([, v]) => v !== undefined)) as Partial<Benefit>),
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
