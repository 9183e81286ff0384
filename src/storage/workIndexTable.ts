import { TableClient } from '@azure/data-tables';
import { WorkIndex } from '../ports/workIndex';
import { listRange } from './etagUpdate';
import { checkedKey } from './keys';
import { guarded, isNotFound } from './storageErrors';
import { TableStore } from './tableStore';

/** One row per person and unit: partition = the person's Entra object id, row key = the unit id. */
export class WorkIndexTable implements WorkIndex {
  private readonly client: TableClient;
  /** Pairs this instance wrote or read: noting them again costs no request. */
  private readonly known = new Set<string>();

  constructor(store: TableStore) {
    this.client = store.client('WorkIndex');
  }

  async note(personIds: readonly string[], unitId: string): Promise<void> {
    const fresh = [...new Set(personIds)].filter((id) => id && !this.known.has(`${id}|${unitId}`));
    await Promise.all(
      fresh.map(async (personId) => {
        await guarded(() => this.client.upsertEntity({ partitionKey: checkedKey(personId), rowKey: checkedKey(unitId) }, 'Replace'));
        this.known.add(`${personId}|${unitId}`);
      }),
    );
  }

  async unitsOf(personId: string): Promise<string[]> {
    const rows = await listRange(this.client, checkedKey(personId), { from: '', to: '~' });
    for (const row of rows) this.known.add(`${personId}|${row.rowKey}`);
    return rows.map((row) => row.rowKey);
  }

  async forget(personId: string, unitId: string): Promise<void> {
    this.known.delete(`${personId}|${unitId}`);
    try {
      await guarded(() => this.client.deleteEntity(checkedKey(personId), checkedKey(unitId)));
    } catch (error) {
      if (!isNotFound(error)) throw error;
    }
  }
}
