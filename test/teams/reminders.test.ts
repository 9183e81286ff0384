import assert from 'node:assert/strict';
import { DEMO_PEOPLE } from '../../src/services/demoOrganisation';
import { message } from '../support/activities';
import { createBotHarness } from '../support/botHarness';

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
