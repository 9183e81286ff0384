import { writeFileDurably } from './durableFile';
import { GroupCommit } from './groupCommit';

/**
 * Makes every write the embedded Azurite acknowledges durable on disk.
 *
 * Azurite 3.35 keeps tables in LokiJS, in memory, and saves the whole database to its JSON file
 * every 5 s (autosave). A crash therefore lost the last seconds of acknowledged writes, and with
 * them, e.g., the Ideas counter row: the next idea after a restart got a number already confirmed
 * to someone. Here each data-changing method of Azurite's LokiTableMetadataStore resolves only after
 * the database has been saved (written, fsynced, renamed) by a save that started after the change,
 * so the HTTP response, which Azurite sends after that method resolves, never goes out before the
 * change is on disk. Concurrent writes share one save ({@link GroupCommit}). Autosave is turned off
 * so that no older snapshot can overwrite a newer one.
 *
 * The method names and parameter positions are Azurite 3.35's; {@link makeWritesDurable} checks
 * them at start-up so an Azurite upgrade that changes them fails loudly instead of losing data.
 */

interface LokiDatabase {
  autosave: boolean;
  autosaveDisable(): void;
  serialize(): string;
}

type StoreMethod = (...args: unknown[]) => Promise<unknown>;

/**
 * LokiTableMetadataStore's methods that change data, each with the position of its `batchId`
 * parameter (none: never part of a batch). Inside a batch transaction the single operations must
 * not wait for a save: the batch would then yield to the event loop half-applied, other requests
 * would interleave with it and a save could catch it half-done. The batch is saved once, when
 * `endBatchTransaction` (commit or rollback) has run.
 *
 * Not listed: insertOrUpdateTableEntity and insertOrMergeTableEntity (upserts). They change
 * nothing themselves and end by calling insert/update/mergeTableEntity on the same instance, which
 * are listed; wrapping them too would save twice per upsert.
 */
const WRITES: ReadonlyArray<readonly [name: string, batchIdAt?: number]> = [
  ['createTable'],
  ['deleteTable'],
  ['setTableACL'],
  ['setServiceProperties'],
  ['insertTableEntity', 4],
  ['updateTableEntity', 5],
  ['mergeTableEntity', 5],
  ['deleteTableEntity', 6],
  ['endBatchTransaction'],
];

export interface DurableWrites {
  /** Saves once more and waits for it; for a clean stop. */
  flush(): Promise<void>;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function lokiDatabaseOf(store: Record<string, unknown>): LokiDatabase {
  const db = store.db;
  if (!isObject(db) || typeof db.serialize !== 'function' || typeof db.autosaveDisable !== 'function') {
    throw new Error('Azurite table store has no LokiJS database where expected (Azurite version changed?)');
  }
  return db as unknown as LokiDatabase;
}

/**
 * Takes over saving of a persisted Azurite TableServer (call before `start()`). `server` is the
 * TableServer instance; its `metadataStore` is shared with the request handlers, so replacing the
 * methods on that instance covers every request.
 */
export function makeWritesDurable(server: unknown, dbPath: string): DurableWrites {
  const store = isObject(server) ? server.metadataStore : undefined;
  if (!isObject(store)) throw new Error('Azurite TableServer has no metadataStore (Azurite version changed?)');
  const db = lokiDatabaseOf(store);
  db.autosaveDisable();
  // Also keeps Loki's close() from saving on its own, outside the one-save-at-a-time order.
  db.autosave = false;

  const commits = new GroupCommit(() => writeFileDurably(dbPath, db.serialize()));
  for (const [name, batchIdAt] of WRITES) {
    const original = store[name];
    if (typeof original !== 'function' || (batchIdAt !== undefined && original.length !== batchIdAt + 1)) {
      throw new Error(`Azurite table store method ${name} is not as expected (Azurite version changed?)`);
    }
    const write = original as StoreMethod;
    store[name] = async (...args: unknown[]): Promise<unknown> => {
      const result = await write.apply(store, args);
      const inBatch = batchIdAt !== undefined && typeof args[batchIdAt] === 'string' && args[batchIdAt] !== '';
      if (!inBatch) await commits.request();
      return result;
    };
  }
  return { flush: () => commits.request() };
}
