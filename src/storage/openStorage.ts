import { mkdirSync } from 'node:fs';
import { createConnection } from 'node:net';
import { join } from 'node:path';
import { DefaultAzureCredential } from '@azure/identity';
import { StorageSetting } from '../config';
import { startAzuriteProcess } from './azuriteProcess';
import { azuriteConnectionString } from './embeddedAzurite';
import { StorageTarget, TableStore } from './tableStore';

export interface OpenedStorage {
  readonly store: TableStore;
  /** How to reach the tables, for the start-up banner (no secrets). */
  readonly description: string;
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
 * embedded Azurite keeps its data under DATA_DIR; when one is already serving that port (the bot
 * is running under `npm start`), a second process such as `npm run org` shares it.
 */
export async function openStorage(setting: StorageSetting, prefix: string): Promise<OpenedStorage> {
  let target: StorageTarget;
  let description: string;
  let close = async () => {};
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
      if (!(await portAnswers(setting.port))) {
        mkdirSync(setting.dataDir, { recursive: true });
        const azurite = await startAzuriteProcess({ port: setting.port, dbPath: join(setting.dataDir, 'azurite-table.json') });
        close = () => azurite.stop();
      }
      target = { kind: 'connectionString', connectionString: azuriteConnectionString(setting.port) };
      description = `embedded Azurite on 127.0.0.1:${setting.port}, data in ${setting.dataDir}/`;
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
  return { store, description, close };
}
