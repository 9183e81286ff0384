import assert from 'node:assert/strict';
import { DEMO_PEOPLE } from '../../src/services/demoOrganisation';
import { startAzuriteProcess } from '../../src/storage/azuriteProcess';
import { cardAction } from '../support/activities';
import { BotHarness, cardText, createBotHarness, invokeCard } from '../support/botHarness';
import { cardIssues } from '../support/cardValidator';
import { startTavlaUnderTest } from '../support/runningTavla';

/** Regressions for what `npm run test:reliability` (the HTTP edge fuzzer) found, at the bot's level. */
describe('found by the reliability fuzzer (bot)', () => {
  let bot: BotHarness;
  beforeEach(async () => {
    bot = await createBotHarness();
  });

  it('shows the idea form with its errors, not a failure, when the link back to a message is not a link', async () => {
    // The form is shown again with what came back; a sourceUrl of "/" made rendering it throw.
    for (const sourceUrl of ['/', 'javascript:alert(1)', 'ø%ø\u200b', 'http://teams.microsoft.com/l/message/1']) {
      const result = await bot.send(
        cardAction('idea.submit', { fixedUnitId: 'hjemmetjenesten-nord', title: 'Byttebørs', type: 'improve', ownerId: DEMO_PEOPLE.anne.aadObjectId, sourceUrl }, { from: DEMO_PEOPLE.kari, locale: 'en-US' }),
      );
      const card = invokeCard(result);
      assert.ok(card, `a card for ${JSON.stringify(sourceUrl)}`);
      assert.deepEqual(cardIssues(card), []);
      assert.match(cardText(card), /Please correct the marked fields/);
      assert.doesNotMatch(JSON.stringify(card), /javascript:|"sourceUrl":"[^"]/, 'a link that is not one is not carried on');
    }
  });

  it('keeps a real link back to the message on the form shown again', async () => {
    const sourceUrl = 'https://teams.microsoft.com/l/message/19:abc@thread.tacv2/1700000000000';
    const result = await bot.send(
      cardAction('idea.submit', { fixedUnitId: 'hjemmetjenesten-nord', title: 'Byttebørs', type: 'improve', ownerId: DEMO_PEOPLE.anne.aadObjectId, sourceUrl }, { from: DEMO_PEOPLE.kari, locale: 'en-US' }),
    );
    const json = JSON.stringify(invokeCard(result));
    assert.ok(json.includes(`"sourceUrl":"${sourceUrl}"`));
    assert.match(cardText(invokeCard(result)), /teams\.microsoft\.com/);
  });

  it('keeps local storage working when a description holds a Unicode line separator (U+2028 broke Azurite until restarted)', async function () {
    this.timeout(30_000);
    // An Azurite of its own: a regression here would break every later test's storage.
    const azurite = await startAzuriteProcess();
    const bot = await startTavlaUnderTest({ connectionString: azurite.connectionString });
    try {
      const submit = async (title: string, situation: string) => {
        const res = await bot.postActivity(cardAction('idea.submit', { fixedUnitId: 'hjemmetjenesten-nord', title, type: 'improve', situation }, { from: DEMO_PEOPLE.kari, locale: 'en-US' }));
        return cardText((await res.json()) as { value?: unknown });
      };
      const first = await submit('Nøkkelskap', 'Første linje\u2028andre linje\u2029tredje');
      const number = /Thank you! Your idea HN-(\d+) /.exec(first)?.[1];
      assert.ok(number, first);
      assert.match(await submit('Neste', 'Vanlig tekst'), /Thank you! Your idea HN-\d+ /, 'storage still takes transactions');
      const stored = await bot.tables.client('Ideas').getEntity<{ situation: string }>('hjemmetjenesten-nord', `idea|${number.padStart(7, '0')}`);
      assert.equal(stored.situation, 'Første linje\nandre linje\ntredje');
    } finally {
      await bot.stop();
      await azurite.stop();
    }
  });
});
