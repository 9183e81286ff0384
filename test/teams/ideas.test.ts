import assert from 'node:assert/strict';
import { DEMO_PEOPLE } from '../../src/services/demoOrganisation';
import { CHANNEL_ID, cardAction, message } from '../support/activities';
import { BotHarness, cardOf, cardText, createBotHarness, invokeCard } from '../support/botHarness';
import { cardIssues } from '../support/cardValidator';

const KARI = DEMO_PEOPLE.kari;
const OLA = DEMO_PEOPLE.ola;
const UNIT = 'hjemmetjenesten-nord';
const validIdea = { title: 'Færre vaktbytter', type: 'improve', situation: 'Mye tid går til bytter.', proposal: 'Byttebørs', benefitAreas: 'time,quality', wastes: 'waiting' };

/** The data a card action carries for an idea: which one, and the version the card showed. */
const onCard = (number: number, version: number, extra: Record<string, unknown> = {}) => ({ unitId: UNIT, number: String(number), version: String(version), ...extra });

describe('ideas (bot)', () => {
  let bot: BotHarness;
  beforeEach(async () => {
    bot = await createBotHarness({ clock: { now: () => new Date('2026-11-20T09:00:00Z') } });
  });

  async function submit(from = KARI, fields: Record<string, unknown> = validIdea) {
    return bot.send(cardAction('idea.submit', { fixedUnitId: UNIT, ...fields }, { from, locale: 'nb-NO' }));
  }

  describe('the form', () => {
    it('opens from the 1:1 chat with the title prefilled, for a person in one unit', async () => {
      const { replies } = await bot.send(message('idé Færre vaktbytter', { from: KARI }));
      const card = cardOf(replies[0]);
      assert.ok(card);
      assert.deepEqual(cardIssues(card), []);
      const text = JSON.stringify(card);
      assert.match(text, /"value":"Færre vaktbytter"/);
      assert.match(text, /"fixedUnitId":"hjemmetjenesten-nord"/);
      assert.doesNotMatch(text, /"id":"unitId"/, 'no unit to choose');
    });

    it('asks a person in two units which unit the idea is for', async () => {
      const { replies } = await bot.send(message('idea', { from: OLA, locale: 'en-US' }));
      const text = cardText(cardOf(replies[0]));
      assert.match(text, /Choose your unit/);
      assert.match(text, /Hjemmetjenesten nord/);
      assert.match(text, /Sykehjem øst/);
    });

    it('tells someone outside any unit why they cannot propose', async () => {
      const { replies } = await bot.send(message('idé', { from: { aadObjectId: 'dddddddd-0000-4000-8000-000000000001', name: 'Ny' } }));
      assert.match(String(replies[0].text), /ikke med i noen enhet/);
    });
  });

  describe('submitting', () => {
    it('confirms with the short id and puts the idea on the board', async () => {
      const result = await submit();
      const card = invokeCard(result);
      assert.ok(card);
      assert.deepEqual(cardIssues(card), []);
      assert.match(cardText(card), /Takk! Forslaget ditt HN-1 står nå på forbedringstavla til Hjemmetjenesten nord/);
      const stored = await bot.ideas.get(UNIT, 1);
      assert.equal(stored?.title, 'Færre vaktbytter');
      assert.deepEqual(stored?.benefitAreas, ['time', 'quality']);
      assert.equal(stored?.submitter.teamsId, `29:${KARI.aadObjectId}`);
      assert.equal(result.updates.length, 0, 'a 1:1 form is not replaced for anyone else');
    });

    it('posts the idea in the unit channel when submitted from the 1:1 chat', async () => {
      await bot.organisation.updateUnit(UNIT, (u) => ({ ...u, channel: { conversationId: CHANNEL_ID, teamId: 't', tenantId: 'x', serviceUrl: 'https://s/' } }));
      bot.directory.invalidate();
      await submit();
      assert.deepEqual(bot.notifications.sent.map((n) => `${n.to} ${n.notification.kind}`), [`channel:${UNIT} ideaSubmitted`]);
    });

    it('in the unit channel, replaces the form for everyone with the new idea instead of posting twice', async () => {
      await bot.organisation.updateUnit(UNIT, (u) => ({ ...u, channel: { conversationId: CHANNEL_ID, teamId: 't', tenantId: 'x', serviceUrl: 'https://s/' } }));
      bot.directory.invalidate();
      const result = await bot.send(cardAction('idea.submit', { fixedUnitId: UNIT, ...validIdea }, { from: KARI, where: 'channel' }));
      assert.equal(result.updates.length, 1);
      assert.match(cardText(cardOf(result.updates[0])), /Nytt forslag HN-1 fra Kari Nilsen/);
      assert.deepEqual(bot.notifications.sent, []);
    });

    it('brings the form back with every problem and what was typed; nothing is stored', async () => {
      const result = await submit(KARI, { title: '', type: 'improve', situation: 'x'.repeat(2001), dueDate: '2026-11-01', ownerId: 'nobody' });
      const card = invokeCard(result);
      assert.ok(card);
      assert.deepEqual(cardIssues(card), []);
      const text = cardText(card);
      assert.match(text, /Tittel må fylles ut/);
      assert.match(text, /Dagens situasjon eller problem er for lang: 2001 tegn, grensen er 2000/);
      assert.match(text, /Frist \(valgfritt\) kan ikke være tilbake i tid/);
      assert.match(text, /Ansvarlig \(valgfritt\): velg et av alternativene/);
      assert.match(text, /x{2001}/, 'the typed text is kept');
      assert.deepEqual(await bot.ideas.live(UNIT), []);
    });

    it('refuses a unit the person does not belong to, even with forged card data', async () => {
      const result = await bot.send(cardAction('idea.submit', { fixedUnitId: 'veg-og-park', ...validIdea }, { from: KARI, locale: 'en-US' }));
      assert.match(cardText(invokeCard(result)), /Unit: choose one of the options offered/);
      assert.deepEqual(await bot.ideas.live('veg-og-park'), []);
    });
  });

  describe('the item card', () => {
    it('shows a leader every action and a member only commenting', async () => {
      await submit(OLA, validIdea);
      const leader = invokeCard(await bot.send(cardAction('idea.open', { unitId: UNIT, number: '1' }, { from: KARI, locale: 'en-US' })));
      const member = invokeCard(await bot.send(cardAction('idea.open', { unitId: UNIT, number: '1' }, { from: OLA, locale: 'en-US' })));
      assert.ok(leader && member);
      assert.deepEqual(cardIssues(leader), []);
      const titles = (card: typeof leader) => (card.actions as { title: string }[]).map((a) => a.title);
      assert.deepEqual(titles(leader), ['Change status', 'Plan', 'Add action item', 'Comment', 'Root-cause notes', 'Back to the board']);
      assert.deepEqual(titles(member), ['Comment', 'Back to the board']);
      assert.deepEqual((leader.refresh as { userIds: string[] }).userIds, [`29:${OLA.aadObjectId}`], 'the submitter sees a live card');
    });

    it('moves an idea along PDCA and records who did it', async () => {
      await submit(OLA, validIdea);
      const result = await bot.send(cardAction('idea.move', onCard(1, 1, { to: 'planned' }), { from: KARI, locale: 'en-US' }));
      const text = cardText(invokeCard(result));
      assert.match(text, /Saved\./);
      assert.match(text, /Planned/);
      assert.match(text, /20 Nov 2026 10:00 · Kari Nilsen: New → Planned/, 'the card shows who changed what when');
      const history = await bot.ideas.history(UNIT, 1);
      assert.deepEqual(history.map((h) => [h.by.name, h.what, h.detail]), [['Ola Bakken', 'submitted', 'Færre vaktbytter'], ['Kari Nilsen', 'status', 'new -> planned']]);
    });

    it('refuses a member who forges a status change, and changes nothing', async () => {
      await submit(OLA, validIdea);
      const result = await bot.send(cardAction('idea.move', onCard(1, 1, { to: 'rejected', reason: 'nei' }), { from: OLA, locale: 'da-DK' }));
      assert.match(cardText(invokeCard(result)), /Du har ikke adgang til at gøre dette/);
      assert.equal((await bot.ideas.get(UNIT, 1))?.status, 'new');
    });

    it('requires a reason to reject, then tells the submitter', async () => {
      await submit(OLA, validIdea);
      const missing = await bot.send(cardAction('idea.move', onCard(1, 1, { to: 'rejected', reason: '' }), { from: KARI, locale: 'nb-NO' }));
      assert.match(cardText(invokeCard(missing)), /Begrunnelse \(må fylles ut ved parkering eller avvisning\) må fylles ut/);
      assert.equal(bot.notifications.sent.length, 0, 'nobody is told of a refused change');
      await bot.send(cardAction('idea.move', onCard(1, 1, { to: 'rejected', reason: 'For dyrt nå' }), { from: KARI, locale: 'nb-NO' }));
      assert.deepEqual(bot.notifications.sent.map((n) => `${n.to} ${n.notification.kind}`), [`person:${OLA.aadObjectId} ideaStopped`]);
      assert.equal((await bot.ideas.get(UNIT, 1))?.statusReason, 'For dyrt nå');
    });

    it('answers a stale card with the current version and who changed it', async () => {
      await submit(OLA, validIdea);
      await bot.send(cardAction('idea.move', onCard(1, 1, { to: 'planned' }), { from: KARI }));
      const stale = await bot.send(cardAction('idea.move', onCard(1, 1, { to: 'inProgress' }), { from: KARI, locale: 'en-US' }));
      const text = cardText(invokeCard(stale));
      assert.match(text, /Kari Nilsen changed this at 10:00\. This is the current version; please try again\./);
      assert.match(text, /Planned/);
      assert.equal((await bot.ideas.get(UNIT, 1))?.status, 'planned');
    });

    it('plans, adds an action item and lets its owner tick it off', async () => {
      await submit(OLA, validIdea);
      await bot.send(cardAction('idea.prioritise', onCard(1, 1, { effort: 'easy', impact: 'high' }), { from: KARI }));
      await bot.send(cardAction('idea.addAction', onCard(1, 2, { actionText: 'Lag byttebørs', actionOwnerId: OLA.aadObjectId, actionDueDate: '2026-11-27' }), { from: KARI }));
      const olaView = invokeCard(await bot.send(cardAction('idea.open', { unitId: UNIT, number: '1' }, { from: OLA, locale: 'en-US' })));
      assert.match(JSON.stringify(olaView), /"verb":"idea.completeAction"/, 'the action owner may tick it off');
      const done = await bot.send(cardAction('idea.completeAction', onCard(1, 3, { actionId: '1' }), { from: OLA, locale: 'en-US' }));
      assert.match(cardText(invokeCard(done)), /✔ Lag byttebørs/);
      const stored = await bot.ideas.get(UNIT, 1);
      assert.equal(stored?.effort, 'easy');
      assert.equal(stored?.actions[0].done, true);
    });

    it('keeps a comment, and refuses an empty one with the form still filled', async () => {
      await submit(OLA, validIdea);
      const empty = await bot.send(cardAction('idea.comment', { unitId: UNIT, number: '1', comment: '   ' }, { from: OLA, locale: 'en-US' }));
      assert.match(cardText(invokeCard(empty)), /Your comment is required/);
      const posted = await bot.send(cardAction('idea.comment', { unitId: UNIT, number: '1', comment: 'Good idea!' }, { from: KARI, locale: 'en-US' }));
      assert.match(cardText(invokeCard(posted)), /Kari Nilsen, 20 Nov 2026: Good idea!/);
    });

    it('says an unknown idea was not found', async () => {
      const result = await bot.send(cardAction('idea.open', { unitId: UNIT, number: '99' }, { from: KARI, locale: 'en-US' }));
      assert.match(cardText(invokeCard(result)), /I could not find that/);
    });

    it('does not show another unit\'s idea', async () => {
      await submit(KARI, validIdea);
      const result = await bot.send(cardAction('idea.open', { unitId: UNIT, number: '1' }, { from: DEMO_PEOPLE.per, locale: 'en-US' }));
      assert.match(cardText(invokeCard(result)), /You are not allowed to do that/);
    });
  });
});
