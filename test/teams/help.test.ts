import assert from 'node:assert/strict';
import { DEMO_PEOPLE } from '../../src/services/demoOrganisation';
import { appInstalled, botAdded, message } from '../support/activities';
import { BotHarness, cardOf, cardText, createBotHarness } from '../support/botHarness';
import { cardIssues } from '../support/cardValidator';

describe('help and commands (bot)', () => {
  let bot: BotHarness;
  before(async () => {
    bot = await createBotHarness();
  });

  const cases = [
    { text: 'help', locale: 'en-US', title: 'Tavla – your improvement board in Teams', firstCommand: 'idea' },
    { text: 'hjelp', locale: 'nb-NO', title: 'Tavla – forbedringstavla deres i Teams', firstCommand: 'idé' },
    { text: 'hjælp', locale: 'da-DK', title: 'Tavla – jeres forbedringstavle i Teams', firstCommand: 'idé' },
  ];
  for (const { text, locale, title, firstCommand } of cases) {
    it(`answers "${text}" (${locale}) with the help card in that language`, async () => {
      const { replies } = await bot.send(message(text, { locale }));
      assert.equal(replies.length, 1);
      const card = cardOf(replies[0]);
      assert.ok(card, 'expected an Adaptive Card');
      assert.deepEqual(cardIssues(card), []);
      const body = card.body as { type: string; text?: string; facts?: { title: string }[] }[];
      assert.equal(body.find((b) => b.type === 'TextBlock')?.text, title);
      assert.equal(body.find((b) => b.type === 'FactSet')?.facts?.[0].title, firstCommand);
    });
  }

  it('understands the command in any language, and answers in the user\'s Teams language', async () => {
    const { replies } = await bot.send(message('hjelp', { locale: 'en-GB' }));
    assert.match(cardText(cardOf(replies[0])), /your improvement board/);
  });

  it('falls back to the organisation language when Teams sends a language we do not speak', async () => {
    const { replies } = await bot.send(message('help', { locale: 'fr-FR', from: DEMO_PEOPLE.anne }));
    assert.match(cardText(cardOf(replies[0])), /forbedringstavla deres/);
  });

  it('answers anything else with a short help card quoting what was written', async () => {
    const { replies } = await bot.send(message('hva skjer?', { locale: 'nb-NO' }));
    const text = cardText(cardOf(replies[0]));
    assert.match(text, /Jeg forsto ikke «hva skjer\?»/);
    assert.match(text, /tavle/);
  });

  it('greets a user who installs it personally, in their language, with the help card, once', async () => {
    const { replies } = await bot.send(appInstalled({ where: 'personal', locale: 'da-DK' }));
    assert.equal(replies.length, 2);
    assert.match(String(replies[0].text), /Hej, jeg er Tavla/);
    assert.match(cardText(cardOf(replies[1])), /jeres forbedringstavle/);
    const alongside = await bot.send(botAdded({ where: 'personal', locale: 'da-DK' }));
    assert.deepEqual(alongside.replies, [], 'the conversationUpdate sent at the same time does not greet again');
  });

  it('shows the help card when added to a group chat', async () => {
    const { replies } = await bot.send(botAdded({ where: 'groupChat', locale: 'en-US' }));
    assert.match(cardText(cardOf(replies[0])), /your improvement board/);
  });

  it('ignores activities from a tenant that is not on the allow-list', async () => {
    const { replies } = await bot.send(message('help', { tenantId: '99999999-2222-4333-8444-555555555555' }));
    assert.deepEqual(replies, []);
  });
});

describe('who am I (bot)', () => {
  let bot: BotHarness;
  before(async () => {
    bot = await createBotHarness();
  });

  it('shows a unit leader their role and unit', async () => {
    const { replies } = await bot.send(message('hvem er jeg', { from: DEMO_PEOPLE.kari, locale: 'nb-NO' }));
    const text = cardText(cardOf(replies[0]));
    assert.match(text, /enhetsleder/);
    assert.match(text, /Hjemmetjenesten nord \(leder\)/);
  });

  it('shows a service-area leader the area they lead', async () => {
    const { replies } = await bot.send(message('who am i', { from: DEMO_PEOPLE.lars, locale: 'en-US' }));
    const text = cardText(cardOf(replies[0]));
    assert.match(text, /service-area leader/);
    assert.match(text, /Helse og omsorg/);
  });

  it('tells someone unknown how to get into a unit', async () => {
    const stranger = { aadObjectId: 'aaaaaaaa-0000-4000-8000-000000000099', name: 'Ny Person' };
    const { replies } = await bot.send(message('hvem er jeg', { from: stranger, locale: 'nb-NO' }));
    assert.match(cardText(cardOf(replies[0])), /Du er ikke med i noen enhet ennå/);
  });

  it('learns a UPN from the roster so roles given by e-mail apply', async () => {
    const person = { aadObjectId: 'bbbbbbbb-0000-4000-8000-000000000042', name: 'Eva Strand' };
    await bot.organisation.updateUnit('veg-og-park', (unit) => ({ ...unit, leaders: [...unit.leaders, { kind: 'upn', upn: 'eva.strand@demo.tavla.example' }] }));
    bot.directory.invalidate();
    bot.teams.upns.set(person.aadObjectId, 'Eva.Strand@demo.tavla.example');
    const { replies } = await bot.send(message('who am i', { from: person, locale: 'en-US' }));
    assert.match(cardText(cardOf(replies[0])), /Veg og park \(leader\)/);
    const stored = await bot.peopleTable.get(person.aadObjectId);
    assert.equal(stored?.upn, 'eva.strand@demo.tavla.example');
    assert.equal(stored?.personalConversationId, `a:personal-${person.aadObjectId}`);
  });
});
