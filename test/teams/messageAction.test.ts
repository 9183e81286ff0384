import assert from 'node:assert/strict';
import { DEMO_PEOPLE } from '../../src/services/demoOrganisation';
import { plainText, titleFrom } from '../../src/teams/messageText';
import { messageActionOpened, messageActionSubmitted } from '../support/activities';
import { BotHarness, cardText, createBotHarness, TurnResult } from '../support/botHarness';
import { cardIssues } from '../support/cardValidator';

interface TaskResponse {
  task?: { type: string; value: { title?: string; card?: { content: unknown } } | string };
}
const task = (result: TurnResult) => (result.invokeResponse?.body as TaskResponse | undefined)?.task;
const dialogCard = (result: TurnResult) => {
  const value = task(result)?.value;
  return typeof value === 'object' ? value.card?.content : undefined;
};

describe('"Save as improvement idea" on a Teams message (bot)', () => {
  let bot: BotHarness;
  beforeEach(async () => {
    bot = await createBotHarness();
  });

  it('opens the idea form prefilled with the message and a link back to it', async () => {
    const html = '<p>Vi bruker &amp; kaster <b>mye</b> tid på vaktbytter hver uke.</p><p>Kan vi lage en byttebørs?</p>';
    const result = await bot.send(messageActionOpened('saveAsIdea', html, { from: DEMO_PEOPLE.kari }));
    assert.equal(task(result)?.type, 'continue');
    const card = dialogCard(result);
    assert.ok(card);
    assert.deepEqual(cardIssues(card), []);
    const json = JSON.stringify(card);
    assert.match(json, /"value":"Vi bruker & kaster mye tid på vaktbytter hver uke\."/);
    assert.match(json, /Kan vi lage en byttebørs\?/);
    assert.match(json, /"sourceUrl":"https:\/\/teams\.microsoft\.com\/l\/message\//);
    assert.match(json, /"type":"Action.Submit"/, 'dialogs submit with Action.Submit');
  });

  it('saves the idea with its link, and answers with the short id', async () => {
    const data = { fixedUnitId: 'hjemmetjenesten-nord', title: 'Byttebørs', type: 'improve', sourceUrl: 'https://teams.microsoft.com/l/message/1' };
    const result = await bot.send(messageActionSubmitted('saveAsIdea', data, { from: DEMO_PEOPLE.kari, locale: 'en-US' }));
    assert.deepEqual(task(result), { type: 'message', value: 'Thank you! Your idea HN-1 is on the improvement board of Hjemmetjenesten nord.' });
    assert.equal((await bot.ideas.get('hjemmetjenesten-nord', 1))?.sourceUrl, 'https://teams.microsoft.com/l/message/1');
  });

  it('keeps the dialog open with the problems when the form is incomplete', async () => {
    const result = await bot.send(messageActionSubmitted('saveAsIdea', { fixedUnitId: 'hjemmetjenesten-nord', title: '', type: 'improve' }, { from: DEMO_PEOPLE.kari, locale: 'en-US' }));
    assert.equal(task(result)?.type, 'continue');
    assert.match(cardText(dialogCard(result)), /Title is required/);
    assert.deepEqual(await bot.ideas.live('hjemmetjenesten-nord'), []);
  });

  it('tells someone outside any unit why they cannot save ideas', async () => {
    const result = await bot.send(messageActionOpened('saveAsIdea', 'hei', { from: { aadObjectId: 'eeeeeeee-0000-4000-8000-000000000001', name: 'Ny' }, locale: 'en-US' }));
    assert.deepEqual(task(result), { type: 'message', value: 'You are not in a unit yet, so you cannot propose ideas. Ask your unit leader to link your team channel to the unit.' });
  });
});

describe('message text for ideas', () => {
  it('turns Teams HTML into plain text', () => {
    assert.equal(plainText('<div>a&nbsp;b<br/>c &lt;3 &#248;l &#x00E6;</div><p>d</p>'), 'a b\nc <3 øl æ\nd');
  });

  it('cuts a long first line at a word boundary', () => {
    assert.equal(titleFrom('short title\nmore', 120), 'short title');
    const title = titleFrom(`${'ord '.repeat(50)}`, 20);
    assert.ok([...title].length <= 20, title);
    assert.ok(title.endsWith('…'));
  });
});
