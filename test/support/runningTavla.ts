import { randomBytes } from 'node:crypto';
import { Activity } from 'botbuilder';
import { loadConfig } from '../../src/config';
import { RunningTavla, startTavla } from '../../src/main';
import { TableStore } from '../../src/storage/tableStore';
import { TENANT_ID } from './activities';
import { FakeTeamsDirectory } from './botHarness';
import { RecordingLogger } from './edgeServer';
import { FakeConnector } from './fakeConnector';

export interface TavlaUnderTest {
  readonly tavla: RunningTavla;
  readonly connector: FakeConnector;
  readonly logger: RecordingLogger;
  readonly teams: FakeTeamsDirectory;
  /** The bot's own tables, read directly (no turn budget, no proxy in between unless given). */
  readonly tables: TableStore;
  readonly prefix: string;
  /** Raw bytes to POST /api/messages; JSON content type unless the headers say otherwise. */
  post(body: string | Uint8Array, headers?: Record<string, string>): Promise<Response>;
  /** An activity whose replies go to the fake connector. */
  postActivity(activity: Partial<Activity>): Promise<Response>;
  stop(): Promise<void>;
}

/**
 * The whole bot as `npm run start:bot` runs it in local mode (src/main.ts startTavla: storage,
 * services, the Teams app, the HTTP server and the proactive pipeline), on a random port on
 * 127.0.0.1, over the tables behind `connectionString`, replying to a fake Bot Connector.
 * Only the Teams roster is faked. `inspectConnectionString` reads the same tables around any
 * proxy that sits in the bot's way.
 */
export async function startTavlaUnderTest(options: { readonly connectionString: string; readonly inspectConnectionString?: string }): Promise<TavlaUnderTest> {
  const prefix = `r${randomBytes(5).toString('hex')}`;
  const config = loadConfig({
    STORAGE_CONNECTION_STRING: options.connectionString,
    TABLE_PREFIX: prefix,
    HOST: '127.0.0.1',
    PORT: '0',
    ALLOWED_TENANT_IDS: TENANT_ID,
    SEED_DEMO: 'true',
  });
  const logger = new RecordingLogger();
  const teams = new FakeTeamsDirectory();
  const connector = await FakeConnector.start();
  let tavla: RunningTavla;
  try {
    tavla = await startTavla(config, { logger, teams });
  } catch (error) {
    await connector.stop();
    throw error;
  }
  const tables = new TableStore({ target: { kind: 'connectionString', connectionString: options.inspectConnectionString ?? options.connectionString }, prefix });
  const post = (body: string | Uint8Array, headers: Record<string, string> = {}) =>
    fetch(`${tavla.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
  return {
    tavla,
    connector,
    logger,
    teams,
    tables,
    prefix,
    post,
    postActivity: (activity) => post(JSON.stringify({ ...activity, serviceUrl: connector.serviceUrl })),
    stop: async () => {
      await tavla.stop();
      await connector.stop();
    },
  };
}
