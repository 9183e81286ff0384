import { TableClient, TableEntity, TableEntityResult } from '@azure/data-tables';
import { DomainError } from '../domain/errors';
import { assertEntityFits } from './entityLimits';
import { guarded, isNotFound, isPreconditionFailed } from './storageErrors';

/** A point read always has its keys, unlike the SDK's general result type. */
export type Stored = TableEntityResult<Record<string, unknown>> & { readonly partitionKey: string; readonly rowKey: string };

export interface EtagUpdate<T> {
  readonly partitionKey: string;
  readonly rowKey: string;
  readonly fromEntity: (entity: Stored) => T;
  readonly toEntity: (value: T) => TableEntity<Record<string, unknown>>;
  /** Computes the new value from the current one; may throw to refuse. Runs again after a lost race. */
  readonly change: (current: T) => T;
}

const MAX_ATTEMPTS = 5;

/**
 * Read-modify-write guarded by the entity's ETag (If-Match). When another writer got there first
 * (412), the change is re-applied to the fresh copy, so no update is ever silently overwritten.
 */
export async function updateWithEtag<T>(client: TableClient, update: EtagUpdate<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    const current = await guarded(() => client.getEntity<Record<string, unknown>>(update.partitionKey, update.rowKey)).catch((error) => {
      if (isNotFound(error)) throw new DomainError('notFound');
      throw error;
    });
    const next = update.change(update.fromEntity({ ...current, partitionKey: update.partitionKey, rowKey: update.rowKey }));
    const entity = update.toEntity(next);
    assertEntityFits(entity);
    try {
      await guarded(() => client.updateEntity(entity, 'Replace', { etag: current.etag }));
      return next;
    } catch (error) {
      if (!isPreconditionFailed(error)) throw error;
      if (attempt >= MAX_ATTEMPTS) throw new DomainError('conflict');
    }
  }
}
