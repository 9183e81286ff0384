/**
 * npm run bench: the benchmark tables (docs/benchmarks.md records a full run). Not a test: it
 * prints tables. Each section runs in a fresh Node process with its own Azurite, one after another.
 *
 *   npm run bench                              everything (11 to 13 minutes on 2 cores)
 *   npm run bench -- --only views,digests      some sections: jobs, views, digests, submissions,
 *                                              budgets, idle, startup, pipeline, similarity, reports
 *   npm run bench -- --scale 0.1               a tenth of the data and messages (a quick check)
 *   npm run bench -- --only digests --digest-history 1000,10000
 *   npm run bench -- --only pipeline --scenario 429 --first-contact
 */
import { fork } from 'node:child_process';
import { loadavg } from 'node:os';
import { BenchOptions, SectionName, parseOptions } from './support/options';
import { machine, print } from './support/report';

type Section = { run(options: BenchOptions): Promise<void> };

/* eslint-disable @typescript-eslint/no-require-imports */
const load: Record<SectionName, () => Section> = {
  jobs: () => require('./jobs') as Section,
  views: () => require('./views') as Section,
  digests: () => require('./digests') as Section,
  submissions: () => require('./submissions') as Section,
  budgets: () => require('./budgets') as Section,
  idle: () => require('./idle') as Section,
  startup: () => require('./startup') as Section,
  pipeline: () => require('./pipeline') as Section,
  similarity: () => require('./similarity') as Section,
  reports: () => require('./reports') as Section,
};
/* eslint-enable @typescript-eslint/no-require-imports */

function runSection(name: SectionName): Promise<void> {
  const child = fork(__filename, process.argv.slice(2), {
    execArgv: ['-r', 'ts-node/register/transpile-only'],
    env: { ...process.env, BENCH_SECTION: name },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code, signal) => (code === 0 ? resolve() : reject(new Error(`section ${name} ended with ${signal ?? `code ${code}`}`))));
  });
}

async function main(): Promise<void> {
  const options = parseOptions();
  const section = process.env.BENCH_SECTION as SectionName | undefined;
  if (section) {
    await load[section]().run(options);
    process.exit(0);
  }
  const started = performance.now();
  const args = process.argv.slice(2);
  print(`Command: npm run bench${args.length ? ` -- ${args.join(' ')}` : ''}`);
  print(`Date: ${new Date().toISOString()}`);
  print(`Machine: ${machine()}; load average (1, 5, 15 min) ${loadavg().map((l) => l.toFixed(1)).join(', ')}`);
  print('');
  const failed: string[] = [];
  for (const name of options.only) {
    const sectionStarted = performance.now();
    const loadBefore = loadavg()[0]!;
    process.stderr.write(`${name}...\n`);
    try {
      await runSection(name);
    } catch (error) {
      failed.push(name);
      print(`Section ${name} failed: ${error instanceof Error ? error.message : String(error)}\n`);
    }
    // Other work on the machine stretches wall times (not counts): say how busy it was.
    print(`_Section ${name}: ${((performance.now() - sectionStarted) / 1000).toFixed(0)} s; load average (1 min) ${loadBefore.toFixed(1)} before, ${loadavg()[0]!.toFixed(1)} after._\n`);
  }
  print(`Whole run: ${((performance.now() - started) / 60_000).toFixed(1)} min`);
  if (failed.length) process.exit(1);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
