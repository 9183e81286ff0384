/**
 * 7. Start-up to first answer: `npm run build`, then `node dist/main.js` (npm run start:prod)
 * against `ts-node --transpile-only src/main.ts` (npm run start:bot): the time from spawning the
 * process to the first 200 answer to a posted message, in two situations:
 *
 * - restart, as in production: storage is already there and holds the organisation and its history
 *   (an Azurite the benchmark started, given as STORAGE_CONNECTION_STRING); nothing is seeded. The
 *   issue's target (compiled ≤ 2 s) is for this start.
 * - first start in local mode: the embedded Azurite, a fresh DATA_DIR, so the demo organisation and
 *   six months of demo history are written before the bot listens (a developer's first `npm start`).
 */
import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO_PEOPLE } from '../src/services/demoOrganisation';
import { startAzuriteProcess } from '../src/storage/azuriteProcess';
import { FakeConnector } from '../test/support/fakeConnector';
import { TENANT } from './support/organisation';
import { BenchOptions } from './support/options';
import { procStat } from './support/procStat';
import { median, print, progress, ratio, table } from './support/report';

const ROOT = join(__dirname, '..');
const TARGET_MS = 2_000;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

function helpMessage(serviceUrl: string, n: number): string {
  const kari = DEMO_PEOPLE.kari;
  return JSON.stringify({
    type: 'message',
    id: `bench-${n}`,
    channelId: 'msteams',
    serviceUrl,
    from: { id: `29:${kari.aadObjectId}`, name: kari.name, aadObjectId: kari.aadObjectId },
    recipient: { id: '28:tavla-bot', name: 'Tavla' },
    conversation: { id: `a:personal-${kari.aadObjectId}`, conversationType: 'personal', isGroup: false, tenantId: TENANT },
    channelData: { tenant: { id: TENANT } },
    locale: 'nb-NO',
    text: 'hjelp',
    timestamp: new Date().toISOString(),
  });
}

/**
 * CPU seconds (user + system) used so far by a process and its descendants (the bot and its
 * Azurite child), from /proc. NaN where there is no /proc.
 */
function cpuSecondsOf(root: number, withDescendants = true): number {
  if (!existsSync('/proc')) return Number.NaN;
  const stats = new Map<number, { parent: number; cpuMs: number }>();
  for (const entry of readdirSync('/proc')) {
    const stat = /^\d+$/.test(entry) ? procStat(Number(entry)) : undefined;
    if (stat) stats.set(Number(entry), stat);
  }
  let ms = 0;
  const pending = [root];
  while (pending.length) {
    const pid = pending.pop()!;
    ms += stats.get(pid)?.cpuMs ?? 0;
    if (withDescendants) for (const [child, stat] of stats) if (stat.parent === pid) pending.push(child);
  }
  return ms / 1000;
}

async function stopByPid(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  process.kill(child.pid, 'SIGTERM');
  const timer = setTimeout(() => child.pid !== undefined && child.exitCode === null && process.kill(child.pid, 'SIGKILL'), 15_000);
  await exited;
  clearTimeout(timer);
}

interface Start {
  readonly listeningMs: number;
  readonly firstAnswerMs: number;
  /** CPU seconds of the bot and its Azurite child up to the first answer, and of the bot alone. */
  readonly cpuS: number;
  readonly botCpuS: number;
}

/** Where the started bot keeps its data: an Azurite that is already running, or its own embedded one. */
type Storage = { readonly kind: 'existing'; readonly connectionString: string } | { readonly kind: 'embedded' };

async function startOnce(command: readonly string[], storage: Storage, connector: FakeConnector, n: number): Promise<Start> {
  const dataDir = mkdtempSync(join(tmpdir(), 'tavla-bench-'));
  const port = await freePort();
  const storageEnv: NodeJS.ProcessEnv = storage.kind === 'existing' ? { STORAGE_CONNECTION_STRING: storage.connectionString, TABLE_PREFIX: 'benchstart' } : { AZURITE_PORT: '0' };
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: process.env.HOME, DATA_DIR: dataDir, PORT: String(port), ...storageEnv };
  const repliesBefore = connector.log.length;
  const spawnedAt = performance.now();
  const child = spawn(command[0]!, command.slice(1), { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  let listeningMs = Number.NaN;
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString('utf8')).slice(-4000);
    if (Number.isNaN(listeningMs) && output.includes('listening on')) listeningMs = performance.now() - spawnedAt;
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  try {
    const url = `http://127.0.0.1:${port}/api/messages`;
    for (;;) {
      if (child.exitCode !== null) throw new Error(`${command.join(' ')} exited (${child.exitCode}): ${output}`);
      if (performance.now() - spawnedAt > 60_000) throw new Error(`${command.join(' ')} did not answer within 60 s: ${output}`);
      const answered = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: helpMessage(connector.serviceUrl, n) }).then(
        (response) => response.status,
        () => 0,
      );
      if (answered === 200) {
        const firstAnswerMs = performance.now() - spawnedAt;
        const cpuS = cpuSecondsOf(child.pid!);
        const botCpuS = cpuSecondsOf(child.pid!, false);
        if (connector.log.length === repliesBefore) throw new Error('answered 200 without replying');
        return { listeningMs, firstAnswerMs, cpuS, botCpuS };
      }
      if (answered !== 0) throw new Error(`answered ${answered}: ${output}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  } finally {
    await stopByPid(child);
    rmSync(dataDir, { recursive: true, force: true });
  }
}

const s = (value: number) => (value / 1000).toFixed(2);

function summary(starts: readonly Start[], pick: (start: Start) => number): string {
  const values = starts.map(pick);
  return `${s(median(values))} s (${s(Math.min(...values))}–${s(Math.max(...values))})`;
}

/** The rows of one situation: ts-node beside compiled, the target on the first answer where it applies. */
function rowsOf(situation: string, starts: { readonly tsNode: readonly Start[]; readonly compiled: readonly Start[] }, withTarget: boolean): string[][] {
  const row = (measure: string, pick: (start: Start) => number, target = ''): string[] => {
    const compiled = median(starts.compiled.map(pick));
    return [`${situation}: ${measure}`, summary(starts.tsNode, pick), summary(starts.compiled, pick), ratio(compiled, median(starts.tsNode.map(pick))), target];
  };
  const firstCompiled = median(starts.compiled.map((r) => r.firstAnswerMs));
  const verdict = withTarget ? (firstCompiled <= TARGET_MS ? `met (${s(firstCompiled)} s)` : `MISSED (${s(firstCompiled)} s)`) : 'not the target\'s start';
  return [
    row('spawn → first 200 answer to a posted message', (r) => r.firstAnswerMs, verdict),
    row('spawn → "listening on" printed', (r) => r.listeningMs),
    row('CPU time to the first answer, the bot\'s process', (r) => r.botCpuS * 1000),
    ...(withTarget ? [] : [row('CPU time to the first answer, bot + its Azurite', (r) => r.cpuS * 1000)]),
  ];
}

export async function run(options: BenchOptions): Promise<void> {
  const loadAtStart = loadavg();
  progress('npm run build');
  const buildStarted = performance.now();
  const build = spawnSync('npm', ['run', 'build'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  if (build.status !== 0) throw new Error(`npm run build failed (${build.status})`);
  const buildS = (performance.now() - buildStarted) / 1000;
  const connector = await FakeConnector.start({ keepActivities: false });
  const azurite = await startAzuriteProcess();
  try {
    const compiled = [process.execPath, 'dist/main.js'];
    const tsNode = [process.execPath, require.resolve('ts-node/dist/bin.js'), '--transpile-only', 'src/main.ts'];
    const existing: Storage = { kind: 'existing', connectionString: azurite.connectionString };
    const embedded: Storage = { kind: 'embedded' };
    let n = 0;
    progress('a first start against the existing storage, not measured: it writes the demo organisation and its history');
    await startOnce(compiled, existing, connector, n++);
    const runs = options.scale < 1 ? 1 : 3;
    const restart = { compiled: [] as Start[], tsNode: [] as Start[] };
    const first = { compiled: [] as Start[], tsNode: [] as Start[] };
    for (let i = 0; i < runs; i++) {
      progress(`round ${i + 1} of ${runs}: restart and first start, each ts-node then compiled`);
      restart.tsNode.push(await startOnce(tsNode, existing, connector, n++));
      restart.compiled.push(await startOnce(compiled, existing, connector, n++));
      first.tsNode.push(await startOnce(tsNode, embedded, connector, n++));
      first.compiled.push(await startOnce(compiled, embedded, connector, n++));
    }
    print(
      table(
        `7. Start-up to first answer (median of ${runs}, min–max)`,
        ['measure', 'ts-node --transpile-only src/main.ts (reference)', 'node dist/main.js', 'ratio', 'target: compiled ≤ 2 s'],
        [...rowsOf('restart (production)', restart, true), ...rowsOf('first start, local', first, false)],
        [
          'restart (production): storage already holds the demo organisation and six months of its history (an Azurite started by the benchmark, given as STORAGE_CONNECTION_STRING), so nothing is seeded; this is how a production instance starts, and the start the target is for. Local mode (no Bot Framework authentication), which starts the same parts.',
          'first start, local: `npm start` on a new machine: the embedded Azurite in its own process and a fresh DATA_DIR, so the demo organisation and six months of demo history are written before the bot listens.',
          `npm run build (tsc -p tsconfig.build.json, then the tab bundle) took ${buildS.toFixed(1)} s before the runs. The message is "hjelp" from a demo person, posted every 20 ms from the spawn until a 200 comes back; the bot's reply goes to a fake Bot Connector on 127.0.0.1. Processes stopped by PID with SIGTERM. Each round starts ts-node, then compiled.`,
          `CPU time: user + system seconds (from /proc, in 10 ms ticks) when the first answer came: what the start-up costs whatever else the machine is doing. Load average at the start of this section: ${loadAtStart.map((l) => l.toFixed(1)).join(', ')} on ${cpus().length} CPUs.`,
        ],
      ),
    );
  } finally {
    await azurite.stop();
    await connector.stop();
  }
}
