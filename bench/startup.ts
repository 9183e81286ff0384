/**
 * 7. Start-up to first answer: `npm run build`, then `node dist/main.js` (npm run start:prod)
 * against `ts-node --transpile-only src/main.ts` (npm run start:bot), each in local mode with its
 * embedded Azurite on a random port and a fresh DATA_DIR (so the demo organisation is seeded, as on
 * a first start): the time from spawning the process to the first 200 answer to a posted message.
 */
import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO_PEOPLE } from '../src/services/demoOrganisation';
import { FakeConnector } from '../test/support/fakeConnector';
import { TENANT } from './support/organisation';
import { BenchOptions } from './support/options';
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
 * Azurite child), from /proc: a figure the machine's other load does not stretch, unlike wall time.
 * NaN where there is no /proc.
 */
function cpuSecondsOf(root: number, withDescendants = true): number {
  try {
    const stats = new Map<number, { parent: number; ticks: number }>();
    for (const entry of readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      try {
        const text = readFileSync(`/proc/${entry}/stat`, 'utf8');
        // Fields after the command name, which is in parentheses and may contain spaces.
        const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
        stats.set(Number(entry), { parent: Number(fields[1]), ticks: Number(fields[11]) + Number(fields[12]) });
      } catch {
        // The process ended while we looked.
      }
    }
    let ticks = 0;
    const pending = [root];
    while (pending.length) {
      const pid = pending.pop()!;
      ticks += stats.get(pid)?.ticks ?? 0;
      if (withDescendants) for (const [child, stat] of stats) if (stat.parent === pid) pending.push(child);
    }
    return ticks / 100;
  } catch {
    return Number.NaN;
  }
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

async function startOnce(command: readonly string[], connector: FakeConnector, n: number): Promise<Start> {
  const dataDir = mkdtempSync(join(tmpdir(), 'tavla-bench-'));
  const port = await freePort();
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: process.env.HOME, DATA_DIR: dataDir, AZURITE_PORT: '0', PORT: String(port) };
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

export async function run(options: BenchOptions): Promise<void> {
  const loadAtStart = loadavg();
  progress('npm run build');
  const buildStarted = performance.now();
  const build = spawnSync('npm', ['run', 'build'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  if (build.status !== 0) throw new Error(`npm run build failed (${build.status})`);
  const buildS = (performance.now() - buildStarted) / 1000;
  const connector = await FakeConnector.start({ keepActivities: false });
  try {
    const compiled = [process.execPath, 'dist/main.js'];
    const tsNode = [process.execPath, require.resolve('ts-node/dist/bin.js'), '--transpile-only', 'src/main.ts'];
    const runs = options.scale < 1 ? 1 : 3;
    const results = { compiled: [] as Start[], tsNode: [] as Start[] };
    for (let i = 0; i < runs; i++) {
      progress(`start ${i + 1} of ${runs}: ts-node, then compiled`);
      results.tsNode.push(await startOnce(tsNode, connector, 2 * i));
      results.compiled.push(await startOnce(compiled, connector, 2 * i + 1));
    }
    const s = (value: number) => (value / 1000).toFixed(2);
    const summary = (starts: readonly Start[], pick: (start: Start) => number) => {
      const values = starts.map(pick);
      return `${s(median(values))} s (${s(Math.min(...values))}–${s(Math.max(...values))})`;
    };
    const firstCompiled = median(results.compiled.map((r) => r.firstAnswerMs));
    const firstTsNode = median(results.tsNode.map((r) => r.firstAnswerMs));
    const listenCompiled = median(results.compiled.map((r) => r.listeningMs));
    const listenTsNode = median(results.tsNode.map((r) => r.listeningMs));
    print(
      table(
        `7. Start-up to first answer, local mode, embedded Azurite, fresh DATA_DIR (median of ${runs}, min–max)`,
        ['measure', 'ts-node --transpile-only src/main.ts (reference)', 'node dist/main.js', 'ratio', 'target: compiled ≤ 2 s'],
        [
          ['spawn → first 200 answer to a posted message', summary(results.tsNode, (r) => r.firstAnswerMs), summary(results.compiled, (r) => r.firstAnswerMs), ratio(firstCompiled, firstTsNode), firstCompiled <= TARGET_MS ? `met (${s(firstCompiled)} s)` : `MISSED (${s(firstCompiled)} s)`],
          ['spawn → "listening on" printed', summary(results.tsNode, (r) => r.listeningMs), summary(results.compiled, (r) => r.listeningMs), ratio(listenCompiled, listenTsNode), ''],
          ['CPU time to the first answer: bot + its Azurite', summary(results.tsNode, (r) => r.cpuS * 1000), summary(results.compiled, (r) => r.cpuS * 1000), ratio(median(results.compiled.map((r) => r.cpuS)), median(results.tsNode.map((r) => r.cpuS))), ''],
          ['CPU time to the first answer: the bot\'s process alone', summary(results.tsNode, (r) => r.botCpuS * 1000), summary(results.compiled, (r) => r.botCpuS * 1000), ratio(median(results.compiled.map((r) => r.botCpuS)), median(results.tsNode.map((r) => r.botCpuS))), ''],
        ],
        [
          `npm run build (tsc -p tsconfig.build.json) took ${buildS.toFixed(1)} s before the runs. The message is "hjelp" from a demo person, posted every 20 ms from the spawn until a 200 comes back; the bot's reply goes to a fake Bot Connector on 127.0.0.1. SEED_DEMO as default (on), no Playground, processes stopped by PID with SIGTERM. Runs alternate ts-node and compiled.`,
          `CPU time: user + system seconds of the bot's process and its Azurite child (from /proc, in 10 ms ticks) when the first answer came: what the start-up costs whatever else the machine is doing. Load average at the start of this section: ${loadAtStart.map((l) => l.toFixed(1)).join(', ')} on ${cpus().length} CPUs.`,
        ],
      ),
    );
  } finally {
    await connector.stop();
  }
}
