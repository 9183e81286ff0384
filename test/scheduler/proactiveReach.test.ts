import assert from 'node:assert/strict';
import { Activity } from 'botbuilder';
import { GraphAppInstaller } from '../../src/graph/graphAppInstaller';
import { AppInstaller } from '../../src/ports/appInstaller';
import { DEMO_PEOPLE } from '../../src/services/demoOrganisation';
import { cachedHolidayChecks } from '../../src/scheduler/holidays';
import { WeeklyDigestJob } from '../../src/scheduler/jobs/weeklyDigest';
import { TENANT_ID, cardAction, message } from '../support/activities';
import { BotHarness, cardText, createBotHarness } from '../support/botHarness';
import { cardIssues } from '../support/cardValidator';
import { RunningDelivery, eventually, startDelivery } from '../support/delivery';
import { FakeConnector } from '../support/fakeConnector';
import { FakeGraph } from '../support/fakeGraph';

const HN = 'hjemmetjenesten-nord';
const CATALOG_APP_ID = '3f1a2b4c-0000-4000-8000-00000000c0de';
const { kari, ola, lars, ingrid, anne } = DEMO_PEOPLE;

/** Measured today (these tests run on the machine's clock): 14 000 kr on temps before, 4 000 kr now. */
const TODAY = new Date().toISOString().slice(0, 10);
const REALIZED = {
  category: 'money',
  stage: 'realized',
  indicator: 'Vikarutgifter per kvartal',
  period: 'oneOff',
  baseline: '14 000',
  baselineOn: TODAY,
  measured: '4 000',
  measuredOn: TODAY,
  use: 'budget',
  useText: 'Kuttet i budsjettet for vikarer',
  ownerId: kari.aadObjectId,
};

interface Card {
  readonly body?: { readonly type?: string; readonly text?: string }[];
  readonly msteams?: { readonly entities?: unknown[] };
}
const cardIn = (activity: Record<string, unknown> | undefined): Card => (activity?.attachments as { content: Card }[] | undefined)?.[0]?.content ?? {};

describe('reaching people proactively (Azurite + fake Bot Connector + fake Graph)', function () {
  this.timeout(20_000);
  let fake: FakeConnector;
  let graph: FakeGraph | undefined;
  let delivery: RunningDelivery | undefined;

  beforeEach(async () => {
    fake = await FakeConnector.start();
  });

  afterEach(async () => {
    await delivery?.stop();
    delivery = undefined;
    await graph?.stop();
    graph = undefined;
    await fake.stop();
  });

  /** An activity as Teams sends it to this tenant: its serviceUrl is the (fake) connector. */
  const fromTeams = (activity: Partial<Activity>): Partial<Activity> => ({ ...activity, serviceUrl: fake.serviceUrl });

  const deliver = (bot: BotHarness, installer?: AppInstaller) => {
    delivery = startDelivery({ outbox: bot.repositories.outbox, people: bot.repositories.people, reach: bot.services.reach, ...(installer ? { installer } : {}) });
  };

  const digestJob = (bot: BotHarness) =>
    new WeeklyDigestJob(bot.services.weeklyDigests, bot.repositories.people, bot.services.directory, bot.repositories.outbox, cachedHolidayChecks(), { digestTime: '07:00', stagnationWeeks: 4 }, bot.repositories.jobRuns, bot.services.reach);

  /** Monday 16 November 2026, after the digest time: one digest per leader, TOL and overseer. */
  const MONDAY = new Date('2026-11-16T07:00:00Z');
  const digestKey = (who: { aadObjectId: string }, scope: string) => `digest|2026-11-16|${who.aadObjectId}|${scope}`;

  async function doneIdea(bot: BotHarness): Promise<number> {
    let { idea } = await bot.services.ideaSubmission.submit(ola, { unitId: HN, idea: { title: 'Færre vaktbytter', type: 'improve', benefitAreas: ['time'] } });
    for (const to of ['inProgress', 'evaluating', 'done'] as const) ({ idea } = await bot.services.ideaChanges.apply(kari, idea, { kind: 'move', to }));
    return idea.number;
  }

  async function linkChannel(bot: BotHarness): Promise<void> {
    await bot.organisation.updateUnit(HN, (unit) => ({ ...unit, channel: { conversationId: '19:hn-forbedring@thread.tacv2', teamId: '19:hn-team@thread.tacv2', tenantId: TENANT_ID, serviceUrl: fake.serviceUrl } }));
    bot.directory.invalidate();
  }

  it('sends the approval request to a TOL who never wrote to Tavla: a chat opened by Entra object id, on the service URL learned from a colleague', async () => {
    const bot = await createBotHarness({ outboxNotifications: true });
    // Kari uses Tavla in Teams: her activity teaches the tenant's service URL.
    await bot.send(fromTeams(message('hjelp', { from: kari, locale: 'nb-NO' })));
    const number = await doneIdea(bot);
    const before = await bot.peopleTable.get(lars.aadObjectId);
    assert.equal(before?.serviceUrl, undefined, 'Lars was imported, never seen');
    assert.equal(before?.personalConversationId, undefined);

    deliver(bot);
    await bot.send(fromTeams(cardAction('benefit.register', { unitId: HN, number, fromBenefitId: '', ...REALIZED }, { from: ola, locale: 'nb-NO' })));
    await eventually(() => fake.deliveries.some((d) => d.key?.startsWith('notify|approvalRequested')), 'the approval request');

    assert.deepEqual(fake.creates, [{ memberId: lars.aadObjectId, tenantId: TENANT_ID, channelDataTenantId: TENANT_ID, status: 201 }]);
    const request = fake.deliveries.find((d) => d.key?.startsWith('notify|approvalRequested'));
    assert.equal(request?.conversationId, `a:1on1-${lars.aadObjectId}`);
    const card = cardIn(request?.activity);
    assert.deepEqual(cardIssues(card), []);
    // Lars has no Teams language on record: the organisation's (bokmål).
    assert.match(cardText(card), /Ny godkjenning: Ola Bakken har registrert en realisert gevinst for HN-1 Færre vaktbytter/);
    const after = await bot.peopleTable.get(lars.aadObjectId);
    assert.deepEqual([after?.personalConversationId, after?.serviceUrl, after?.tenantId], [`a:1on1-${lars.aadObjectId}`, fake.serviceUrl, TENANT_ID], 'the chat is remembered');
    assert.equal((await bot.services.reach.list()).total, 0);
  });

  it('installs Tavla through Graph for a leader Teams says lacks it, then sends the digest 1:1', async () => {
    graph = await FakeGraph.start();
    // The service URL comes from the TEAMS_SERVICE_URL setting: nobody has written yet.
    const bot = await createBotHarness({ outboxNotifications: true, teamsServiceUrl: fake.serviceUrl });
    fake.notInstalled.add(kari.aadObjectId);
    graph.onInstall = (userId) => fake.install(userId);
    const tokens: string[] = [];
    const installer = new GraphAppInstaller({
      baseUrl: graph.baseUrl,
      catalogAppId: CATALOG_APP_ID,
      token: async (tenantId) => {
        tokens.push(tenantId);
        return 'graph-token-for-tests';
      },
    });
    deliver(bot, installer);
    await digestJob(bot).run(MONDAY);
    const key = digestKey(kari, `unit:${HN}`);
    await eventually(() => fake.deliveries.some((d) => d.key === key), "Kari's digest");

    assert.deepEqual(fake.creates.filter((c) => c.memberId === kari.aadObjectId).map((c) => c.status), [403, 201], 'refused, installed, opened');
    assert.equal(graph.requests.length, 1, 'only Kari needed installing');
    assert.deepEqual(graph.requests[0], {
      method: 'POST',
      path: `/v1.0/users/${kari.aadObjectId}/teamwork/installedApps`,
      authorization: 'Bearer graph-token-for-tests',
      contentType: 'application/json',
      body: { 'teamsApp@odata.bind': `${graph.baseUrl}/appCatalogs/teamsApps/${CATALOG_APP_ID}` },
    });
    assert.deepEqual(tokens, [TENANT_ID]);
    const digest = fake.deliveries.find((d) => d.key === key);
    assert.equal(digest?.conversationId, `a:1on1-${kari.aadObjectId}`);
    assert.match(cardText(cardIn(digest?.activity)), /Uke 46: Hjemmetjenesten nord/);
    assert.equal((await bot.services.reach.list()).total, 0, 'Kari is reachable');
    assert.equal(fake.deliveries.filter((d) => d.key === key).length, 1);
  });

  it('tries again later when Teams does not open the chat right after Graph installed the app', async () => {
    graph = await FakeGraph.start();
    const bot = await createBotHarness({ outboxNotifications: true, teamsServiceUrl: fake.serviceUrl });
    fake.notInstalled.add(kari.aadObjectId);
    // The installation reaches the Bot Connector a moment after Graph answers 201: one more refusal.
    graph.onInstall = (userId) => fake.install(userId, 1);
    deliver(bot, new GraphAppInstaller({ baseUrl: graph.baseUrl, catalogAppId: CATALOG_APP_ID, token: async () => 'graph-token-for-tests' }));
    await digestJob(bot).run(MONDAY);
    const key = digestKey(kari, `unit:${HN}`);
    await eventually(() => fake.deliveries.some((d) => d.key === key), "Kari's digest");
    const statuses = fake.creates.filter((c) => c.memberId === kari.aadObjectId).map((c) => c.status);
    assert.deepEqual(statuses, [403, 403, 201], 'refused, installed, still refused; opened on the next try');
    assert.equal(graph.requests.length, 1, 'the next try opens the chat at once, without asking Graph');
    assert.equal(delivery?.worker.stats().retried, 1);
    assert.equal(fake.deliveries.filter((d) => d.key === key)[0]?.conversationId, `a:1on1-${kari.aadObjectId}`);
    assert.equal((await bot.services.reach.list()).total, 0);
  });

  it('treats 409 from Graph as installed, and retries a digest when Graph is throttled', async () => {
    graph = await FakeGraph.start();
    const bot = await createBotHarness({ outboxNotifications: true, teamsServiceUrl: fake.serviceUrl });
    fake.notInstalled.add(kari.aadObjectId);
    graph.installed.add(kari.aadObjectId);
    graph.script({ status: 429, code: 'TooManyRequests', retryAfter: '0' });
    // Teams caught up with an installation Graph already had (409): the chat opens.
    graph.onInstall = () => undefined;
    const installer = new GraphAppInstaller({ baseUrl: graph.baseUrl, catalogAppId: CATALOG_APP_ID, token: async () => 'graph-token-for-tests' });
    let answered409 = false;
    const watching: AppInstaller = {
      installFor: async (tenantId, aadObjectId) => {
        const outcome = await installer.installFor(tenantId, aadObjectId);
        if (outcome.ok && outcome.already) {
          answered409 = true;
          fake.install(aadObjectId);
        }
        return outcome;
      },
    };
    deliver(bot, watching);
    await digestJob(bot).run(MONDAY);
    const key = digestKey(kari, `unit:${HN}`);
    await eventually(() => fake.deliveries.some((d) => d.key === key), "Kari's digest");
    assert.ok(answered409);
    assert.equal(graph.requests.length, 2, 'throttled once, then 409');
    assert.equal((await bot.services.reach.list()).total, 0);
  });

  for (const variant of ['installing is not allowed', 'Graph refuses to install'] as const) {
    it(`@mentions the person in their unit channel when ${variant}, and lists them for administrators`, async () => {
      const bot = await createBotHarness({ outboxNotifications: true, teamsServiceUrl: fake.serviceUrl });
      await linkChannel(bot);
      fake.notInstalled.add(kari.aadObjectId);
      let installer: AppInstaller | undefined;
      if (variant === 'Graph refuses to install') {
        graph = await FakeGraph.start();
        graph.script({ status: 403, code: 'Authorization_RequestDenied' });
        installer = new GraphAppInstaller({ baseUrl: graph.baseUrl, catalogAppId: CATALOG_APP_ID, token: async () => 'graph-token-for-tests' });
      }
      deliver(bot, installer);
      await digestJob(bot).run(MONDAY);
      const key = digestKey(kari, `unit:${HN}`);
      await eventually(() => fake.deliveries.some((d) => d.key === key), "Kari's digest in the channel");

      const posted = fake.deliveries.find((d) => d.key === key);
      assert.equal(posted?.conversationId, '19:hn-forbedring@thread.tacv2');
      const card = cardIn(posted?.activity);
      assert.deepEqual(cardIssues(card), []);
      assert.equal(card.body?.[0]?.text, '<at>Kari Nilsen</at>, denne er til deg. Tavla fikk ikke sendt den til deg i en personlig chat: legg til Tavla under Apper i Teams for å få slike meldinger der.');
      assert.deepEqual(card.msteams?.entities, [{ type: 'mention', text: '<at>Kari Nilsen</at>', mentioned: { id: kari.aadObjectId, name: 'Kari Nilsen' } }]);
      assert.match(cardText(card), /Uke 46: Hjemmetjenesten nord/, 'the digest itself follows');
      assert.equal(fake.creates.filter((c) => c.memberId === kari.aadObjectId).length, 1, 'one try at a personal chat');
      if (graph) assert.equal(graph.requests.length, 1);

      const { shown } = await bot.services.reach.list();
      assert.deepEqual(shown.map((p) => [p.name, p.reason]), [['Kari Nilsen', 'notInstalled']]);
      assert.match(shown[0]!.detail, variant === 'Graph refuses to install' ? /open chat: 403 ForbiddenOperationException; install: Graph answered 403 Authorization_RequestDenied; mentioned in the channel of hjemmetjenesten-nord/ : /^open chat: 403 ForbiddenOperationException; mentioned/);

      // During the week an administrator installs Tavla for Kari (a Teams setup policy, say).
      fake.install(kari.aadObjectId);
      // The next Monday the administrator's organisation digest still lists her (it is written
      // before Kari's digest goes out); the executive's does not. Kari's own digest reaches her 1:1.
      await digestJob(bot).run(new Date('2026-11-23T07:00:00Z'));
      const orgDigest = (who: { aadObjectId: string }) => `digest|2026-11-23|${who.aadObjectId}|organisation:organisation`;
      const nextKey = `digest|2026-11-23|${kari.aadObjectId}|unit:${HN}`;
      await eventually(() => [orgDigest(ingrid), orgDigest(anne), nextKey].every((k) => fake.deliveries.some((d) => d.key === k)), 'the organisation digests and Kari’s');
      const forIngrid = cardText(cardIn(fake.deliveries.find((d) => d.key === orgDigest(ingrid))?.activity));
      assert.match(forIngrid, /Kan ikke nås i personlig chat \(1\)\nKari Nilsen – Tavla er ikke installert for vedkommende \(siden /);
      assert.doesNotMatch(cardText(cardIn(fake.deliveries.find((d) => d.key === orgDigest(anne))?.activity)), /Kan ikke nås/);
      assert.equal(fake.deliveries.find((d) => d.key === nextKey)?.conversationId, `a:1on1-${kari.aadObjectId}`);
      await eventually(async () => (await bot.services.reach.list()).total === 0, 'Kari no longer listed once reached 1:1');
    });
  }

  it('fails once, without a channel to fall back on, for a TOL who lacks the app; no retries', async () => {
    const bot = await createBotHarness({ outboxNotifications: true, teamsServiceUrl: fake.serviceUrl });
    fake.notInstalled.add(lars.aadObjectId);
    deliver(bot);
    await digestJob(bot).run(MONDAY);
    await eventually(async () => (await bot.repositories.outbox.status()).failed === 1, 'the failure recorded');
    const { recentFailures } = await bot.repositories.outbox.status();
    assert.equal(recentFailures[0]?.key, digestKey(lars, 'area:helse-omsorg'));
    assert.match(recentFailures[0]?.error ?? '', /permanent: person \S+ cannot be reached \(notInstalled: open chat: 403 ForbiddenOperationException\) and has no linked unit channel/);
    assert.equal(fake.creates.filter((c) => c.memberId === lars.aadObjectId).length, 1);
    assert.deepEqual((await bot.services.reach.list()).shown.map((p) => [p.name, p.reason]), [['Lars Haugen', 'notInstalled']]);
  });

  it('renders proactive cards in the language of the recipient’s last activity, else the organisation’s', async () => {
    const bot = await createBotHarness({ outboxNotifications: true });
    await bot.send(fromTeams(message('help', { from: lars, locale: 'en-US' })));
    const number = await doneIdea(bot);
    deliver(bot);
    await bot.send(fromTeams(cardAction('benefit.register', { unitId: HN, number, fromBenefitId: '', ...REALIZED }, { from: ola, locale: 'da-DK' })));
    await digestJob(bot).run(MONDAY);
    const approval = () => fake.deliveries.find((d) => d.key?.startsWith('notify|approvalRequested'));
    const digestOf = (who: { aadObjectId: string }, scope: string) => fake.deliveries.find((d) => d.key === digestKey(who, scope));
    await eventually(() => !!approval() && !!digestOf(lars, 'area:helse-omsorg') && !!digestOf(kari, `unit:${HN}`), 'the approval request and the digests');

    assert.match(cardText(cardIn(approval()?.activity)), /New approval request: Ola Bakken registered a realized benefit for HN-1/);
    assert.match(cardText(cardIn(digestOf(lars, 'area:helse-omsorg')?.activity)), /Week 46: Helse og omsorg/);
    // Kari never wrote: bokmål, the organisation's language.
    assert.match(cardText(cardIn(digestOf(kari, `unit:${HN}`)?.activity)), /Uke 46: Hjemmetjenesten nord/);
  });
});
