import { randomBytes } from 'node:crypto';
import { TableClient, TableEntity, TableEntityResult, TransactionAction, odata } from '@azure/data-tables';
import { DomainError } from '../domain/errors';
import { assertEntityFits } from './entityLimits';
import { guarded, isConflict, isNotFound, isPreconditionFailed } from './storageErrors';

/** A point read always has its keys, unlike the SDK's general result type. */
export type Stored = TableEntityResult<Record<string, unknown>> & { readonly partitionKey: string; readonly rowKey: string };
type Entity = TableEntity<Record<string, unknown>>;

/** Writers that collide retry on fresh data; enough attempts for a burst in one partition. */
export const MAX_ATTEMPTS = 12;

/** Another writer got there first: an ETag mismatch (412) or an insert of an existing row (409). */
export const lostRace = (error: unknown): boolean => isPreconditionFailed(error) || isConflict(error);

/** Jittered, so writers that collided do not collide again in lockstep. */
export const backOff = (attempt: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, Math.random() * 10 * attempt));

/** A few random characters that keep row keys unique when written in the same millisecond. */
export const salt = (): string => randomBytes(3).toString('hex');

/** A point read; undefined when the row does not exist. */
export async function readEntity(client: TableClient, partitionKey: string, rowKey: string): Promise<Stored | undefined> {
  try {
    const row = await guarded(() => client.getEntity<Record<string, unknown>>(partitionKey, rowKey));
    return { ...row, partitionKey, rowKey };
  } catch (error) {
    if (isNotFound(error)) return undefined;
    throw error;
  }
}

/** Row keys in [from, to) of one partition, in key order; at most `limit` rows when given. One query per page. */
export function listRange(client: TableClient, partitionKey: string, range: { readonly from: string; readonly to: string }, limit?: number): Promise<Stored[]> {
  return guarded(async () => {
    const filter = odata`PartitionKey eq ${partitionKey} and RowKey ge ${range.from} and RowKey lt ${range.to}`;
    const rows: Stored[] = [];
    for await (const page of client.listEntities<Record<string, unknown>>({ queryOptions: { filter } }).byPage({ maxPageSize: limit ?? 1000 })) {
      rows.push(...page.map((row) => ({ ...row, partitionKey, rowKey: row.rowKey ?? '' })));
      if (limit && rows.length >= limit) return rows.slice(0, limit);
    }
    return rows;
  });
}

export interface EtagUpdate<T> {
  readonly partitionKey: string;
  readonly rowKey: string;
  readonly fromEntity: (entity: Stored) => T;
  readonly toEntity: (value: T) => Entity;
  /** Computes the new value from the current one; may throw to refuse. Runs again after a lost race. */
  readonly change: (current: T) => T;
  /** Rows written in the same transaction (same partition), e.g. a history line. */
  readonly alongside?: (before: T, after: T) => Entity[];
  /**
   * Recognises our own write in a fresh copy: when a response is lost, the SDK retries the request
   * and our first attempt then looks like someone else's change.
   */
  readonly isMine?: (fresh: T, after: T) => boolean;
  /** Index rows kept in step in the same transaction (upserts and deletes, same partition). */
  readonly indexes?: (before: T | undefined, after: T) => TransactionAction[];
  /**
   * What a missing row starts from. Without it a missing row is "not found"; with it the change is
   * applied to this value and inserted, and a concurrent insert (409) is re-read and changed in turn.
   */
  readonly missing?: () => T;
  /** The row as this request already read it (with its ETag): the first attempt starts from it instead of reading again. */
  readonly alreadyRead?: Stored;
}

/** The entity a transaction action writes, if it writes one (deletes do not). */
export function writtenEntity(action: TransactionAction): Entity[] {
  return action[0] === 'delete' ? [] : [action[1] as Entity];
}

/**
 * Read-modify-write guarded by the entity's ETag (If-Match). When another writer got there first,
 * the change is re-applied to the fresh copy, so no update is ever silently overwritten. Returning
 * the current value unchanged from `change` writes nothing.
 */
export async function updateWithEtag<T>(client: TableClient, update: EtagUpdate<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    const row = attempt === 1 && update.alreadyRead ? update.alreadyRead : await readEntity(client, update.partitionKey, update.rowKey);
    if (!row && !update.missing) throw new DomainError('notFound');
    const before = row ? update.fromEntity(row) : update.missing!();
    const after = update.change(before);
    if (after === before && row) return before;
    const entity = update.toEntity(after);
    const extra = update.alongside?.(before, after) ?? [];
    const indexes = update.indexes?.(row ? before : undefined, after) ?? [];
    [entity, ...extra, ...indexes.flatMap(writtenEntity)].forEach(assertEntityFits);
    // A new row is inserted: a second writer inserting at the same moment gets 409 and retries.
    const write: TransactionAction = row ? ['update', entity, 'Replace', { etag: row.etag }] : ['create', entity];
    try {
      if (extra.length || indexes.length) {
        await guarded(() => client.submitTransaction([write, ...extra.map((e): TransactionAction => ['create', e]), ...indexes]));
      } else if (row) {
        await guarded(() => client.updateEntity(entity, 'Replace', { etag: row.etag }));
      } else {
        await guarded(() => client.createEntity(entity));
      }
      return after;
    } catch (error) {
      if (!lostRace(error)) throw error;
      const fresh = update.isMine ? await readEntity(client, update.partitionKey, update.rowKey) : undefined;
      if (fresh && update.isMine?.(update.fromEntity(fresh), after)) return update.fromEntity(fresh);
      if (attempt >= MAX_ATTEMPTS) throw new DomainError('conflict');
      await backOff(attempt);
    }
  }
}
