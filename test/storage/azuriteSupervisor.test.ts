import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TableClient } from '@azure/data-tables';
import { SupervisedAzurite, SupervisorEvent, superviseAzurite } from '../../src/storage/azuriteSupervisor';
import { AzuriteProcess } from '../../src/storage/azuriteProcess';

/** Kills the serving child as a crash would, and waits until the supervisor has seen it go. */
async function crashServing(storage: SupervisedAzurite): Promise<AzuriteProcess> {
  const serving = storage.current;
  assert.ok(serving, 'an Azurite is serving');
  serving.kill('SIGKILL');
  await serving.exited;
  return serving;
}

describe('supervised embedded Azurite', function () {
  this.timeout(60_000);
  let dir: string;
  let storage: SupervisedAzurite | undefined;
  let events: SupervisorEvent[];

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'tavla-supervisor-'));
    events = [];
  });

  afterEach(async () => {
    await storage?.stop();
    storage = undefined;
    rmSync(dir, { recursive: true, force: true });
  });

  it('restarts an Azurite killed with SIGKILL on the same port; the same TableClient works again and nothing is lost', async () => {
    storage = await superviseAzurite({ dbPath: join(dir, 'azurite-table.json'), report: (event) => events.push(event) });
    const client = TableClient.fromConnectionString(storage.connectionString, 'things', { allowInsecureConnection: true });
    await client.createTable();
    await client.createEntity({ partitionKey: 'p', rowKey: 'before-crash', value: 'kept' });

    const crashed = await crashServing(storage);
    const restarted = await storage.running();

    assert.notEqual(restarted.pid, crashed.pid, 'a new process');
    assert.equal(restarted.port, crashed.port, 'on the same port');
    assert.equal((await client.getEntity<{ value: string }>('p', 'before-crash')).value, 'kept');
    await client.createEntity({ partitionKey: 'p', rowKey: 'after-crash', value: 'written' });
    assert.deepEqual(
      events.map((event) => event.kind),
      ['down', 'restarted'],
    );
  });

  it('gives up after too many quick crashes in a row, says so, and stays down', async () => {
    storage = await superviseAzurite({ restart: { delaysMs: [0], maxQuickRestarts: 1 }, report: (event) => events.push(event) });
    await crashServing(storage);
    await storage.running();
    await crashServing(storage);

    await assert.rejects(storage.running(), /not restarted/);
    assert.equal(storage.current, undefined);
    assert.deepEqual(
      events.map((event) => event.kind),
      ['down', 'restarted', 'gaveUp'],
    );
  });

  it('does not restart an Azurite stopped on purpose', async () => {
    storage = await superviseAzurite({ report: (event) => events.push(event) });
    const serving = storage.current;
    await storage.stop();

    assert.equal((await serving?.exited)?.requested, true);
    assert.equal(storage.current, undefined);
    await assert.rejects(storage.running(), /stopped/);
    assert.deepEqual(events, []);
  });
});
