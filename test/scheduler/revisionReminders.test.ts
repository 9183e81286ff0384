import assert from 'node:assert/strict';
import { composeServices } from '../../src/composition';
import { silentLogger } from '../../src/ports/logger';
import { DEMO_PEOPLE, seedDemoOrganisation } from '../../src/services/demoOrganisation';
import { RevisionReminderJob } from '../../src/scheduler/jobs/revisionReminders';
import { freshTableStore } from '../support/azurite';
import { cardText } from '../support/botHarness';
import { cardIssues } from '../support/cardValidator';
import { settableClock } from '../support/clock';
import { RecordingOutbox } from '../support/recordingOutbox';

const { lars, mette } = DEMO_PEOPLE;

async function setUp() {
  const clock = settableClock('2026-08-01T09:00:00Z');
  const { services, repositories } = composeServices(await freshTableStore(), { clock, ids: { next: () => 'id' }, logger: silentLogger, notifier: () => ({ toPerson: async () => {}, toUnitChannel: async () => {} }) });
  await seedDemoOrganisation(repositories.organisation, repositories.people);
  await repositories.people.save({ aadObjectId: mette.aadObjectId, name: mette.name, locale: 'da' });
  const outbox = new RecordingOutbox();
  const job = new RevisionReminderJob(services.revisions, repositories.people, services.directory, outbox, { reminderTime: '07:30' }, repositories.jobRuns);
  return { job, outbox, repositories, services };
}

describe('half-yearly revision reminders (job, Azurite)', () => {
  it('reminds each service-area leader two weeks before the revision month, once, listing their units', async () => {
    const { job, outbox } = await setUp();
    assert.deepEqual(await job.run(new Date('2026-08-17T08:00:00Z')), { enqueued: 0 }, 'not yet two weeks before');
    assert.deepEqual(await job.run(new Date('2026-08-18T05:00:00Z')), { enqueued: 0 }, 'before the morning reminder time');
    assert.deepEqual(await job.run(new Date('2026-08-18T06:00:00Z')), { enqueued: 2 });
    assert.deepEqual(outbox.keys, [`revisionReminder|2026-09|${lars.aadObjectId}|helse-omsorg`, `revisionReminder|2026-09|${mette.aadObjectId}|teknisk-drift`]);
    for (const message of outbox.messages) assert.deepEqual(cardIssues(message.card), []);
    assert.match(cardText(outbox.messages[0].card), /Den halvårlige revisjonen i september 2026 er om to uker: Helse og omsorg/);
    assert.match(cardText(outbox.messages[0].card), /Hjemmetjenesten nord[\s\S]*Sykehjem øst/);
    assert.match(cardText(outbox.messages[1].card), /Den halvårlige revision i september 2026 er om to uger: Teknisk drift/, 'in the leader\'s own language');
    assert.deepEqual(await job.run(new Date('2026-08-25T06:00:00Z')), { enqueued: 0 }, 'once per round');
    assert.deepEqual(await job.run(new Date('2026-10-01T06:00:00Z')), { enqueued: 0 }, 'after the month, nothing');
  });

  it('follows the organisation\'s revision months', async () => {
    const { job, outbox, repositories, services } = await setUp();
    const org = await repositories.organisation.load();
    await repositories.organisation.saveSettings({ ...org.settings, revisionMonths: [5, 11] });
    services.directory.invalidate();
    assert.deepEqual(await job.run(new Date('2026-08-18T06:00:00Z')), { enqueued: 0 });
    assert.deepEqual(await job.run(new Date('2026-10-19T06:00:00Z')), { enqueued: 2 });
    assert.ok(outbox.keys.every((key) => key.startsWith('revisionReminder|2026-11|')));
  });
});
