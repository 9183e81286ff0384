import assert from 'node:assert/strict';
import { Idea, IdeaStatus } from '../../src/domain/ideas';
import { Person } from '../../src/domain/people';
import { DEMO_PEOPLE } from '../../src/services/demoOrganisation';
import { CHANNEL_ID, cardAction, message } from '../support/activities';
import { BotHarness, cardOf, cardText, createBotHarness, invokeCard } from '../support/botHarness';
import { roundTripCounter } from '../support/azurite';
import { sampleIdea } from '../support/ideas';
import { CardNode as Node, validCard as asNode, answeredToPresser as answeredOnlyToPresser } from '../support/cardNodes';
import { settableClock as testClock } from '../support/clock';


interface ShownEntry {
  /** "HN-4 Title". */
  readonly heading: string;
  /** Everything the line says: heading, tags, unit, status, owner, due date. */
  readonly text: string;
  readonly open: Node;
}

const HN = 'hjemmetjenesten-nord';
const SO = 'sykehjem-ost';
const STRANGER: Person = { aadObjectId: 'dddddddd-0000-4000-8000-000000000009', name: 'Ny Person' };



/** The idea lines of a board or "my items" card, in the order shown. */
function entriesOf(card: Node): ShownEntry[] {
  return (card.body ?? [])
    .filter((node) => node.type === 'Container')
    .map((node) => {
      const [left, right] = node.items?.[0].columns ?? [];
      return { heading: left.items?.[0].text ?? '', text: cardText(left), open: right.items?.[0].actions?.[0] ?? {} };
    });
}

const headings = (card: Node) => entriesOf(card).map((e) => e.heading.split(' ')[0]);
const counts = (card: Node) => Object.fromEntries((card.body ?? []).find((n) => n.type === 'FactSet')?.facts?.map((f) => [f.title, Number(f.value)]) ?? []);
const buttons = (card: Node) => (card.actions ?? []).map((a) => a.title);
const button = (card: Node, title: string) => {
  const found = (card.actions ?? []).find((a) => a.title === title);
  assert.ok(found, `expected a "${title}" button; have ${buttons(card).join(', ')}`);
  return found;
};

/** Presses an Action.Execute button as `from`, like Teams would. */
const press = (bot: BotHarness, action: Node, options: Parameters<typeof cardAction>[2]) => bot.send(cardAction(action.verb ?? '', { ...action.data }, options));



async function submit(bot: BotHarness, who: Person, unitId: string, title: string, fields: Record<string, string> = {}): Promise<Idea> {
  const { idea } = await bot.services.ideaSubmission.submit(who, { unitId, idea: { title, type: 'improve', ...fields } });
  return idea;
}

/** Moves an idea through `statuses` as `who`, each from the version just written. */
async function move(bot: BotHarness, who: Person, idea: Idea, ...statuses: IdeaStatus[]): Promise<Idea> {
  let current = idea;
  for (const to of statuses) {
    ({ idea: current } = await bot.services.ideaChanges.apply(who, current, { kind: 'move', to, reason: 'Ikke nå' }));
  }
  return current;
}

describe('the improvement board (bot)', () => {
  const { kari, ola, siri, per } = DEMO_PEOPLE;

  describe('one unit with ideas in every state', () => {
    let bot: BotHarness;
    before(async () => {
      const clock = testClock('2026-11-16T09:00:00Z');
      bot = await createBotHarness({ clock });
      const rejected = await submit(bot, ola, HN, 'Ny kaffemaskin');
      const lateByDue = await submit(bot, ola, HN, 'Nøkkelskap ved inngangen', { dueDate: '2026-11-18' });
      clock.set('2026-11-16T10:00:00Z');
      const done = await submit(bot, ola, HN, 'Felles medisinliste');
      const planned = await submit(bot, kari, HN, 'Byttebørs for vakter', { ownerId: kari.aadObjectId, dueDate: '2026-11-20' });
      const withLateAction = await submit(bot, ola, HN, 'Færre telefoner til vaktrommet');
      await bot.services.ideaChanges.apply(kari, withLateAction, { kind: 'addAction', text: 'Ringe IT', ownerId: ola.aadObjectId, dueDate: '2026-11-19' });
      await move(bot, kari, rejected, 'rejected');
      await move(bot, kari, done, 'inProgress', 'evaluating', 'done');
      await move(bot, kari, planned, 'planned');
      assert.deepEqual([rejected, lateByDue, done, planned, withLateAction].map((i) => i.number), [1, 2, 3, 4, 5]);
      clock.set('2026-11-25T09:00:00Z');
      await submit(bot, kari, HN, 'Nyeste forslag');
      // In another unit: never on Hjemmetjenesten nord's board.
      await submit(bot, siri, SO, 'Sykehjemmets egen idé');
    });

    it('shows the unit leader the board 1:1: counts per status, overdue first, then newest, then benefit missing', async () => {
      const { replies } = await bot.send(message('tavle', { from: kari, locale: 'nb-NO' }));
      assert.equal(replies.length, 1);
      const card = asNode(cardOf(replies[0]));
      assert.match(cardText(card), /Forbedringstavle – Hjemmetjenesten nord/);
      // The board is live work: the rejected HN-1 is history, under "Ferdig dette kvartalet".
      assert.deepEqual(counts(card), { Ny: 3, Planlagt: 1, Pågår: 0, Evalueres: 0, Parkert: 0, 'Ferdig, gevinst eller tiltak gjenstår': 1 });
      // HN-2 is due 18 Nov, HN-5 has an action due 19 Nov, HN-4 is due 20 Nov: oldest due first.
      assert.deepEqual(headings(card), ['HN-2', 'HN-5', 'HN-4', 'HN-6', 'HN-3'], 'rejected HN-1 is not on the board');
      const [lateByDue, lateAction, planned, newest, done] = entriesOf(card);
      assert.equal(lateByDue.heading, 'HN-2 Nøkkelskap ved inngangen');
      assert.match(lateByDue.text, /FORFALT/);
      assert.match(lateByDue.text, /Ny · ingen ansvarlig · frist 18\.11\.2026/);
      assert.match(lateAction.text, /FORFALT/);
      assert.match(planned.text, /Planlagt · Kari Nilsen · frist 20\.11\.2026/);
      assert.doesNotMatch(newest.text, /FORFALT|GEVINST MANGLER/);
      assert.match(done.text, /GEVINST MANGLER/);
      assert.doesNotMatch(done.text, /FORFALT/);
      assert.deepEqual(lateByDue.open, { type: 'Action.Execute', verb: 'idea.open', title: 'Åpne', data: { unitId: HN, number: 2 } });
      assert.doesNotMatch(cardText(card), /Side \d|Sykehjemmets/, 'one page, one unit');
      assert.deepEqual(buttons(card), ['Ferdig dette kvartalet', 'Oppdater']);
    });

    it('shows what was done and rejected this quarter when asked, and leads back to the board', async () => {
      const board = asNode(cardOf((await bot.send(message('tavle', { from: kari, locale: 'nb-NO' }))).replies[0]));
      const closed = answeredOnlyToPresser(await press(bot, button(board, 'Ferdig dette kvartalet'), { from: kari, locale: 'nb-NO' }));
      assert.match(cardText(closed), /Ferdig og avvist dette kvartalet – Hjemmetjenesten nord/);
      assert.deepEqual(counts(closed), { Ferdig: 1, Avvist: 1 });
      assert.deepEqual(headings(closed), ['HN-3', 'HN-1']);
      assert.match(cardText(closed), /Avvist · 16\.11\.2026/);
      const back = answeredOnlyToPresser(await press(bot, button(closed, 'Tilbake til tavla'), { from: kari, locale: 'nb-NO' }));
      assert.deepEqual(headings(back), headings(board));
    });

    it('opens an item from the board, and the item leads back to the board', async () => {
      const board = asNode(cardOf((await bot.send(message('tavle', { from: kari, locale: 'nb-NO' }))).replies[0]));
      const item = answeredOnlyToPresser(await press(bot, entriesOf(board)[0].open, { from: kari, locale: 'nb-NO' }));
      assert.match(cardText(item), /HN-2 Nøkkelskap ved inngangen/);
      const back = answeredOnlyToPresser(await press(bot, button(item, 'Tilbake til tavla'), { from: kari, locale: 'nb-NO' }));
      assert.deepEqual(headings(back), headings(board));
    });

    it('answers in the user\'s language', async () => {
      const en = asNode(cardOf((await bot.send(message('board', { from: kari, locale: 'en-GB' }))).replies[0]));
      assert.match(cardText(en), /Improvement board – Hjemmetjenesten nord/);
      assert.deepEqual(counts(en), { New: 3, Planned: 1, 'In progress': 0, Evaluating: 0, Parked: 0, 'Done, benefit or action still open': 1 });
      assert.match(entriesOf(en)[0].text, /OVERDUE[\s\S]*New · no owner · due 18 Nov 2026/);
      assert.match(entriesOf(en)[4].text, /BENEFIT MISSING/);
      assert.deepEqual(buttons(en), ['Done this quarter', 'Refresh']);

      const da = asNode(cardOf((await bot.send(message('tavle', { from: kari, locale: 'da-DK' }))).replies[0]));
      assert.deepEqual(counts(da), { Ny: 3, Planlagt: 1, 'I gang': 0, Evalueres: 0, Parkeret: 0, 'Færdig, gevinst eller handling mangler': 1 });
      assert.match(entriesOf(da)[0].text, /OVERSKREDET[\s\S]*Ny · ingen ansvarlig · frist 18\.11\.2026/);
      assert.equal(entriesOf(da)[0].open.title, 'Åbn');
    });

    it('refuses a leader from another unit who asks for this board, even with a forged card action', async () => {
      for (const [locale, refusal] of [
        ['nb-NO', /Du har ikke tilgang til å gjøre dette\. Bare enhetens medarbeidere/],
        ['da-DK', /Du har ikke adgang til at gøre dette\. Kun afdelingens medarbejdere/],
        ['en-GB', /You are not allowed to do that\. Only people in the unit/],
      ] as const) {
        const answer = answeredOnlyToPresser(await bot.send(cardAction('board.show', { unitId: HN }, { from: per, locale })));
        assert.match(cardText(answer), refusal);
        assert.doesNotMatch(cardText(answer), /Nøkkelskap|HN-2/, 'nothing of the board is shown');
      }
      const unknown = answeredOnlyToPresser(await bot.send(cardAction('board.show', { unitId: 'no-such-unit' }, { from: kari, locale: 'nb-NO' })));
      assert.match(cardText(unknown), /Jeg fant det ikke/);
      const missing = answeredOnlyToPresser(await bot.send(cardAction('board.show', {}, { from: kari, locale: 'nb-NO' })));
      assert.match(cardText(missing), /Jeg fant det ikke/);
    });

    it('shows the unit in its linked channel to a member of two units without asking, and refuses an outsider there', async () => {
      const linked = await bot.send(cardAction('setup.link', { unitId: HN }, { where: 'channel', from: kari, locale: 'nb-NO' }));
      assert.match(cardText(invokeCard(linked)), /Denne kanalen hører til Hjemmetjenesten nord/);
      const { replies } = await bot.send(message('tavle', { where: 'channel', channelId: CHANNEL_ID, from: ola, locale: 'nb-NO' }));
      const card = asNode(cardOf(replies[0]));
      assert.match(cardText(card), /Forbedringstavle – Hjemmetjenesten nord/);
      assert.equal(headings(card)[0], 'HN-2');
      // Teams adds ";messageid=..." when the command is a reply in a thread: still the same channel.
      const inThread = await bot.send(message('board', { where: 'channel', channelId: `${CHANNEL_ID};messageid=1700000000000`, from: ola, locale: 'en-GB' }));
      assert.match(cardText(cardOf(inThread.replies[0])), /Improvement board – Hjemmetjenesten nord/);

      const outsider = await bot.send(message('tavle', { where: 'channel', channelId: CHANNEL_ID, from: per, locale: 'nb-NO' }));
      assert.equal(cardOf(outsider.replies[0]), undefined);
      assert.match(String(outsider.replies[0].text), /Du har ikke tilgang til å gjøre dette\. Bare enhetens medarbeidere/);
    });
  });

  describe('who sees which board', () => {
    let bot: BotHarness;
    before(async () => {
      bot = await createBotHarness();
      await submit(bot, siri, SO, 'Bedre rutiner for kveldsmat');
    });

    it('asks a member of two units which board, and shows the chosen one to them only', async () => {
      const { replies } = await bot.send(message('tavle', { from: ola, locale: 'nb-NO' }));
      const choose = asNode(cardOf(replies[0]));
      assert.match(cardText(choose), /Hvilken enhets tavle vil du se\?/);
      const picker = (choose.body ?? []).find((n) => n.type === 'Input.ChoiceSet');
      assert.deepEqual(picker?.choices?.map((c) => c.title), ['Hjemmetjenesten nord', 'Sykehjem øst']);
      const show = choose.actions?.[0];
      assert.ok(show);
      assert.deepEqual({ verb: show.verb, title: show.title }, { verb: 'board.show', title: 'Vis tavla' });
      // Teams sends the chosen unit as the picker's input value with the button's data.
      const board = answeredOnlyToPresser(await press(bot, { ...show, data: { unitId: SO } }, { from: ola, locale: 'nb-NO' }));
      assert.match(cardText(board), /Forbedringstavle – Sykehjem øst/);
      assert.deepEqual(headings(board), ['SO-1']);

      const da = asNode(cardOf((await bot.send(message('forbedringstavle', { from: ola, locale: 'da-DK' }))).replies[0]));
      assert.match(cardText(da), /Hvilken afdelings tavle vil du se\?[\s\S]*Vis tavlen/);
    });

    it('tells someone in no unit that there is no board, in their language', async () => {
      for (const [locale, text] of [
        ['nb-NO', 'Du er ikke med i noen enhet ennå, så det finnes ingen tavle å vise.'],
        ['da-DK', 'Du er ikke med i nogen afdeling endnu, så der er ingen tavle at vise.'],
        ['en-GB', 'You are not in any unit yet, so there is no board to show.'],
      ] as const) {
        const { replies } = await bot.send(message('tavle', { from: STRANGER, locale }));
        assert.equal(replies.length, 1);
        assert.equal(replies[0].text, text);
      }
    });

    it('shows an empty board with a nudge to propose the next idea', async () => {
      const { replies } = await bot.send(message('board', { from: kari, locale: 'en-GB' }));
      const card = asNode(cardOf(replies[0]));
      assert.match(cardText(card), /Nothing needs attention\. Propose the next idea!/);
      assert.deepEqual(entriesOf(card), []);
      assert.equal(Object.values(counts(card)).reduce((a, b) => a + b, 0), 0);
    });
  });

  describe('paging', () => {
    let bot: BotHarness;
    before(async () => {
      bot = await createBotHarness();
      for (let i = 1; i <= 20; i++) await submit(bot, siri, SO, `Idé nummer ${i} ${'med en lang tittel '.repeat(6)}`.slice(0, 120));
    });

    it('shows 8 per page, newest first, with working Next and Previous for the presser only', async () => {
      const first = asNode(cardOf((await bot.send(message('tavle', { from: siri, locale: 'nb-NO' }))).replies[0]));
      assert.deepEqual(headings(first), ['SO-20', 'SO-19', 'SO-18', 'SO-17', 'SO-16', 'SO-15', 'SO-14', 'SO-13']);
      assert.match(cardText(first), /Side 1 av 3/);
      assert.deepEqual(buttons(first), ['Neste', 'Ferdig dette kvartalet', 'Oppdater']);
      assert.equal(counts(first).Ny, 20);

      const second = answeredOnlyToPresser(await press(bot, button(first, 'Neste'), { from: siri, locale: 'nb-NO' }));
      assert.deepEqual(headings(second), ['SO-12', 'SO-11', 'SO-10', 'SO-9', 'SO-8', 'SO-7', 'SO-6', 'SO-5']);
      assert.match(cardText(second), /Side 2 av 3/);
      assert.deepEqual(buttons(second), ['Forrige', 'Neste', 'Ferdig dette kvartalet', 'Oppdater']);

      const third = answeredOnlyToPresser(await press(bot, button(second, 'Neste'), { from: siri, locale: 'nb-NO' }));
      assert.deepEqual(headings(third), ['SO-4', 'SO-3', 'SO-2', 'SO-1']);
      assert.deepEqual(buttons(third), ['Forrige', 'Ferdig dette kvartalet', 'Oppdater']);

      const back = answeredOnlyToPresser(await press(bot, button(third, 'Forrige'), { from: siri, locale: 'nb-NO' }));
      assert.deepEqual(headings(back), headings(second));
      const refreshed = answeredOnlyToPresser(await press(bot, button(back, 'Oppdater'), { from: siri, locale: 'nb-NO' }));
      assert.match(cardText(refreshed), /Side 2 av 3/);
    });

    it('clamps a page that does not exist', async () => {
      const cases: [unknown, string][] = [[99, 'Side 3 av 3'], [-2, 'Side 1 av 3'], ['x', 'Side 1 av 3'], ['2', 'Side 2 av 3'], [2.7, 'Side 2 av 3']];
      for (const [page, shown] of cases) {
        const card = answeredOnlyToPresser(await bot.send(cardAction('board.show', { unitId: SO, page }, { from: siri, locale: 'nb-NO' })));
        assert.match(cardText(card), new RegExp(shown), `page ${String(page)}`);
      }
    });
  });

  describe('my items', () => {
    let bot: BotHarness;
    before(async () => {
      const clock = testClock('2026-11-16T09:00:00Z');
      bot = await createBotHarness({ clock });
      await submit(bot, ola, HN, 'Olas idé i hjemmetjenesten');
      clock.set('2026-11-16T10:00:00Z');
      await submit(bot, ola, SO, 'Olas idé på sykehjemmet', { dueDate: '2026-12-10' });
      const karis = await submit(bot, kari, HN, 'Karis idé med Olas tiltak');
      await bot.services.ideaChanges.apply(kari, karis, { kind: 'addAction', text: 'Ola ringer leverandøren', ownerId: ola.aadObjectId, dueDate: '2026-11-18' });
      await submit(bot, kari, HN, 'Karis idé uten Ola');
      await submit(bot, siri, SO, 'Siris idé uten Ola');
      const rejected = await submit(bot, ola, SO, 'Olas avviste idé');
      await move(bot, siri, rejected, 'rejected');
      clock.set('2026-11-25T09:00:00Z');
    });

    it('lists what Ola submitted in both his units and the action he owns, overdue first, with each unit named', async () => {
      const { replies } = await bot.send(message('mine', { from: ola, locale: 'nb-NO' }));
      const card = asNode(cardOf(replies[0]));
      assert.match(cardText(card), /Mine saker/);
      assert.deepEqual(
        entriesOf(card).map((e) => e.heading),
        ['HN-2 Karis idé med Olas tiltak', 'SO-1 Olas idé på sykehjemmet', 'HN-1 Olas idé i hjemmetjenesten'],
        'the overdue action first, then by due date; others\' ideas and closed ones are not listed',
      );
      const [action, nursingHome, homeCare] = entriesOf(card);
      assert.match(action.text, /FORFALT[\s\S]*Hjemmetjenesten nord/);
      assert.match(nursingHome.text, /Sykehjem øst[\s\S]*Ny · ingen ansvarlig · frist 10\.12\.2026/);
      assert.doesNotMatch(nursingHome.text, /FORFALT/);
      assert.match(homeCare.text, /Hjemmetjenesten nord/);
      assert.deepEqual(nursingHome.open.data, { unitId: SO, number: 1 });
      assert.deepEqual(buttons(card), ['Oppdater']);

      const refreshed = answeredOnlyToPresser(await press(bot, button(card, 'Oppdater'), { from: ola, locale: 'nb-NO' }));
      assert.deepEqual(headings(refreshed), ['HN-2', 'SO-1', 'HN-1']);
      const item = answeredOnlyToPresser(await press(bot, nursingHome.open, { from: ola, locale: 'nb-NO' }));
      assert.match(cardText(item), /SO-1 Olas idé på sykehjemmet/);
    });

    it('answers "my items" and "mine sager" in the user\'s language, in chat or in a channel', async () => {
      const en = asNode(cardOf((await bot.send(message('my items', { from: ola, locale: 'en-GB' }))).replies[0]));
      assert.match(cardText(en), /My items[\s\S]*OVERDUE/);
      assert.equal(entriesOf(en)[0].open.title, 'Open');
      const da = asNode(cardOf((await bot.send(message('mine sager', { where: 'channel', from: ola, locale: 'da-DK' }))).replies[0]));
      assert.match(cardText(da), /Mine sager[\s\S]*OVERSKREDET/);
      assert.equal(entriesOf(da).length, 3);
    });

    it('tells someone with nothing waiting so', async () => {
      const card = asNode(cardOf((await bot.send(message('mine', { from: per, locale: 'nb-NO' }))).replies[0]));
      assert.match(cardText(card), /Ingenting venter på deg\. Bra jobbet!/);
      assert.deepEqual(entriesOf(card), []);
      const stranger = asNode(cardOf((await bot.send(message('my items', { from: STRANGER, locale: 'en-GB' }))).replies[0]));
      assert.match(cardText(stranger), /Nothing is waiting for you/);
    });
  });

  describe('cost', () => {
    it('builds the board from one storage query per view, after the organisation is cached', async () => {
      const counter = roundTripCounter();
      const bot = await createBotHarness({ policies: [counter.policy] });
      await submit(bot, kari, HN, 'Én idé');
      await submit(bot, ola, HN, 'To idé');
      await submit(bot, ola, SO, 'Tre idé');
      // Warms the organisation cache and remembers Kari and Ola, as any first message would.
      await bot.send(message('hjelp', { from: kari, locale: 'nb-NO' }));
      await bot.send(message('hjelp', { from: ola, locale: 'nb-NO' }));

      counter.reset();
      const shown = answeredOnlyToPresser(await bot.send(cardAction('board.show', { unitId: HN }, { from: kari, locale: 'nb-NO' })));
      assert.deepEqual(headings(shown), ['HN-2', 'HN-1']);
      assert.equal(counter.count(), 1, 'board.show');

      counter.reset();
      await bot.send(message('tavle', { from: kari, locale: 'nb-NO' }));
      assert.equal(counter.count(), 1, 'the "tavle" command');

      counter.reset();
      const mine = asNode(cardOf((await bot.send(message('mine', { from: ola, locale: 'nb-NO' }))).replies[0]));
      assert.equal(entriesOf(mine).length, 2);
      assert.equal(counter.count(), 3, 'my items: one read of Ola’s work index, then one query of live work per unit he has something in');

      await bot.send(message('hjelp', { from: per, locale: 'nb-NO' }));
      counter.reset();
      await bot.send(message('mine', { from: per, locale: 'nb-NO' }));
      assert.equal(counter.count(), 3, 'Per has nothing of his own: his work index, then the live work of the two units he leads, for what waits for his decision');
    });

    it('shows page 1 of a board of 500 ideas from one query, as a small valid card', async () => {
      const counter = roundTripCounter();
      const bot = await createBotHarness({ policies: [counter.policy], clock: testClock('2026-03-01T09:00:00Z') });
      const at = (n: number) => new Date(Date.UTC(2026, 0, 1) + n * 60_000).toISOString();
      // Straight into the table: one unit's ideas share a counter, so they are written one after another.
      for (let n = 1; n <= 500; n++) {
        await bot.ideas.create(
          HN,
          (number) => ({
            ...sampleIdea({ unitId: HN, number, title: `Forslag ${number} ${'x'.repeat(100)}`, createdAt: at(number) }),
            ...(number % 7 === 0 ? { dueDate: '2026-02-01' } : {}),
            lastChange: { id: `change-${number}`, by: { id: ola.aadObjectId, name: ola.name }, at: at(number), what: 'submitted' },
          }),
          (idea) => ({ at: idea.createdAt, by: idea.submitter, what: 'submitted', detail: idea.title }),
        );
      }
      await bot.send(message('hjelp', { from: kari, locale: 'nb-NO' }));

      counter.reset();
      const card = answeredOnlyToPresser(await bot.send(cardAction('board.show', { unitId: HN }, { from: kari, locale: 'nb-NO' })));
      assert.equal(counter.count(), 1);
      assert.equal(counts(card).Ny, 500);
      assert.match(cardText(card), /Side 1 av 63/);
      const shown = entriesOf(card);
      assert.equal(shown.length, 8);
      assert.deepEqual(shown.map((e) => e.heading.split(' ')[0]), ['HN-497', 'HN-490', 'HN-483', 'HN-476', 'HN-469', 'HN-462', 'HN-455', 'HN-448'], 'overdue first (same due date: newest first)');
      assert.ok(shown.every((e) => /FORFALT/.test(e.text)));
    });
  });
});
