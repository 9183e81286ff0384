import assert from 'node:assert/strict';
import { DomainError } from '../../src/domain/errors';
import { Idea } from '../../src/domain/ideas';
import { IdeaTable } from '../../src/storage/ideaTable';
import { freshTableStore, roundTripCounter } from '../support/azurite';
import { sampleIdea } from '../support/ideas';

const audit = (idea: Idea) => ({ at: idea.updatedAt, by: idea.lastChange.by, what: idea.lastChange.what, detail: '' });
const UNIT = 'hjemmetjenesten-nord';

describe('idea table (Azurite)', () => {
  it('numbers ideas per unit, without gaps, duplicates or refusals under concurrent submissions', async () => {
    const table = new IdeaTable(await freshTableStore());
    const submit = (i: number) => table.create(UNIT, (number) => sampleIdea({ number, title: `Idea ${i}`, lastChange: { ...sampleIdea().lastChange, id: `submit-${i}` } }), audit);
    // Twenty people press Submit at once: none is refused, none waits on a collision it can see.
    const created = await Promise.all(Array.from({ length: 20 }, (_, i) => submit(i)));
    assert.deepEqual(created.map((i) => i.number).sort((a, b) => a - b), Array.from({ length: 20 }, (_, i) => i + 1));
    const other = await table.create('veg-og-park', (number) => sampleIdea({ unitId: 'veg-og-park', number }), audit);
    assert.equal(other.number, 1);
    assert.equal((await table.live(UNIT)).length, 20);
  });

  it('a submission costs one round trip once the unit’s counter is known (two before), and a change two, history included', async () => {
    const counter = roundTripCounter();
    const store = await freshTableStore([counter.policy]);
    const table = new IdeaTable(store);
    await table.create(UNIT, (number) => sampleIdea({ number }), audit);
    counter.reset();
    await table.create(UNIT, (number) => sampleIdea({ number }), audit);
    assert.equal(counter.count(), 1, 'the counter’s ETag came back with the last transaction');
    counter.reset();
    const restarted = new IdeaTable(store);
    assert.equal((await restarted.create(UNIT, (number) => sampleIdea({ number, lastChange: { ...sampleIdea().lastChange, id: 'third' } }), audit)).number, 3);
    assert.equal(counter.count(), 2, 'after a restart the counter is read once');
    counter.reset();
    await table.update(UNIT, 2, (idea) => ({ ...idea, status: 'planned', version: idea.version + 1, lastChange: { ...idea.lastChange, id: 'plan' } }), (_b, a) => audit(a));
    assert.equal(counter.count(), 2);
    assert.equal((await table.history(UNIT, 2)).length, 2);
  });

  it('exactly one of two concurrent changes to the same version wins', async () => {
    const table = new IdeaTable(await freshTableStore());
    await table.create(UNIT, (number) => sampleIdea({ number }), audit);
    const changeFromVersion1 = (status: Idea['status']) => (idea: Idea) => {
      if (idea.version !== 1) throw new DomainError('staleCard');
      return { ...idea, status, version: idea.version + 1, lastChange: { ...idea.lastChange, id: `move-to-${status}` } };
    };
    const results = await Promise.allSettled([
      table.update(UNIT, 1, changeFromVersion1('planned'), (_b, a) => audit(a)),
      table.update(UNIT, 1, changeFromVersion1('rejected'), (_b, a) => audit(a)),
    ]);
    assert.deepEqual(results.map((r) => r.status).sort(), ['fulfilled', 'rejected']);
    const stored = await table.get(UNIT, 1);
    const winner = (results.find((r) => r.status === 'fulfilled') as PromiseFulfilledResult<Idea>).value;
    assert.equal(stored?.status, winner.status);
    assert.equal(stored?.version, 2);
    assert.equal((await table.history(UNIT, 1)).length, 2, 'only the winner wrote history');
  });

  it('recognises its own write when a retried request comes back as a lost race', async () => {
    // A proxy that drops the response of the first transaction after storage applied it, like a
    // network cut; the SDK's retry then meets its own write.
    let dropped = false;
    const table = new IdeaTable(
      await freshTableStore([
        {
          name: 'dropFirstBatchResponse',
          async sendRequest(request, next) {
            const response = await next(request);
            if (!dropped && request.url.endsWith('$batch')) {
              dropped = true;
              return next(request);
            }
            return response;
          },
        },
      ]),
    );
    const idea = await table.create(UNIT, (number) => sampleIdea({ number }), audit);
    assert.equal(idea.number, 1);
    assert.equal((await table.live(UNIT)).length, 1, 'no duplicate idea');
  });

  it('round-trips every field', async () => {
    const table = new IdeaTable(await freshTableStore());
    const full = sampleIdea({
      owner: { id: 'x', name: 'Kari', teamsId: '29:kari' },
      submitter: { id: 'o', name: 'Ola', teamsId: '29:ola' },
      dueDate: '2026-12-01',
      effort: 'easy',
      impact: 'high',
      actions: [{ id: 1, text: 'Ring leverandør', owner: { id: 'y', name: 'Ola' }, dueDate: '2026-11-30', done: false }],
      rootCause: { whys: ['Fordi', 'Fordi igjen'], fishbone: { method: 'Ingen rutine' } },
      sourceUrl: 'https://teams.microsoft.com/l/message/1',
      statusReason: 'Venter på budsjett',
      status: 'parked',
    });
    await table.create(UNIT, (number) => ({ ...full, number }), audit);
    assert.deepEqual(await table.get(UNIT, 1), full);
  });

  it('keeps comments newest first and refuses an oversized one before writing', async () => {
    const table = new IdeaTable(await freshTableStore());
    await table.addComment(UNIT, 1, { at: '2026-11-20T08:00:00.000Z', by: { id: 'a', name: 'A' }, text: 'first' });
    await table.addComment(UNIT, 1, { at: '2026-11-21T08:00:00.000Z', by: { id: 'b', name: 'B' }, text: 'second' });
    await table.addComment(UNIT, 2, { at: '2026-11-22T08:00:00.000Z', by: { id: 'b', name: 'B' }, text: 'other idea' });
    assert.deepEqual((await table.comments(UNIT, 1, 10)).map((c) => c.text), ['second', 'first']);
    assert.deepEqual((await table.comments(UNIT, 1, 1)).map((c) => c.text), ['second']);
    await assert.rejects(table.addComment(UNIT, 1, { at: '2026-11-22T09:00:00.000Z', by: { id: 'a', name: 'A' }, text: 'x'.repeat(40_000) }), (e: DomainError) => e.code === 'invalid');
    assert.equal((await table.comments(UNIT, 1, 10)).length, 2);
  });
});
