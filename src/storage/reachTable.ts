import { TableClient } from '@azure/data-tables';
import { ReachRepository, UnreachablePerson, UnreachableReason } from '../ports/reach';
import { Stored, listRange, readEntity } from './etagUpdate';
import { oneOf, optionalText } from './entityValues';
import { checkedKey } from './keys';
import { guarded, isNotFound } from './storageErrors';
import { TableStore } from './tableStore';

/**
 * The Reach table, two small partitions:
 *   tenant       one row per tenant id: the Bot Connector service URL last seen on its activities;
 *   unreachable  one row per Entra object id that Tavla could not reach 1:1: reason, time, detail.
 * Both are bounded by tenants and by people with a problem, never by history, so each is read
 * whole in one query. Writes are plain upserts: the last observation wins, and that is the truth.
 */
const TENANT = 'tenant';
const UNREACHABLE = 'unreachable';
const REASONS: readonly UnreachableReason[] = ['blocked', 'notInstalled', 'noServiceUrl'];
const EVERY_ROW = { from: '', to: '~' } as const;
/** A stored detail is short: statuses and codes. */
const MAX_DETAIL = 300;

const idKey = (id: string): string => checkedKey(id.toLowerCase());

function unreachableFrom(row: Stored): UnreachablePerson {
  return {
    aadObjectId: row.rowKey,
    reason: oneOf(REASONS, row.reason, 'notInstalled'),
    at: row.at instanceof Date ? row.at : new Date(optionalText(row.at) ?? 0),
    detail: optionalText(row.detail) ?? '',
  };
}

export class ReachTable implements ReachRepository {
  private readonly client: TableClient;

  constructor(store: TableStore) {
    this.client = store.client('Reach');
  }

  async serviceUrls(): Promise<ReadonlyMap<string, string>> {
    const rows = await listRange(this.client, TENANT, EVERY_ROW);
    return new Map(rows.flatMap((row) => (optionalText(row.serviceUrl) ? [[row.rowKey, row.serviceUrl as string] as const] : [])));
  }

  async saveServiceUrl(tenantId: string, serviceUrl: string, at: Date): Promise<void> {
    await guarded(() => this.client.upsertEntity({ partitionKey: TENANT, rowKey: idKey(tenantId), serviceUrl: serviceUrl.slice(0, 1000), learnedAt: at }, 'Replace'));
  }

  async listUnreachable(): Promise<UnreachablePerson[]> {
    return (await listRange(this.client, UNREACHABLE, EVERY_ROW)).map(unreachableFrom);
  }

  async getUnreachable(aadObjectId: string): Promise<UnreachablePerson | undefined> {
    const row = await readEntity(this.client, UNREACHABLE, idKey(aadObjectId));
    return row ? unreachableFrom(row) : undefined;
  }

  async saveUnreachable(person: UnreachablePerson): Promise<void> {
    const entity = { partitionKey: UNREACHABLE, rowKey: idKey(person.aadObjectId), reason: person.reason, at: person.at, detail: person.detail.slice(0, MAX_DETAIL) };
    await guarded(() => this.client.upsertEntity(entity, 'Replace'));
  }

  async removeUnreachable(aadObjectId: string): Promise<void> {
    try {
      await guarded(() => this.client.deleteEntity(UNREACHABLE, idKey(aadObjectId)));
    } catch (error) {
      if (!isNotFound(error)) throw error;
    }
  }
}
