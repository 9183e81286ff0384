// Measures what durable writes cost in the embedded Azurite (see src/storage/azuriteDurability.ts):
// the time per acknowledged write in memory (no disk on the request path, as Azurite's own 5 s
// autosave was) and with a data file (saved, fsynced and renamed before each answer), for a small
// and a larger database, one writer at a time and 20 at once. Prints a table; not a test.
//   npx ts-node --transpile-only scripts/azurite-write-cost.ts
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { TableClient, TransactionAction } from '@azure/data-tables';
import { startAzuriteProcess } from '../src/storage/azuriteProcess';

const SEQUENTIAL_WRITES = 200;
const CONCURRENT_WRITERS = 20;
const WRITES_PER_WRITER = 20;
// Filler rows of 800 characters on top of the ~500 small rows the measurement writes itself
// (`npm start`'s demo data is a 20 KB file).
const SIZES = [0, 1_000, 5_000];
const FILLER = 'x'.repeat(800);

interface Row {
  readonly mode: string;
  readonly rows: number;
  readonly fileKb: number | undefined;
  readonly sequentialMs: number;
  readonly concurrentMs: number;
}

async function fill(client: TableClient, rows: number): Promise<void> {
  for (let start = 0; start < rows; start += 100) {
    const count = Math.min(100, rows - start);
    const actions: TransactionAction[] = Array.from({ length: count }, (_, i) => ['create', { partitionKey: 'fill', rowKey: String(start + i).padStart(6, '0'), text: FILLER }]);
    await client.submitTransaction(actions);
  }
}

async function measure(mode: 'memory' | 'file', rows: number): Promise<Row> {
  const dir = mkdtempSync(join(tmpdir(), 'tavla-write-cost-'));
  const dbPath = join(dir, 'azurite-table.json');
  const azurite = await startAzuriteProcess(mode === 'file' ? { dbPath } : {});
  try {
    const client = TableClient.fromConnectionString(azurite.connectionString, 'cost', { allowInsecureConnection: true });
    await client.createTable();
    await fill(client, rows);
    // Warm up connections and code paths.
    for (let i = 0; i < 20; i++) await client.upsertEntity({ partitionKey: 'warm', rowKey: String(i), n: i });

    let started = performance.now();
    for (let i = 0; i < SEQUENTIAL_WRITES; i++) await client.upsertEntity({ partitionKey: 'seq', rowKey: String(i % 50), n: i });
    const sequentialMs = (performance.now() - started) / SEQUENTIAL_WRITES;

    started = performance.now();
    await Promise.all(
      Array.from({ length: CONCURRENT_WRITERS }, async (_, writer) => {
        for (let i = 0; i < WRITES_PER_WRITER; i++) await client.upsertEntity({ partitionKey: `w${writer}`, rowKey: String(i), n: i });
      }),
    );
    const concurrentMs = (performance.now() - started) / (CONCURRENT_WRITERS * WRITES_PER_WRITER);
    const fileKb = mode === 'file' ? Math.round(statSync(dbPath).size / 1024) : undefined;
    return { mode, rows, fileKb, sequentialMs, concurrentMs };
  } finally {
    await azurite.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const results: Row[] = [];
  for (const rows of SIZES) for (const mode of ['memory', 'file'] as const) results.push(await measure(mode, rows));
  console.log(`| store | filler rows | data file | ms per write, 1 writer | ms per write, ${CONCURRENT_WRITERS} writers (wall time / writes) |`);
  console.log('|---|---:|---:|---:|---:|');
  for (const r of results) {
    const file = r.fileKb === undefined ? '-' : `${r.fileKb} KB`;
    console.log(`| ${r.mode} | ${r.rows} | ${file} | ${r.sequentialMs.toFixed(2)} | ${r.concurrentMs.toFixed(2)} |`);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
