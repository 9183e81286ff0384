import assert from 'node:assert/strict';
import { DEMO_PEOPLE } from '../../src/services/demoOrganisation';
import { cardAction, message } from '../support/activities';
import { storageOutage } from '../support/azurite';
import { createBotHarness, cardText, invokeCard } from '../support/botHarness';
import { RecordingLogger } from '../support/recordingLogger';

describe('storage outage (bot)', () => {
  it('tells the user in their language that nothing was saved, and works again afterwards', async () => {
    const outage = storageOutage();
    const bot = await createBotHarness({ policies: [outage.policy] });
    bot.directory.invalidate();
    outage.down = true;
    const during = await bot.send(message('hjælp', { locale: 'da-DK' }));
    assert.match(String(during.replies[0]?.text), /Tavla kan ikke få kontakt til lageret lige nu\. Intet blev gemt/);
    outage.down = false;
    const after = await bot.send(message('hjælp', { locale: 'da-DK' }));
    assert.equal(after.replies[0]?.attachments?.length, 1);
  });

  it('keeps the set-up form and says why when the link cannot be saved', async () => {
    const outage = storageOutage();
    const bot = await createBotHarness({ policies: [outage.policy] });
    await bot.directory.snapshot();
    outage.down = true;
    const result = await bot.send(cardAction('setup.link', { unitId: 'hjemmetjenesten-nord' }, { where: 'channel', from: DEMO_PEOPLE.kari, locale: 'en-US' }));
    const text = cardText(invokeCard(result));
    assert.match(text, /Tavla cannot reach its storage right now\. Nothing was saved/);
    assert.match(text, /Link channel/, 'the form is still there to try again');
    outage.down = false;
    assert.equal((await bot.organisation.load()).units.find((u) => u.id === 'hjemmetjenesten-nord')?.channel, undefined);
  });

  it('answers a card action with a message when storage fails before any handler runs', async () => {
    const outage = storageOutage();
    const bot = await createBotHarness({ policies: [outage.policy] });
    bot.directory.invalidate();
    outage.down = true;
    const result = await bot.send(cardAction('setup.link', { unitId: 'hjemmetjenesten-nord' }, { where: 'channel', from: DEMO_PEOPLE.kari, locale: 'nb-NO' }));
    const body = result.invokeResponse?.body as { type?: string; value?: string } | undefined;
    assert.equal(body?.type, 'application/vnd.microsoft.activity.message');
    assert.match(String(body?.value), /Tavla får ikke kontakt med lagringen/);
  });

  it('does not blame storage for a fault in our own code: the user hears "something went wrong", the operator gets an error', async () => {
    const fault = storageOutage(() => new TypeError("Cannot read properties of undefined (reading 'filter')"));
    const logger = new RecordingLogger();
    const bot = await createBotHarness({ policies: [fault.policy], logger });
    await bot.services.ideaSubmission.submit(DEMO_PEOPLE.kari, { unitId: 'hjemmetjenesten-nord', idea: { title: 'Færre vaktbytter', type: 'improve' } });
    await bot.send(message('hjelp', { from: DEMO_PEOPLE.kari, locale: 'en-US' }));
    fault.down = true;
    const result = await bot.send(cardAction('idea.open', { unitId: 'hjemmetjenesten-nord', number: '1' }, { from: DEMO_PEOPLE.kari, locale: 'en-US' }));
    const text = cardText(invokeCard(result));
    assert.match(text, /Something went wrong on our side/);
    assert.doesNotMatch(text, /cannot reach its storage/);
    assert.ok(
      logger.at('error').some((line) => /Cannot read properties of undefined/.test(String((line.fields as { err?: unknown }).err))),
      'the fault is logged as an error',
    );
  });
});
