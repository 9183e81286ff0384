import assert from 'node:assert/strict';
import { ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AzuriteProcess, startAzuriteProcess } from '../../src/storage/azuriteProcess';
import { azuriteConnectionString } from '../../src/storage/embeddedAzurite';
import { LeaseTable } from '../../src/storage/leaseTable';
import { TableStore } from '../../src/storage/tableStore';

const root = join(__dirname, '..', '..');
const WAIT_LIMIT_MS = 60_000;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

const leasesAt = (connectionString: string) =>
  new LeaseTable(new TableStore({ target: { kind: 'connectionString', connectionString }, prefix: 'tavla' }));

/** The bot's "proactive" lease as stored, or undefined while storage is not up yet. */
async function storedHolder(leases: LeaseTable): Promise<string | undefined> {
  try {
    return (await leases.current('proactive'))?.holder;
  } catch {
    return undefined;
  }
}

interface Variant {
  readonly title: string;
  readonly script: string;
  readonly args: readonly string[];
  /** How a person stops it: Ctrl-C in a terminal signals the whole foreground process group. */
  readonly stop: (pid: number) => void;
}

const VARIANTS: readonly Variant[] = [
  {
    title: 'Ctrl-C on `npm start`',
    script: 'scripts/dev.ts',
    args: ['--no-playground'],
    stop: (pid) => process.kill(-pid, 'SIGINT'),
  },
  {
    title: 'SIGTERM to `npm run start:bot`',
    script: 'src/main.ts',
    args: [],
    stop: (pid) => process.kill(pid, 'SIGTERM'),
  },
];

describe('stopping Tavla with its embedded Azurite', function () {
  this.timeout(120_000);
  let dir: string;
  let bot: ChildProcess | undefined;
  let azurite: AzuriteProcess | undefined;
  let output: string;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'tavla-stop-'));
    output = '';
  });

  afterEach(async () => {
    // Its own process group (below), so this reaches everything it started but its Azurite, which
    // stops by itself when its parent is gone.
    if (bot?.pid && bot.exitCode === null && bot.signalCode === null) process.kill(-bot.pid, 'SIGKILL');
    await azurite?.stop();
    bot = undefined;
    azurite = undefined;
    rmSync(dir, { recursive: true, force: true });
  });

  for (const variant of VARIANTS) {
    it(`${variant.title} stops the bot before storage: the "proactive" lease is released, so the next start takes it at once`, async () => {
      const azuritePort = await freePort();
      bot = spawn(process.execPath, ['-r', require.resolve('ts-node/register'), join(root, variant.script), ...variant.args], {
        // An empty working directory, so no developer's .env is read; only these settings.
        cwd: dir,
        env: {
          PATH: process.env.PATH ?? '',
          TS_NODE_TRANSPILE_ONLY: 'true',
          TS_NODE_PROJECT: join(root, 'tsconfig.json'),
          DATA_DIR: join(dir, 'data'),
          AZURITE_PORT: String(azuritePort),
          PORT: '0',
          PLAYGROUND: 'false',
          LOG_LEVEL: 'warn',
        },
        stdio: ['ignore', 'pipe', 'pipe'],
        // A process group of its own, as a terminal gives a foreground job.
        detached: true,
      });
      const running = bot;
      running.stdout?.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
      running.stderr?.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
      const exited = new Promise<number | null>((resolve) => running.once('exit', (code) => resolve(code)));

      const whileRunning = leasesAt(azuriteConnectionString(azuritePort));
      const deadline = Date.now() + WAIT_LIMIT_MS;
      let holder: string | undefined;
      while (!(holder = await storedHolder(whileRunning))) {
        assert.equal(running.exitCode, null, `Tavla exited early:\n${output}`);
        assert.ok(Date.now() < deadline, `Tavla did not take the proactive lease:\n${output}`);
        await new Promise((resolve) => setTimeout(resolve, 200));
      }

      variant.stop(running.pid ?? 0);
      assert.equal(await exited, 0, `Tavla did not stop cleanly:\n${output}`);

      azurite = await startAzuriteProcess({ dbPath: join(dir, 'data', 'azurite-table.json') });
      const afterwards = leasesAt(azurite.connectionString);
      assert.equal(await afterwards.current('proactive'), undefined, `the lease of ${holder} was left behind:\n${output}`);
      assert.equal(await afterwards.acquire('proactive', 'next-start', new Date(), 45_000), true);
    });
  }
});
