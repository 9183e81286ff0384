/**
 * Benchmark of the proactive delivery pipeline (npm run bench). Not a test: prints a table.
 *
 * 2,000 messages (500 board-meeting prompts to 500 channel conversations + 1,500 1:1 reminders to
 * 1,500 people) go through the real pipeline: OutboxTable on Azurite (its own process, in memory),
 * the DeliveryWorker with the ConnectorRateLimiter at 50 requests/s, and the ConnectorSender over a
 * real botbuilder CloudAdapter (TeamsAdapter) posting over HTTP to the fake Bot Connector, which
 * enforces 50 requests/s per tenant and 7/1 s, 8/2 s, 60/30 s per conversation by answering 429.
 * Real time throughout.
 */
import { fork } from 'node:child_process';
import { cpus, totalmem } from 'node:os';
import { randomBytes } from 'node:crypto';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { TeamsAdapter } from '@microsoft/teams-ai';
import { systemClock } from '../src/ports/clock';
import { silentLogger } from '../src/ports/logger';
import { OutgoingMessage } from '../src/ports/outbox';
import { PersonRecord } from '../src/ports/peopleRepository';
import { DeliveryWorker } from '../src/scheduler/deliveryWorker';
import { ConnectorRateLimiter, realSleep } from '../src/scheduler/rateLimiter';
import { startAzuriteProcess } from '../src/storage/azuriteProcess';
import { OutboxTable } from '../src/storage/outboxTable';
import { PeopleTable } from '../src/storage/peopleTable';
import { TableStore } from '../src/storage/tableStore';
import { ConnectorSender, outboxConnectorClientOptions } from '../src/teams/connectorSender';
import { FakeConnector } from '../test/support/fakeConnector';
import { agendaCard, reminderCard } from './cards';

// A full garbage collection before reading the live heap.
setFlagsFromString('--expose_gc');
const collectGarbage = runInNewContext('gc') as () => void;

const TENANT = '11111111-2222-4333-8444-555555555555';
const RATE = 50;
/** `npm run bench -- --scale 0.1` runs a tenth of the messages (a quick check). */
const scaleArg = process.argv.indexOf('--scale');
const SCALE = scaleArg > 0 ? Number(process.argv[scaleArg + 1]) : 1;
const CHANNELS = Math.round(500 * SCALE);
const PEOPLE = Math.round(1_500 * SCALE);

interface Scenario {
  readonly name: string;
  /** Share of sends the fake answers 429 with Retry-After 1 s. */
  readonly throttleShare: number;
  /** People without a 1:1 chat yet: the sender opens one (an extra request each). */
  readonly firstContact: boolean;
}

const ALL_SCENARIOS: readonly Scenario[] = [
  { name: 'no injected 429s', throttleShare: 0, firstContact: false },
  { name: '5% of sends 429 (Retry-After 1 s)', throttleShare: 0.05, firstContact: false },
  ...(process.argv.includes('--first-contact') ? [{ name: 'first contact: 1,500 1:1 chats opened', throttleShare: 0, firstContact: true }] : []),
];
/** `--only <text>` runs the scenarios whose name contains it. */
const onlyArg = process.argv.indexOf('--only');
const SCENARIOS = onlyArg > 0 ? ALL_SCENARIOS.filter((s) => s.name.includes(process.argv[onlyArg + 1] ?? '')) : ALL_SCENARIOS;

interface Result {
  readonly scenario: string;
  readonly messages: number;
  readonly delivered: number;
  readonly duplicates: number;
  readonly enqueueS: number;
  readonly elapsedS: number;
  readonly msgPerS: number;
  readonly requestsPerS: number;
  readonly share: number;
  readonly throttled: number;
  readonly limited: number;
  readonly failed: number;
  readonly peakRssMb: number;
  readonly liveHeapMb: number;
}

const personId = (i: number) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;

function messages(serviceUrl: string): { prompts: OutgoingMessage[]; reminders: OutgoingMessage[] } {
  const prompts = Array.from({ length: CHANNELS }, (_, i): OutgoingMessage => ({
    key: `prompt|2026-11-23|unit-${i}`,
    job: 'prompt',
    target: { kind: 'channel', conversationId: `19:unit-${i}-board@thread.tacv2`, serviceUrl, tenantId: TENANT },
    card: agendaCard(i),
  }));
  const reminders = Array.from({ length: PEOPLE }, (_, i): OutgoingMessage => ({
    key: `reminder|2026-11-23|${personId(i)}`,
    job: 'reminder',
    target: { kind: 'person', aadObjectId: personId(i) },
    card: reminderCard(i),
  }));
  return { prompts, reminders };
}

function people(serviceUrl: string, withChats: boolean): PersonRecord[] {
  return Array.from({ length: PEOPLE }, (_, i) => ({
    aadObjectId: personId(i),
    name: `Person ${i}`,
    teamsUserId: `29:user-${i}`,
    tenantId: TENANT,
    serviceUrl,
    locale: 'nb',
    ...(withChats ? { personalConversationId: `a:1on1-29:user-${i}` } : {}),
  }));
}

async function run(connectionString: string, scenario: Scenario): Promise<Result> {
  const store = new TableStore({ target: { kind: 'connectionString', connectionString }, prefix: `bench${randomBytes(4).toString('hex')}` });
  await store.createTables();
  const fake = await FakeConnector.start({ tenantPerSecond: RATE, throttleShare: scenario.throttleShare, throttleRetryAfterSeconds: 1, keepActivities: false });
  const peopleTable = new PeopleTable(store);
  await peopleTable.saveMany(people(fake.serviceUrl, !scenario.firstContact));
  const outbox = new OutboxTable(store, systemClock);
  const adapter = new TeamsAdapter(undefined, undefined, undefined, outboxConnectorClientOptions());
  const sender = new ConnectorSender(adapter, '', peopleTable, { clock: systemClock });
  const limiter = new ConnectorRateLimiter(systemClock, realSleep, { tenantPerSecond: RATE });
  const logger = process.env.BENCH_DEBUG ? { ...silentLogger, warn: (fields: object, message?: string) => console.error(message, fields) } : silentLogger;
  const worker = new DeliveryWorker({ queue: outbox, sender, limiter, clock: systemClock, sleep: realSleep, logger }, { workerId: 'bench', concurrency: 16, buffer: 64, pollIdleMs: 250 });
  const { prompts, reminders } = messages(fake.serviceUrl);
  const total = prompts.length + reminders.length;

  const enqueueStart = performance.now();
  await outbox.enqueue(prompts);
  await outbox.enqueue(reminders);
  const enqueueS = (performance.now() - enqueueStart) / 1000;

  const controller = new AbortController();
  const startedAt = Date.now();
  const running = worker.run(controller.signal);
  let lastProgress = performance.now();
  while (fake.deliveredKeys().size + worker.stats().failed < total) {
    await realSleep(100);
    if (performance.now() - lastProgress >= 10_000) {
      lastProgress = performance.now();
      process.stderr.write(`  ${scenario.name}: ${fake.deliveredKeys().size}/${total} delivered\n`);
    }
  }
  const lastDelivery = Math.max(...fake.deliveries.map((d) => d.at));
  const elapsedS = (lastDelivery - startedAt) / 1000;
  // Let the last outcomes be recorded, then stop and check that nothing is left behind.
  for (let i = 0; i < 50 && (await outbox.status()).sent + worker.stats().failed < total; i++) await realSleep(100);
  controller.abort();
  await running;
  collectGarbage();
  const liveHeap = process.memoryUsage().heapUsed;
  const status = await outbox.status();
  await fake.stop();

  const delivered = fake.deliveredKeys().size;
  const requests = fake.log.filter((entry) => entry.at >= startedAt && entry.at <= lastDelivery).length;
  const msgPerS = delivered / elapsedS;
  if (status.queued + status.sending > 0 || status.sent !== delivered) {
    process.stderr.write(`  warning: outbox shows queued ${status.queued}, sending ${status.sending}, sent ${status.sent}, failed ${status.failed}\n`);
  }
  return {
    scenario: scenario.name,
    messages: total,
    delivered,
    duplicates: fake.duplicates(),
    enqueueS,
    elapsedS,
    msgPerS,
    requestsPerS: requests / elapsedS,
    share: msgPerS / RATE,
    throttled: fake.stats.limited + fake.stats.injected429,
    limited: fake.stats.limited,
    failed: status.failed,
    // The kernel's high-water mark for this process (one process per scenario): ts-node, botbuilder,
    // the worker, and the fake connector; Azurite runs in a process of its own.
    peakRssMb: process.resourceUsage().maxRSS / 1024,
    liveHeapMb: liveHeap / 1024 / 1024,
  };
}

function table(results: readonly Result[]): string {
  const header = ['scenario', 'messages', 'delivered', 'duplicates', 'enqueue s', 'elapsed s', 'msg/s', 'share of 50/s', 'requests/s', "429s seen (over a limit)", 'failed', 'peak RSS MB', 'live heap MB'];
  const rows = results.map((r) => [
    r.scenario,
    String(r.messages),
    String(r.delivered),
    String(r.duplicates),
    r.enqueueS.toFixed(1),
    r.elapsedS.toFixed(1),
    r.msgPerS.toFixed(1),
    `${(r.share * 100).toFixed(1)} %`,
    r.requestsPerS.toFixed(1),
    `${r.throttled} (${r.limited})`,
    String(r.failed),
    r.peakRssMb.toFixed(0),
    r.liveHeapMb.toFixed(0),
  ]);
  return [header, header.map(() => '---'), ...rows].map((cells) => `| ${cells.join(' | ')} |`).join('\n');
}

/** Each scenario runs in a fresh process, so its memory figures are its own. */
function runInChild(connectionString: string, index: number): Promise<Result> {
  const child = fork(__filename, process.argv.slice(2), {
    execArgv: ['-r', 'ts-node/register/transpile-only'],
    env: { ...process.env, BENCH_CHILD: String(index), BENCH_STORAGE: connectionString },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    child.once('message', (result: Result) => resolve(result));
    child.once('exit', (code) => reject(new Error(`scenario ${index} ended (code ${code}) without a result`)));
  });
}

async function main(): Promise<void> {
  if (process.env.BENCH_CHILD) {
    const result = await run(process.env.BENCH_STORAGE ?? '', SCENARIOS[Number(process.env.BENCH_CHILD)]!);
    process.send?.(result, () => process.exit(0));
    return;
  }
  const cpu = cpus();
  process.stderr.write(`Node ${process.version}, ${cpu.length} CPU (${cpu[0]?.model ?? 'unknown'}), ${(totalmem() / 1024 ** 3).toFixed(1)} GB RAM\n`);
  const azurite = await startAzuriteProcess();
  try {
    const results: Result[] = [];
    for (let index = 0; index < SCENARIOS.length; index++) {
      process.stderr.write(`${SCENARIOS[index]!.name}...\n`);
      results.push(await runInChild(azurite.connectionString, index));
    }
    console.log(`\nDelivery pipeline, ${CHANNELS} channel prompts + ${PEOPLE} 1:1 reminders, tenant limit ${RATE}/s (Node ${process.version}, ${cpu.length} CPU)\n`);
    console.log(table(results));
  } finally {
    await azurite.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
