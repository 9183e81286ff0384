import assert from 'node:assert/strict';
import { composeServices } from '../../src/composition';
import { silentLogger } from '../../src/ports/logger';
import { DEMO_PEOPLE, seedDemoOrganisation } from '../../src/services/demoOrganisation';
import { cachedHolidayChecks } from '../../src/scheduler/holidays';
import { OverdueReminderJob } from '../../src/scheduler/jobs/overdueReminders';
import { WeeklyDigestJob } from '../../src/scheduler/jobs/weeklyDigest';
import { freshTableStore } from '../support/azurite';
import { cardText } from '../support/botHarness';
import { cardIssues } from '../support/cardValidator';
import { RecordingOutbox } from '../support/recordingOutbox';
import { settableClock as movableClock } from '../support/clock';

const HN = 'hjemmetjenesten-nord';
const { kari, ola, lars, anne } = DEMO_PEOPLE;


/** The demo organisation with Ola owning an idea and an action item, both due on Friday 13 Nov 2026. */
async function setUp() {
  const clock = movableClock('2026-11-10T09:00:00Z');
  let id = 0;
  const { services, repositories } = composeServices(await freshTableStore(), {
    clock,
    ids: { next: () => `id-${++id}` },
    logger: silentLogger,
    notifier: () => ({ toPerson: async () => {}, toUnitChannel: async () => {} }),
  });
  await seedDemoOrganisation(repositories.organisation, repositories.people);
  const { idea } = await services.ideaSubmission.submit(kari, { unitId: HN, idea: { title: 'Færre vaktbytter', type: 'improve', ownerId: ola.aadObjectId, dueDate: '2026-11-13' } });
  await services.ideaChanges.apply(kari, { unitId: HN, number: idea.number }, { kind: 'addAction', text: 'Ring leverandøren', ownerId: ola.aadObjectId, dueDate: '2026-11-13' });
  const outbox = new RecordingOutbox();
  const holidays = cachedHolidayChecks();
  const reminders = new OverdueReminderJob(services.overdueReminders, repositories.people, services.directory, outbox, holidays, { reminderTime: '07:30', escalateAfterDays: 14 }, repositories.jobRuns);
  const digests = new WeeklyDigestJob(services.weeklyDigests, repositories.people, services.directory, outbox, holidays, { digestTime: '07:00', stagnationWeeks: 4 }, repositories.jobRuns);
  return { services, repositories, outbox, reminders, digests, clock };
}

describe('overdue reminders (job, Azurite)', () => {
  it('sends each owner one card a day listing their overdue items, from the morning on working days', async () => {
    const { outbox, reminders } = await setUp();
    // Monday 16 Nov 2026, 07:00 Oslo (06:00Z): before the reminder time.
    assert.deepEqual(await reminders.run(new Date('2026-11-16T06:00:00Z')), { enqueued: 0 });
    assert.deepEqual(await reminders.run(new Date('2026-11-16T06:30:00Z')), { enqueued: 1 });
    const [message] = outbox.messages;
    assert.equal(message.key, `reminder|2026-11-16|${ola.aadObjectId}`);
    assert.deepEqual(message.target, { kind: 'person', aadObjectId: ola.aadObjectId, unitId: HN }, 'the unit can carry it if no personal chat opens');
    assert.deepEqual(cardIssues(message.card), []);
    const text = cardText(message.card);
    assert.match(text, /Du har 2 forfalte saker/);
    assert.match(text, /HN-1 Færre vaktbytter – tiltak: Ring leverandøren/);
    assert.match(text, /Frist 13\.11\.2026, 3 dager over fristen/);
    assert.deepEqual(await reminders.run(new Date('2026-11-16T10:00:00Z')), { enqueued: 0 }, 'once a day');
  });

  it('waits the configured days before reminding of the same item again, and skips weekends', async () => {
    const { outbox, reminders } = await setUp();
    await reminders.run(new Date('2026-11-16T07:00:00Z'));
    for (const day of ['17', '18']) assert.deepEqual(await reminders.run(new Date(`2026-11-${day}T07:00:00Z`)), { enqueued: 0 }, day);
    assert.deepEqual(await reminders.run(new Date('2026-11-19T07:00:00Z')), { enqueued: 1 });
    assert.deepEqual(await reminders.run(new Date('2026-11-22T07:00:00Z')), { enqueued: 0 }, 'Sunday');
    assert.equal(outbox.messages.length, 2);
  });

  it('leaves out people who turned reminders off', async () => {
    const { services, reminders } = await setUp();
    await services.people.setReminders(ola, false);
    assert.deepEqual(await reminders.run(new Date('2026-11-16T07:00:00Z')), { enqueued: 0 });
  });

  it('escalates items overdue two weeks to the unit leader, once', async () => {
    const { outbox, reminders } = await setUp();
    await reminders.run(new Date('2026-11-27T07:00:00Z'));
    const escalation = outbox.messages.find((m) => m.job === 'escalation');
    assert.ok(escalation, outbox.keys.join(', '));
    assert.deepEqual(escalation.target, { kind: 'person', aadObjectId: kari.aadObjectId, unitId: HN });
    assert.match(cardText(escalation.card), /Hjemmetjenesten nord: 2 saker har vært forfalt i mer enn 14 dager/);
    await reminders.run(new Date('2026-11-30T07:00:00Z'));
    assert.equal(outbox.messages.filter((m) => m.job === 'escalation').length, 1);
  });
});

describe('weekly digest (job, Azurite)', () => {
  it('on Monday morning sends leaders their unit, TOLs their area and executives the organisation', async () => {
    const { outbox, digests } = await setUp();
    assert.deepEqual(await digests.run(new Date('2026-11-17T07:00:00Z')), { enqueued: 0 }, 'not on a Tuesday');
    const { enqueued } = await digests.run(new Date('2026-11-16T06:30:00Z'));
    assert.ok(enqueued >= 4, String(enqueued));
    const forPerson = (aad: string) => outbox.messages.filter((m) => m.target.kind === 'person' && m.target.aadObjectId === aad);
    const kariDigest = forPerson(kari.aadObjectId);
    assert.equal(kariDigest.length, 1);
    assert.deepEqual(cardIssues(kariDigest[0].card), []);
    assert.match(cardText(kariDigest[0].card), /Uke 46: Hjemmetjenesten nord/);
    assert.match(cardText(kariDigest[0].card), /1 \/ 0 \/ 1/, 'one new idea, none done, one overdue');
    assert.doesNotMatch(cardText(kariDigest[0].card), /ingen nye forslag/, 'a unit with a new idea last week is not flagged for that');
    assert.match(cardText(forPerson(lars.aadObjectId)[0].card), /Uke 46: Helse og omsorg \(tjenesteområde\)[\s\S]*Sykehjem øst/);
    assert.match(cardText(forPerson(anne.aadObjectId)[0].card), /Uke 46: Demo kommune[\s\S]*Teknisk drift/);
    assert.deepEqual(await digests.run(new Date('2026-11-16T09:00:00Z')), { enqueued: 0 }, 'once a week');
  });

  it('flags a unit with no logged meeting and nothing new for weeks', async () => {
    const { outbox, digests } = await setUp();
    await digests.run(new Date('2026-12-28T07:00:00Z'));
    const perDigests = outbox.messages.filter((m) => m.target.kind === 'person' && m.target.aadObjectId === DEMO_PEOPLE.per.aadObjectId);
    assert.equal(perDigests.length, 2, 'Per leads two units and gets a digest for each');
    const text = perDigests.map((m) => cardText(m.card)).join('\n');
    assert.match(text, /Veg og park: ingen nye forslag på 4 uker/);
    assert.match(text, /Veg og park: ingen tavlemøter registrert på 4 uker/);

  });
});
