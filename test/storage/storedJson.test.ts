import assert from 'node:assert/strict';
import { Idea } from '../../src/domain/ideas';
import { IdeaTable } from '../../src/storage/ideaTable';
import { liveRow } from '../../src/storage/ideaIndexes';
import { ideaRow } from '../../src/storage/ideaEntities';
import { OrganisationTable } from '../../src/storage/organisationTable';
import { OrgRow, unitFromEntity, unitToEntity } from '../../src/storage/organisationEntities';
import { DamagedRowError } from '../../src/storage/storedJson';
import { TableStore } from '../../src/storage/tableStore';
import { freshTableStore } from '../support/azurite';
import { sampleIdea } from '../support/ideas';

const UNIT = 'hjemmetjenesten-nord';
const audit = (idea: Idea) => ({ at: idea.updatedAt, by: idea.lastChange.by, what: idea.lastChange.what, detail: '' });

/** Overwrites one property of a stored row, as a hand edit in Storage Explorer would. */
async function damage(store: TableStore, table: 'Ideas' | 'Organisation', partitionKey: string, rowKey: string, property: string, value: string): Promise<void> {
  await store.client(table).updateEntity({ partitionKey, rowKey, [property]: value }, 'Merge');
}

async function thrown(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  return assert.fail('expected the read to be refused');
}

describe('stored JSON is checked when read (Azurite)', () => {
  it('refuses an idea whose action items are not a list of action items, naming the row and property', async () => {
    const store = await freshTableStore();
    const ideas = new IdeaTable(store);
    await ideas.create(UNIT, (number) => sampleIdea({ number }), audit);
    for (const bad of ['{"not":"a list"}', '[{"id":"one","text":5}]', 'not json']) {
      await damage(store, 'Ideas', UNIT, ideaRow(1), 'actions', bad);
      const error = await thrown(ideas.get(UNIT, 1));
      assert.ok(error instanceof DamagedRowError, `${bad}: a DamagedRowError, not a TypeError later`);
      assert.equal(error.code, 'damagedData');
      assert.equal(error.params.rowKey, ideaRow(1));
      assert.equal(error.params.property, 'actions');
    }
  });

  it('leaves a damaged idea out of a list and reports it, so the rest of the board still shows', async () => {
    const store = await freshTableStore();
    const reported: DamagedRowError[] = [];
    const ideas = new IdeaTable(store, (error) => reported.push(error));
    await ideas.create(UNIT, (number) => sampleIdea({ number, title: 'Damaged' }), audit);
    await ideas.create(UNIT, (number) => sampleIdea({ number, title: 'Fine', lastChange: { ...sampleIdea().lastChange, id: 'second' } }), audit);
    // The board reads the live copy of each idea.
    await damage(store, 'Ideas', UNIT, liveRow(1), 'lastChange', '{"id":"x","what":"exploded"}');
    assert.deepEqual((await ideas.live(UNIT)).map((idea) => idea.title), ['Fine']);
    assert.deepEqual(reported.map((error) => error.params.property), ['lastChange']);
    assert.ok((await thrown(new IdeaTable(store).live(UNIT))) instanceof DamagedRowError, 'without a report the damage is thrown, never hidden');
  });

  it('reads a damaged channel link of a unit as no link, reported, and keeps the rest of the organisation', async () => {
    const store = await freshTableStore();
    const reported: DamagedRowError[] = [];
    const organisation = new OrganisationTable(store, (error) => reported.push(error));
    const unit = { id: UNIT, code: 'HN', name: 'Hjemmetjenesten nord', serviceAreaId: 'helse-omsorg', leaders: [], members: [] };
    await organisation.createUnit({ ...unit, channel: { conversationId: '19:c', teamId: 't', tenantId: 'x', serviceUrl: 'https://s/' } });
    await damage(store, 'Organisation', 'org', `unit|${UNIT}`, 'channel', '{"teamId":42}');
    const loaded = (await organisation.load()).units;
    assert.deepEqual(loaded.map((u) => [u.name, u.channel]), [['Hjemmetjenesten nord', undefined]]);
    assert.deepEqual(reported.map((error) => error.params.property), ['channel']);
  });

  it('reads a stored schedule defensively: anything malformed is no schedule, a pause that ends before it starts is dropped', () => {
    const row = (schedule: unknown): OrgRow => ({ etag: '', ...unitToEntity({ id: UNIT, code: 'HN', name: 'HN', serviceAreaId: 'a', leaders: [], members: [] }), schedule: JSON.stringify(schedule) });
    assert.deepEqual(unitFromEntity(row({ weekdays: [3, 1], time: '09:00', pauses: [{ from: '2026-07-01', to: '2026-06-01' }, { from: '2026-07-01', to: '2026-07-31' }] })).schedule, {
      weekdays: [1, 3],
      time: '09:00',
      pauses: [{ from: '2026-07-01', to: '2026-07-31' }],
    });
    for (const bad of [null, 'x', { weekdays: [], time: '09:00' }, { weekdays: [8], time: '09:00' }, { weekdays: [1], time: '9:00' }]) assert.equal(unitFromEntity(row(bad)).schedule, undefined);
  });
});
