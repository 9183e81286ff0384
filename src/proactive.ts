import { hostname } from 'node:os';
import { CloudAdapter } from 'botbuilder';
import { RhythmSettings } from './config';
import { composeServices } from './composition';
import { Clock } from './ports/clock';
import { randomIds } from './ports/ids';
import { Logger } from './ports/logger';
import { DeliveryWorker } from './scheduler/deliveryWorker';
import { cachedHolidayChecks } from './scheduler/holidays';
import { ScheduledJob, runJobs } from './scheduler/jobRunner';
import { BenefitFollowUpJob } from './scheduler/jobs/benefitFollowUps';
import { MeetingPrompts } from './scheduler/jobs/meetingPrompts';
import { OverdueReminderJob } from './scheduler/jobs/overdueReminders';
import { WeeklyDigestJob } from './scheduler/jobs/weeklyDigest';
import { OutboxPurgeJob } from './scheduler/jobs/outboxPurge';
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
export function startProactiveDelivery(
  { services, repositories }: Composition,
  deps: { readonly adapter: CloudAdapter; readonly botAppId: string; readonly clock: Clock; readonly logger: Logger; readonly rhythm: RhythmSettings },
): ProactiveDelivery {
  const { adapter, botAppId, clock, logger, rhythm } = deps;
  const holderId = `${hostname()}:${process.pid}:${randomIds.next().slice(0, 8)}`;
  const sender = new ConnectorSender(adapter, botAppId, repositories.people, { clock, logger });
  const limiter = new ConnectorRateLimiter(clock, realSleep, { tenantPerSecond: rhythm.tenantRatePerSecond });
  const worker = new DeliveryWorker({ queue: repositories.outbox, sender, limiter, clock, sleep: realSleep, logger }, { workerId: holderId });
  // Work enqueued by this process (a job, a notification) is sent at once, not at the next look.
  repositories.outbox.onEnqueued(() => worker.wake());
  const holidays = cachedHolidayChecks();
  const jobs: ScheduledJob[] = [
    new MeetingPrompts(services.directory, services.agenda, repositories.outbox, holidays, logger, repositories.jobRuns),
    new OverdueReminderJob(services.overdueReminders, repositories.people, services.directory, repositories.outbox, holidays, rhythm, repositories.jobRuns),
    new WeeklyDigestJob(services.weeklyDigests, repositories.people, services.directory, repositories.outbox, holidays, rhythm, repositories.jobRuns),
    new BenefitFollowUpJob(services.benefitReminders, services.directory, rhythm, repositories.jobRuns),
    new OutboxPurgeJob(repositories.outbox, services.directory, repositories.jobRuns),
  ];
  const lease = new LeaseKeeper({ leases: repositories.leases, clock, sleep: realSleep, logger }, { name: 'proactive', holderId });
  lease.start(async (signal) => {
    await Promise.all([worker.run(signal), runJobs(jobs, { clock, logger, sleep: realSleep }, signal)]);
  });
  return { stop: () => lease.stop({ release: true }) };
}
