import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TableClient } from '@azure/data-tables';
import { Idea } from '../../src/domain/ideas';
import { AzuriteProcess, startAzuriteProcess } from '../../src/storage/azuriteProcess';
import { IdeaTable } from '../../src/storage/ideaTable';
import { TableStore } from '../../src/storage/tableStore';
import { sampleIdea } from '../support/ideas';

const UNIT = 'hjemmetjenesten-nord';
const audit = (idea: Idea) => ({ at: idea.updatedAt, by: idea.lastChange.by, what: idea.lastChange.what, detail: '' });

/** A process crash as the operating system does it: no handler runs, nothing is saved on the way out. */
async function crash(azurite: AzuriteProcess): Promise<void> {
  azurite.kill('SIGKILL');
  await azurite.exited;
}

describe('embedded Azurite with a data file, killed with SIGKILL', function () {
  this.timeout(60_000);
  let dir: string;
  let started: AzuriteProcess[];

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'tavla-azurite-'));
    started = [];
  });

  afterEach(async () => {
    for (const azurite of started) await azurite.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  async function start(): Promise<AzuriteProcess> {
    const azurite = await startAzuriteProcess({ dbPath: join(dir, 'azurite-table.json') });
    started.push(azurite);
    return azurite;
  }

  const tableOn = (azurite: AzuriteProcess) => TableClient.fromConnectionString(azurite.connectionString, 'things', { allowInsecureConnection: true });

  it('still has every write it acknowledged, single, concurrent and in a batch', async () => {
    const first = await start();
    const before = tableOn(first);
    await before.createTable();
    await before.createEntity({ partitionKey: 'p', rowKey: 'changed', value: 'old' });
    await before.createEntity({ partitionKey: 'p', rowKey: 'deleted', value: 'x' });
    await before.updateEntity({ partitionKey: 'p', rowKey: 'changed', value: 'new' }, 'Replace');
    await before.deleteEntity('p', 'deleted');
    await Promise.all(Array.from({ length: 30 }, (_, i) => before.upsertEntity({ partitionKey: 'p', rowKey: `burst-${String(i).padStart(2, '0')}`, value: i })));
    await before.submitTransaction([
      ['create', { partitionKey: 'p', rowKey: 'batch-1', value: 1 }],
      ['create', { partitionKey: 'p', rowKey: 'batch-2', value: 2 }],
    ]);
    await crash(first);

    const after = tableOn(await start());
    const rows = new Map<string, unknown>();
    for await (const row of after.listEntities<{ value: unknown }>()) rows.set(row.rowKey ?? '', row.value);
    assert.equal(rows.get('changed'), 'new');
    assert.equal(rows.has('deleted'), false);
    assert.deepEqual(
      Array.from({ length: 30 }, (_, i) => rows.get(`burst-${String(i).padStart(2, '0')}`)),
      Array.from({ length: 30 }, (_, i) => i),
    );
    assert.equal(rows.get('batch-1'), 1);
    assert.equal(rows.get('batch-2'), 2);
  });

  it('never gives a confirmed idea number to another idea after the crash', async () => {
    const first = await start();
    const storeBefore = new TableStore({ target: { kind: 'connectionString', connectionString: first.connectionString }, prefix: 'tavla' });
    await storeBefore.createTables();
    const confirmed = await new IdeaTable(storeBefore).create(UNIT, (number) => sampleIdea({ number, title: 'Færre vaktbytter' }), audit);
    await crash(first);

    const storeAfter = new TableStore({ target: { kind: 'connectionString', connectionString: (await start()).connectionString }, prefix: 'tavla' });
    // As the bot does at every start.
    await storeAfter.createTables();
    const ideas = new IdeaTable(storeAfter);
    const next = await ideas.create(UNIT, (number) => sampleIdea({ number, title: 'Felles handleliste' }), audit);
    assert.notEqual(next.number, confirmed.number);
    assert.equal((await ideas.get(UNIT, confirmed.number))?.title, 'Færre vaktbytter');
  });
});
