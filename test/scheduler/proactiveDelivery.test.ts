import assert from 'node:assert/strict';
import { composeServices } from '../../src/composition';
import { silentLogger } from '../../src/ports/logger';
import { startProactiveDelivery } from '../../src/proactive';
import { DEMO_PEOPLE, seedDemoOrganisation } from '../../src/services/demoOrganisation';
import { createAdapter } from '../../src/teams/adapter';
import { outboxConnectorClientOptions } from '../../src/teams/connectorSender';
import { freshTableStore } from '../support/azurite';
import { FakeConnector } from '../support/fakeConnector';

const HN = 'hjemmetjenesten-nord';
const TENANT = '11111111-2222-4333-8444-555555555555';

/** Polls until `done` holds, for what the worker does in its own time. */
async function eventually(done: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!done()) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('proactive delivery, wired as the bot runs it (Azurite + fake Bot Connector)', () => {
  it('posts the board-meeting prompt in the channel and tells a submitter 1:1, once each', async () => {
    const fake = await FakeConnector.start();
    // Monday 23 Nov 2026, 08:31 in Oslo (Hjemmetjenesten nord meets at 08:30 on weekdays), and
    // running: the rate limiter and the leases need time to pass.
    const started = Date.now();
    const clock = { now: () => new Date(Date.parse('2026-11-23T07:31:00Z') + Date.now() - started) };
    let id = 0;
    const composition = composeServices(await freshTableStore(), { clock, ids: { next: () => `id-${++id}` }, logger: silentLogger });
    const { services, repositories } = composition;
    await seedDemoOrganisation(repositories.organisation, repositories.people);
    const channel = { conversationId: '19:hn@thread.tacv2', teamId: '19:team', tenantId: TENANT, serviceUrl: fake.serviceUrl };
    await repositories.organisation.updateUnit(HN, (u) => ({ ...u, channel, schedule: { weekdays: [1, 2, 3, 4, 5], time: '08:30', pauses: [] } }));
    await repositories.people.save({ aadObjectId: DEMO_PEOPLE.ola.aadObjectId, name: 'Ola Bakken', teamsUserId: '29:ola', tenantId: TENANT, serviceUrl: fake.serviceUrl, locale: 'en' });
    services.directory.invalidate();
    const { idea } = await services.ideaSubmission.submit(DEMO_PEOPLE.ola, { unitId: HN, idea: { title: 'Coffee machine', type: 'create' } });
    await services.ideaChanges.apply(DEMO_PEOPLE.kari, { unitId: HN, number: idea.number, version: idea.version }, { kind: 'move', to: 'rejected', reason: 'Not this year' });

    const delivery = startProactiveDelivery(composition, { adapter: createAdapter(undefined, outboxConnectorClientOptions()), botAppId: '', clock, logger: silentLogger, rhythm: { reminderTime: '07:30', reminderEveryDays: 3, escalateAfterDays: 14, digestTime: '07:00', stagnationWeeks: 4, tenantRatePerSecond: 50 }, reach: { graphBaseUrl: 'https://graph.microsoft.com/v1.0' } });
    try {
      await eventually(() => fake.deliveries.some((d) => d.key?.startsWith('prompt|')) && fake.deliveries.some((d) => d.key?.startsWith('notify|ideaStopped')), 'the prompt and the notification');
      const prompt = fake.deliveries.find((d) => d.key === `prompt|2026-11-23|${HN}`);
      assert.equal(prompt?.conversationId, '19:hn@thread.tacv2');
      assert.match(JSON.stringify(prompt?.activity), /Tavlemøte – Hjemmetjenesten nord/);
      const told = fake.deliveries.find((d) => d.key?.startsWith('notify|ideaStopped'));
      assert.match(JSON.stringify(told?.activity), /Your idea HN-1 \\"Coffee machine\\" was set to rejected/);
      const status = await services.pipelineStatus.status(DEMO_PEOPLE.ingrid);
      assert.ok(status.sent >= 2, JSON.stringify(status));
      await assert.rejects(services.pipelineStatus.status(DEMO_PEOPLE.kari), /forbidden/);
    } finally {
      await delivery.stop();
      await fake.stop();
    }
    assert.equal(fake.duplicates(), 0);
  });
});
