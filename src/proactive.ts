import { hostname } from 'node:os';
import { CloudAdapter } from 'botbuilder';
import { BotCredentials, ReachSettings, RhythmSettings } from './config';
import { GraphAppInstaller } from './graph/graphAppInstaller';
import { GraphTokenSource, graphTokenSource } from './graph/graphToken';
import { AppInstaller } from './ports/appInstaller';
import { composeServices } from './composition';
import { Clock } from './ports/clock';
import { randomIds } from './ports/ids';
import { Logger } from './ports/logger';
import { DeliveryWorker } from './scheduler/deliveryWorker';
import { ScheduledJob, runJobs } from './scheduler/jobRunner';
import { createRhythmJobs } from './scheduler/rhythmJobs';
import { LeaseKeeper } from './scheduler/leaseKeeper';
import { ConnectorRateLimiter, realSleep } from './scheduler/rateLimiter';
import { ConnectorSender } from './teams/connectorSender';

type Composition = ReturnType<typeof composeServices>;

export interface ProactiveDelivery {
  /** Hands claimed messages back, gives the lease up, and waits for sends under way. */
  stop(): Promise<void>;
}

/**
 * Everything the bot sends unasked: the scheduled jobs that decide what is due (prompts, reminders,
 * digests, benefit follow-ups) and the worker that drains the outbox at Teams' pace. Both run only
 * on the instance holding the "proactive" lease, so with several instances each job fires once and
 * the tenant rate is kept in one place; another instance takes over within a minute if it dies.
 */
export interface ProactiveDeps {
  readonly adapter: CloudAdapter;
  readonly botAppId: string;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly rhythm: RhythmSettings;
  readonly reach: ReachSettings;
  /** The bot's identity, for Graph tokens when installing is allowed. */
  readonly bot?: BotCredentials;
  /** Replaces the @azure/identity token source (tests, with a fake Graph). */
  readonly graphToken?: GraphTokenSource;
  /** The jobs "send now" also runs (see rhythmJobs.ts); built here when not given. */
  readonly jobs?: readonly ScheduledJob[];
}

/** Installs Tavla for people through Graph when PROACTIVE_INSTALL allows it and there is an identity to ask with. */
export function appInstaller({ reach, bot, graphToken, clock }: Pick<ProactiveDeps, 'reach' | 'bot' | 'graphToken' | 'clock'>): AppInstaller | undefined {
  if (!reach.proactiveInstall) return undefined;
  const token = graphToken ?? (bot ? graphTokenSource(bot, reach.graphBaseUrl) : undefined);
  return token ? new GraphAppInstaller({ baseUrl: reach.graphBaseUrl, catalogAppId: reach.proactiveInstall.catalogAppId, token, clock }) : undefined;
}

export function startProactiveDelivery({ services, repositories }: Composition, deps: ProactiveDeps): ProactiveDelivery {
  const { adapter, botAppId, clock, logger, rhythm } = deps;
  const holderId = `${hostname()}:${process.pid}:${randomIds.next().slice(0, 8)}`;
  const installer = appInstaller(deps);
  const sender = new ConnectorSender(adapter, botAppId, repositories.people, { clock, logger, reach: services.reach, ...(installer ? { installer } : {}) });
  const limiter = new ConnectorRateLimiter(clock, realSleep, { tenantPerSecond: rhythm.tenantRatePerSecond });
  const worker = new DeliveryWorker({ queue: repositories.outbox, sender, limiter, clock, sleep: realSleep, logger }, { workerId: holderId });
  // Work enqueued by this process (a job, a notification) is sent at once, not at the next look.
  repositories.outbox.onEnqueued(() => worker.wake());
  const jobs = deps.jobs ?? createRhythmJobs({ services, repositories }, { logger, rhythm }).jobs;
  const lease = new LeaseKeeper({ leases: repositories.leases, clock, sleep: realSleep, logger }, { name: 'proactive', holderId });
  lease.start(async (signal) => {
    await Promise.all([worker.run(signal), runJobs(jobs, { clock, logger, sleep: realSleep }, signal)]);
  });
  return { stop: () => lease.stop({ release: true }) };
}
