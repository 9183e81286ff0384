import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { loadConfig } from '../../src/config';
import { RunningTavla, startTavla } from '../../src/main';
import { Logger } from '../../src/ports/logger';
import { DEMO_PEOPLE } from '../../src/services/demoOrganisation';
import { testConnectionString } from '../support/azurite';
import { ADAPTIVE_CARD, BotActivity, Playground, Reply, adaptiveCards, startPlayground } from '../support/playground';

/** The bot's warnings and errors, so a turn that "worked" while logging a failure is caught. */
function recordingLogger(problems: string[]): Logger {
  const keep = (level: string) => (fields: object, message?: string) => {
    problems.push(`${level}: ${message ?? ''} ${JSON.stringify(fields)}`);
  };
  return { info() {}, debug() {}, warn: keep('warn'), error: keep('error') };
}

interface CardElement {
  readonly type?: string;
  readonly text?: string;
  readonly weight?: string;
  readonly facts?: readonly { readonly title?: string; readonly value?: string }[];
}

function theCard(reply: Reply | undefined): readonly CardElement[] {
  assert.ok(reply, 'expected a reply');
  assert.equal(reply.method, 'POST');
  assert.equal(reply.status, 201, 'the Playground should accept the message');
  assert.ok(reply.messageId, 'the Playground should give the message an id');
  const attachment = reply.activity.attachments?.[0];
  assert.equal(attachment?.contentType, ADAPTIVE_CARD);
  const [card] = adaptiveCards(reply.activity);
  assert.equal(card.type, 'AdaptiveCard');
  return card.body as CardElement[];
}

const HELP_TITLES = {
  en: 'Tavla – your improvement board in Teams',
  nb: 'Tavla – forbedringstavla deres i Teams',
  da: 'Tavla – jeres forbedringstavle i Teams',
};

const titleOf = (body: readonly CardElement[]) => body.find((e) => e.type === 'TextBlock' && e.weight === 'Bolder')?.text;
const textOf = (body: readonly CardElement[]) =>
  body.flatMap((e) => [e.text ?? '', ...(e.facts ?? []).flatMap((f) => [f.title ?? '', f.value ?? ''])]).join('\n');
const describeTurn = (replies: readonly Reply[]) => JSON.stringify(replies.map((r: Reply) => r.activity as BotActivity), null, 1);

describe('end to end through the Microsoft 365 Agents Playground', function () {
  this.timeout(90_000);
  const problems: string[] = [];
  let bot: RunningTavla | undefined;
  let playground: Playground;

  before(async () => {
    const config = loadConfig({
      STORAGE_CONNECTION_STRING: testConnectionString(),
      TABLE_PREFIX: `e2e${randomBytes(4).toString('hex')}`,
      SEED_DEMO: 'true',
      LOG_LEVEL: 'silent',
      PORT: '0',
    });
    bot = await startTavla(config, { logger: recordingLogger(problems) });
    playground = await startPlayground({ botEndpoint: `${bot.url}/api/messages` });
  });

  after(async () => {
    await playground?.stop();
    await bot?.stop();
  });

  it('greets the user with a welcome and the help card when installed in a personal chat', async () => {
    const { turns, replies } = await playground.installInPersonalChat();
    assert.deepEqual(
      turns.map((t) => [t.activity.type, t.status]),
      [
        ['installationUpdate', 200],
        ['conversationUpdate', 200],
      ],
    );
    assert.equal(replies.length, 2, describeTurn(replies));
    assert.equal(replies[0].activity.type, 'message');
    // The greeting answers the installationUpdate, which carries the user's locale (the Playground's is en-US).
    assert.match(String(replies[0].activity.text), /^Hi, I am Tavla/);
    assert.equal(titleOf(theCard(replies[1])), HELP_TITLES.en);
  });

  const cases = [
    { text: 'help', locale: 'en-US', title: HELP_TITLES.en, via: 'chat' },
    { text: 'hjelp', locale: 'nb-NO', title: HELP_TITLES.nb, via: 'customActivity' },
    { text: 'hjælp', locale: 'da-DK', title: HELP_TITLES.da, via: 'customActivity' },
  ];
  for (const { text, locale, title, via } of cases) {
    it(`answers "${text}" (${locale}) with the help card in that language`, async () => {
      const turn = await playground.say(text, { locale });
      assert.equal(turn.via, via);
      assert.equal(turn.activity.locale, locale);
      assert.equal(turn.status, 200);
      assert.equal(turn.replies.length, 1, describeTurn(turn.replies));
      assert.equal(titleOf(theCard(turn.replies[0])), title);
    });
  }

  it('answers something it does not understand with the help card, quoting what was written', async () => {
    const turn = await playground.say('blah');
    assert.equal(turn.replies.length, 1, describeTurn(turn.replies));
    const body = theCard(turn.replies[0]);
    assert.equal(body[0].text, 'I did not understand "blah". Here is what I can do:');
    assert.equal(titleOf(body), HELP_TITLES.en);
  });

  it('knows the Playground user as the demo person with the same id', async () => {
    const turn = await playground.say('who am i');
    const text = textOf(theCard(turn.replies[0]));
    assert.match(text, /Kari Nilsen/);
    assert.match(text, /Hjemmetjenesten nord/);
  });

  it('lets a unit leader submit an idea, move it to done, and see it on the board', async () => {
    const form = await playground.say('idea Fewer shift swaps');
    const formMessage = form.replies[0];
    assert.ok(formMessage?.messageId, describeTurn(form.replies));
    assert.match(JSON.stringify(adaptiveCards(formMessage.activity)), /New improvement idea/);

    const submitted = await playground.invoke({
      replyToId: formMessage.messageId,
      verb: 'idea.submit',
      data: { fixedUnitId: 'hjemmetjenesten-nord', title: 'Fewer shift swaps', type: 'improve', benefitAreas: 'time' },
    });
    assert.match(JSON.stringify(submitted.response?.value), /Thank you! Your idea HN-1 is on the improvement board of Hjemmetjenesten nord/);

    let version = 1;
    for (const to of ['planned', 'inProgress', 'evaluating', 'done']) {
      const moved = await playground.invoke({ replyToId: formMessage.messageId, verb: 'idea.move', data: { unitId: 'hjemmetjenesten-nord', number: 1, version, to } });
      assert.match(JSON.stringify(moved.response?.value), /Saved\./, `move to ${to}`);
      version++;
    }

    const board = await playground.say('board');
    const text = JSON.stringify(adaptiveCards(board.replies[0].activity));
    assert.match(text, /Improvement board – Hjemmetjenesten nord/);
    assert.match(text, /HN-1 Fewer shift swaps/);
    assert.match(text, /BENEFIT MISSING/, 'a done idea without a benefit is flagged on the board');
  });

  it('lets a staff member register a realized benefit and the service-area leader approve it', async () => {
    // HN-1 was moved to done above. Ola (staff) and Lars (TOL) act through custom activities.
    // Lars has used Tavla before, so his approval request can reach him 1:1 (the never-seen case is issue 10's).
    await playground.say('help', { user: 'lars' });
    const board = await playground.say('board', { user: 'ola' });
    const replyToId = board.replies[0]?.messageId;
    assert.ok(replyToId, describeTurn(board.replies));
    const registered = await playground.invoke({
      user: 'ola',
      replyToId,
      verb: 'benefit.register',
      data: { unitId: 'hjemmetjenesten-nord', number: 1, category: 'time', kind: 'time', stage: 'realized', period: 'week', amount: '2', baseline: '5 h/week', measured: '3 h/week', usage: 'More time with the residents', ownerId: DEMO_PEOPLE.ola.aadObjectId },
    });
    const card = JSON.stringify(registered.response?.value);
    assert.match(card, /2 h\/week ≈ 104 h\/yr ≈ 0\.06 FTE/, card.slice(0, 400));
    const benefitId = /"benefitId":"([^"]+)"/.exec(card)?.[1];
    assert.ok(benefitId, 'the card names the registration');

    const refused = await playground.invoke({ user: 'ola', replyToId, verb: 'benefit.approve', data: { unitId: 'hjemmetjenesten-nord', number: 1, benefitId } });
    assert.match(JSON.stringify(refused.response?.value), /not allowed/);

    const approved = await playground.invoke({ user: 'lars', replyToId, verb: 'benefit.approve', data: { unitId: 'hjemmetjenesten-nord', number: 1, benefitId, comment: 'Well documented' } });
    assert.match(JSON.stringify(approved.response?.value), /Approved/);

    const ledger = JSON.stringify(adaptiveCards((await playground.say('benefits', { user: 'lars' })).replies[0].activity));
    assert.match(ledger, /104/, 'the approved gain counts as realized');
  });

  it('logs no warnings or errors along the way', () => {
    assert.deepEqual(problems, []);
  });
});
