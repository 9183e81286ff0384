import { mkdirSync } from 'node:fs';
import { createConnection } from 'node:net';
import { join } from 'node:path';
import { DefaultAzureCredential } from '@azure/identity';
import { StorageSetting } from '../config';
import { SupervisedAzurite, superviseAzurite } from './azuriteSupervisor';
import { azuriteConnectionString } from './embeddedAzurite';
import { StorageTarget, TableStore } from './tableStore';

export interface OpenedStorage {
  readonly store: TableStore;
  /** How to reach the tables, for the start-up banner (no secrets). */
  readonly description: string;
  /** The embedded Azurite this process started and supervises, if it did (a test can crash it). */
  readonly embedded?: SupervisedAzurite;
  close(): Promise<void>;
}

function portAnswers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/**
 * Opens the configured tables and creates them if needed (once, at start-up). In local mode the
 * embedded Azurite keeps its data under DATA_DIR, is restarted if it dies (azuriteSupervisor.ts),
 * and stops when `close()` is called; call that last, after whatever still needs storage to shut
 * down (e.g. releasing leases). When an Azurite is already serving that port (the bot is running
 * under `npm start`), a second process such as `npm run org` shares it.
 */
export async function openStorage(setting: StorageSetting, prefix: string): Promise<OpenedStorage> {
  let target: StorageTarget;
  let description: string;
  let close = async () => {};
  let embedded: SupervisedAzurite | undefined;
  switch (setting.kind) {
    case 'connectionString':
      target = setting;
      description = 'Azure Table Storage (connection string)';
      break;
    case 'accountUrl':
      target = { kind: 'accountUrl', accountUrl: setting.accountUrl, credential: new DefaultAzureCredential() };
      description = `Azure Table Storage at ${setting.accountUrl} (DefaultAzureCredential)`;
      break;
    case 'embedded': {
      let port = setting.port;
      // Port 0 asks for any free port, so there is nothing to share.
      if (port === 0 || !(await portAnswers(port))) {
        mkdirSync(setting.dataDir, { recursive: true });
        const azurite = await superviseAzurite({ port, dbPath: join(setting.dataDir, 'azurite-table.json') });
        embedded = azurite;
        port = azurite.port;
        close = () => azurite.stop();
      }
      target = { kind: 'connectionString', connectionString: azuriteConnectionString(port) };
      description = embedded
        ? `embedded Azurite on 127.0.0.1:${port} (restarted if it stops), data in ${setting.dataDir}/`
        : `the Azurite already running on 127.0.0.1:${port}`;
      break;
    }
  }
  const store = new TableStore({ target, prefix });
  try {
    await store.createTables();
  } catch (error) {
    await close();
    throw new Error(`Cannot open the tables (${description}): ${error instanceof Error ? error.message : String(error)}`);
  }
  return { store, description, ...(embedded ? { embedded } : {}), close };
}
