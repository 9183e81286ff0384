import { TableClient } from '@azure/data-tables';
import { LeaseState, LeaseStore } from '../ports/lease';
import { lostRace, readEntity } from './etagUpdate';
import { checkedKey } from './keys';
import { guarded, isNotFound } from './storageErrors';
import { TableStore } from './tableStore';

/** One row per named lease in partition "lease": holder and expiry, changed only under its ETag. */
const PARTITION = 'lease';

const expiryOf = (value: unknown): Date => (value instanceof Date ? value : new Date(typeof value === 'string' ? value : 0));

export class LeaseTable implements LeaseStore {
  private readonly client: TableClient;

  constructor(store: TableStore) {
    this.client = store.client('Leases');
  }

  /** Two round trips: read, then create (free) or replace under If-Match (expired or ours). */
  async acquire(name: string, holder: string, now: Date, durationMs: number): Promise<boolean> {
    const rowKey = checkedKey(name);
    const entity = { partitionKey: PARTITION, rowKey, holder, expiresAt: new Date(now.getTime() + durationMs), renewedAt: now };
    const row = await readEntity(this.client, PARTITION, rowKey);
    try {
      if (!row) {
        await guarded(() => this.client.createEntity(entity));
        return true;
      }
      const mine = row.holder === holder;
      if (!mine && expiryOf(row.expiresAt).getTime() > now.getTime()) return false;
      await guarded(() => this.client.updateEntity(entity, 'Replace', { etag: row.etag }));
      return true;
    } catch (error) {
      // Another instance wrote first (409 on create, 412 on replace): it holds the lease now.
      if (lostRace(error)) return false;
      throw error;
    }
  }

  async release(name: string, holder: string): Promise<void> {
    const rowKey = checkedKey(name);
    const row = await readEntity(this.client, PARTITION, rowKey);
    if (!row || row.holder !== holder) return;
    try {
      await guarded(() => this.client.deleteEntity(PARTITION, rowKey, { etag: row.etag }));
    } catch (error) {
      if (!lostRace(error) && !isNotFound(error)) throw error;
    }
  }

  async current(name: string): Promise<LeaseState | undefined> {
    const row = await readEntity(this.client, PARTITION, checkedKey(name));
    return row ? { name, holder: typeof row.holder === 'string' ? row.holder : '', expiresAt: expiryOf(row.expiresAt) } : undefined;
  }
}
