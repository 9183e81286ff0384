import assert from 'node:assert/strict';
import { composeServices } from '../../src/composition';
import { silentLogger } from '../../src/ports/logger';
import { DEMO_PEOPLE, seedDemoOrganisation } from '../../src/services/demoOrganisation';
import { cachedHolidayChecks } from '../../src/scheduler/holidays';
import { OverdueReminderJob } from '../../src/scheduler/jobs/overdueReminders';
import { WeeklyDigestJob } from '../../src/scheduler/jobs/weeklyDigest';
import { BenefitFollowUpJob } from '../../src/scheduler/jobs/benefitFollowUps';
import { freshTableStore, roundTripCounter } from '../support/azurite';
import { RecordingOutbox } from '../support/recordingOutbox';
import { settableClock } from '../support/clock';

const HN = 'hjemmetjenesten-nord';

/** Jobs over the demo organisation with one overdue item, storage round trips counted. */
async function setUp() {
  const counter = roundTripCounter();
  const store = await freshTableStore([counter.policy]);
  const clock = settableClock('2026-11-10T09:00:00Z');
  let id = 0;
  const { services, repositories } = composeServices(store, { clock, ids: { next: () => `id-${++id}` }, logger: silentLogger, notifier: () => ({ toPerson: async () => {}, toUnitChannel: async () => {} }) });
  await seedDemoOrganisation(repositories.organisation, repositories.people);
  await services.ideaSubmission.submit(DEMO_PEOPLE.kari, { unitId: HN, idea: { title: 'Færre vaktbytter', type: 'improve', ownerId: DEMO_PEOPLE.ola.aadObjectId, dueDate: '2026-11-13' } });
  const outbox = new RecordingOutbox();
  const holidays = cachedHolidayChecks();
  const jobs = () => [
    new OverdueReminderJob(services.overdueReminders, repositories.people, services.directory, outbox, holidays, { reminderTime: '07:30', escalateAfterDays: 14 }, repositories.jobRuns),
    new WeeklyDigestJob(services.weeklyDigests, repositories.people, services.directory, outbox, holidays, { digestTime: '07:00', stagnationWeeks: 4 }, repositories.jobRuns),
    new BenefitFollowUpJob(services.benefitReminders, services.directory, { reminderTime: '07:30' }, repositories.jobRuns),
  ];
  await services.directory.snapshot();
  return { counter, outbox, jobs, repositories };
}

describe('scheduled jobs do their period’s work once (Azurite)', () => {
  // Monday 16 Nov 2026, 08:00 in Oslo: every job is due.
  const monday = new Date('2026-11-16T07:00:00Z');
  const later = new Date('2026-11-16T12:00:00Z');

  it('costs nothing on later ticks of a finished period, and one point read after a restart', async () => {
    const { counter, outbox, jobs } = await setUp();
    const running = jobs();
    for (const job of running) await job.run(monday);
    const sent = outbox.messages.length;
    assert.ok(sent >= 2, 'a reminder and digests went out');

    counter.reset();
    for (const job of running) assert.deepEqual(await job.run(later), { enqueued: 0 });
    assert.equal(counter.count(), 0, 'the same instance remembers the period is done');

    const restarted = jobs();
    for (const job of restarted) {
      counter.reset();
      assert.deepEqual(await job.run(later), { enqueued: 0 });
      assert.equal(counter.count(), 1, `${job.name}: one read of the period's record`);
    }
    assert.equal(outbox.messages.length, sent, 'nothing was built or sent again');
  });

  it('runs a period early on request, and then neither the scheduler nor a second request does it again', async () => {
    const { counter, outbox, jobs } = await setUp();
    const [reminders] = jobs();
    // Monday 16 Nov 2026, 06:00 in Oslo: before the 07:30 reminders are due.
    const early = new Date('2026-11-16T05:00:00Z');
    assert.deepEqual(await reminders.run(early), { enqueued: 0 }, 'not due yet');
    assert.deepEqual(await reminders.runNow(early), { kind: 'done', enqueued: 1 });
    assert.equal(outbox.messages.length, 1);
    counter.reset();
    assert.deepEqual(await reminders.run(later), { enqueued: 0 });
    assert.deepEqual(await reminders.runNow(later), { kind: 'alreadyDone', period: '2026-11-16', at: early });
    assert.equal(counter.count(), 0, 'known in memory');
    const [restarted] = jobs();
    assert.deepEqual(await restarted.runNow(later), { kind: 'alreadyDone', period: '2026-11-16', at: early }, 'known from the stored record');
    assert.equal(outbox.messages.length, 1);
  });

  it('records each job’s last period for the status card', async () => {
    const { jobs, repositories } = await setUp();
    for (const job of jobs()) await job.run(monday);
    const latest = await repositories.jobRuns.latest(['reminder', 'digest', 'benefitFollowUp'], '2026-11-01');
    assert.deepEqual(latest.map((r) => [r.job, r.period, r.complete]), [
      ['reminder', '2026-11-16', true],
      ['digest', '2026-11-16', true],
      ['benefitFollowUp', '2026-11-16', true],
    ]);
    assert.ok(latest[0]!.enqueued >= 1);
  });
});
