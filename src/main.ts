import { existsSync } from 'node:fs';
import { Config, ConfigError, loadConfig } from './config';
import { createLogger } from './logging';
import { Clock, systemClock } from './ports/clock';
import { Logger } from './ports/logger';
import { composeServices } from './composition';
import { randomIds } from './ports/ids';
import { seedDemoOrganisation } from './services/demoOrganisation';
import { seedDemoHistory } from './demoSeeding';
import { openStorage } from './storage/openStorage';
import { migrateIndexes } from './storage/indexMigration';
import { startProactiveDelivery } from './proactive';
import { outboxConnectorClientOptions } from './teams/connectorHttp';
import { createRhythmJobs } from './scheduler/rhythmJobs';
import { SendNow } from './services/sendNow';
import { createAdapter } from './teams/adapter';
import { createApp, turnLogic } from './teams/app';
import { replyConnectorClientOptions } from './teams/replyHttpClient';
import { TeamsDirectory } from './teams/deps';
import { GraphTokenSource } from './graph/graphToken';
import { createBotServer, listen } from './teams/server';
import { ExportLinks } from './teams/http/exportLinks';
import { teamsRosterDirectory } from './teams/teamsDirectory';
import { ReportLinks } from './teams/http/reportLinks';
import { LinkSigner } from './teams/http/signedLinks';
import { cachedHolidayChecks } from './scheduler/holidays';
import { DEMO_PEOPLE } from './services/demoOrganisation';
import { SignInLink } from './tab/localSignInRoute';
import { createTab, tabAudiences } from './tab/tab';

export interface RunningTavla {
  readonly url: string;
  readonly port: number;
  readonly storageDescription: string;
  /** Local mode: a link per demo person that signs in to the tab as them (loopback only). */
  readonly tabSignInLinks?: readonly SignInLink[];
  stop(): Promise<void>;
}

export interface StartOptions {
  readonly logger?: Logger;
  readonly clock?: Clock;
  /** Tests replace the Teams roster lookups; production uses the Bot Connector. */
  readonly teams?: TeamsDirectory;
  /** Tests replace the Microsoft Graph token source; production uses the bot's identity. */
  readonly graphToken?: GraphTokenSource;
}

/** Wiring only: storage -> repositories -> services -> Teams app -> HTTP server. */
export async function startTavla(config: Config, options: StartOptions = {}): Promise<RunningTavla> {
  const logger = options.logger ?? createLogger(config.logLevel);
  const clock = options.clock ?? systemClock;
  const storage = await openStorage(config.storage, config.tablePrefix);
  try {
    const adapter = createAdapter(config.bot, replyConnectorClientOptions(), config.inboundAuthentication);
    const composition = composeServices(storage.store, {
      clock,
      ids: randomIds,
      logger,
      reminderRules: { everyDays: config.rhythm.reminderEveryDays, escalateAfterDays: config.rhythm.escalateAfterDays },
      reach: { ...(config.reach.teamsServiceUrl ? { configured: config.reach.teamsServiceUrl } : {}), allowedTenantIds: config.allowedTenantIds },
      stagnationWeeks: config.rhythm.stagnationWeeks,
    });
    const { services, repositories } = composition;
    const seeded = config.mode === 'local' && config.seedDemo && (await seedDemoOrganisation(repositories.organisation, repositories.people));
    // Data written before the index rows existed gets them now, before the first request reads them.
    await migrateIndexes(storage.store, (await services.directory.snapshot()).units.map((unit) => unit.id), logger);
    if (seeded) {
      logger.info({}, 'seeded the demo organisation (turn off with SEED_DEMO=false)');
      if (config.seedDemoHistory) {
        const started = Date.now();
        const steps = await seedDemoHistory(storage.store, { now: clock.now(), logger });
        // The history set the units' meeting schedules through a directory of its own.
        services.directory.invalidate();
        logger.info({ steps, ms: Date.now() - started }, 'wrote six months of demo history, generated from today (turn off with SEED_DEMO_HISTORY=false)');
      }
    }
    // One set of jobs: the scheduler runs them, and an administrator's "send now" runs their period early.
    const rhythm = createRhythmJobs(composition, { logger, rhythm: config.rhythm, fishboneAfterWeeks: config.fishbone.afterWeeks });
    const sendNow = new SendNow(services.directory, rhythm.trigger, clock);
    // Local mode serves downloads from its own address, known once it listens.
    let ownUrl: string | undefined;
    // One signer for every download link (report files, the ledger's CSV).
    const signer = new LinkSigner(config.downloads.linkSecret, () => config.downloads.publicBaseUrl ?? (config.mode === 'local' ? ownUrl : undefined), clock, config.downloads.linkMinutes);
    const reportLinks = new ReportLinks(signer);
    const exportLinks = new ExportLinks(signer);
    const app = createApp({ services, sendNow, teams: options.teams ?? teamsRosterDirectory, allowedTenantIds: config.allowedTenantIds, logger, clock, reportLinks, exportLinks }, adapter);
    const tab = createTab({
      authentication: config.bot
        ? { kind: 'entra', openIdMetadataUrl: config.tab.openIdMetadataUrl, audiences: tabAudiences(config.bot.appId, config.tab.domain), allowedTenantIds: config.allowedTenantIds }
        : { kind: 'local' },
      services,
      repositories,
      clock,
      ids: randomIds,
      logger,
      holidays: cachedHolidayChecks(),
      stagnationWeeks: config.rhythm.stagnationWeeks,
    });
    const botServer = createBotServer({
      adapter,
      logic: turnLogic(app),
      allowedTenantIds: config.allowedTenantIds,
      logger,
      mode: config.mode,
      reportDownloads: { links: reportLinks, reports: services.reports, logger, clock },
      ledgerDownloads: { links: exportLinks, exports: services.ledgerExport, logger },
    });
    tab.register(botServer);
    const server = await listen(botServer, config.host, config.port);
    ownUrl = server.url;
    // Built in the background, a unit at a time: people are answered meanwhile, without suggestions.
    void services.learning.index.build();
    const tabSignInLinks = await tab.signInLinks?.(server.url, Object.values(DEMO_PEOPLE));
    // Proactive sends use an adapter of their own whose connector client does not retry by itself.
    const proactive = startProactiveDelivery(composition, {
      adapter: createAdapter(config.bot, outboxConnectorClientOptions(), config.inboundAuthentication),
      botAppId: config.bot?.appId ?? '',
      clock,
      logger,
      rhythm: config.rhythm,
      reach: config.reach,
      ...(config.bot ? { bot: config.bot } : {}),
      ...(options.graphToken ? { graphToken: options.graphToken } : {}),
      jobs: rhythm.jobs,
    });
    return {
      url: server.url,
      port: server.port,
      storageDescription: storage.description,
      ...(tabSignInLinks ? { tabSignInLinks } : {}),
      stop: async () => {
        await server.close();
        await proactive.stop();
        await storage.close();
      },
    };
  } catch (error) {
    await storage.close();
    throw error;
  }
}

async function main(): Promise<void> {
  if (existsSync('.env')) process.loadEnvFile('.env');
  let config: Config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(`Configuration error: ${error.message}`);
      process.exit(1);
    }
    throw error;
  }
  const running = await startTavla(config);
  console.log(`Tavla (${config.mode} mode) listening on ${running.url}/api/messages`);
  console.log(`Storage: ${running.storageDescription}`);
  if (config.mode === 'local') console.log('Local mode: no Bot Framework authentication; listening on loopback only.');
  console.log(`The improvement board tab: ${running.url}/tab/index.html`);
  for (const link of running.tabSignInLinks ?? []) console.log(`  sign in as ${link.person.name}: ${link.url}`);
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: stopping Tavla`);
    running.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(`Tavla failed to start: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
}
