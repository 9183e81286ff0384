import { TransactionAction } from '@azure/data-tables';
import { Benefit, isLiveBenefit } from '../domain/benefits';
import { benefitToEntity } from './benefitEntities';
import { checkedKey } from './keys';

/**
 * Index rows beside each benefit registration (same unit partition, same transaction):
 *
 * - `blive|<idea>|<id>`: a copy while the registration is live (see isLiveBenefit): pending
 *   approvals and identified gains still to be followed up. Agendas, digests, the inbox and the
 *   follow-up job read this range.
 * - `bdate|<registeredOn>|<idea>|<id>`: a copy under its registration date (a local date), so the
 *   ledger's quarter and year and a digest's week are a date range, not every registration ever.
 */
const pad = (n: number) => String(n).padStart(7, '0');

export const liveBenefitRow = (ideaNumber: number, id: string) => checkedKey('blive', pad(ideaNumber), id);
export const LIVE_BENEFIT_RANGE = { from: 'blive|', to: 'blive|~' } as const;
export const datedBenefitRow = (registeredOn: string, ideaNumber: number, id: string) => checkedKey('bdate', registeredOn, pad(ideaNumber), id);
export const datedBenefitRange = (from: string, to: string) => ({ from: `bdate|${from}`, to: `bdate|${to}~` });

type Entity = ReturnType<typeof benefitToEntity>;
const copyAt = (benefit: Benefit, rowKey: string): Entity => ({ ...benefitToEntity(benefit), rowKey });

/** Every index row a stored registration has: for building the indexes of older data. */
export function benefitIndexEntities(benefit: Benefit): Entity[] {
  const dated = copyAt(benefit, datedBenefitRow(benefit.registeredOn, benefit.ideaNumber, benefit.id));
  return isLiveBenefit(benefit) ? [dated, copyAt(benefit, liveBenefitRow(benefit.ideaNumber, benefit.id))] : [dated];
}

/** The index writes that go with writing `after` over `before` (undefined for a new registration). */
export function benefitIndexActions(before: Benefit | undefined, after: Benefit): TransactionAction[] {
  const actions: TransactionAction[] = [['upsert', copyAt(after, datedBenefitRow(after.registeredOn, after.ideaNumber, after.id)), 'Replace']];
  if (isLiveBenefit(after)) actions.push(['upsert', copyAt(after, liveBenefitRow(after.ideaNumber, after.id)), 'Replace']);
  else if (before && isLiveBenefit(before)) actions.push(['delete', { partitionKey: before.unitId, rowKey: liveBenefitRow(before.ideaNumber, before.id) }]);
  return actions;
}
