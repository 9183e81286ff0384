import assert from 'node:assert/strict';
import { notificationCard } from '../../src/cards/notificationCards';
import { DEFAULT_ORGANISATION } from '../../src/domain/organisation';
import { DEMO_PEOPLE } from '../../src/services/demoOrganisation';
import { cardAction, message } from '../support/activities';
import { BotHarness, cardOf, cardText, createBotHarness, invokeCard } from '../support/botHarness';
import { cardIssues } from '../support/cardValidator';

const { kari, siri, ola, per } = DEMO_PEOPLE;
const HOME = 'hjemmetjenesten-nord';
const NURSING = 'sykehjem-ost';
const ROADS = 'veg-og-park';
const idea = { title: 'Felles nattevakt', type: 'improve', situation: 'Nattevakten vår er alene.', proposal: 'Dele nattevakt med sykehjemmet.' };
const ref = { unitId: HOME, number: '1' };

describe('stakeholders: units an idea affects (bot)', () => {
  let bot: BotHarness;
  beforeEach(async () => {
    bot = await createBotHarness({ clock: { now: () => new Date('2026-11-20T09:00:00Z') } });
  });

  const asked = () => bot.notifications.sent.filter((n) => n.notification.kind === 'stakeholderAsked').map((n) => n.to);
  const submitNaming = (stakeholders: string) => bot.send(cardAction('idea.submit', { fixedUnitId: HOME, ...idea, stakeholders }, { from: kari }));

  it('offers the other units on the idea form, not the idea\'s own', async () => {
    const text = JSON.stringify(cardOf((await bot.send(message('idé', { from: kari }))).replies[0]));
    assert.match(text, /"id":"stakeholders"/);
    assert.match(text, /Sykehjem øst/);
    assert.doesNotMatch(text, /"title":"Hjemmetjenesten nord","value":"hjemmetjenesten-nord"/);
  });

  it('asks the leaders of the units named at submission with a short card, through the notifier', async () => {
    await submitNaming(NURSING);
    assert.deepEqual((await bot.ideas.get(HOME, 1))?.stakeholders, [NURSING]);
    assert.deepEqual(asked(), [`person:${siri.aadObjectId}`]);
    const sent = bot.notifications.sent.find((n) => n.notification.kind === 'stakeholderAsked')!;
    for (const locale of ['nb', 'da', 'en'] as const) {
      const card = notificationCard(locale, sent.notification, DEFAULT_ORGANISATION);
      assert.deepEqual(cardIssues(card), [], locale);
    }
    assert.match(cardText(notificationCard('nb', sent.notification, DEFAULT_ORGANISATION)), /HN-1 fra Hjemmetjenesten nord kan berøre Sykehjem øst/);
  });

  it('puts the stakeholder leader\'s comment on the idea, and the idea\'s card says who has answered', async () => {
    await submitNaming(`${NURSING},${ROADS}`);
    const answer = invokeCard(await bot.send(cardAction('stakeholder.answer', { ...ref, stakeholderUnitId: NURSING, comment: 'Vi har også bare én på natt.' }, { from: siri })));
    assert.deepEqual(cardIssues(answer), []);
    assert.match(cardText(answer), /Takk: kommentaren din står på HN-1/);
    assert.deepEqual((await bot.ideas.comments(HOME, 1, 5)).map((c) => [c.by.name, c.text]), [['Siri Dahl', 'Fra Sykehjem øst (berørt enhet): Vi har også bare én på natt.']]);
    const card = invokeCard(await bot.send(cardAction('idea.open', ref, { from: kari })));
    assert.deepEqual(cardIssues(card), []);
    assert.match(cardText(card), /Berørte enheter: Sykehjem øst \(har svart\) og Veg og park \(ikke ennå\)\. 1 av 2 berørte enheter har svart\./);
  });

  it('does not block planning: the idea moves to planned while a unit has not answered', async () => {
    await submitNaming(NURSING);
    const card = invokeCard(await bot.send(cardAction('idea.move', { ...ref, version: '1', to: 'planned' }, { from: kari })));
    assert.equal((await bot.ideas.get(HOME, 1))?.status, 'planned');
    assert.match(cardText(card), /0 av 1 berørte enheter har svart/);
  });

  it('refuses an answer from someone who does not lead the stakeholder unit', async () => {
    await submitNaming(NURSING);
    const card = invokeCard(await bot.send(cardAction('stakeholder.answer', { ...ref, stakeholderUnitId: NURSING, comment: 'Jeg svarer.' }, { from: ola, locale: 'en-US' })));
    assert.match(cardText(card), /Only the leader of Sykehjem øst answers for it/);
    assert.deepEqual(await bot.ideas.comments(HOME, 1, 5), []);
  });

  it('says so when the idea was closed before the stakeholder answered', async () => {
    await submitNaming(NURSING);
    await bot.send(cardAction('idea.move', { ...ref, version: '1', to: 'rejected', reason: 'Ikke nå' }, { from: kari }));
    const card = invokeCard(await bot.send(cardAction('stakeholder.answer', { ...ref, stakeholderUnitId: NURSING, comment: 'Sent svar.' }, { from: siri })));
    assert.deepEqual(cardIssues(card), []);
    assert.match(cardText(card), /HN-1 er avsluttet; det er ikke noe å kommentere lenger/);
    assert.deepEqual(await bot.ideas.comments(HOME, 1, 5), []);
  });

  it('keeps the comment box with a message when the comment is empty', async () => {
    await submitNaming(NURSING);
    const card = invokeCard(await bot.send(cardAction('stakeholder.answer', { ...ref, stakeholderUnitId: NURSING, comment: '' }, { from: siri })));
    assert.deepEqual(cardIssues(card), []);
    assert.match(cardText(card), /Skriv en kommentar først/);
    assert.match(JSON.stringify(card), /"id":"comment"/);
  });

  it('names affected units later from the idea card; only newly named units are asked', async () => {
    await submitNaming(NURSING);
    const form = invokeCard(await bot.send(cardAction('stakeholders.form', ref, { from: kari })));
    assert.deepEqual(cardIssues(form), []);
    assert.match(cardText(form), /Veg og park/);
    const saved = invokeCard(await bot.send(cardAction('stakeholders.save', { ...ref, stakeholders: `${NURSING},${ROADS}` }, { from: kari })));
    assert.match(cardText(saved), /Lagret\. Lederne i nye berørte enheter er spurt/);
    assert.deepEqual(asked(), [`person:${siri.aadObjectId}`, `person:${per.aadObjectId}`]);
    const history = await bot.ideas.history(HOME, 1);
    assert.deepEqual(history.at(-1)?.detail, 'Sykehjem øst, Veg og park');
  });

  it('refuses naming the idea\'s own unit, keeping the form', async () => {
    await submitNaming('');
    const card = invokeCard(await bot.send(cardAction('stakeholders.save', { ...ref, stakeholders: HOME }, { from: kari, locale: 'en-US' })));
    assert.deepEqual(cardIssues(card), []);
    assert.match(cardText(card), /choose one of the options/);
    assert.equal((await bot.ideas.get(HOME, 1))?.stakeholders, undefined);
  });

  it('reaches a stakeholder leader who never wrote to the bot: the card is queued in the outbox', async () => {
    const outboxBot = await createBotHarness({ outboxNotifications: true, clock: { now: () => new Date('2026-11-20T09:00:00Z') } });
    const before = (await outboxBot.repositories.outbox.status()).queued;
    await outboxBot.send(cardAction('idea.submit', { fixedUnitId: HOME, ...idea, stakeholders: ROADS }, { from: kari }));
    assert.equal((await outboxBot.repositories.outbox.status()).queued, before + 1);
  });
});
