import assert from 'node:assert/strict';
import { DEMO_PEOPLE } from '../../src/services/demoOrganisation';
import { CHANNEL_ID, cardAction, message } from '../support/activities';
import { BotHarness, cardOf, cardText, createBotHarness } from '../support/botHarness';
import { CardNode, answeredToPresser, validCard } from '../support/cardNodes';
import { settableClock } from '../support/clock';

const HN = 'hjemmetjenesten-nord';
const { lars, kari, ola, ingrid, mette } = DEMO_PEOPLE;

function find(card: CardNode, test: (node: CardNode) => boolean): CardNode[] {
  const found: CardNode[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (typeof node !== 'object' || node === null) return;
    if (test(node as CardNode)) found.push(node as CardNode);
    Object.values(node).forEach(walk);
  };
  walk(card);
  return found;
}
const input = (card: CardNode, id: string): CardNode | undefined => find(card, (n) => n.id === id)[0];
const save = (card: CardNode) => (card.actions ?? []).find((a) => a.verb === 'revision.save');

const LOCALES = [
  { tag: 'nb-NO', word: 'revisjon', title: 'Halvårlig revisjon – Hjemmetjenesten nord', saved: /Lagret\. Oppfølgingspunktene står på tavla under HN-2\./, month: 'September 2026 · tall for 1.3.2026 – 31.8.2026', ideaTitle: 'Halvårlig revisjon september 2026' },
  { tag: 'da-DK', word: 'revision', title: 'Halvårlig revision – Hjemmetjenesten nord', saved: /Gemt\. Opfølgningspunkterne står på tavlen under HN-2\./, month: 'September 2026 · tal for 1.3.2026 – 31.8.2026', ideaTitle: 'Halvårlig revisjon september 2026' },
  { tag: 'en-US', word: 'revision', title: 'Half-yearly revision – Hjemmetjenesten nord', saved: /Saved\. The follow-up points are on the board under HN-2\./, month: 'September 2026 · figures for 1 Mar 2026 – 31 Aug 2026', ideaTitle: 'Halvårlig revisjon september 2026' },
];

describe('half-yearly revision (bot)', () => {
  let bot: BotHarness;
  const clock = settableClock('2026-04-01T08:00:00Z');

  beforeEach(async () => {
    clock.set('2026-04-01T08:00:00Z');
    bot = await createBotHarness({ clock });
    // A done idea with no benefit, from the half-year before September.
    const { idea } = await bot.services.ideaSubmission.submit(ola, { unitId: HN, idea: { title: 'Færre vaktbytter', type: 'improve' } });
    let current = idea;
    for (const to of ['inProgress', 'evaluating', 'done'] as const) ({ idea: current } = await bot.services.ideaChanges.apply(kari, current, { kind: 'move', to }));
    clock.set('2026-09-08T08:00:00Z');
  });

  it('in a channel, offers the card with a button, so it opens for the person who presses only', async () => {
    await bot.organisation.updateUnit(HN, (u) => ({ ...u, channel: { conversationId: CHANNEL_ID, teamId: 't', tenantId: 'x', serviceUrl: 'https://s/' } }));
    bot.directory.invalidate();
    const result = await bot.send(message('revisjon', { from: lars, locale: 'nb-NO', where: 'channel', channelId: CHANNEL_ID }));
    const card = validCard(cardOf(result.replies[0]));
    assert.equal(find(card, (n) => n.type === 'FactSet').length, 0, 'no figures in the shared message');
    assert.deepEqual(find(card, (n) => n.verb === 'revision.show').map((n) => n.data?.unitId), [HN]);
  });

  it('offers a service-area leader the units of the area', async () => {
    const result = await bot.send(message('revisjon', { from: lars, locale: 'nb-NO' }));
    const card = validCard(cardOf(result.replies[0]));
    assert.equal(card.body?.[0]?.text, 'Halvårlig revisjon: velg enhet');
    assert.deepEqual(find(card, (n) => n.verb === 'revision.show').map((n) => n.data?.unitId), [HN, 'sykehjem-ost']);
  });

  for (const { tag, word, title, saved, month, ideaTitle } of LOCALES) {
    it(`shows the half-year and its deviations, suggests points, and records the visit as action items on the board (${tag})`, async () => {
      let card = answeredToPresser(await bot.send(cardAction('revision.show', { unitId: HN }, { from: lars, locale: tag })));
      assert.equal(card.body?.[0]?.text, title);
      assert.equal(card.body?.[1]?.text, month);
      const text = cardText(card);
      assert.match(text, /HN-1/, 'the done idea without benefit is a deviation');
      assert.equal(input(card, 'followUp1Text')?.value !== '', true, 'a suggested point');
      assert.equal(input(card, 'followUp1Owner')?.value, kari.aadObjectId, 'owned by the unit leader');
      const action = save(card);
      assert.deepEqual(action?.data, { unitId: HN, round: '2026-09', version: 0 });

      card = answeredToPresser(
        await bot.send(
          cardAction(
            'revision.save',
            {
              ...action?.data,
              visitedOn: '2026-09-07',
              participantIds: `${kari.aadObjectId},${lars.aadObjectId}`,
              otherParticipants: 'Verneombud',
              observations: 'Tavla henger godt synlig.',
              check_boardCurrent: 'true',
              check_meetingRhythm: 'false',
              followUp1Text: 'Registrer gevinsten av HN-1',
              followUp1Owner: kari.aadObjectId,
              followUp1Due: '2026-10-15',
              followUp2Text: '',
            },
            { from: lars, locale: tag },
          ),
        ),
      );
      assert.match(cardText(card), saved);
      const idea = await bot.ideas.get(HN, 2);
      assert.equal(idea?.origin, 'revision');
      assert.equal(idea?.title, ideaTitle, 'named in the organisation\'s language');
      assert.deepEqual(idea?.actions.map((a) => [a.text, a.owner?.id, a.dueDate]), [['Registrer gevinsten av HN-1', kari.aadObjectId, '2026-10-15']]);
      // On the board with the rest of the unit's work, and in Kari's items.
      const mine = await bot.services.ideaViews.myItems(kari);
      assert.ok(JSON.stringify(mine).includes('Registrer gevinsten av HN-1') || JSON.stringify(mine).includes(ideaTitle));
      assert.deepEqual(save(card)?.data, { unitId: HN, round: '2026-09', version: 1 });
      assert.match(cardText(card), /Verneombud/);
    });

    it(`lets the unit leader see the revision but not record it; staff may not open it (${tag})`, async () => {
      const card = answeredToPresser(await bot.send(cardAction('revision.show', { unitId: HN }, { from: kari, locale: tag })));
      assert.equal(save(card), undefined);
      assert.equal(input(card, 'visitedOn'), undefined);
      const refused = answeredToPresser(await bot.send(cardAction('revision.save', { unitId: HN, round: '2026-09', version: 0, visitedOn: '2026-09-07' }, { from: kari, locale: tag })));
      assert.equal(refused.body?.[0]?.text !== undefined, true);
      assert.equal(await bot.ideas.get(HN, 2), undefined, 'nothing stored');
      const staff = answeredToPresser(await bot.send(cardAction('revision.show', { unitId: HN }, { from: ola, locale: tag })));
      assert.equal(save(staff), undefined);
      assert.equal(find(staff, (n) => n.type === 'FactSet').length, 0, 'a refusal, not the card');
      assert.equal((await bot.send(message(word, { from: ola, locale: tag }))).replies.length, 1);
    });
  }

  it('lets the Lean coach record too, and gives the form back with each problem next to its input', async () => {
    const card = answeredToPresser(
      await bot.send(
        cardAction('revision.save', { unitId: HN, round: '2026-09', version: 0, visitedOn: '2026-09-20', followUp1Text: 'Hold møtene', followUp1Owner: '', followUp1Due: '' }, { from: ingrid, locale: 'en-US' }),
      ),
    );
    const text = cardText(card);
    assert.match(text, /Please correct the marked fields/);
    assert.match(text, /Date of the visit must be between/);
    assert.match(text, /Owner is required/);
    assert.match(text, /Due is required/);
    assert.equal(input(card, 'followUp1Text')?.value, 'Hold møtene', 'what was typed is kept');
    assert.equal(await bot.ideas.get(HN, 2), undefined);
    const ok = answeredToPresser(await bot.send(cardAction('revision.save', { unitId: HN, round: '2026-09', version: 0, visitedOn: '2026-09-08' }, { from: ingrid, locale: 'en-US' })));
    assert.match(cardText(ok), /^Saved\.$/m);
  });

  it('shows a record saved in the meantime instead of overwriting it', async () => {
    await bot.send(cardAction('revision.save', { unitId: HN, round: '2026-09', version: 0, visitedOn: '2026-09-08' }, { from: ingrid, locale: 'en-US' }));
    const card = answeredToPresser(await bot.send(cardAction('revision.save', { unitId: HN, round: '2026-09', version: 0, visitedOn: '2026-09-07' }, { from: lars, locale: 'en-US' })));
    assert.match(cardText(card), /Ingrid Berg saved this revision in the meantime/);
    assert.match(cardText(card), /Visit on 8 Sept 2026, recorded by Ingrid Berg/);
  });

  it('shows at the next revision whether the previous follow-up points were closed', async () => {
    await bot.send(
      cardAction(
        'revision.save',
        {
          unitId: HN,
          round: '2026-09',
          version: 0,
          visitedOn: '2026-09-08',
          followUp1Text: 'Registrer gevinsten av HN-1',
          followUp1Owner: kari.aadObjectId,
          followUp1Due: '2026-10-15',
          followUp2Text: 'Hold tavlemøtene hver mandag',
          followUp2Owner: kari.aadObjectId,
          followUp2Due: '2026-11-01',
        },
        { from: lars, locale: 'en-US' },
      ),
    );
    await bot.services.ideaChanges.apply(kari, { unitId: HN, number: 2 }, { kind: 'completeAction', actionId: 1 });
    clock.set('2027-03-02T08:00:00Z');
    const card = answeredToPresser(await bot.send(cardAction('revision.show', { unitId: HN }, { from: lars, locale: 'en-US' })));
    const text = cardText(card);
    assert.match(text, /The last revision \(September 2026\)/);
    assert.match(text, /1 of 2 follow-up points closed/);
    assert.match(text, /Open: Hold tavlemøtene hver mandag · Kari Nilsen · due 1 Nov 2026/);
    assert.match(text, /1 follow-up point from the last revision is still open/);
    assert.deepEqual(save(card)?.data, { unitId: HN, round: '2027-03', version: 0 });
  });

  it('refuses a service-area leader of another area', async () => {
    const card = answeredToPresser(await bot.send(cardAction('revision.save', { unitId: HN, round: '2026-09', version: 0, visitedOn: '2026-09-08' }, { from: mette, locale: 'en-US' })));
    assert.match(cardText(card), /Only the unit's service-area leader, a Lean coach or an administrator holds the revision/);
    const ahead = answeredToPresser(await bot.send(cardAction('revision.save', { unitId: HN, round: '2027-03', version: 0, visitedOn: '2026-09-08' }, { from: lars, locale: 'en-US' })));
    assert.match(cardText(ahead), /I could not find that/, 'no record for a round still to come');
  });
});
