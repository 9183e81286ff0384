import { Activity } from 'botbuilder';
import { Logger } from '../../src/ports/logger';
import { createAdapter } from '../../src/teams/adapter';
import { createApp, turnLogic } from '../../src/teams/app';
import { replyConnectorClientOptions } from '../../src/teams/replyHttpClient';
import { RunningServer, createBotServer, listen } from '../../src/teams/server';
import { TENANT_ID } from './activities';
import { BotHarness, HarnessOptions, createBotHarness } from './botHarness';
import { FakeConnector } from './fakeConnector';

/** Log lines as a test sees them. */
export class RecordingLogger implements Logger {
  readonly lines: { level: string; fields: object; message?: string }[] = [];
  info(fields: object, message?: string) {
    this.lines.push({ level: 'info', fields, message });
  }
  warn(fields: object, message?: string) {
    this.lines.push({ level: 'warn', fields, message });
  }
  error(fields: object, message?: string) {
    this.lines.push({ level: 'error', fields, message });
  }
  debug(fields: object, message?: string) {
    this.lines.push({ level: 'debug', fields, message });
  }
}

export interface LocalEdge {
  readonly bot: BotHarness;
  readonly server: RunningServer;
  readonly connector: FakeConnector;
  readonly logger: RecordingLogger;
  /** Posts raw bytes to /api/messages as JSON unless headers say otherwise. */
  post(body: string | Uint8Array, headers?: Record<string, string>): Promise<Response>;
  /** Posts an activity whose replies go to the fake connector. */
  postActivity(activity: Partial<Activity>): Promise<Response>;
  stop(): Promise<void>;
}

/**
 * The real HTTP server in local mode (no Bot Framework authentication) on a random port, over
 * the real Application and Azurite, replying to a fake Bot Connector on loopback.
 */
export async function startLocalEdge(options: { allowedTenantIds?: readonly string[]; harness?: HarnessOptions } = {}): Promise<LocalEdge> {
  const bot = await createBotHarness(options.harness);
  const logger = new RecordingLogger();
  const allowedTenantIds = options.allowedTenantIds ?? [TENANT_ID];
  const adapter = createAdapter(undefined, replyConnectorClientOptions());
  const app = createApp({ services: bot.services, sendNow: bot.sendNow, teams: bot.teams, allowedTenantIds, logger, clock: bot.clock }, adapter);
  const reportDownloads = { links: bot.reportLinks, reports: bot.services.reports, logger, clock: bot.clock };
  const server = await listen(createBotServer({ adapter, logic: turnLogic(app), allowedTenantIds, logger, mode: 'local', reportDownloads }), '127.0.0.1', 0);
  const connector = await FakeConnector.start();
  const post = (body: string | Uint8Array, headers: Record<string, string> = {}) =>
    fetch(`${server.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
  return {
    bot,
    server,
    connector,
    logger,
    post,
    postActivity: (activity) => post(JSON.stringify({ ...activity, serviceUrl: connector.serviceUrl })),
    stop: async () => {
      await server.close();
      await connector.stop();
    },
  };
}
