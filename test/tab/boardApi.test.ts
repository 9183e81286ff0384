import assert from 'node:assert/strict';
import { Idea, IdeaStatus } from '../../src/domain/ideas';
import { Person } from '../../src/domain/people';
import { DEMO_PEOPLE } from '../../src/services/demoOrganisation';
import { BoardDto, CardDto, ClosedDto, ItemDto, MeDto, MineDto, RefusalDto } from '../../src/tab/contract';
import { CHANNEL_ID } from '../support/activities';
import { roundTripCounter } from '../support/azurite';
import { settableClock } from '../support/clock';
import { TabEdge, startTabEdge } from '../support/tabEdge';

const HN = 'hjemmetjenesten-nord';
const { kari, ola, ingrid, per, lars } = DEMO_PEOPLE;

/**
 * The tab's JSON API over the real HTTP server, services and Azurite: what each person sees,
 * and every board action with the refusals the cards give (role, stale version, invalid move).
 */
describe('tab API: the board', () => {
  let edge: TabEdge;
  const clock = settableClock('2026-11-20T09:00:00.000Z');
  const counter = roundTripCounter();

  before(async () => {
    edge = await startTabEdge({ clock, policies: [counter.policy] });
  });
  after(() => edge.stop());

  const json = async <T>(res: Response): Promise<T> => (await res.json()) as T;
  const submit = async (who: Person, title: string, fields: Record<string, string | string[]> = {}): Promise<Idea> =>
    (await edge.bot.services.ideaSubmission.submit(who, { unitId: HN, idea: { title, type: 'improve', ...fields } })).idea;
  const board = async (who: Person) => json<BoardDto>(await edge.api(who, `/units/${HN}/board`));
  const cardIn = (data: BoardDto, number: number): CardDto | undefined => Object.values(data.columns).flat().find((card) => card.number === number);
  const columnOf = (data: BoardDto, number: number): string | undefined => Object.entries(data.columns).find(([, cards]) => cards.some((card) => card.number === number))?.[0];
  const change = (who: Person, number: number, body: unknown, headers: Record<string, string> = {}) => edge.api(who, `/units/${HN}/ideas/${number}/changes`, { body, headers });
  const move = (who: Person, idea: Pick<Idea, 'number' | 'version'>, to: IdeaStatus, reason?: string) => change(who, idea.number, { kind: 'move', version: idea.version, to, ...(reason ? { reason } : {}) });

  describe('who sees what', () => {
    it('lists the units each person may see, with their roles and the organisation’s language', async () => {
      const names = async (who: Person) => (await json<MeDto>(await edge.api(who, '/me'))).units.map((u) => u.code).sort();
      assert.deepEqual(await names(kari), ['HN']);
      assert.deepEqual(await names(ola), ['HN', 'SO']);
      assert.deepEqual(await names(per), ['BE', 'VP']);
      assert.deepEqual(await names(ingrid), ['BE', 'HN', 'SO', 'VP']);
      const me = await json<MeDto>(await edge.api(kari, '/me'));
      assert.deepEqual(me.person, { id: kari.aadObjectId, name: 'Kari Nilsen' });
      assert.deepEqual(me.roles, ['unitLeader', 'member']);
      assert.equal(me.language, 'nb');
    });

    it('names the unit linked to a channel, only to those who may see its board', async () => {
      await edge.bot.organisation.updateUnit(HN, (u) => ({ ...u, channel: { conversationId: CHANNEL_ID, teamId: 't', tenantId: 'x', serviceUrl: 'https://s/' } }));
      edge.bot.directory.invalidate();
      const channel = async (who: Person, id: string) => (await json<MeDto>(await edge.api(who, `/me?channel=${encodeURIComponent(id)}`))).channel;
      assert.deepEqual(await channel(ola, `${CHANNEL_ID};messageid=17`), { linked: true, unit: { id: HN, code: 'HN', name: 'Hjemmetjenesten nord' } });
      assert.deepEqual(await channel(per, CHANNEL_ID), { linked: true });
      assert.deepEqual(await channel(ola, '19:other@thread.tacv2'), { linked: false });
      const bad = await edge.api(ola, '/me?channel=%3Cscript%3E');
      assert.equal(bad.status, 400);
    });

    it('refuses the board to someone outside the unit, in their language', async () => {
      const res = await edge.api(per, `/units/${HN}/board`, { headers: { 'accept-language': 'nb-NO' } });
      assert.equal(res.status, 403);
      assert.deepEqual(await res.json(), { error: 'forbidden', message: 'Du har ikke tilgang til å gjøre dette.' });
    });
  });

  describe('the board', () => {
    let ideas: Record<'fresh' | 'planned' | 'overdue' | 'done', Idea>;

    before(async () => {
      clock.set('2026-11-10T09:00:00.000Z');
      const fresh = await submit(ola, 'Færre vaktbytter', { wastes: ['waiting'] });
      let planned = (await edge.bot.services.ideaChanges.apply(kari, { unitId: HN, number: (await submit(kari, 'Nøkkelboks', { type: 'create' })).number }, { kind: 'move', to: 'planned' })).idea;
      planned = (await edge.bot.services.ideaChanges.apply(kari, planned, { kind: 'assign', ownerId: ola.aadObjectId, dueDate: '2026-12-01' })).idea;
      planned = (await edge.bot.services.ideaChanges.apply(kari, planned, { kind: 'prioritise', effort: 'easy', impact: 'high' })).idea;
      let overdue = await submit(kari, 'Turnus for helg', { type: 'remove' });
      for (const to of ['planned', 'inProgress'] as const) overdue = (await edge.bot.services.ideaChanges.apply(kari, overdue, { kind: 'move', to })).idea;
      overdue = (await edge.bot.services.ideaChanges.apply(kari, overdue, { kind: 'assign', ownerId: kari.aadObjectId, dueDate: '2026-11-15' })).idea;
      let done = await submit(kari, 'Felles medisinrom');
      for (const to of ['planned', 'inProgress', 'evaluating', 'done'] as const) done = (await edge.bot.services.ideaChanges.apply(kari, done, { kind: 'move', to })).idea;
      clock.set('2026-11-20T09:00:00.000Z');
      ideas = { fresh, planned, overdue, done };
    });

    it('lays live work out in PDCA columns, each card with id, title, owner, due date, overdue, effort × impact and benefit missing', async () => {
      const data = await board(kari);
      assert.deepEqual(data.unit, { id: HN, code: 'HN', name: 'Hjemmetjenesten nord' });
      assert.equal(columnOf(data, ideas.fresh.number), 'new');
      assert.equal(columnOf(data, ideas.planned.number), 'planned');
      assert.equal(columnOf(data, ideas.overdue.number), 'inProgress');
      assert.equal(columnOf(data, ideas.done.number), 'done');
      const planned = cardIn(data, ideas.planned.number)!;
      assert.deepEqual(
        { shortId: planned.shortId, title: planned.title, owner: planned.owner, dueDate: planned.dueDate, overdue: planned.overdue, effort: planned.effort, impact: planned.impact, type: planned.type },
        { shortId: `HN-${ideas.planned.number}`, title: 'Nøkkelboks', owner: { id: ola.aadObjectId, name: 'Ola Bakken' }, dueDate: '2026-12-01', overdue: false, effort: 'easy', impact: 'high', type: 'create' },
      );
      assert.equal(cardIn(data, ideas.overdue.number)?.overdue, true);
      assert.equal(cardIn(data, ideas.done.number)?.benefitMissing, true);
      assert.equal(data.canPlan, true);
    });

    it('tells each person which cards are theirs and which moves they may make', async () => {
      const forOla = await board(ola);
      assert.equal(cardIn(forOla, ideas.fresh.number)?.mine, true, 'Ola proposed it');
      assert.equal(cardIn(forOla, ideas.overdue.number)?.mine, false);
      assert.deepEqual(cardIn(forOla, ideas.fresh.number)?.moves, [], 'a staff member may not move an idea they do not own');
      assert.deepEqual(cardIn(forOla, ideas.planned.number)?.moves, ['inProgress', 'new'], 'the owner moves it along, but cannot park or reject it');
      assert.equal(forOla.canPlan, false);
      assert.deepEqual(cardIn(await board(kari), ideas.fresh.number)?.moves, ['planned', 'inProgress', 'parked', 'rejected']);
    });

    it('reads the board in at most two storage round trips, however long the history', async () => {
      await board(kari);
      counter.reset();
      await board(kari);
      assert.ok(counter.count() <= 2, `${counter.count()} round trips`);
    });

    it('moves a card for a leader, by the same rules as the card: the next board shows it moved', async () => {
      const current = cardIn(await board(kari), ideas.fresh.number)!;
      const res = await move(kari, current, 'planned');
      assert.equal(res.status, 200);
      assert.deepEqual(await res.json(), { unitId: HN, number: ideas.fresh.number, status: 'planned', version: current.version + 1 });
      assert.equal(columnOf(await board(ola), ideas.fresh.number), 'planned');
      const history = await edge.bot.ideas.history(HN, ideas.fresh.number);
      assert.equal(history.at(-1)?.detail, 'new -> planned');
    });

    it('refuses a move by someone without the right (403, in their language), and changes nothing', async () => {
      const before = cardIn(await board(ola), ideas.overdue.number)!;
      const res = await move(ola, before, 'evaluating');
      assert.equal(res.status, 403);
      assert.deepEqual(await res.json(), { error: 'forbidden', message: 'You are not allowed to do that.' });
      const dansk = await change(ola, before.number, { kind: 'move', version: before.version, to: 'evaluating' }, { 'accept-language': 'da-DK' });
      assert.equal(((await dansk.json()) as RefusalDto).message, 'Du har ikke adgang til at gøre dette.');
      assert.equal(cardIn(await board(kari), ideas.overdue.number)?.version, before.version);
    });

    it('refuses a move from a stale version with 409, saying who changed it, and the card as it is now', async () => {
      const seen = cardIn(await board(kari), ideas.planned.number)!;
      assert.equal((await move(ola, seen, 'inProgress')).status, 200, 'the owner moves it on first');
      const res = await move(kari, seen, 'new');
      assert.equal(res.status, 409);
      const refusal = (await res.json()) as RefusalDto;
      assert.equal(refusal.error, 'staleCard');
      assert.match(refusal.message, /^Ola Bakken changed this at \d\d:\d\d\. This is the current version; please try again\.$/);
      assert.equal(refusal.current?.status, 'inProgress');
      assert.equal(refusal.current?.version, seen.version + 1);
    });

    it('refuses a move the board does not allow with 422 and says where it cannot go', async () => {
      const card = cardIn(await board(kari), ideas.overdue.number)!;
      const skip = await move(kari, card, 'done');
      assert.equal(skip.status, 422);
      assert.equal(((await skip.json()) as RefusalDto).message, 'It cannot go to Done from where it is now.');
      const nonsense = await change(kari, card.number, { kind: 'move', version: card.version, to: 'finished' });
      assert.equal(nonsense.status, 422);
      assert.equal(cardIn(await board(kari), ideas.overdue.number)?.version, card.version);
    });

    it('asks for a reason to park a card, then parks it (folded away below the board) and tells the submitter', async () => {
      const card = cardIn(await board(kari), ideas.fresh.number)!;
      const without = await move(kari, card, 'parked');
      assert.equal(without.status, 422);
      const refusal = (await without.json()) as RefusalDto;
      assert.deepEqual(Object.keys(refusal.fields ?? {}), ['reason']);
      assert.match(refusal.message, /^Reason \(required when parking or rejecting\) is required\.$/);
      const sent = edge.bot.notifications.sent.length;
      assert.equal((await move(kari, card, 'parked', 'Ikke nå')).status, 200);
      const data = await board(kari);
      assert.equal(columnOf(data, card.number), undefined);
      assert.deepEqual(data.parked.map((c) => c.number), [card.number]);
      assert.deepEqual(edge.bot.notifications.sent.slice(sent).map((n) => [n.to, n.notification.kind]), [[`person:${ola.aadObjectId}`, 'ideaStopped']]);
    });

    it('sets owner and due date, and priority, for a leader only; a past date or a stranger is refused by field', async () => {
      const card = cardIn(await board(kari), ideas.overdue.number)!;
      const ok = await change(kari, card.number, { kind: 'assign', version: card.version, ownerId: ola.aadObjectId, dueDate: '2026-12-10' });
      assert.equal(ok.status, 200);
      const after = cardIn(await board(kari), card.number)!;
      assert.deepEqual([after.owner?.name, after.dueDate, after.overdue], ['Ola Bakken', '2026-12-10', false]);
      const past = await change(kari, card.number, { kind: 'assign', version: after.version, ownerId: ola.aadObjectId, dueDate: '2026-11-01' });
      assert.equal(past.status, 422);
      assert.deepEqual(((await past.json()) as RefusalDto).fields, { dueDate: 'Due cannot be in the past.' });
      const stranger = await change(kari, card.number, { kind: 'assign', version: after.version, ownerId: per.aadObjectId, dueDate: '' });
      assert.equal(stranger.status, 422);
      assert.equal((await change(ola, card.number, { kind: 'prioritise', version: after.version, effort: 'hard', impact: 'low' })).status, 403);
      assert.equal((await change(kari, card.number, { kind: 'prioritise', version: after.version, effort: 'hard', impact: 'low' })).status, 200);
      assert.deepEqual([cardIn(await board(kari), card.number)?.effort, cardIn(await board(kari), card.number)?.impact], ['hard', 'low']);
    });

    it('opens an item with its details, history and what this person may do; comments are added and shown', async () => {
      const number = ideas.overdue.number;
      assert.equal((await edge.api(ola, `/units/${HN}/ideas/${number}/comments`, { body: { text: 'Jeg kan ta denne.' } })).status, 201);
      assert.equal((await edge.api(ola, `/units/${HN}/ideas/${number}/comments`, { body: { text: '   ' } })).status, 422);
      const item = await json<ItemDto>(await edge.api(ola, `/units/${HN}/ideas/${number}`));
      assert.equal(item.card.shortId, `HN-${number}`);
      assert.equal(item.submitter.name, 'Kari Nilsen');
      assert.deepEqual(item.comments.map((c) => [c.by.name, c.text]), [['Ola Bakken', 'Jeg kan ta denne.']]);
      assert.deepEqual(item.history.map((h) => h.what).slice(0, 3), ['priority', 'assigned', 'assigned']);
      assert.deepEqual(item.can, { plan: false, comment: true, addAction: true });
      assert.deepEqual(item.card.moves, ['evaluating', 'planned'], 'Ola owns it now');
      assert.ok(item.people.some((p) => p.name === 'Kari Nilsen'));
      assert.equal((await edge.api(per, `/units/${HN}/ideas/${number}`)).status, 403);
      assert.equal((await edge.api(kari, `/units/${HN}/ideas/9999`)).status, 404);
    });

    it('shows this quarter’s done and rejected ideas only when asked', async () => {
      const card = cardIn(await board(kari), ideas.planned.number)!;
      assert.equal((await move(kari, card, 'evaluating')).status, 200);
      const closed = await json<ClosedDto>(await edge.api(kari, `/units/${HN}/closed`));
      assert.equal(closed.from, '2026-10-01');
      assert.deepEqual(closed.entries.map((c) => c.number), [ideas.done.number]);
      assert.deepEqual([closed.done, closed.rejected, closed.page, closed.pages], [1, 0, 1, 1]);
      assert.equal((await edge.api(kari, `/units/${HN}/closed?page=x`)).status, 400);
    });

    it('lists my items across my units', async () => {
      const mine = await json<MineDto>(await edge.api(ola, '/mine'));
      assert.ok(mine.entries.length >= 2);
      assert.ok(mine.entries.every((entry) => entry.mine && entry.unit.id === HN));
    });
  });

  describe('refusals before anything is read', () => {
    it('answers a request without a valid session with 401 before reading its body', async () => {
      for (const headers of [{} as Record<string, string>, { authorization: 'Bearer nonsense' }, { authorization: 'Basic a2FyaTpwYXNz' }, { authorization: `Bearer ${'a'.repeat(9000)}.b.c` }]) {
        const res = await edge.api(undefined, `/units/${HN}/ideas/1/changes`, { body: '{not json', headers });
        assert.equal(res.status, 401);
        assert.deepEqual(await res.json(), { error: 'unauthorized', message: 'You are not signed in.' });
      }
      assert.equal((await edge.api(undefined, '/me')).status, 401);
    });

    it('answers ids of the wrong shape as not found without asking storage', async () => {
      await edge.api(kari, '/me');
      for (const path of [`/units/NOT_A_UNIT/board`, `/units/${HN}/ideas/0`, `/units/${HN}/ideas/12345678`, `/units/${HN}/ideas/1x`]) {
        counter.reset();
        const res = await edge.api(kari, path);
        assert.equal(res.status, 404, path);
        assert.equal(counter.count(), 0, `${path}: no storage call`);
      }
    });

    it('refuses malformed bodies with 4xx and a short JSON answer, never 5xx', async () => {
      const cases: [unknown, Record<string, string>, number][] = [
        ['{not json', {}, 400],
        [{ kind: 'move', version: 1 }, {}, 400],
        [{ kind: 'move', version: 1, to: 'planned', extra: true }, {}, 400],
        [{ kind: 'delete', version: 1 }, {}, 400],
        [{ kind: 'move', version: -1, to: 'planned' }, {}, 400],
        [{ kind: 'completeAction', version: 1, actionId: 0 }, {}, 400],
        [{ kind: 'move', version: 1, to: 'planned' }, { 'content-type': 'text/plain' }, 415],
        [{ kind: 'move', version: 1, to: 'planned' }, { 'content-encoding': 'gzip' }, 415],
        [{ kind: 'move', version: 1, to: 'x'.repeat(40_000) }, {}, 413],
        [{ kind: 'move', version: 1, to: 'planned' }, { 'content-length': '99999999' }, 413],
        [{ kind: 'move', version: 1.5, to: 'planned' }, {}, 400],
        [[{ kind: 'move', version: 1, to: 'planned' }], {}, 400],
      ];
      for (const [body, headers, status] of cases) {
        const res = await change(kari, 1, body, headers).catch(() => undefined);
        if (!res) continue; // a lying content-length may make fetch itself give up
        assert.equal(res.status, status, JSON.stringify(body).slice(0, 60));
        const refusal = (await res.json()) as RefusalDto;
        assert.equal(typeof refusal.error, 'string');
      }
    });

    it('logs ids and codes, not names or texts', async () => {
      const lines = JSON.stringify(edge.logger.lines);
      assert.doesNotMatch(lines, /Kari Nilsen|Ola Bakken|Færre vaktbytter|Jeg kan ta denne/);
      assert.ok(edge.logger.lines.some((l) => l.message === 'tab request refused' && (l.fields as { code?: string }).code === 'forbidden'));
    });
  });

  describe('the local sign-in link and the page', () => {
    it('trades a link for a session only on loopback, and refuses a forged or foreign-host link', async () => {
      const base = edge.server.url;
      const forged = await fetch(`${base}/tab/local/signin?ticket=eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl`, { redirect: 'manual' });
      assert.equal(forged.status, 401);
      const token = await edge.session(lars);
      assert.match(token, /^[\w-]+\.[\w-]+\.[\w-]+$/);
      // A page on another host that resolves to 127.0.0.1 (DNS rebinding) gets nothing.
      const { request } = await import('node:http');
      const status = await new Promise<number>((resolve, reject) => {
        const url = new URL(`${base}/tab/local/signin?ticket=x`);
        request({ host: url.hostname, port: url.port, path: url.pathname + url.search, headers: { host: 'evil.example:80' } }, (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        })
          .on('error', reject)
          .end();
      });
      assert.equal(status, 403);
    });

    it('serves the page with its security headers, an ETag, and nothing outside its folder', async () => {
      const base = edge.server.url;
      const page = await fetch(`${base}/tab/index.html`);
      assert.equal(page.status, 200);
      assert.match(page.headers.get('content-type') ?? '', /^text\/html/);
      assert.match(page.headers.get('content-security-policy') ?? '', /frame-ancestors 'self'/);
      assert.equal((await fetch(`${base}/tab/index.html`, { headers: { 'if-none-match': page.headers.get('etag') ?? '' } })).status, 304);
      for (const path of ['/tab/..%2Fpackage.json', '/tab/.env', '/tab/nothing.html', '/tab/tab.exe']) assert.equal((await fetch(`${base}${path}`)).status, 404, path);
      const redirect = await fetch(`${base}/tab`, { redirect: 'manual' });
      assert.equal(redirect.headers.get('location'), '/tab/index.html');
    });
  });
});
