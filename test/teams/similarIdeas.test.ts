import assert from 'node:assert/strict';
import { DEMO_PEOPLE } from '../../src/services/demoOrganisation';
import { cardAction } from '../support/activities';
import { BotHarness, cardOf, cardText, createBotHarness, invokeCard } from '../support/botHarness';
import { cardIssues } from '../support/cardValidator';

const { siri, ola, kari } = DEMO_PEOPLE;
const HOME = 'hjemmetjenesten-nord';
const NURSING = 'sykehjem-ost';
const original = { title: 'Vaktbytte i app', type: 'improve', situation: 'Vaktbytte tar mye tid for koordinator, alt går på telefon.', proposal: 'Ansatte bytter vakter selv i en app.' };
const duplicate = { title: 'Bytte av vakter', type: 'improve', situation: 'Det går mye tid til å bytte vakter på telefon.' };

/** Card actions' data as the buttons carry it. */
const actionsOf = (card: unknown): { title: string; verb: string; data: Record<string, string> }[] => {
  const found: { title: string; verb: string; data: Record<string, string> }[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (typeof node !== 'object' || node === null) return;
    const action = node as { type?: string; verb?: string; title?: string; data?: Record<string, string> };
    if (action.type === 'Action.Execute' && action.verb) found.push({ title: action.title ?? '', verb: action.verb, data: action.data ?? {} });
    Object.values(node).forEach(walk);
  };
  walk(card);
  return found;
};

describe('similar ideas when submitting (bot)', () => {
  let bot: BotHarness;
  beforeEach(async () => {
    bot = await createBotHarness({ clock: { now: () => new Date('2026-11-20T09:00:00Z') } });
    await bot.services.learning.index.build();
    // Written after the build: the index learns it as it is stored.
    await bot.send(cardAction('idea.submit', { fixedUnitId: NURSING, ...original }, { from: siri }));
    assert.ok(await bot.ideas.get(NURSING, 1));
  });

  const submitDuplicate = (from = ola, extra: Record<string, string> = {}) => bot.send(cardAction('idea.submit', { fixedUnitId: HOME, ...duplicate, ...extra }, { from, locale: 'nb-NO' }));

  it('shows a similar idea from another unit with its unit, status and gain, and saves nothing yet', async () => {
    const card = invokeCard(await submitDuplicate());
    assert.ok(card);
    assert.deepEqual(cardIssues(card), []);
    const text = cardText(card);
    assert.match(text, /Andre har hatt denne ideen/);
    assert.match(text, /SO-1 Vaktbytte i app/);
    assert.match(text, /Sykehjem øst · Ny · ingen realisert gevinst ennå/);
    assert.deepEqual(actionsOf(card).map((a) => a.title), ['Åpne', 'Vi har samme problem', 'Lagre mitt likevel']);
    assert.deepEqual(await bot.ideas.live(HOME), [], 'nothing is stored before the person chooses');
  });

  it('"save mine anyway" saves exactly what was typed, as always', async () => {
    const anyway = actionsOf(invokeCard(await submitDuplicate())).find((a) => a.verb === 'idea.submit')!;
    const card = invokeCard(await bot.send(cardAction('idea.submit', anyway.data, { from: ola })));
    assert.match(cardText(card), /Takk! Forslaget ditt HN-1/);
    const saved = await bot.ideas.get(HOME, 1);
    assert.equal(saved?.title, duplicate.title);
    assert.equal(saved?.situation, duplicate.situation);
  });

  it('"open" shows the similar idea as a card of its own and keeps the suggestions and the draft', async () => {
    const open = actionsOf(invokeCard(await submitDuplicate())).find((a) => a.verb === 'similar.open')!;
    const result = await bot.send(cardAction('similar.open', open.data, { from: ola }));
    const opened = cardOf(result.replies[0]);
    assert.ok(opened);
    assert.deepEqual(cardIssues(opened), []);
    assert.match(cardText(opened), /Vaktbytte i app/);
    assert.match(cardText(opened), /Ansatte bytter vakter selv i en app/);
    const again = invokeCard(result);
    assert.match(cardText(again), /SO-1 Vaktbytte i app/);
    assert.equal(actionsOf(again).find((a) => a.verb === 'idea.submit')?.data.title, duplicate.title);
    assert.deepEqual(await bot.ideas.live(HOME), []);
  });

  it('"open" in a channel shows the idea only to the person who pressed, not as a message to everyone', async () => {
    const open = actionsOf(invokeCard(await submitDuplicate())).find((a) => a.verb === 'similar.open')!;
    const result = await bot.send(cardAction('similar.open', open.data, { from: ola, where: 'channel' }));
    assert.deepEqual(result.replies.filter((r) => r.type === 'message'), []);
    assert.match(cardText(invokeCard(result)), /Ansatte bytter vakter selv i en app/);
  });

  it('"join" comments "we have the same problem" on that idea, in the person\'s language with their name, and saves nothing else', async () => {
    const join = actionsOf(invokeCard(await submitDuplicate())).find((a) => a.verb === 'similar.join')!;
    const card = invokeCard(await bot.send(cardAction('similar.join', join.data, { from: ola, locale: 'en-US' })));
    assert.deepEqual(cardIssues(card), []);
    assert.match(cardText(card), /You joined SO-1/);
    const comments = await bot.ideas.comments(NURSING, 1, 5);
    assert.deepEqual(comments.map((c) => [c.by.name, c.text]), [['Ola Bakken', 'We have the same problem in Hjemmetjenesten nord.']]);
    assert.deepEqual(await bot.ideas.live(HOME), []);
  });

  it('saves directly, without a step, when nothing similar is found', async () => {
    const card = invokeCard(await bot.send(cardAction('idea.submit', { fixedUnitId: HOME, title: 'Ny kaffemaskin på pauserommet', type: 'improve' }, { from: ola })));
    assert.match(cardText(card), /Takk! Forslaget ditt HN-1/);
  });

  it('learning between units: someone outside the idea\'s unit sees it, opens a summary without the board\'s actions, and joins it', async () => {
    // Kari leads Hjemmetjenesten nord only: the nursing home's board is not hers, its ideas are there to learn from.
    const suggestions = invokeCard(await submitDuplicate(kari));
    assert.match(cardText(suggestions), /SO-1 Vaktbytte i app/);
    const open = actionsOf(suggestions).find((a) => a.verb === 'similar.open')!;
    const opened = cardOf((await bot.send(cardAction('similar.open', open.data, { from: kari }))).replies[0]);
    assert.ok(opened);
    assert.deepEqual(cardIssues(opened), []);
    assert.match(cardText(opened), /Fra tavla til Sykehjem øst/);
    assert.match(cardText(opened), /Ansatte bytter vakter selv i en app/);
    assert.match(cardText(opened), /Sykehjem øst · Ny · ingen realisert gevinst ennå/);
    assert.deepEqual(actionsOf(opened), [], 'no board actions on another unit\'s idea');

    const join = actionsOf(suggestions).find((a) => a.verb === 'similar.join')!;
    const joined = invokeCard(await bot.send(cardAction('similar.join', join.data, { from: kari })));
    assert.deepEqual(cardIssues(joined), []);
    assert.match(cardText(joined), /SO-1/);
    assert.deepEqual(actionsOf(joined), []);
    const comments = await bot.ideas.comments(NURSING, 1, 5);
    assert.deepEqual(comments.map((c) => [c.by.name, c.text]), [['Kari Nilsen', 'Vi har det samme problemet i Hjemmetjenesten nord.']]);
    assert.deepEqual(await bot.ideas.live(HOME), []);
  });

  it('does not open a similar idea that was rejected since, even from a stale card', async () => {
    const open = actionsOf(invokeCard(await submitDuplicate(kari))).find((a) => a.verb === 'similar.open')!;
    await bot.send(cardAction('idea.move', { unitId: NURSING, number: '1', version: '1', to: 'rejected', reason: 'Ikke nå' }, { from: siri }));
    const answer = invokeCard(await bot.send(cardAction('similar.open', open.data, { from: kari })));
    assert.doesNotMatch(cardText(answer), /Ansatte bytter vakter selv i en app/);
    assert.deepEqual(await bot.ideas.comments(NURSING, 1, 5), []);
  });

  it('leaves out ideas that were rejected, and follows status changes as they are written', async () => {
    await bot.send(cardAction('idea.move', { unitId: NURSING, number: '1', version: '1', to: 'rejected', reason: 'Ikke nå' }, { from: siri }));
    const card = invokeCard(await submitDuplicate());
    assert.match(cardText(card), /Takk! Forslaget ditt HN-1/);
  });

  it('a form with problems comes back with them, not with suggestions', async () => {
    const card = invokeCard(await submitDuplicate(ola, { dueDate: '2020-01-01' }));
    assert.match(cardText(card), /kan ikke være tilbake i tid/);
    assert.doesNotMatch(cardText(card), /Andre har hatt denne ideen/);
  });

  it('builds the index from storage at start: ideas stored before are found; until it starts, ideas are saved directly', async () => {
    const fresh = await createBotHarness({ clock: { now: () => new Date('2026-11-20T09:00:00Z') } });
    await fresh.send(cardAction('idea.submit', { fixedUnitId: NURSING, ...original }, { from: siri }));
    const before = invokeCard(await fresh.send(cardAction('idea.submit', { fixedUnitId: HOME, ...duplicate }, { from: ola })));
    assert.match(cardText(before), /Takk! Forslaget ditt HN-1/, 'no index yet: saved as always');
    await fresh.services.learning.index.build();
    assert.equal(fresh.services.learning.index.size, 2);
    const after = invokeCard(await fresh.send(cardAction('idea.submit', { fixedUnitId: HOME, ...duplicate }, { from: ola })));
    assert.match(cardText(after), /SO-1 Vaktbytte i app/);
    assert.match(cardText(after), /HN-1 Bytte av vakter/);
  });
});
