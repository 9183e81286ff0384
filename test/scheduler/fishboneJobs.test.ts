import assert from 'node:assert/strict';
import { composeServices } from '../../src/composition';
import { IdeaStatus } from '../../src/domain/ideas';
import { silentLogger } from '../../src/ports/logger';
import { DEMO_PEOPLE, seedDemoOrganisation } from '../../src/services/demoOrganisation';
import { OutboxFishbonePublisher } from '../../src/scheduler/fishbonePublisher';
import { FishboneSuggestionJob } from '../../src/scheduler/jobs/fishboneSuggestions';
import { freshTableStore } from '../support/azurite';
import { cardText } from '../support/botHarness';
import { cardIssues } from '../support/cardValidator';
import { settableClock } from '../support/clock';
import { RecordingOutbox } from '../support/recordingOutbox';

const { ingrid, lars, mette, kari, ola } = DEMO_PEOPLE;
const HN = 'hjemmetjenesten-nord';

async function setUp() {
  const clock = settableClock('2026-09-01T08:00:00Z');
  let id = 0;
  const { services, repositories } = composeServices(await freshTableStore(), { clock, ids: { next: () => `id${++id}` }, logger: silentLogger, notifier: () => ({ toPerson: async () => {}, toUnitChannel: async () => {} }) });
  await seedDemoOrganisation(repositories.organisation, repositories.people);
  const outbox = new RecordingOutbox();
  const job = new FishboneSuggestionJob(services.fishbones, repositories.people, services.directory, outbox, { digestTime: '07:00', stagnationWeeks: 4, fishboneAfterWeeks: 8 }, repositories.jobRuns);
  return { services, repositories, outbox, job, clock };
}

describe('fishbone analysis suggestions (job, Azurite)', () => {
  it('asks the Lean coach and the service-area leader to start one for each unit stalled long enough, once per stretch', async () => {
    const { services, repositories, outbox, job, clock } = await setUp();
    // Hjemmetjenesten nord is alive: an idea proposed and moved in October, and a board meeting held.
    clock.set('2026-10-20T08:00:00Z');
    let { idea } = await services.ideaSubmission.submit(ola, { unitId: HN, idea: { title: 'Færre vaktbytter', type: 'improve' } });
    clock.set('2026-10-21T08:00:00Z');
    for (const to of ['inProgress'] as IdeaStatus[]) ({ idea } = await services.ideaChanges.apply(kari, idea, { kind: 'move', to }));
    await repositories.meetings.save({ unitId: HN, date: '2026-10-26', held: true, decisions: [], loggedBy: { id: kari.aadObjectId, name: kari.name }, loggedAt: '2026-10-26T08:00:00Z', version: 1, changeId: 'm1' }, 0);
    // Sykehjem øst has an analysis under way already.
    await services.fishbones.start(DEMO_PEOPLE.siri, 'sykehjem-ost', 'request');

    assert.deepEqual(await job.run(new Date('2026-11-02T05:30:00Z')), { enqueued: 0 }, 'before the digest time');
    const first = await job.run(new Date('2026-11-02T06:30:00Z'));
    assert.equal(first.enqueued, 4);
    assert.deepEqual(
      outbox.messages.map((m) => m.key.split('|').slice(2).join('|')).sort(),
      [`bygg-eiendom|${ingrid.aadObjectId}`, `bygg-eiendom|${mette.aadObjectId}`, `veg-og-park|${ingrid.aadObjectId}`, `veg-og-park|${mette.aadObjectId}`],
    );
    for (const message of outbox.messages) assert.deepEqual(cardIssues(message.card), []);
    const text = cardText(outbox.messages.find((m) => m.key.endsWith(`veg-og-park|${mette.aadObjectId}`))!.card);
    assert.match(text, /Veg og park har vist tegn på stillstand i 12 uker/);
    assert.match(text, /Start en fiskebeinsanalyse/);
    assert.deepEqual(await job.run(new Date('2026-11-09T06:30:00Z')), { enqueued: 0 }, 'the next Monday, in the same stretch of 8 weeks: nothing again');
    assert.ok(!outbox.keys.some((k) => k.includes(lars.aadObjectId)), 'his units are alive or under analysis');
  });
});

describe('posting an analysis in the unit\'s channel', () => {
  it('writes the shared card to the outbox, once, and says when there is no channel', async () => {
    const { services, repositories } = await setUp();
    const outbox = new RecordingOutbox();
    const publisher = new OutboxFishbonePublisher(outbox, services.directory);
    const org = await repositories.organisation.load();
    const unit = org.units.find((u) => u.id === HN)!;
    const analysis = { unitId: HN, id: '2026-09-01-x', reason: 'request' as const, status: 'collecting' as const, startedOn: '2026-09-01', startedBy: { id: kari.aadObjectId, name: kari.name }, causes: [], mainCauseIds: [], version: 1, changeId: 'c' };
    assert.equal(await publisher.toUnitChannel(unit, analysis), false);
    const linked = { ...unit, channel: { conversationId: '19:c@thread.tacv2', teamId: 't', tenantId: 'x', serviceUrl: 'https://s/' } };
    assert.equal(await publisher.toUnitChannel(linked, analysis), true);
    await publisher.toUnitChannel(linked, analysis);
    assert.deepEqual(outbox.keys, [`fishbone|${HN}|2026-09-01-x`]);
    const [message] = outbox.messages;
    assert.deepEqual(message.target, { kind: 'channel', conversationId: '19:c@thread.tacv2', serviceUrl: 'https://s/', tenantId: 'x' });
    assert.deepEqual(cardIssues(message.card), []);
    assert.match(cardText(message.card), /Hva hindrer oss i å lykkes fullt ut med Lean\?/);
    assert.doesNotMatch(JSON.stringify(message.card), /fishbone\.concludeForm/);
  });
});
