import assert from 'node:assert/strict';
import { Activity } from 'botbuilder';
import { DEMO_PEOPLE } from '../../src/services/demoOrganisation';
import { cachedHolidayChecks } from '../../src/scheduler/holidays';
import { WeeklyDigestJob } from '../../src/scheduler/jobs/weeklyDigest';
import { cardAction, message } from '../support/activities';
import { BotHarness, cardOf, cardText, createBotHarness } from '../support/botHarness';
import { cardIssues } from '../support/cardValidator';
import { RunningDelivery, eventually, startDelivery } from '../support/delivery';
import { FakeConnector } from '../support/fakeConnector';

const HN = 'hjemmetjenesten-nord';
const { kari, ola, lars, ingrid } = DEMO_PEOPLE;

describe('people Tavla cannot reach (bot)', function () {
  this.timeout(20_000);
  let fake: FakeConnector;
  let delivery: RunningDelivery | undefined;

  beforeEach(async () => {
    fake = await FakeConnector.start();
  });

  afterEach(async () => {
    await delivery?.stop();
    delivery = undefined;
    await fake.stop();
  });

  const fromTeams = (activity: Partial<Activity>): Partial<Activity> => ({ ...activity, serviceUrl: fake.serviceUrl });

  async function statusText(bot: BotHarness): Promise<string> {
    const card = cardOf((await bot.send(fromTeams(message('status', { from: ingrid, locale: 'en-US' })))).replies[0]);
    assert.deepEqual(cardIssues(card), []);
    return cardText(card);
  }

  async function realizedBenefit(bot: BotHarness): Promise<void> {
    let { idea } = await bot.services.ideaSubmission.submit(ola, { unitId: HN, idea: { title: 'Færre vaktbytter', type: 'improve', benefitAreas: ['time'] } });
    for (const to of ['inProgress', 'evaluating', 'done'] as const) ({ idea } = await bot.services.ideaChanges.apply(kari, idea, { kind: 'move', to }));
    const today = new Date().toISOString().slice(0, 10);
    const data = { unitId: HN, number: idea.number, fromBenefitId: '', category: 'time', stage: 'realized', indicator: 'Tid brukt på vaktbytter', period: 'week', baseline: '5', baselineOn: today, measured: '3', measuredOn: today, use: 'otherWork', useText: 'Mer tid med beboerne', ownerId: ola.aadObjectId };
    await bot.send(fromTeams(cardAction('benefit.register', data, { from: ola, locale: 'nb-NO' })));
  }

  it('marks someone who blocked Tavla once (one request, no retries), lists them in "status", and forgets it when they write again', async () => {
    const bot = await createBotHarness({ outboxNotifications: true });
    // Lars has used Tavla: his personal chat is stored. Then he blocks the bot in Teams.
    await bot.send(fromTeams(message('help', { from: lars, locale: 'en-US' })));
    const chat = `a:personal-${lars.aadObjectId}`;
    assert.equal((await bot.peopleTable.get(lars.aadObjectId))?.personalConversationId, chat);
    fake.blockedConversations.add(chat);
    assert.doesNotMatch(await statusText(bot), /Not reachable/);

    delivery = startDelivery({ outbox: bot.repositories.outbox, people: bot.repositories.people, reach: bot.services.reach });
    await realizedBenefit(bot);
    await eventually(async () => (await bot.repositories.outbox.status()).failed === 1, 'the approval request to fail');
    const toLars = () => fake.log.filter((entry) => entry.conversationId === chat);
    assert.deepEqual(toLars().map((entry) => entry.status), [403], 'one request');
    assert.equal(fake.creates.length, 0, 'no other chat is tried');
    assert.equal(delivery.worker.stats().retried, 0, 'no retries');
    const [failure] = (await bot.repositories.outbox.status()).recentFailures;
    assert.match(failure?.error ?? '', /^permanent: person \S+: Teams answered 403 ConversationBlockedByUser in the personal chat/);

    // His Monday digest is not even tried: Teams asks bots to stop until the user writes again.
    await new WeeklyDigestJob(bot.services.weeklyDigests, bot.repositories.people, bot.services.directory, bot.repositories.outbox, cachedHolidayChecks(), { digestTime: '07:00', stagnationWeeks: 4 }, bot.repositories.jobRuns).run(
      new Date('2026-11-16T07:00:00Z'),
    );
    await eventually(async () => (await bot.repositories.outbox.status()).recentFailures.some((f) => f.key.startsWith(`digest|2026-11-16|${lars.aadObjectId}`)), "Lars's digest to fail");
    assert.equal(toLars().length, 1, 'still one request');

    const listed = await statusText(bot);
    assert.match(listed, /Not reachable in a personal chat \(1\)\nLars Haugen – blocked or removed Tavla \(since \d{1,2} \w{3} \d{4} \d{2}:\d{2}\)/);
    assert.equal((await bot.services.reach.list()).shown[0]?.detail, '403 ConversationBlockedByUser');

    // Lars unblocks Tavla and writes to it: reachable again.
    await bot.send(fromTeams(message('help', { from: lars, locale: 'en-US' })));
    assert.doesNotMatch(await statusText(bot), /Not reachable/);
    assert.equal((await bot.services.reach.list()).total, 0);
  });

  it('shows the list in the administrator’s language, and only to administrators', async () => {
    const bot = await createBotHarness({ outboxNotifications: true });
    await bot.services.reach.markUnreachable(lars.aadObjectId, 'notInstalled', 'open chat: 403 ForbiddenOperationException');
    const card = cardOf((await bot.send(message('status', { from: ingrid, locale: 'da-DK' }))).replies[0]);
    assert.match(cardText(card), /Kan ikke nås i personlig chat \(1\)\nLars Haugen – Tavla er ikke installeret for vedkommende \(siden /);
    const refused = await bot.send(message('status', { from: kari, locale: 'nb-NO' }));
    assert.doesNotMatch(JSON.stringify(refused.replies), /Lars Haugen/);
  });
});
