import assert from 'node:assert/strict';
import { composeServices } from '../../src/composition';
import { Unit } from '../../src/domain/organisation';
import { MeetingSchedule } from '../../src/domain/schedule';
import { silentLogger } from '../../src/ports/logger';
import { DEMO_ORGANISATION, DEMO_PEOPLE, seedDemoOrganisation } from '../../src/services/demoOrganisation';
import { cachedHolidayChecks } from '../../src/scheduler/holidays';
import { MeetingPrompts, promptKey } from '../../src/scheduler/jobs/meetingPrompts';
import { cardIssues } from '../support/cardValidator';
import { freshTableStore } from '../support/azurite';
import { cardText } from '../support/botHarness';
import { RecordingOutbox } from '../support/recordingOutbox';
import { settableClock as fixedClock } from '../support/clock';

const HN = 'hjemmetjenesten-nord';
const SO = 'sykehjem-ost';
const VP = 'veg-og-park';
const SERVICE_URL = 'https://smba.trafficmanager.net/emea/';
const TENANT = '11111111-2222-4333-8444-555555555555';
const channelOf = (name: string) => ({ conversationId: `19:${name}@thread.tacv2`, teamId: `19:team-${name}`, tenantId: TENANT, serviceUrl: SERVICE_URL });
const MON_FRI_0830: MeetingSchedule = { weekdays: [1, 2, 3, 4, 5], time: '08:30', pauses: [] };


describe('board-meeting prompts (job, Azurite)', () => {
  async function setUp(units: Readonly<Record<string, Partial<Unit>>>) {
    const clock = fixedClock('2026-03-02T06:00:00Z');
    let id = 0;
    const { services, repositories } = composeServices(await freshTableStore(), { clock, ids: { next: () => `id-${++id}` }, logger: silentLogger, notifier: () => ({ toPerson: async () => {}, toUnitChannel: async () => {} }) });
    await seedDemoOrganisation(repositories.organisation, repositories.people);
    for (const [unitId, extra] of Object.entries(units)) await repositories.organisation.updateUnit(unitId, (u) => ({ ...u, ...extra }));
    services.directory.invalidate();
    const outbox = new RecordingOutbox();
    const holidays = cachedHolidayChecks();
    const job = () => new MeetingPrompts(services.directory, services.agenda, outbox, holidays, silentLogger, repositories.jobRuns);
    return { services, repositories, outbox, job, clock };
  }

  it('posts nothing before the meeting time and one prompt to the unit\'s channel once it has come', async () => {
    const { services, outbox, job } = await setUp({ [HN]: { schedule: MON_FRI_0830, channel: channelOf('hn') } });
    await services.ideaSubmission.submit(DEMO_PEOPLE.ola, { unitId: HN, idea: { title: 'Færre vaktbytter', type: 'improve' } });
    const prompts = job();
    // Monday 2 March 2026, winter time: 08:30 in Oslo is 07:30 UTC.
    assert.deepEqual(await prompts.run(new Date('2026-03-02T07:29:00Z')), { enqueued: 0 });
    assert.deepEqual(await prompts.run(new Date('2026-03-02T07:30:00Z')), { enqueued: 1 });
    const [message] = outbox.messages;
    assert.equal(message.key, promptKey('2026-03-02', HN));
    assert.equal(message.key, 'prompt|2026-03-02|hjemmetjenesten-nord');
    assert.equal(message.job, 'prompt');
    assert.deepEqual(message.target, { kind: 'channel', conversationId: '19:hn@thread.tacv2', serviceUrl: SERVICE_URL, tenantId: TENANT });
    assert.deepEqual(cardIssues(message.card), []);
    const text = cardText(message.card);
    assert.match(text, /Tavlemøte – Hjemmetjenesten nord/);
    assert.match(text, /mandag 2\. mars 2026/);
    assert.match(text, /Nye forslag \(1\)\nHN-1 Færre vaktbytter · fra Ola Bakken/);
    assert.match(text, /Registrer møtet/);
  });

  it('enqueues nothing new on a second run, nor from a second instance: the day’s record says the unit was prompted', async () => {
    const { outbox, job } = await setUp({ [HN]: { schedule: MON_FRI_0830, channel: channelOf('hn') } });
    const first = job();
    assert.deepEqual(await first.run(new Date('2026-03-02T07:31:00Z')), { enqueued: 1 });
    assert.deepEqual(await first.run(new Date('2026-03-02T07:32:00Z')), { enqueued: 0 });
    // Another bot instance (a fresh job with nothing remembered) runs the same tick.
    assert.deepEqual(await job().run(new Date('2026-03-02T07:32:00Z')), { enqueued: 0 });
    assert.equal(outbox.messages.length, 1);
    assert.equal(outbox.calls, 1, 'neither run even built the agenda again');
    // The next meeting day is a new key.
    assert.deepEqual(await first.run(new Date('2026-03-03T07:30:00Z')), { enqueued: 1 });
    assert.deepEqual(outbox.keys, ['prompt|2026-03-02|hjemmetjenesten-nord', 'prompt|2026-03-03|hjemmetjenesten-nord']);
  });

  it('skips public holidays of the organisation\'s country and speaks its language', async () => {
    const norway = await setUp({ [HN]: { schedule: MON_FRI_0830, channel: channelOf('hn') } });
    // Friday 1 May 2026 is a public holiday in Norway, not in Denmark; summer time, so 08:30 is 06:30 UTC.
    assert.deepEqual(await norway.job().run(new Date('2026-05-01T07:00:00Z')), { enqueued: 0 });
    assert.deepEqual(await norway.job().run(new Date('2026-05-14T07:00:00Z')), { enqueued: 0 }, 'Ascension Day');
    assert.deepEqual(await norway.job().run(new Date('2026-05-15T07:00:00Z')), { enqueued: 1 });

    const denmark = await setUp({ [HN]: { schedule: MON_FRI_0830, channel: channelOf('hn') } });
    await denmark.repositories.organisation.saveSettings({ ...DEMO_ORGANISATION.settings!, country: 'DK', language: 'da', timeZone: 'Europe/Copenhagen' });
    denmark.services.directory.invalidate();
    assert.deepEqual(await denmark.job().run(new Date('2026-05-01T07:00:00Z')), { enqueued: 1 });
    assert.match(cardText(denmark.outbox.messages[0].card), /Tavlemøde – Hjemmetjenesten nord\nfredag den 1\. maj 2026/);
    assert.deepEqual(await denmark.job().run(new Date('2026-05-14T07:00:00Z')), { enqueued: 0 }, 'Kristi Himmelfartsdag');
  });

  it('skips a unit in a pause, a unit without a channel and a unit without a schedule', async () => {
    const { outbox, job } = await setUp({
      [HN]: { schedule: { ...MON_FRI_0830, pauses: [{ from: '2026-02-23', to: '2026-03-06' }] }, channel: channelOf('hn') },
      [SO]: { schedule: MON_FRI_0830 },
      [VP]: { channel: channelOf('vp') },
    });
    assert.deepEqual(await job().run(new Date('2026-03-02T09:00:00Z')), { enqueued: 0 });
    assert.deepEqual(outbox.messages, []);
    assert.deepEqual(await job().run(new Date('2026-03-09T09:00:00Z')), { enqueued: 1 }, 'after the pause');
  });

  it('prompts each unit at its own time, one message per unit and date', async () => {
    const { outbox, job } = await setUp({
      [HN]: { schedule: MON_FRI_0830, channel: channelOf('hn') },
      [SO]: { schedule: { weekdays: [1], time: '09:00', pauses: [] }, channel: channelOf('so') },
    });
    const prompts = job();
    assert.deepEqual(await prompts.run(new Date('2026-03-02T07:45:00Z')), { enqueued: 1 });
    assert.deepEqual(await prompts.run(new Date('2026-03-02T08:00:00Z')), { enqueued: 1 });
    assert.deepEqual(await job().run(new Date('2026-03-02T08:05:00Z')), { enqueued: 0 });
    assert.deepEqual(
      outbox.messages.map((m) => [m.key, m.target.kind === 'channel' ? m.target.conversationId : '']),
      [
        ['prompt|2026-03-02|hjemmetjenesten-nord', '19:hn@thread.tacv2'],
        ['prompt|2026-03-02|sykehjem-ost', '19:so@thread.tacv2'],
      ],
    );
    assert.match(cardText(outbox.messages[1].card), /Tavlemøte – Sykehjem øst/);
  });

  it('does not prompt for a meeting that is already logged', async () => {
    const { services, outbox, job, clock } = await setUp({ [HN]: { schedule: MON_FRI_0830, channel: channelOf('hn') } });
    clock.set('2026-03-02T07:00:00Z');
    await services.meetings.log(DEMO_PEOPLE.kari, { unitId: HN, date: '2026-03-02', version: 0, form: { held: 'yes', attendees: '5' }, decisionReason: '' });
    assert.deepEqual(await job().run(new Date('2026-03-02T07:30:00Z')), { enqueued: 0 });
    assert.deepEqual(outbox.messages, []);
  });
});
