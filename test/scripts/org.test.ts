import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { importOrganisation } from '../../src/services/organisationImport';
import { OrganisationTable } from '../../src/storage/organisationTable';
import { TableStore } from '../../src/storage/tableStore';
import { testConnectionString } from '../support/azurite';

const root = join(__dirname, '..', '..');
const script = join(root, 'scripts', 'org.ts');
const exampleYaml = join(root, 'examples', 'organisation.yaml');
const CHILD_TIMEOUT_MS = 45_000;

interface Run {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Runs the real CLI in a child process, from an empty working directory (so no developer's .env
 * is read) and with only the settings given here: no BOT_* or other variables leak in.
 * execFile is asynchronous on purpose: the test Azurite lives in this process and must keep serving.
 */
function runOrg(args: readonly string[], settings: Readonly<Record<string, string>>, cwd: string): Promise<Run> {
  const env = {
    PATH: process.env.PATH ?? '',
    TS_NODE_TRANSPILE_ONLY: 'true',
    TS_NODE_PROJECT: join(root, 'tsconfig.json'),
    ...settings,
  };
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['-r', require.resolve('ts-node/register'), script, ...args],
      { cwd, env, timeout: CHILD_TIMEOUT_MS, killSignal: 'SIGKILL' },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : null) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

describe('npm run org (CLI)', function () {
  this.timeout(CHILD_TIMEOUT_MS + 15_000);

  let workDir: string;
  let prefix: string;
  let settings: Record<string, string>;

  beforeEach(() => {
    workDir = mkdtempSync(join(tmpdir(), 'tavla-org-'));
    prefix = `cli${randomBytes(4).toString('hex')}`;
    settings = { STORAGE_CONNECTION_STRING: testConnectionString(), TABLE_PREFIX: prefix };
  });

  afterEach(() => {
    rmSync(workDir, { recursive: true, force: true });
  });

  /** The same tables the child process wrote, read directly. */
  async function storedOrganisation(): Promise<OrganisationTable> {
    const store = new TableStore({ target: { kind: 'connectionString', connectionString: testConnectionString() }, prefix });
    await store.createTables();
    return new OrganisationTable(store);
  }

  it('imports the example YAML file and prints a summary', async () => {
    const run = await runOrg(['import', exampleYaml], settings, workDir);

    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /^Imported\./m);
    assert.match(run.stdout, /^Service areas: 2 new, 0 updated, 0 unchanged$/m);
    assert.match(run.stdout, /^Units: 4 new, 0 updated, 0 unchanged$/m);
    const org = await (await storedOrganisation()).load();
    assert.equal(org.units.length, 4);
  });

  it('refuses a bad file with file:line: messages, exits 1 and writes nothing', async () => {
    const file = join(workDir, 'org.yaml');
    writeFileSync(
      file,
      ['serviceAreas:', '  - id: drift', '    name: Drift', '    units:', '      - id: veje', '        name: Veje', '        leader: [a@example.dk]', '      - id: Parker', '        name: Parker', ''].join('\n'),
    );

    const run = await runOrg(['import', file], settings, workDir);

    assert.equal(run.code, 1);
    const problemLines = run.stderr.split('\n').filter((line) => line.startsWith(`${file}:`));
    assert.deepEqual(
      problemLines.map((line) => line.slice(file.length + 1).split(':')[0]),
      ['7', '8'],
    );
    assert.match(problemLines[0], /unknown key "leader"/);
    assert.match(run.stderr, /Nothing was imported: 2 problems/);
    assert.equal(run.stdout, '');
    assert.deepEqual((await (await storedOrganisation()).load()).units, []);
  });

  it('exports the stored units as CSV on stdout', async () => {
    const repo = await storedOrganisation();
    assert.ok((await importOrganisation(repo, readFileSync(exampleYaml, 'utf8'), 'yaml')).ok);

    const run = await runOrg(['export', '--format', 'csv'], settings, workDir);

    assert.equal(run.code, 0, run.stderr);
    const lines = run.stdout.trim().split('\n');
    assert.equal(lines[0], 'service_area_id,service_area_name,service_area_leaders,unit_id,unit_code,unit_name,unit_leaders,headcount,meeting_weekdays,meeting_time');
    assert.deepEqual(
      lines.slice(1).map((line) => line.split(',')[3]),
      ['hjemmetjenesten', 'sykehjem-nord', 'eina-skole', 'raufoss-barnehage'],
    );
  });

  it('names the bad setting in one line and exits 1', async () => {
    const run = await runOrg(['import', exampleYaml], { ...settings, TABLE_PREFIX: '1bad' }, workDir);

    assert.equal(run.code, 1);
    assert.equal(run.stdout, '');
    const lines = run.stderr.trim().split('\n');
    assert.equal(lines.length, 1, run.stderr);
    assert.match(lines[0], /^Configuration error: TABLE_PREFIX /);
  });

  it('explains its usage and exits 2 on an unknown command', async () => {
    const run = await runOrg(['imprt', exampleYaml], settings, workDir);

    assert.equal(run.code, 2);
    assert.match(run.stderr, /unknown command "imprt"/);
    assert.match(run.stderr, /npm run org -- import <file/);
  });
});
