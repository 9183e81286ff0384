import assert from 'node:assert/strict';
import { DEMO_PEOPLE } from '../../src/services/demoOrganisation';
import { cardAction, message } from '../support/activities';
import { cardText, createBotHarness, invokeCard } from '../support/botHarness';
import { cardIssues } from '../support/cardValidator';

describe('turning reminders off and on (bot)', () => {
  it('remembers each person\'s choice and confirms it in their language', async () => {
    const bot = await createBotHarness();
    const off = await bot.send(message('stopp påminnelser', { from: DEMO_PEOPLE.ola, locale: 'nb-NO' }));
    assert.match(String(off.replies[0].text), /Påminnelser er slått av/);
    assert.equal((await bot.peopleTable.get(DEMO_PEOPLE.ola.aadObjectId))?.remindersOff, true);
    assert.equal((await bot.peopleTable.get(DEMO_PEOPLE.kari.aadObjectId))?.remindersOff, undefined, 'others are not affected');
    const on = await bot.send(message('start reminders', { from: DEMO_PEOPLE.ola, locale: 'en-US' }));
    assert.match(String(on.replies[0].text), /Reminders are on/);
    assert.equal((await bot.peopleTable.get(DEMO_PEOPLE.ola.aadObjectId))?.remindersOff, undefined);
  });
});

describe('the reminder card\'s buttons (bot)', () => {
  const HN = 'hjemmetjenesten-nord';

  /** Ola owns an idea and an action item due Friday 13 Nov; the bot then lives on Monday 16 Nov. */
  async function withOverdueItems() {
    let now = new Date('2026-11-10T08:00:00Z');
    const bot = await createBotHarness({ clock: { now: () => now } });
    const { idea } = await bot.services.ideaSubmission.submit(DEMO_PEOPLE.kari, { unitId: HN, idea: { title: 'Færre vaktbytter', type: 'improve', ownerId: DEMO_PEOPLE.ola.aadObjectId, dueDate: '2026-11-13' } });
    await bot.services.ideaChanges.apply(DEMO_PEOPLE.kari, { unitId: HN, number: idea.number }, { kind: 'addAction', text: 'Ring leverandøren', ownerId: DEMO_PEOPLE.ola.aadObjectId, dueDate: '2026-11-13' });
    now = new Date('2026-11-16T08:00:00Z');
    bot.directory.invalidate();
    return bot;
  }

  const press = (bot: Awaited<ReturnType<typeof createBotHarness>>, verb: string, data: Record<string, unknown>, from = DEMO_PEOPLE.ola) =>
    bot.send(cardAction(verb, { unitId: HN, number: '1', ...data }, { from, locale: 'nb-NO' }));

  it('marks an action item done and shows what is still overdue', async () => {
    const bot = await withOverdueItems();
    const card = invokeCard(await press(bot, 'reminder.done', { actionId: '1' }));
    assert.ok(card);
    assert.deepEqual(cardIssues(card), []);
    const text = cardText(card);
    assert.match(text, /Merket som utført: Ring leverandøren/);
    assert.match(text, /Du har 1 forfalt sak/);
    assert.equal((await bot.ideas.get(HN, 1))?.actions[0].done, true);
  });

  it('sets a new due date from the item\'s own date input, and refuses one in the past', async () => {
    const bot = await withOverdueItems();
    const refused = cardText(invokeCard(await press(bot, 'reminder.reschedule', { actionId: '0', input: 'dueDate_0', dueDate_0: '2026-11-01' })));
    assert.match(refused, /kan ikke være tilbake i tid/);
    assert.equal((await bot.ideas.get(HN, 1))?.dueDate, '2026-11-13');
    const moved = cardText(invokeCard(await press(bot, 'reminder.reschedule', { actionId: '0', input: 'dueDate_0', dueDate_0: '2026-11-30' })));
    assert.match(moved, /Ny frist for Færre vaktbytter: 30\.11\.2026/);
    assert.equal((await bot.ideas.get(HN, 1))?.dueDate, '2026-11-30');
  });

  it('hands an item over to someone in the unit', async () => {
    const bot = await withOverdueItems();
    const text = cardText(invokeCard(await press(bot, 'reminder.handOver', { actionId: '1', input: 'handOverTo_1', handOverTo_1: DEMO_PEOPLE.kari.aadObjectId })));
    assert.match(text, /Ring leverandøren er nå gitt videre til Kari Nilsen/);
    assert.equal((await bot.ideas.get(HN, 1))?.actions[0].owner?.id, DEMO_PEOPLE.kari.aadObjectId);
  });

  it('snoozes an item for a week for its owner only', async () => {
    const bot = await withOverdueItems();
    const refused = cardText(invokeCard(await press(bot, 'reminder.snooze', { actionId: '1' }, DEMO_PEOPLE.siri)));
    assert.match(refused, /Du har ikke tilgang/);
    const snoozed = cardText(invokeCard(await press(bot, 'reminder.snooze', { actionId: '1' })));
    assert.match(snoozed, /Ingen påminnelser om Ring leverandøren før 23\.11\.2026/);
    const due = await bot.services.overdueReminders.due('2026-11-17');
    assert.deepEqual(due.reminders.flatMap((r) => r.items.map((i) => i.text)), ['Færre vaktbytter'], 'the snoozed action is left out');
  });
});
