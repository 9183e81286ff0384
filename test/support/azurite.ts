import { randomBytes } from 'node:crypto';
import { RestError } from '@azure/data-tables';
import { startAzuriteProcess } from '../../src/storage/azuriteProcess';
import { EmbeddedAzurite } from '../../src/storage/embeddedAzurite';
import { PipelinePolicy, TableStore } from '../../src/storage/tableStore';

let azurite: EmbeddedAzurite | undefined;

/** One in-memory Azurite, in its own process on a random free port, serves the whole run (hooks.ts). */
export async function startTestAzurite(): Promise<void> {
  azurite ??= await startAzuriteProcess();
}

export async function stopTestAzurite(): Promise<void> {
  await azurite?.stop();
  azurite = undefined;
}

export function testConnectionString(): string {
  if (!azurite) throw new Error('Azurite is not running: test/support/hooks.ts starts it');
  return azurite.connectionString;
}

/** A fresh set of tables, isolated from every other test by a random prefix. */
export async function freshTableStore(policies: readonly PipelinePolicy[] = []): Promise<TableStore> {
  const store = new TableStore({
    target: { kind: 'connectionString', connectionString: testConnectionString() },
    prefix: `t${randomBytes(5).toString('hex')}`,
    policies,
  });
  await store.createTables();
  return store;
}

/** Counts HTTP round trips to storage, to hold use cases to their cost budget. */
export function roundTripCounter(): { policy: PipelinePolicy; count: () => number; reset: () => void } {
  let sent = 0;
  return {
    policy: {
      name: 'roundTripCounter',
      sendRequest(request, next) {
        sent++;
        return next(request);
      },
    },
    count: () => sent,
    reset: () => {
      sent = 0;
    },
  };
}

/**
 * Fault injection at the HTTP layer: while `down`, every storage request fails with `fault()`; by
 * default as if the network were gone.
 */
export function storageOutage(fault: () => Error = () => new RestError('connect ECONNREFUSED 127.0.0.1', { code: 'ECONNREFUSED' })): { policy: PipelinePolicy; down: boolean } {
  const outage = {
    down: false,
    policy: {
      name: 'storageOutage',
      sendRequest: (request, next) => {
        if (outage.down) return Promise.reject(fault());
        return next(request);
      },
    } as PipelinePolicy,
  };
  return outage;
}
