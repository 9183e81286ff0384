import assert from 'node:assert/strict';
import { DEMO_PEOPLE } from '../../src/services/demoOrganisation';
import { CHANNEL_ID, SERVICE_URL, TEAM_ID, TENANT_ID, cardAction, message } from '../support/activities';
import { BotHarness, TurnResult, cardOf, cardText, createBotHarness } from '../support/botHarness';
import { buttonOf, pressAs, verbsOf } from '../support/cardButtons';
import { CardNode, answeredToPresser as answered, validCard } from '../support/cardNodes';
import { settableClock } from '../support/clock';

const HN = 'hjemmetjenesten-nord';
const SO = 'sykehjem-ost';
const { ingrid, kari, ola } = DEMO_PEOPLE;

const sent = (result: TurnResult): CardNode => {
  assert.equal(result.replies.length, 1, 'one reply');
  return validCard(cardOf(result.replies[0]));
};
/** The "Waiting to be sent" figure on the status card. */
const queued = (card: CardNode): string | undefined => (card.body ?? []).find((n) => n.type === 'FactSet')?.facts?.[0]?.value;
const noteOf = (card: CardNode): string => card.body?.[0]?.text ?? '';

describe('send now, from the status card (bot)', () => {
  let bot: BotHarness;
  let clock: ReturnType<typeof settableClock>;
  beforeEach(async () => {
    clock = settableClock('2026-11-17T09:00:00Z');
    bot = await createBotHarness({ clock });
    // Hjemmetjenesten nord posts in a channel; Ola owns an item due on Wednesday.
    await bot.organisation.updateUnit(HN, (unit) => ({ ...unit, channel: { conversationId: CHANNEL_ID, teamId: TEAM_ID, tenantId: TENANT_ID, serviceUrl: SERVICE_URL, channelName: 'Forbedring' } }));
    bot.directory.invalidate();
    await bot.services.ideaSubmission.submit(kari, { unitId: HN, idea: { title: 'Færre vaktbytter', type: 'improve', ownerId: ola.aadObjectId, dueDate: '2026-11-18' } });
    // Friday 20 Nov 2026, 06:00 in Oslo: before the 07:30 reminders.
    clock.set('2026-11-20T05:00:00Z');
  });

  it('sends today’s reminders at once, and refuses to send them twice; the scheduler then has nothing to do', async () => {
    const status = sent(await bot.send(message('status', { from: ingrid, locale: 'en-US' })));
    assert.match(cardText(status), /Send now/);
    assert.equal(queued(status), '0');
    const first = answered(await pressAs(bot, buttonOf(status, 'pipeline.sendReminders'), ingrid));
    assert.equal(noteOf(first), 'Sent now: 1 message is queued for delivery.');
    assert.equal(queued(first), '1');
    assert.match(cardText(first), /reminder/, 'the run is on the card');

    clock.set('2026-11-20T05:10:00Z');
    const again = answered(await pressAs(bot, buttonOf(first, 'pipeline.sendReminders'), ingrid, 'nb-NO'));
    assert.equal(noteOf(again), 'Allerede gjort i dag, kl. 06:00: Tavla sender det én gang om dagen.');
    assert.equal(queued(again), '1', 'nothing more was queued');

    // 07:30 comes: the scheduler's own reminder job finds today's done.
    const reminderJob = bot.rhythm.jobs.find((job) => job.name === 'reminder')!;
    assert.deepEqual(await reminderJob.run(new Date('2026-11-20T06:31:00Z')), { enqueued: 0 });
  });

  it('sends a unit’s meeting prompt to its channel once a day, whatever its schedule', async () => {
    const status = sent(await bot.send(message('status', { from: ingrid, locale: 'da-DK' })));
    assert.match(cardText(status), /Send nu/);
    const choice = (status.body ?? []).flatMap((n) => n.items ?? []).find((n) => n.id === 'promptUnitId');
    assert.deepEqual(choice?.choices, [{ title: 'Hjemmetjenesten nord', value: HN }], 'only units with a channel');
    const prompt = buttonOf(status, 'pipeline.sendPrompt');
    const first = answered(await pressAs(bot, prompt, ingrid, 'da-DK', { promptUnitId: HN }));
    assert.equal(noteOf(first), 'Sendt nu: 1 besked står i kø til afsendelse.');
    const again = answered(await pressAs(bot, prompt, ingrid, 'en-US', { promptUnitId: HN }));
    assert.equal(noteOf(again), 'Already done today: Tavla sends it once a day.');
    const none = answered(await pressAs(bot, prompt, ingrid, 'en-US', { promptUnitId: SO }));
    assert.equal(noteOf(none), 'Sykehjem øst has no linked channel, so its meeting prompt cannot be posted.');
    const unchosen = answered(await pressAs(bot, prompt, ingrid, 'en-US'));
    assert.equal(noteOf(unchosen), 'Choose a unit.');
  });

  it('says so when there is nothing to send', async () => {
    clock.set('2026-11-17T10:00:00Z');
    const card = answered(await bot.send(cardAction('pipeline.sendReminders', {}, { from: ingrid, locale: 'en-US' })));
    assert.equal(noteOf(card), 'Nothing to send right now.');
  });

  it('is for administrators only, even with a forged button', async () => {
    for (const verb of ['pipeline.sendReminders', 'pipeline.sendPrompt']) {
      const card = answered(await bot.send(cardAction(verb, { promptUnitId: HN }, { from: kari, locale: 'en-US' })));
      assert.match(cardText(card), /Only an administrator can see the delivery status\./);
      assert.deepEqual(verbsOf(card), []);
    }
    const status = sent(await bot.send(message('status', { from: ingrid, locale: 'en-US' })));
    assert.equal(queued(status), '0', 'nothing was sent');
  });
});
