import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { composeServices } from '../../src/composition';
import { IdeaStatus } from '../../src/domain/ideas';
import { silentLogger } from '../../src/ports/logger';
import { DEMO_PEOPLE, seedDemoOrganisation } from '../../src/services/demoOrganisation';
import { TableStore } from '../../src/storage/tableStore';
import { testConnectionString } from '../support/azurite';

const root = join(__dirname, '..', '..');
const script = join(root, 'scripts', 'report.ts');
const CHILD_TIMEOUT_MS = 45_000;

interface Run {
  readonly code: number | null;
  readonly stdout: Buffer;
  readonly stderr: string;
}

/** The real CLI in a child process, from an empty directory and with only these settings (as the org CLI's test). */
function runReport(args: readonly string[], settings: Readonly<Record<string, string>>, cwd: string): Promise<Run> {
  const env = { PATH: process.env.PATH ?? '', TS_NODE_TRANSPILE_ONLY: 'true', TS_NODE_PROJECT: join(root, 'tsconfig.json'), ...settings };
  return new Promise((resolve) => {
    execFile(process.execPath, ['-r', require.resolve('ts-node/register'), script, ...args], { cwd, env, timeout: CHILD_TIMEOUT_MS, killSignal: 'SIGKILL', encoding: 'buffer' }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : null) : 0, stdout, stderr: stderr.toString('utf8') });
    });
  });
}

describe('npm run report (CLI)', function () {
  this.timeout(3 * CHILD_TIMEOUT_MS);
  const year = String(new Date().getUTCFullYear());
  let workDir: string;
  let settings: Record<string, string>;

  before(async () => {
    workDir = mkdtempSync(join(tmpdir(), 'tavla-report-'));
    const prefix = `rep${randomBytes(4).toString('hex')}`;
    settings = { STORAGE_CONNECTION_STRING: testConnectionString(), TABLE_PREFIX: prefix };
    const store = new TableStore({ target: { kind: 'connectionString', connectionString: testConnectionString() }, prefix });
    await store.createTables();
    const { services, repositories } = composeServices(store, { clock: { now: () => new Date() }, ids: { next: () => randomBytes(6).toString('hex') }, logger: silentLogger });
    await seedDemoOrganisation(repositories.organisation, repositories.people);
    let { idea } = await services.ideaSubmission.submit(DEMO_PEOPLE.ola, { unitId: 'hjemmetjenesten-nord', idea: { title: 'Færre vaktbytter', type: 'improve' } });
    for (const to of ['inProgress', 'evaluating', 'done'] as IdeaStatus[]) ({ idea } = await services.ideaChanges.apply(DEMO_PEOPLE.kari, idea, { kind: 'move', to }));
  });

  it('writes an area\'s year as XLSX to --out, in the organisation\'s language', async () => {
    const out = join(workDir, 'helse.xlsx');
    const run = await runReport(['--scope', 'area', '--id', 'helse-omsorg', '--period', year, '--format', 'xlsx', '--out', out], settings, workDir);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stderr, /^Wrote .*helse\.xlsx: Helse og omsorg/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(readFileSync(out) as unknown as ArrayBuffer);
    assert.deepEqual(workbook.worksheets.map((s) => s.name), ['Enheter', 'Tjenesteområder', 'Gevinst per kategori']);
    const units = workbook.getWorksheet('Enheter')!;
    assert.deepEqual([units.getCell(4, 1).value, units.getCell(4, 5).value, units.getCell(4, 6).value], ['Hjemmetjenesten nord', 1, 1]);
  });

  it('writes CSV to stdout with its BOM, and JSON, in the language asked for', async () => {
    const csv = await runReport(['--scope', 'org', '--period', year, '--format', 'csv', '--lang', 'en'], settings, workDir);
    assert.equal(csv.code, 0, csv.stderr);
    assert.deepEqual([...csv.stdout.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
    assert.match(csv.stdout.subarray(3).toString('utf8'), /^Level,Name,Code,Service area,/);
    const json = await runReport(['--scope', 'unit', '--id', 'hjemmetjenesten-nord', '--period', `${year}-01-01..${year}-12-31`, '--format', 'json'], settings, workDir);
    assert.equal(json.code, 0, json.stderr);
    assert.equal((JSON.parse(json.stdout.toString('utf8')) as { total: { done: number } }).total.done, 1);
  });

  it('explains what is wrong with the arguments (exit 2) or the request (exit 1)', async () => {
    const cases: [string[], number, RegExp][] = [
      [['--scope', 'unit', '--period', year, '--format', 'csv'], 2, /--scope unit needs --id/],
      [['--scope', 'org', '--period', '2026Q5', '--format', 'csv'], 2, /--period "2026Q5" is not a period/],
      [['--scope', 'unit', '--id', 'finnes-ikke', '--period', year, '--format', 'csv'], 1, /no such unit or service area/],
    ];
    for (const [args, code, message] of cases) {
      const run = await runReport(args, settings, workDir);
      assert.equal(run.code, code, `${args.join(' ')}: ${run.stderr}`);
      assert.match(run.stderr, message);
    }
  });
});
