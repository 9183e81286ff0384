import { TableClient, TableEntity, TransactionAction } from '@azure/data-tables';
import { LocalDate } from '../domain/dates';
import { OverdueItem, ReminderState, itemKey } from '../domain/overdue';
import { ReminderStateRepository } from '../ports/reminderStateRepository';
import { listRange } from './etagUpdate';
import { checkedKey } from './keys';
import { guarded } from './storageErrors';
import { TableStore } from './tableStore';

/**
 * Reminder bookkeeping beside the ideas, in the unit's partition: `remind|<idea>|<action>`. Kept out
 * of the idea entity on purpose: a reminder must not change the idea's version and make cards stale.
 */
const pad = (n: number) => String(n).padStart(7, '0');
const row = (item: Pick<OverdueItem, 'ideaNumber' | 'actionId'>) => checkedKey('remind', pad(item.ideaNumber), pad(item.actionId ?? 0));
const RANGE = { from: 'remind|', to: 'remind|~' } as const;
const MAX_BATCH = 100;

type Fields = { lastRemindedOn?: LocalDate; snoozedUntil?: LocalDate; escalatedOn?: LocalDate };

export class ReminderStateTable implements ReminderStateRepository {
  private readonly client: TableClient;

  constructor(store: TableStore) {
    this.client = store.client('Ideas');
  }

  async forUnit(unitId: string): Promise<Map<string, ReminderState & { escalatedOn?: LocalDate }>> {
    const rows = await listRange(this.client, unitId, RANGE);
    const text = (value: unknown) => (typeof value === 'string' && value ? value : undefined);
    return new Map(
      rows.map((r) => {
        const [, idea, action] = r.rowKey.split('|');
        const state = { lastRemindedOn: text(r.lastRemindedOn), snoozedUntil: text(r.snoozedUntil), escalatedOn: text(r.escalatedOn) };
        const defined = Object.fromEntries(Object.entries(state).filter(([, v]) => v !== undefined));
        const actionId = Number(action);
        return [itemKey({ unitId, ideaNumber: Number(idea), ...(actionId ? { actionId } : {}) }), defined];
      }),
    );
  }

  recordReminded(items: readonly OverdueItem[], on: LocalDate): Promise<void> {
    return this.merge(items, { lastRemindedOn: on });
  }

  recordEscalated(items: readonly OverdueItem[], on: LocalDate): Promise<void> {
    return this.merge(items, { escalatedOn: on });
  }

  async forget(items: readonly Pick<OverdueItem, 'unitId' | 'ideaNumber' | 'actionId'>[]): Promise<void> {
    const byUnit = new Map<string, string[]>();
    for (const item of items) byUnit.set(item.unitId, [...(byUnit.get(item.unitId) ?? []), row(item)]);
    for (const [unitId, rowKeys] of byUnit) {
      const unique = [...new Set(rowKeys)];
      for (let start = 0; start < unique.length; start += MAX_BATCH) {
        const batch = unique.slice(start, start + MAX_BATCH).map((rowKey): TransactionAction => ['delete', { partitionKey: unitId, rowKey }]);
        await guarded(() => this.client.submitTransaction(batch));
      }
    }
  }

  async snooze(item: Pick<OverdueItem, 'unitId' | 'ideaNumber' | 'actionId'>, until: LocalDate): Promise<void> {
    await this.merge([item], { snoozedUntil: until });
  }

  /** Merge-upserts the same fields on many items, batched per unit partition. */
  private async merge(items: readonly Pick<OverdueItem, 'unitId' | 'ideaNumber' | 'actionId'>[], fields: Fields): Promise<void> {
    const byUnit = new Map<string, TableEntity<Fields>[]>();
    for (const item of items) {
      const entities = byUnit.get(item.unitId) ?? [];
      entities.push({ partitionKey: item.unitId, rowKey: row(item), ...fields });
      byUnit.set(item.unitId, entities);
    }
    for (const entities of byUnit.values()) {
      const unique = [...new Map(entities.map((e) => [e.rowKey, e])).values()];
      for (let start = 0; start < unique.length; start += MAX_BATCH) {
        const batch = unique.slice(start, start + MAX_BATCH).map((e): TransactionAction => ['upsert', e, 'Merge']);
        await guarded(() => this.client.submitTransaction(batch));
      }
    }
  }
}
