import assert from 'node:assert/strict';
import { composeServices } from '../../src/composition';
import { IdeaInput } from '../../src/domain/ideaForm';
import { DomainError, ErrorCode, ValidationError } from '../../src/domain/errors';
import { Person } from '../../src/domain/people';
import { silentLogger } from '../../src/ports/logger';
import { DEMO_PEOPLE, DemoPerson, seedDemoOrganisation } from '../../src/services/demoOrganisation';
import { StaleCardError } from '../../src/services/ideas/ideaErrors';
import { PipelinePolicy } from '../../src/storage/tableStore';
import { freshTableStore, roundTripCounter } from '../support/azurite';
import { RecordingNotifier } from '../support/botHarness';

const HN = 'hjemmetjenesten-nord';
const SO = 'sykehjem-ost';
const as = ({ aadObjectId, name }: DemoPerson): Person => ({ aadObjectId, name });
const KARI = as(DEMO_PEOPLE.kari); // leads Hjemmetjenesten nord, her only unit
const OLA = as(DEMO_PEOPLE.ola); // staff member in Hjemmetjenesten nord and Sykehjem øst
const SIRI = as(DEMO_PEOPLE.siri); // leads Sykehjem øst
const LARS = as(DEMO_PEOPLE.lars); // TOL of Helse og omsorg (both units above)
const PER = as(DEMO_PEOPLE.per); // leads two units in Teknisk drift
const STRANGER: Person = { aadObjectId: '00000000-0000-4000-8000-000000000099', name: 'Ukjent' };

const CHANNEL = { conversationId: '19:hn@thread.tacv2', teamId: '19:team@thread.tacv2', tenantId: 'tenant', serviceUrl: 'https://smba.example/emea/' };
const idea = (title = 'Færre vaktbytter', extra: IdeaInput = {}): IdeaInput => ({ title, type: 'improve', wastes: ['waiting'], benefitAreas: ['time'], ...extra });

/** The real composition over fresh Azurite tables, with the demo municipality and a clock the test moves. */
async function tavla(policies: readonly PipelinePolicy[] = []) {
  const notifications = new RecordingNotifier();
  let now = new Date('2026-11-20T09:00:00Z');
  let ids = 0;
  const clock = { now: () => now };
  const { services, repositories } = composeServices(await freshTableStore(policies), {
    clock,
    ids: { next: () => `change-${++ids}` },
    logger: silentLogger,
    notifier: () => notifications,
  });
  await seedDemoOrganisation(repositories.organisation, repositories.people);
  return {
    services,
    repositories,
    notifications,
    /** Moves the clock on; the organisation cache keeps working for 30 s. */
    advance: (ms: number) => {
      now = new Date(now.getTime() + ms);
    },
    setNow: (iso: string) => {
      now = new Date(iso);
    },
    submit: (person: Person, unitId: string | undefined, typed: IdeaInput = idea(), more: { inUnitChannel?: boolean } = {}) =>
      services.ideaSubmission.submit(person, { ...(unitId ? { unitId } : {}), idea: typed, ...more }),
  };
}

async function rejectsWith(promise: Promise<unknown>, code: ErrorCode): Promise<void> {
  await assert.rejects(promise, (error: unknown) => {
    assert.ok(error instanceof DomainError, `expected DomainError ${code}, got ${String(error)}`);
    assert.equal(error.code, code);
    return true;
  });
}

async function rejectsWithIssues(promise: Promise<unknown>, issues: string[]): Promise<void> {
  await assert.rejects(promise, (error: unknown) => {
    assert.ok(error instanceof ValidationError, `expected a ValidationError, got ${String(error)}`);
    assert.deepEqual(error.issues.map((i) => `${i.field}:${i.problem}`), issues);
    return true;
  });
}

const ideaStopped = (notifications: RecordingNotifier) => notifications.sent.filter((s) => s.notification.kind === 'ideaStopped');

describe('idea use cases (Azurite)', () => {
  describe('submitting', () => {
    it('numbers ideas 1, 2, … per unit and records the submitter as the first history line', async () => {
      const t = await tavla();
      const first = await t.submit(OLA, HN);
      const second = await t.submit(OLA, HN, idea('Bedre kjøreruter'));
      const elsewhere = await t.submit(OLA, SO, idea('Felles medisinrom'));
      assert.deepEqual([first.idea.number, second.idea.number, elsewhere.idea.number], [1, 2, 1]);
      assert.deepEqual([first.unit.code, elsewhere.unit.code], ['HN', 'SO']);
      const stored = await t.repositories.ideas.get(HN, 2);
      assert.equal(stored?.title, 'Bedre kjøreruter');
      assert.equal(stored?.status, 'new');
      assert.deepEqual(stored?.submitter, { id: OLA.aadObjectId, name: OLA.name });
      assert.deepEqual(stored?.wastes, ['waiting']);
      assert.equal(stored?.version, 1);
      assert.deepEqual(
        (await t.repositories.ideas.history(HN, 2)).map((h) => [h.by.name, h.what, h.detail]),
        [['Ola Bakken', 'submitted', 'Bedre kjøreruter']],
      );
    });

    it('posts the idea in the unit’s channel only when the unit has one and the idea was written elsewhere', async () => {
      const t = await tavla();
      await t.submit(OLA, HN);
      assert.equal(t.notifications.sent.length, 0, 'no channel linked yet');

      await t.repositories.organisation.updateUnit(HN, (unit) => ({ ...unit, channel: CHANNEL }));
      t.services.directory.invalidate();
      const fromChat = await t.submit(OLA, HN, idea('Fra 1:1'));
      assert.equal(t.notifications.sent.length, 1);
      const [posted] = t.notifications.sent;
      assert.equal(posted.to, `channel:${HN}`);
      assert.equal(posted.notification.kind, 'ideaSubmitted');
      assert.equal(posted.notification.idea.number, fromChat.idea.number);
      assert.equal(posted.notification.idea.title, 'Fra 1:1');

      await t.submit(OLA, HN, idea('Fra kanalen'), { inUnitChannel: true });
      assert.equal(t.notifications.sent.length, 1, 'the channel already shows an idea written there');
      await t.submit(OLA, SO, idea('Til en enhet uten kanal'));
      assert.equal(t.notifications.sent.length, 1, 'a unit without a channel gets no post');
    });

    it('a person in two units must choose one; a person in one unit need not', async () => {
      const t = await tavla();
      assert.deepEqual((await t.services.ideaSubmission.unitsFor(OLA)).map((u) => u.id).sort(), [HN, SO]);
      await rejectsWithIssues(t.submit(OLA, undefined), ['unitId:required']);
      const kari = await t.submit(KARI, undefined);
      assert.equal(kari.unit.id, HN);
      assert.equal(kari.idea.number, 1);
      assert.deepEqual(await t.repositories.ideas.live(SO), [], 'nothing went to Ola’s other unit');
    });

    it('someone outside the unit cannot submit to it, and nothing is written', async () => {
      const t = await tavla();
      await rejectsWithIssues(t.submit(STRANGER, undefined), ['unitId:required']);
      await rejectsWithIssues(t.submit(STRANGER, HN), ['unitId:unknownOption']);
      await rejectsWithIssues(t.submit(PER, HN), ['unitId:unknownOption']);
      assert.deepEqual(await t.repositories.ideas.live(HN), []);
    });

    it('invalid input writes nothing: no idea, no number used, no post', async () => {
      const t = await tavla();
      await t.repositories.organisation.updateUnit(HN, (unit) => ({ ...unit, channel: CHANNEL }));
      t.services.directory.invalidate();
      await rejectsWithIssues(t.submit(OLA, HN, { title: '', type: 'improve', dueDate: '2026-11-19', ownerId: STRANGER.aadObjectId }), [
        'title:required',
        'ownerId:unknownOption',
        'dueDate:pastDate',
      ]);
      assert.deepEqual(await t.repositories.ideas.live(HN), []);
      assert.equal(t.notifications.sent.length, 0, 'nothing posted');
      assert.equal((await t.submit(OLA, HN)).idea.number, 1, 'the refused form did not use up a number');
    });

    it('takes an owner from the unit and a due date from today on', async () => {
      const t = await tavla();
      const { idea: stored } = await t.submit(KARI, HN, idea('Med eier', { ownerId: OLA.aadObjectId, dueDate: '2026-11-20' }));
      assert.deepEqual(stored.owner, { id: OLA.aadObjectId, name: OLA.name });
      assert.equal(stored.dueDate, '2026-11-20');
      await rejectsWithIssues(t.submit(KARI, HN, idea('Feil eier', { ownerId: DEMO_PEOPLE.siri.aadObjectId })), ['ownerId:unknownOption']);
    });
  });

  describe('cost', () => {
    it('with warm caches a submission takes at most 3 storage round trips and a status change at most 2', async () => {
      const counter = roundTripCounter();
      const t = await tavla([counter.policy]);
      await t.submit(KARI, HN); // warms the organisation cache
      counter.reset();
      const { idea: submitted } = await t.submit(KARI, HN, idea('Med eier og frist', { ownerId: OLA.aadObjectId, dueDate: '2026-12-01' }));
      const submission = counter.count();
      assert.ok(submission <= 3, `submission took ${submission} round trips`);
      assert.equal(submitted.number, 2);

      counter.reset();
      await t.services.ideaChanges.apply(KARI, { unitId: HN, number: 2, version: 1 }, { kind: 'move', to: 'planned' });
      const statusChange = counter.count();
      assert.ok(statusChange <= 2, `status change took ${statusChange} round trips`);

      counter.reset();
      await t.services.ideaChanges.apply(KARI, { unitId: HN, number: 2, version: 2 }, { kind: 'move', to: 'rejected', reason: 'Dekkes av turnus' });
      assert.ok(counter.count() <= 2, `a rejection that notifies took ${counter.count()} round trips`);
      assert.equal((await t.repositories.ideas.get(HN, 2))?.status, 'rejected', 'the changes were stored');
    });
  });

  describe('changing an idea', () => {
    it('two people changing the same card at once: exactly one wins, the other gets the fresh idea naming the winner', async () => {
      const t = await tavla();
      await t.submit(OLA, HN);
      const onCard = { unitId: HN, number: 1, version: 1 };
      const results = await Promise.allSettled([
        t.services.ideaChanges.apply(KARI, onCard, { kind: 'move', to: 'planned' }),
        t.services.ideaChanges.apply(LARS, onCard, { kind: 'move', to: 'inProgress' }),
      ]);
      const won = results.flatMap((r) => (r.status === 'fulfilled' ? [r.value.idea] : []));
      const lost = results.flatMap((r): unknown[] => (r.status === 'rejected' ? [r.reason] : []));
      assert.equal(won.length, 1, 'exactly one change wins');
      assert.equal(lost.length, 1);
      const [winner] = won;
      const [error] = lost;
      assert.ok(error instanceof StaleCardError, `the other gets a stale card, not ${String(error)}`);
      assert.equal(error.current.version, 2);
      assert.equal(error.current.status, winner.status);
      assert.deepEqual(error.current.lastChange.by, winner.lastChange.by, 'the fresh card names who changed it');
      assert.ok([KARI.aadObjectId, LARS.aadObjectId].includes(winner.lastChange.by.id));

      const stored = await t.repositories.ideas.get(HN, 1);
      assert.equal(stored?.status, winner.status);
      assert.equal(stored?.version, 2);
      const history = await t.repositories.ideas.history(HN, 1);
      assert.deepEqual(history.map((h) => h.what), ['submitted', 'status'], 'exactly one new history line');
      assert.equal(history[1].by.id, winner.lastChange.by.id);
    });

    it('a card older than the stored idea is refused with the fresh idea, and nothing is written', async () => {
      const t = await tavla();
      await t.submit(OLA, HN);
      await t.services.ideaChanges.apply(KARI, { unitId: HN, number: 1, version: 1 }, { kind: 'prioritise', effort: 'easy', impact: 'high' });
      await assert.rejects(
        t.services.ideaChanges.apply(LARS, { unitId: HN, number: 1, version: 1 }, { kind: 'move', to: 'planned' }),
        (error: unknown) => error instanceof StaleCardError && error.current.lastChange.what === 'priority' && error.current.lastChange.by.name === 'Kari Nilsen',
      );
      assert.equal((await t.repositories.ideas.get(HN, 1))?.status, 'new');
      assert.equal((await t.repositories.ideas.history(HN, 1)).length, 2);
    });

    it('rejecting someone else’s idea with a reason tells the submitter why', async () => {
      const t = await tavla();
      await t.submit(OLA, HN);
      const { idea: rejected } = await t.services.ideaChanges.apply(
        KARI,
        { unitId: HN, number: 1, version: 1 },
        { kind: 'move', to: 'rejected', reason: 'Dekkes av ny turnusplan' },
      );
      assert.equal(rejected.status, 'rejected');
      const told = ideaStopped(t.notifications);
      assert.equal(told.length, 1);
      assert.equal(told[0].to, `person:${OLA.aadObjectId}`);
      assert.equal(told[0].notification.idea.statusReason, 'Dekkes av ny turnusplan');
      assert.equal(told[0].notification.unit.id, HN);
      assert.deepEqual(
        (await t.repositories.ideas.history(HN, 1)).map((h) => [h.by.name, h.what, h.detail]),
        [
          ['Ola Bakken', 'submitted', 'Færre vaktbytter'],
          ['Kari Nilsen', 'status', 'new -> rejected: Dekkes av ny turnusplan'],
        ],
      );
    });

    it('parking also tells the submitter; a leader stopping her own idea is not told about it', async () => {
      const t = await tavla();
      await t.submit(OLA, HN);
      await t.submit(KARI, HN, idea('Kari sitt forslag'));
      await t.services.ideaChanges.apply(KARI, { unitId: HN, number: 1, version: 1 }, { kind: 'move', to: 'parked', reason: 'Tas opp i vår' });
      await t.services.ideaChanges.apply(KARI, { unitId: HN, number: 2, version: 1 }, { kind: 'move', to: 'rejected', reason: 'Trekker det' });
      assert.deepEqual(
        ideaStopped(t.notifications).map((s) => [s.to, s.notification.idea.number, s.notification.idea.status]),
        [[`person:${OLA.aadObjectId}`, 1, 'parked']],
      );
    });

    it('a stop without a reason, or by the submitter, is refused: nothing stored, nobody told', async () => {
      const t = await tavla();
      await t.submit(OLA, HN);
      await rejectsWithIssues(t.services.ideaChanges.apply(KARI, { unitId: HN, number: 1, version: 1 }, { kind: 'move', to: 'rejected', reason: '  ' }), [
        'reason:required',
      ]);
      await rejectsWith(t.services.ideaChanges.apply(OLA, { unitId: HN, number: 1, version: 1 }, { kind: 'move', to: 'rejected', reason: 'Angrer' }), 'forbidden');
      await rejectsWith(t.services.ideaChanges.apply(PER, { unitId: HN, number: 1, version: 1 }, { kind: 'move', to: 'planned' }), 'forbidden');
      await rejectsWith(t.services.ideaChanges.apply(KARI, { unitId: HN, number: 9, version: 1 }, { kind: 'move', to: 'planned' }), 'notFound');
      const stored = await t.repositories.ideas.get(HN, 1);
      assert.deepEqual([stored?.status, stored?.version], ['new', 1]);
      assert.equal((await t.repositories.ideas.history(HN, 1)).length, 1);
      assert.deepEqual(ideaStopped(t.notifications), []);
    });

    it('a member comments on an idea; the item card shows the newest comments first', async () => {
      const t = await tavla();
      await t.submit(KARI, HN);
      await t.services.ideaChanges.comment(OLA, { unitId: HN, number: 1 }, { text: 'Godt forslag!' });
      t.advance(60_000);
      await t.services.ideaChanges.comment(KARI, { unitId: HN, number: 1 }, { text: '  Tar det opp på tavlemøtet.  ' });
      t.advance(60_000);
      await t.services.ideaChanges.comment(OLA, { unitId: HN, number: 1 }, { text: 'Takk!' });
      const view = await t.services.ideaViews.item(OLA, HN, 1);
      assert.deepEqual(
        view.comments.map((c) => [c.by.name, c.text, c.at]),
        [
          ['Ola Bakken', 'Takk!', '2026-11-20T09:02:00.000Z'],
          ['Kari Nilsen', 'Tar det opp på tavlemøtet.', '2026-11-20T09:01:00.000Z'],
          ['Ola Bakken', 'Godt forslag!', '2026-11-20T09:00:00.000Z'],
        ],
      );
      await rejectsWithIssues(t.services.ideaChanges.comment(OLA, { unitId: HN, number: 1 }, { text: '' }), ['text:required']);
      await rejectsWith(t.services.ideaChanges.comment(PER, { unitId: HN, number: 1 }, { text: 'Hei' }), 'forbidden');
      assert.equal((await t.repositories.ideas.comments(HN, 1, 10)).length, 3, 'refused comments are not stored');
    });
  });

  describe('views', () => {
    it('the item view is for the unit and those who oversee it, not for another unit’s people', async () => {
      const t = await tavla();
      await t.submit(OLA, HN);
      const forOla = await t.services.ideaViews.item(OLA, HN, 1);
      assert.equal(forOla.idea.title, 'Færre vaktbytter');
      assert.deepEqual([forOla.standing.leads, forOla.standing.submitted, forOla.standing.participates], [false, true, true]);
      assert.equal((await t.services.ideaViews.item(LARS, HN, 1)).standing.leads, true, 'the TOL of the area');
      await rejectsWith(t.services.ideaViews.item(SIRI, HN, 1), 'forbidden');
      await rejectsWith(t.services.ideaViews.item(PER, HN, 1), 'forbidden');
      await rejectsWith(t.services.ideaViews.item(STRANGER, HN, 1), 'forbidden');
      await rejectsWith(t.services.ideaViews.item(OLA, HN, 2), 'notFound');
    });

    it('the board shows the unit’s ideas to its people and refuses others', async () => {
      const t = await tavla();
      await t.submit(OLA, HN);
      await t.submit(KARI, HN, idea('Nummer to'));
      await t.services.ideaChanges.apply(KARI, { unitId: HN, number: 1, version: 1 }, { kind: 'move', to: 'parked', reason: 'Senere' });
      const board = await t.services.ideaViews.board(OLA, HN);
      assert.deepEqual(board.entries.map((e) => e.idea.number), [2]);
      assert.deepEqual([board.counts.new, board.counts.parked, board.today], [1, 1, '2026-11-20']);
      await rejectsWith(t.services.ideaViews.board(PER, HN), 'forbidden');
    });

    it('my items gathers what Ola submitted or owns across both his units, overdue first', async () => {
      const t = await tavla();
      await t.submit(OLA, HN, idea('Ola i nord'));
      t.advance(1000);
      await t.submit(KARI, HN, idea('Kari sitt, ikke Olas'));
      t.advance(1000);
      await t.submit(KARI, HN, idea('Kari gir Ola', { ownerId: OLA.aadObjectId }));
      t.advance(1000);
      await t.submit(OLA, SO, idea('Ola i øst'));
      await t.services.ideaChanges.apply(SIRI, { unitId: SO, number: 1, version: 1 }, { kind: 'assign', ownerId: OLA.aadObjectId, dueDate: '2026-11-23' });
      t.setNow('2026-11-25T09:00:00Z');

      const mine = await t.services.ideaViews.myItems(OLA);
      assert.equal(mine.today, '2026-11-25');
      assert.deepEqual(
        mine.entries.map((e) => [e.unit.code, e.idea.number, e.idea.title, e.overdue]),
        [
          ['SO', 1, 'Ola i øst', true],
          ['HN', 3, 'Kari gir Ola', false],
          ['HN', 1, 'Ola i nord', false],
        ],
      );
      assert.deepEqual(
        (await t.services.ideaViews.myItems(KARI)).entries.map((e) => e.idea.title),
        ['Kari gir Ola', 'Kari sitt, ikke Olas'],
      );
      assert.deepEqual((await t.services.ideaViews.myItems(STRANGER)).entries, []);
    });

    it('my items includes an idea a service-area leader submitted in one of the area’s units', async () => {
      const t = await tavla();
      assert.deepEqual((await t.services.ideaSubmission.unitsFor(LARS)).map((u) => u.id).sort(), [HN, SO], 'the form offers the TOL the area’s units');
      await t.submit(LARS, HN, idea('Felles rutine for vaktbytter'));
      const mine = await t.services.ideaViews.myItems(LARS);
      assert.deepEqual(
        mine.entries.map((e) => [e.unit.code, e.idea.title]),
        [['HN', 'Felles rutine for vaktbytter']],
        'what he submitted must not vanish from his own list',
      );
    });
  });
});
