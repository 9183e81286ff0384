import assert from 'node:assert/strict';
import { ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TableClient } from '@azure/data-tables';
import { AzuriteProcess, startAzuriteProcess } from '../../src/storage/azuriteProcess';

const root = join(__dirname, '..', '..');
const WAIT_LIMIT_MS = 30_000;

/** Gone, or a zombie nobody reaps (a container's init may not): either way no longer running. */
function hasEnded(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return true;
  }
  const stat = `/proc/${pid}/stat`;
  return existsSync(stat) && readFileSync(stat, 'utf8').split(') ')[1]?.startsWith('Z') === true;
}

async function waitUntil(what: string, condition: () => boolean): Promise<void> {
  const deadline = Date.now() + WAIT_LIMIT_MS;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`gave up waiting: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

function firstLine(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = '';
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
      text += chunk;
      if (text.includes('\n')) resolve(text.split('\n')[0] ?? '');
    });
    child.once('exit', (code) => reject(new Error(`the parent exited early (code ${code})`)));
  });
}

describe('embedded Azurite process', function () {
  this.timeout(60_000);
  let dir: string;
  let parent: ChildProcess | undefined;
  let azuritePid: number | undefined;
  let restarted: AzuriteProcess | undefined;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'tavla-azurite-parent-'));
  });

  afterEach(async () => {
    // Whatever the outcome, nothing started here keeps running.
    if (parent?.pid && parent.exitCode === null && parent.signalCode === null) parent.kill('SIGKILL');
    if (azuritePid !== undefined && !hasEnded(azuritePid)) process.kill(azuritePid, 'SIGKILL');
    await restarted?.stop();
    parent = undefined;
    azuritePid = undefined;
    restarted = undefined;
    rmSync(dir, { recursive: true, force: true });
  });

  it('does not outlive a parent killed with SIGKILL, and its data is kept', async () => {
    const dbPath = join(dir, 'azurite-table.json');
    parent = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', join(__dirname, 'fixtures', 'azuriteParent.ts'), dbPath], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const { pid } = JSON.parse(await firstLine(parent)) as { pid: number; port: number };
    azuritePid = pid;
    assert.equal(hasEnded(pid), false, 'Azurite runs while its parent does');

    parent.kill('SIGKILL');
    await waitUntil('Azurite to end after its parent was killed', () => hasEnded(pid));

    restarted = await startAzuriteProcess({ dbPath });
    const client = TableClient.fromConnectionString(restarted.connectionString, 'things', { allowInsecureConnection: true });
    assert.equal((await client.getEntity<{ value: string }>('p', 'from-parent')).value, 'kept');
  });
});
