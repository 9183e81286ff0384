import assert from 'node:assert/strict';
import { Benefit } from '../../src/domain/benefits';
import { Idea } from '../../src/domain/ideas';
import { silentLogger } from '../../src/ports/logger';
import { BenefitTable } from '../../src/storage/benefitTable';
import { ideaToEntity } from '../../src/storage/ideaEntities';
import { IdeaTable } from '../../src/storage/ideaTable';
import { migrateIndexes } from '../../src/storage/indexMigration';
import { freshTableStore, roundTripCounter } from '../support/azurite';
import { sampleIdea } from '../support/ideas';

const UNIT = 'hjemmetjenesten-nord';
const audit = (idea: Idea) => ({ at: idea.updatedAt, by: idea.lastChange.by, what: idea.lastChange.what, detail: '' });
const bump = (idea: Idea, changes: Partial<Idea>, id: string): Idea => ({ ...idea, ...changes, version: idea.version + 1, lastChange: { ...idea.lastChange, id } });
const numbers = (ideas: readonly { number: number }[]) => ideas.map((idea) => idea.number).sort((a, b) => a - b);

function benefitFor(idea: Idea, overrides: Partial<Benefit> = {}): (id: string) => Benefit {
  return (id) => ({
    unitId: idea.unitId,
    ideaNumber: idea.number,
    id,
    category: 'time',
    measure: 'hours',
    stage: 'realized',
    period: 'week',
    amount: 200,
    owner: idea.submitter,
    registeredOn: '2026-11-24',
    submittedBy: idea.submitter,
    approval: 'pending',
    followUpsSent: [],
    createdAt: '2026-11-24T09:00:00.000Z',
    updatedAt: '2026-11-24T09:00:00.000Z',
    version: 1,
    lastChangeId: 'register',
    ...overrides,
  });
}

describe('index rows beside ideas and benefits (Azurite)', () => {
  it('keeps an idea on the board while it is live work and in the dated history once done or rejected', async () => {
    const store = await freshTableStore();
    const ideas = new IdeaTable(store);
    const benefits = new BenefitTable(store);
    const created = await ideas.create(UNIT, (number) => sampleIdea({ number }), audit);
    const second = await ideas.create(UNIT, (number) => sampleIdea({ number, lastChange: { ...sampleIdea().lastChange, id: 'second' } }), audit);
    assert.deepEqual(numbers(await ideas.live(UNIT)), [1, 2]);
    assert.deepEqual(numbers(await ideas.submittedBetween(UNIT, '2026-11-20', '2026-11-20')), [1, 2]);

    const doneAt = '2026-11-24T10:00:00.000Z';
    await ideas.update(UNIT, 1, (idea) => bump(idea, { status: 'done', doneAt, statusChangedAt: doneAt }, 'done'), (_b, a) => audit(a));
    assert.deepEqual(numbers(await ideas.live(UNIT)), [1, 2], 'done without a benefit is still live work');
    assert.deepEqual(numbers(await ideas.closedBetween(UNIT, '2026-11-24', '2026-11-24')), [1]);

    await benefits.register(UNIT, 1, benefitFor(created), (idea) => bump(idea, { benefitRegistered: true }, 'benefit'), audit(created));
    assert.deepEqual(numbers(await ideas.live(UNIT)), [2], 'with its benefit registered, a done idea is history');
    assert.equal((await ideas.closedBetween(UNIT, '2026-11-24', '2026-11-24'))[0]?.benefitRegistered, true, 'the dated copy follows the idea');
    assert.equal((await benefits.live(UNIT)).length, 1, 'the pending approval is live');

    const rejectedAt = '2026-11-25T10:00:00.000Z';
    await ideas.update(UNIT, 2, (idea) => bump(idea, { status: 'rejected', statusChangedAt: rejectedAt }, 'reject'), (_b, a) => audit(a));
    assert.deepEqual(numbers(await ideas.live(UNIT)), []);
    assert.deepEqual(numbers(await ideas.closedBetween(UNIT, '2026-11-25', '2026-11-25')), [2]);
    const reopenedAt = '2026-11-26T10:00:00.000Z';
    await ideas.update(UNIT, 2, (idea) => bump(idea, { status: 'new', statusChangedAt: reopenedAt }, 'undo'), (_b, a) => audit(a));
    assert.deepEqual(numbers(await ideas.live(UNIT)), [2], 'an undone rejection is live again');
    assert.deepEqual(await ideas.closedBetween(UNIT, '2026-11-25', '2026-11-25'), [], 'and out of the history');
    assert.equal(second.number, 2);
  });

  it('reads live work in one query that skips history: ten closed ideas or a thousand cost the same', async () => {
    const seen: { ideas: number; trips: number }[] = [];
    for (const closed of [10, 1000]) {
      const counter = roundTripCounter();
      const store = await freshTableStore([counter.policy]);
      const ideas = new IdeaTable(store);
      for (let n = 1; n <= 5; n++) await ideas.create(UNIT, (number) => sampleIdea({ number, lastChange: { ...sampleIdea().lastChange, id: `open-${n}` } }), audit);
      // History written straight into the table, with its dated rows, done long ago.
      const old = Array.from({ length: closed }, (_, i) => sampleIdea({ number: 100 + i, status: 'done', benefitRegistered: true, doneAt: '2020-03-01T10:00:00.000Z' }));
      const client = store.client('Ideas');
      for (let start = 0; start < old.length; start += 100) await client.submitTransaction(old.slice(start, start + 100).map((idea) => ['create', ideaToEntity(idea)]));
      counter.reset();
      seen.push({ ideas: (await ideas.live(UNIT)).length, trips: counter.count() });
    }
    assert.deepEqual(seen, [
      { ideas: 5, trips: 1 },
      { ideas: 5, trips: 1 },
    ]);
  });

  it('builds the index rows of ideas and benefits written by an older version, once', async () => {
    const counter = roundTripCounter();
    const store = await freshTableStore([counter.policy]);
    const client = store.client('Ideas');
    const open = sampleIdea({ number: 1 });
    const done = sampleIdea({ number: 2, status: 'done', doneAt: '2026-10-01T10:00:00.000Z', benefitRegistered: true });
    await client.submitTransaction([open, done].map((idea) => ['create', ideaToEntity(idea)]));
    const ideas = new IdeaTable(store);
    assert.deepEqual(await ideas.live(UNIT), [], 'before: nothing in the live range');

    assert.equal(await migrateIndexes(store, [UNIT, 'veg-og-park'], silentLogger), 2);
    assert.deepEqual(numbers(await ideas.live(UNIT)), [1]);
    assert.deepEqual(numbers(await ideas.closedBetween(UNIT, '2026-10-01', '2026-10-01')), [2]);
    // Changing a migrated idea keeps its index rows in step (a missing row would fail the transaction).
    await ideas.update(UNIT, 1, (idea) => bump(idea, { status: 'rejected', statusChangedAt: '2026-11-02T10:00:00.000Z' }, 'reject'), (_b, a) => audit(a));
    assert.deepEqual(await ideas.live(UNIT), []);

    counter.reset();
    assert.equal(await migrateIndexes(store, [UNIT, 'veg-og-park'], silentLogger), 0);
    assert.equal(counter.count(), 2, 'a second start reads one marker per unit and nothing else');
  });
});
