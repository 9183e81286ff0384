/**
 * 1. Jobs once per period: the storage round trips of each scheduled job's first run in its period
 * (reference), of a later tick the same period in the same instance, and of a tick after a restart
 * (a fresh job object, which knows nothing yet).
 */
import { composeServices } from '../src/composition';
import { RhythmSettings } from '../src/config';
import { addDays } from '../src/domain/dates';
import { silentLogger } from '../src/ports/logger';
import { cachedHolidayChecks } from '../src/scheduler/holidays';
import { ScheduledJob } from '../src/scheduler/jobRunner';
import { BenefitFollowUpJob } from '../src/scheduler/jobs/benefitFollowUps';
import { MeetingPrompts } from '../src/scheduler/jobs/meetingPrompts';
import { OutboxPurgeJob } from '../src/scheduler/jobs/outboxPurge';
import { OverdueReminderJob } from '../src/scheduler/jobs/overdueReminders';
import { WeeklyDigestJob } from '../src/scheduler/jobs/weeklyDigest';
import { startBulkAzurite } from './support/azurite';
import { HistoryPlan, writeUnits } from './support/history';
import { StorageMeter, benchStore, randomPrefix } from './support/meter';
import { BENCH_NOW, BENCH_TODAY, benchOrganisation, linkChannels, saveOrganisation } from './support/organisation';
import { BenchOptions } from './support/options';
import { int, print, progress, ratio, table } from './support/report';

const RHYTHM: RhythmSettings = { reminderTime: '07:30', reminderEveryDays: 3, escalateAfterDays: 14, digestTime: '07:00', stagnationWeeks: 4, tenantRatePerSecond: 50 };
const UNITS = 20;

type Composition = ReturnType<typeof composeServices>;

/** The jobs as src/proactive.ts builds them. */
function jobsOf({ services, repositories }: Composition): ScheduledJob[] {
  const holidays = cachedHolidayChecks();
  return [
    new MeetingPrompts(services.directory, services.agenda, repositories.outbox, holidays, silentLogger, repositories.jobRuns),
    new OverdueReminderJob(services.overdueReminders, repositories.people, services.directory, repositories.outbox, holidays, RHYTHM, repositories.jobRuns),
    new WeeklyDigestJob(services.weeklyDigests, repositories.people, services.directory, repositories.outbox, holidays, RHYTHM, repositories.jobRuns),
    new BenefitFollowUpJob(services.benefitReminders, services.directory, RHYTHM, repositories.jobRuns),
    new OutboxPurgeJob(repositories.outbox, services.directory, repositories.jobRuns),
  ];
}

export async function run(_options: BenchOptions): Promise<void> {
  const azurite = await startBulkAzurite();
  try {
    const prefix = randomPrefix('j');
    const meter = new StorageMeter();
    const store = benchStore(azurite.connectionString, prefix, meter);
    await store.createTables();
    let ids = 0;
    // The services' clock stands still: the organisation directory's 30 s cache stays warm, so what
    // is counted is each job's own storage work. Ticks pass their own time to run().
    const options = { clock: { now: () => BENCH_NOW }, ids: { next: () => `bench-${++ids}` }, logger: silentLogger };
    const composition = composeServices(store, options);
    const org = benchOrganisation({ units: UNITS, staffPerUnit: 10, schedule: { weekdays: [1, 2, 3, 4, 5], time: '08:30', pauses: [] } });
    await saveOrganisation(org, composition.repositories);
    await linkChannels(org, composition.repositories.organisation, 'http://127.0.0.1:9/');
    // Per unit: 20 live ideas (some overdue), 20 closed 100 to 150 days ago: two realized benefits
    // waiting for approval (asked for long ago) and identified ones due for their 3-month follow-up.
    const units = org.units.map((unit): HistoryPlan => ({
      unit,
      today: BENCH_TODAY,
      live: 20,
      closed: [{ count: 20, from: addDays(BENCH_TODAY, -150), to: addDays(BENCH_TODAY, -100) }],
      pendingApprovals: 2,
      identifiedBenefits: 5,
    }));
    const written = await writeUnits(store, units, 'jobs world');
    progress(`jobs world: ${int(written.rows)} rows`);
    await composition.services.directory.snapshot();

    const jobs = jobsOf(composition);
    const restarted = jobsOf(composition);
    const rows: string[][] = [];
    const totals = { first: 0, later: 0, restart: 0, enqueued: 0 };
    for (let i = 0; i < jobs.length; i++) {
      const job = jobs[i]!;
      progress(job.name);
      meter.reset();
      const { enqueued } = await job.run(BENCH_NOW);
      const first = meter.roundTrips;
      meter.reset();
      await job.run(new Date(BENCH_NOW.getTime() + 60_000));
      const later = meter.roundTrips;
      meter.reset();
      await restarted[i]!.run(new Date(BENCH_NOW.getTime() + 120_000));
      const restart = meter.roundTrips;
      totals.first += first;
      totals.later += later;
      totals.restart += restart;
      totals.enqueued += enqueued;
      rows.push([job.name, int(enqueued), int(first), `${int(later)} (expected 0)`, ratio(later, first), `${int(restart)} (expected 1)`, ratio(restart, first)]);
    }
    rows.push(['all five', int(totals.enqueued), int(totals.first), int(totals.later), ratio(totals.later, totals.first), int(totals.restart), ratio(totals.restart, totals.first)]);

    // A real restart also starts with a cold organisation directory: one more read per tick, shared by the jobs.
    const cold = composeServices(store, options);
    meter.reset();
    for (const job of jobsOf(cold)) await job.run(new Date(BENCH_NOW.getTime() + 180_000));
    const coldTick = meter.roundTrips;

    print(
      table(
        `1. Jobs once per period: storage round trips per tick (${UNITS} units, Monday ${BENCH_TODAY} 10:00 Oslo: every job due)`,
        ['job', 'messages enqueued', 'first run in the period (reference)', 'later tick, same instance', 'ratio', 'tick after a restart (fresh job object)', 'ratio'],
        rows,
        [
          'The organisation directory is warm in these rows (it is shared by every turn and job, and cached for 30 s); what is counted is each job\'s own storage work, including its outbox writes.',
          `A whole tick of all five jobs in a freshly started process (cold directory, new job objects): ${coldTick} round trips (expected 5 + 1 organisation read).`,
        ],
      ),
    );
  } finally {
    await azurite.stop();
  }
}
