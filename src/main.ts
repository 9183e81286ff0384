import { existsSync } from 'node:fs';
import { Config, ConfigError, loadConfig } from './config';
import { createLogger } from './logging';
import { Clock, systemClock } from './ports/clock';
import { Logger } from './ports/logger';
import { composeServices } from './composition';
import { randomIds } from './ports/ids';
import { seedDemoOrganisation } from './services/demoOrganisation';
import { openStorage } from './storage/openStorage';
import { migrateIndexes } from './storage/indexMigration';
import { startProactiveDelivery } from './proactive';
import { outboxConnectorClientOptions } from './teams/connectorSender';
import { createAdapter } from './teams/adapter';
import { createApp, turnLogic } from './teams/app';
import { replyConnectorClientOptions } from './teams/replyHttpClient';
import { TeamsDirectory } from './teams/deps';
import { createBotServer, listen } from './teams/server';
import { teamsRosterDirectory } from './teams/teamsDirectory';

export interface RunningTavla {
  readonly url: string;
  readonly port: number;
  readonly storageDescription: string;
  stop(): Promise<void>;
}

export interface StartOptions {
  readonly logger?: Logger;
  readonly clock?: Clock;
  /** Tests replace the Teams roster lookups; production uses the Bot Connector. */
  readonly teams?: TeamsDirectory;
}

/** Wiring only: storage -> repositories -> services -> Teams app -> HTTP server. */
export async function startTavla(config: Config, options: StartOptions = {}): Promise<RunningTavla> {
  const logger = options.logger ?? createLogger(config.logLevel);
  const clock = options.clock ?? systemClock;
  const storage = await openStorage(config.storage, config.tablePrefix);
  try {
    const adapter = createAdapter(config.bot, replyConnectorClientOptions(), config.inboundAuthentication);
    const composition = composeServices(storage.store, { clock, ids: randomIds, logger, reminderRules: { everyDays: config.rhythm.reminderEveryDays, escalateAfterDays: config.rhythm.escalateAfterDays } });
    const { services, repositories } = composition;
    if (config.mode === 'local' && config.seedDemo && (await seedDemoOrganisation(repositories.organisation, repositories.people))) {
      logger.info({}, 'seeded the demo organisation (turn off with SEED_DEMO=false)');
    }
    // Data written before the index rows existed gets them now, before the first request reads them.
    await migrateIndexes(storage.store, (await services.directory.snapshot()).units.map((unit) => unit.id), logger);
    const app = createApp({ services, teams: options.teams ?? teamsRosterDirectory, allowedTenantIds: config.allowedTenantIds, logger, clock }, adapter);
    const server = await listen(createBotServer({ adapter, logic: turnLogic(app), allowedTenantIds: config.allowedTenantIds, logger, mode: config.mode }), config.host, config.port);
    // Proactive sends use an adapter of their own whose connector client does not retry by itself.
    const proactive = startProactiveDelivery(composition, {
      adapter: createAdapter(config.bot, outboxConnectorClientOptions(), config.inboundAuthentication),
      botAppId: config.bot?.appId ?? '',
      clock,
      logger,
      rhythm: config.rhythm,
    });
    return {
      url: server.url,
      port: server.port,
      storageDescription: storage.description,
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
