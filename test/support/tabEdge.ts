import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Person } from '../../src/domain/people';
import { DEMO_PEOPLE } from '../../src/services/demoOrganisation';
import { PipelinePolicy } from '../../src/storage/tableStore';
import { createAdapter } from '../../src/teams/adapter';
import { createApp, turnLogic } from '../../src/teams/app';
import { replyConnectorClientOptions } from '../../src/teams/replyHttpClient';
import { RunningServer, createBotServer, listen } from '../../src/teams/server';
import { Clock } from '../../src/ports/clock';
import { createTab } from '../../src/tab/tab';
import { TENANT_ID } from './activities';
import { BotHarness, createBotHarness } from './botHarness';
import { RecordingLogger } from './edgeServer';

export interface TabEdge {
  readonly bot: BotHarness;
  readonly server: RunningServer;
  readonly logger: RecordingLogger;
  /** Signs in as a demo person through their printed link, as a browser would; the session token. */
  session(person: Person): Promise<string>;
  /** A request to the tab's API (path after /tab/api) as `person` (or with the given headers only). */
  api(person: Person | undefined, path: string, init?: { method?: string; body?: unknown; headers?: Record<string, string> }): Promise<Response>;
  stop(): Promise<void>;
}

/** A page for the static route to serve, so the tests need no esbuild run. */
function fakeAssets(): string {
  const dir = mkdtempSync(join(tmpdir(), 'tavla-tab-'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><html lang="nb"><title>Tavla</title><main id="app"></main></html>');
  writeFileSync(join(dir, 'tab.js'), 'console.log("tab")');
  return dir;
}

/**
 * The bot's real HTTP server in local mode, with the tab's routes registered as main.ts does,
 * on a random port over the real services and Azurite. Sign-in goes through the demo links.
 */
export async function startTabEdge(options: { readonly clock?: Clock; readonly policies?: readonly PipelinePolicy[] } = {}): Promise<TabEdge> {
  const bot = await createBotHarness({ ...(options.clock ? { clock: options.clock } : {}), ...(options.policies ? { policies: options.policies } : {}) });
  const logger = new RecordingLogger();
  const adapter = createAdapter(undefined, replyConnectorClientOptions());
  const app = createApp({ services: bot.services, sendNow: bot.sendNow, teams: bot.teams, allowedTenantIds: [TENANT_ID], logger, clock: bot.clock }, adapter);
  const botServer = createBotServer({ adapter, logic: turnLogic(app), allowedTenantIds: [TENANT_ID], logger, mode: 'local' });
  let next = 0;
  const tab = createTab({
    authentication: { kind: 'local' },
    services: bot.services,
    repositories: bot.repositories,
    clock: bot.clock,
    ids: { next: () => `tab-${++next}` },
    logger,
    holidays: () => () => false,
    stagnationWeeks: 4,
    assetsDir: fakeAssets(),
  });
  tab.register(botServer);
  const server = await listen(botServer, '127.0.0.1', 0);
  const links = (await tab.signInLinks?.(server.url, Object.values(DEMO_PEOPLE))) ?? [];
  const sessions = new Map<string, string>();
  const session = async (person: Person) => {
    const known = sessions.get(person.aadObjectId);
    if (known) return known;
    const link = links.find((l) => l.person.aadObjectId === person.aadObjectId);
    if (!link) throw new Error(`no sign-in link for ${person.name}`);
    const res = await fetch(link.url, { redirect: 'manual' });
    const location = res.headers.get('location') ?? '';
    const token = /#session=(.+)$/.exec(location)?.[1];
    if (res.status !== 303 || !token) throw new Error(`sign-in link answered ${res.status} ${location}`);
    sessions.set(person.aadObjectId, token);
    return token;
  };
  const api: TabEdge['api'] = async (person, path, init = {}) => {
    const headers: Record<string, string> = { 'accept-language': 'en', ...(person ? { authorization: `Bearer ${await session(person)}` } : {}), ...(init.body !== undefined ? { 'content-type': 'application/json' } : {}), ...init.headers };
    return fetch(`${server.url}/tab/api${path}`, { method: init.method ?? (init.body !== undefined ? 'POST' : 'GET'), headers, ...(init.body !== undefined ? { body: typeof init.body === 'string' ? init.body : JSON.stringify(init.body) } : {}) });
  };
  return { bot, server, logger, session, api, stop: () => server.close() };
}
