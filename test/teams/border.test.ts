import assert from 'node:assert/strict';
import { DEMO_PEOPLE } from '../../src/services/demoOrganisation';
import { liveRow } from '../../src/storage/ideaIndexes';
import { ideaRow } from '../../src/storage/ideaEntities';
import { cardAction } from '../support/activities';
import { roundTripCounter } from '../support/azurite';
import { cardText, createBotHarness, invokeCard } from '../support/botHarness';
import { RecordingLogger } from '../support/recordingLogger';

const HN = 'hjemmetjenesten-nord';
const { kari, ola } = DEMO_PEOPLE;
/** Friday 20 November 2026, 10:00 in Oslo. */
const clock = { now: () => new Date('2026-11-20T09:00:00Z') };

describe('checked at the border (bot)', () => {
  it('answers card data that names no idea, benefit or meeting of ours with "not found", without touching storage', async () => {
    const counter = roundTripCounter();
    const bot = await createBotHarness({ clock, policies: [counter.policy] });
    // Warm the organisation cache and the remembered user, as any earlier turn would have.
    await bot.send(cardAction('idea.open', { unitId: HN, number: '1' }, { from: kari, locale: 'en-US' }));
    const forged: [string, Record<string, unknown>][] = [
      ['idea.open', { unitId: '../hjemmetjenesten-nord', number: '1' }],
      ['idea.open', { unitId: HN, number: '99999999999' }],
      ['idea.move', { unitId: HN, number: '1e3', version: '1', to: 'planned' }],
      ['idea.assign', { unitId: HN, number: '1', version: 'newest', ownerId: ola.aadObjectId }],
      ['idea.comment', { unitId: [HN], number: '1', comment: 'Hei' }],
      ['idea.completeAction', { unitId: HN, number: '1', version: '1', actionId: 'all' }],
      ['benefit.form', { unitId: HN, number: '0' }],
      ['benefit.approve', { unitId: HN, number: '1', benefitId: '../../x' }],
      ['meeting.logForm', { unitId: HN, date: '2026-02-30' }],
      ['board.show', { unitId: 'HJEMMETJENESTEN-NORD' }],
      ['reminder.done', { unitId: HN, number: '-1', actionId: '1' }],
    ];
    for (const [verb, data] of forged) {
      counter.reset();
      const text = cardText(invokeCard(await bot.send(cardAction(verb, data, { from: kari, locale: 'en-US' }))));
      assert.match(text, /I could not find that/, `${verb} ${JSON.stringify(data)}`);
      assert.equal(counter.count(), 0, `${verb} ${JSON.stringify(data)} made no storage call`);
    }
  });

  it('refuses a due date twenty years ahead, in the user’s language, keeping the form as typed', async () => {
    const bot = await createBotHarness({ clock });
    const expected = {
      'nb-NO': /Frist \(valgfritt\) kan ikke være mer enn 5 år fram i tid/,
      'da-DK': /Frist \(valgfrit\) må højst ligge 5 år ude i fremtiden/,
      'en-US': /Due date \(optional\) can be at most 5 years ahead/,
    };
    for (const [locale, message] of Object.entries(expected)) {
      const result = await bot.send(cardAction('idea.submit', { fixedUnitId: HN, title: 'Færre vaktbytter', type: 'improve', dueDate: '2046-11-20' }, { from: kari, locale }));
      const text = cardText(invokeCard(result));
      assert.match(text, message, locale);
      assert.match(text, /Færre vaktbytter/, 'the title is still there');
    }
    assert.deepEqual(await bot.ideas.live(HN), []);
    await bot.services.ideaSubmission.submit(kari, { unitId: HN, idea: { title: 'Nøkkelskap', type: 'improve' } });
    const action = await bot.send(cardAction('idea.addAction', { unitId: HN, number: '1', version: '1', actionText: 'Kjøp skap', actionDueDate: '2046-11-20' }, { from: kari, locale: 'en-US' }));
    assert.match(cardText(invokeCard(action)), /By when can be at most 5 years ahead/);
    assert.deepEqual((await bot.ideas.get(HN, 1))?.actions, []);
  });

  it('stores titles and names without control characters', async () => {
    const bot = await createBotHarness({ clock });
    const from = { ...kari, name: 'Kari\u0007 Nilsen\u009b' };
    await bot.send(cardAction('idea.submit', { fixedUnitId: HN, title: 'Færre\u0000 vakt\u0007bytter\u001b\r\n nå', type: 'improve' }, { from, locale: 'nb-NO' }));
    const stored = await bot.ideas.get(HN, 1);
    assert.equal(stored?.title, 'Færre vaktbytter nå');
    assert.equal(stored?.submitter.name, 'Kari Nilsen');
    assert.equal((await bot.peopleTable.get(kari.aadObjectId))?.name, 'Kari Nilsen');
  });

  it('refuses an idea whose stored action items are damaged with a clear message, and still shows the rest of the board', async () => {
    const logger = new RecordingLogger();
    const bot = await createBotHarness({ clock, logger });
    await bot.services.ideaSubmission.submit(ola, { unitId: HN, idea: { title: 'Færre vaktbytter', type: 'improve' } });
    await bot.services.ideaSubmission.submit(ola, { unitId: HN, idea: { title: 'Nøkkelskap', type: 'improve' } });
    // Damaged in the idea and in its live copy, which the board reads.
    for (const rowKey of [ideaRow(1), liveRow(1)]) await bot.store.client('Ideas').updateEntity({ partitionKey: HN, rowKey, actions: '{"not":"a list"}' }, 'Merge');

    const opened = cardText(invokeCard(await bot.send(cardAction('idea.open', { unitId: HN, number: '1' }, { from: kari, locale: 'en-US' }))));
    assert.match(opened, /The saved data for this is damaged, so Tavla cannot use it\. Nothing was changed/);
    assert.doesNotMatch(opened, /Something went wrong/);
    const nb = cardText(invokeCard(await bot.send(cardAction('idea.open', { unitId: HN, number: '1' }, { from: kari, locale: 'nb-NO' }))));
    assert.match(nb, /De lagrede dataene for dette er skadet/);

    const board = cardText(invokeCard(await bot.send(cardAction('board.show', { unitId: HN }, { from: kari, locale: 'en-US' }))));
    assert.match(board, /Nøkkelskap/);
    assert.doesNotMatch(board, /Færre vaktbytter/);
    const errors = logger.at('error').map((line) => JSON.stringify(line.fields));
    assert.ok(errors.some((line) => line.includes(liveRow(1)) && line.includes('actions')), 'the damaged row is reported to the operator, by row and property');
  });
});
