/**
 * 8. The proactive delivery pipeline: messages pushed through the real outbox and worker.
 *
 * OutboxTable on Azurite (its own process, in memory), the DeliveryWorker with the
 * ConnectorRateLimiter at 50 requests/s, and the ConnectorSender over a real botbuilder
 * CloudAdapter (TeamsAdapter) posting over HTTP to the fake Bot Connector, which enforces 50
 * requests/s per tenant and 7/1 s, 8/2 s, 60/30 s per conversation by answering 429. Real time
 * throughout. Each scenario runs in a fresh Node process (this file, forked).
 */
import { fork } from 'node:child_process';
import { randomBytes } from 'node:crypto';
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
import { agendaCard, notificationCard, reminderCard } from './cards';
import { collectGarbage } from './support/meter';
import { TENANT } from './support/organisation';
import { BenchOptions, parseOptions, scaled } from './support/options';
import { median, print, progress, ratio, table } from './support/report';

const RATE = 50;
const PER_CONVERSATION = 10;

interface Scenario {
  readonly name: string;
  /**
   * 'mix': prompts to channels and 1:1 reminders. 'bursts': ten messages to each of fewer
   * channels, each channel's ten enqueued together; 'rounds': the same messages enqueued in ten
   * rounds of one per channel.
   */
  readonly shape: 'mix' | 'bursts' | 'rounds';
  /** Share of sends the fake answers 429 with Retry-After 1 s. */
  readonly throttleShare: number;
  /** People without a 1:1 chat yet: the sender opens one (an extra request each). */
  readonly firstContact: boolean;
  /** Network round trip simulated at the fake connector (real ms). */
  readonly roundTripMs: number;
}

function scenarios(options: BenchOptions): Scenario[] {
  const people = scaled(options, 1_500);
  const conversations = scaled(options, 200);
  const all: Scenario[] = [
    { name: 'no injected 429s', shape: 'mix', throttleShare: 0, firstContact: false, roundTripMs: 0 },
    { name: '5% of sends 429 (Retry-After 1 s)', shape: 'mix', throttleShare: 0.05, firstContact: false, roundTripMs: 0 },
    ...(options.firstContact ? [{ name: `first contact: ${people.toLocaleString('en-US')} 1:1 chats opened`, shape: 'mix' as const, throttleShare: 0, firstContact: true, roundTripMs: 0 }] : []),
    { name: `${conversations} conversations × ${PER_CONVERSATION} messages, each conversation's enqueued together`, shape: 'bursts', throttleShare: 0, firstContact: false, roundTripMs: 0 },
    { name: `${conversations} conversations × ${PER_CONVERSATION} messages, enqueued in ${PER_CONVERSATION} rounds of one per conversation`, shape: 'rounds', throttleShare: 0, firstContact: false, roundTripMs: 0 },
    { name: '100 ms round trip at the connector', shape: 'mix', throttleShare: 0, firstContact: false, roundTripMs: 100 },
  ];
  return options.scenario ? all.filter((s) => s.name.includes(options.scenario!)) : all;
}

interface Result {
  readonly scenario: string;
  readonly messages: number;
  readonly delivered: number;
  readonly duplicates: number;
  readonly enqueueS: number;
  readonly elapsedS: number;
  readonly msgPerS: number;
  readonly requestsPerS: number;
  readonly throttled: number;
  readonly limited: number;
  readonly failed: number;
  /** The busiest conversation's most requests in any 1 s, 2 s and 30 s. */
  readonly busiest: readonly [number, number, number];
  /** Distinct conversations that got a message, per whole second of the run: the median. */
  readonly conversationsPerSecond: number;
  /** CPU time of this scenario's process (worker, SDK, fake connector; not Azurite) per message delivered. */
  readonly cpuMsPerMessage: number;
  readonly peakRssMb: number;
  readonly liveHeapMb: number;
}

const personId = (i: number) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;

/** 500 board-meeting prompts to 500 channels and 1,500 overdue reminders 1:1 (scaled), enqueued by two jobs. */
function mixMessages(options: BenchOptions, serviceUrl: string): OutgoingMessage[][] {
  const prompts = Array.from({ length: scaled(options, 500) }, (_, i): OutgoingMessage => ({
    key: `prompt|2026-11-23|unit-${i}`,
    job: 'prompt',
    target: { kind: 'channel', conversationId: `19:unit-${i}-board@thread.tacv2`, serviceUrl, tenantId: TENANT },
    card: agendaCard(i),
  }));
  const reminders = Array.from({ length: scaled(options, 1_500) }, (_, i): OutgoingMessage => ({
    key: `reminder|2026-11-23|${personId(i)}`,
    job: 'reminder',
    target: { kind: 'person', aadObjectId: personId(i) },
    card: reminderCard(i),
  }));
  return [prompts, reminders];
}

/**
 * 200 channels × 10 notifications (scaled). 'bursts': each channel's ten are enqueued together,
 * one channel after another, as when units log their meetings one after another and each
 * meeting's quick decisions notify its channel; the queue is then ordered conversation by
 * conversation. 'rounds': ten enqueues of one message per channel.
 */
function channelMessages(options: BenchOptions, serviceUrl: string, shape: 'bursts' | 'rounds'): OutgoingMessage[][] {
  const message = (c: number, m: number): OutgoingMessage => ({
    key: `notify|ideaChanged|c${c}-m${m}|channel:unit-${c}`,
    job: 'notification',
    target: { kind: 'channel', conversationId: `19:unit-${c}-board@thread.tacv2`, serviceUrl, tenantId: TENANT },
    card: notificationCard(c, m),
  });
  const conversations = scaled(options, 200);
  return shape === 'bursts'
    ? Array.from({ length: conversations }, (_, c) => Array.from({ length: PER_CONVERSATION }, (_, m) => message(c, m)))
    : Array.from({ length: PER_CONVERSATION }, (_, m) => Array.from({ length: conversations }, (_, c) => message(c, m)));
}

function people(count: number, serviceUrl: string, withChats: boolean): PersonRecord[] {
  return Array.from({ length: count }, (_, i) => ({
    aadObjectId: personId(i),
    name: `Person ${i}`,
    teamsUserId: `29:user-${i}`,
    tenantId: TENANT,
    serviceUrl,
    locale: 'nb',
    ...(withChats ? { personalConversationId: `a:1on1-29:user-${i}` } : {}),
  }));
}

async function runScenario(options: BenchOptions, connectionString: string, scenario: Scenario): Promise<Result> {
  const store = new TableStore({ target: { kind: 'connectionString', connectionString }, prefix: `bench${randomBytes(4).toString('hex')}` });
  await store.createTables();
  const fake = await FakeConnector.start({ tenantPerSecond: RATE, throttleShare: scenario.throttleShare, throttleRetryAfterSeconds: 1, keepActivities: false, roundTripMs: scenario.roundTripMs });
  const peopleTable = new PeopleTable(store);
  if (scenario.shape === 'mix') await peopleTable.saveMany(people(scaled(options, 1_500), fake.serviceUrl, !scenario.firstContact));
  const outbox = new OutboxTable(store, systemClock);
  const adapter = new TeamsAdapter(undefined, undefined, undefined, outboxConnectorClientOptions());
  const sender = new ConnectorSender(adapter, '', peopleTable, { clock: systemClock });
  const limiter = new ConnectorRateLimiter(systemClock, realSleep, { tenantPerSecond: RATE });
  const logger = process.env.BENCH_DEBUG ? { ...silentLogger, warn: (fields: object, message?: string) => console.error(message, fields) } : silentLogger;
  const worker = new DeliveryWorker({ queue: outbox, sender, limiter, clock: systemClock, sleep: realSleep, logger }, { workerId: 'bench', concurrency: 16, buffer: 64, pollIdleMs: 250 });
  const enqueues = scenario.shape === 'mix' ? mixMessages(options, fake.serviceUrl) : channelMessages(options, fake.serviceUrl, scenario.shape);
  const total = enqueues.reduce((sum, messages) => sum + messages.length, 0);

  const enqueueStart = performance.now();
  for (const messages of enqueues) await outbox.enqueue(messages);
  const enqueueS = (performance.now() - enqueueStart) / 1000;

  const controller = new AbortController();
  const cpuBefore = process.cpuUsage();
  const startedAt = Date.now();
  const running = worker.run(controller.signal);
  let lastProgress = performance.now();
  while (fake.deliveredKeys().size + worker.stats().failed < total) {
    await realSleep(100);
    if (performance.now() - lastProgress >= 10_000) {
      lastProgress = performance.now();
      progress(`${scenario.name}: ${fake.deliveredKeys().size}/${total} delivered`);
    }
  }
  const cpu = process.cpuUsage(cpuBefore);
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
  if (status.queued + status.sending > 0 || status.sent !== delivered) {
    progress(`warning: outbox shows queued ${status.queued}, sending ${status.sending}, sent ${status.sent}, failed ${status.failed}`);
  }
  const busiest = (windowMs: number) => fake.maxInWindow(windowMs, (entry) => entry.conversationId);
  const perSecond = new Map<number, Set<string>>();
  for (const delivery of fake.deliveries) {
    const second = Math.floor((delivery.at - startedAt) / 1000);
    perSecond.set(second, (perSecond.get(second) ?? new Set()).add(delivery.conversationId));
  }
  const wholeSeconds = [...perSecond.entries()].filter(([second]) => second < Math.floor(elapsedS)).map(([, conversations]) => conversations.size);
  return {
    scenario: scenario.name,
    messages: total,
    delivered,
    duplicates: fake.duplicates(),
    enqueueS,
    elapsedS,
    msgPerS: delivered / elapsedS,
    requestsPerS: requests / elapsedS,
    throttled: fake.stats.limited + fake.stats.injected429,
    limited: fake.stats.limited,
    failed: status.failed,
    busiest: [busiest(1_000), busiest(2_000), busiest(30_000)],
    conversationsPerSecond: wholeSeconds.length ? median(wholeSeconds) : Number.NaN,
    cpuMsPerMessage: (cpu.user + cpu.system) / 1000 / Math.max(1, delivered),
    // The kernel's high-water mark for this process (one process per scenario): ts-node, botbuilder,
    // the worker, and the fake connector; Azurite runs in a process of its own.
    peakRssMb: process.resourceUsage().maxRSS / 1024,
    liveHeapMb: liveHeap / 1024 / 1024,
  };
}

function render(results: readonly Result[]): string {
  const header = ['scenario', 'messages', 'delivered', 'duplicates', 'enqueue s', 'elapsed s', 'tenant limit msg/s (reference)', 'msg/s', 'ratio (target ≥ 0.95 without injected 429s)', 'ratio to the first row (same run)', 'requests/s', '429s seen (over a limit)', 'busiest conversation: most in 1 s / 2 s / 30 s', 'conversations served per second (median)', 'failed', 'CPU ms per message', 'peak RSS MB', 'live heap MB'];
  const first = results[0];
  const rows = results.map((r) => [
    r.scenario,
    String(r.messages),
    String(r.delivered),
    String(r.duplicates),
    r.enqueueS.toFixed(1),
    r.elapsedS.toFixed(1),
    String(RATE),
    r.msgPerS.toFixed(1),
    ratio(r.msgPerS, RATE),
    first ? ratio(r.msgPerS, first.msgPerS) : '',
    r.requestsPerS.toFixed(1),
    `${r.throttled} (${r.limited})`,
    r.busiest.join(' / '),
    r.conversationsPerSecond.toFixed(0),
    String(r.failed),
    r.cpuMsPerMessage.toFixed(1),
    r.peakRssMb.toFixed(0),
    r.liveHeapMb.toFixed(0),
  ]);
  return table('8. Proactive delivery pipeline: outbox → worker → rate limiter → CloudAdapter → fake Bot Connector', header, rows, [
    `Teams' limits at the fake connector: ${RATE} requests/s per tenant; per conversation 7 in 1 s, 8 in 2 s, 60 in 30 s. Real time. Each scenario in a fresh process.`,
    'CPU ms per message: user + system time of the scenario\'s process (worker, botbuilder, the fake connector; Azurite not included) from the worker\'s start to the last delivery, per message. The pipeline needs that much CPU whatever else runs; msg/s falls when the machine cannot give it.',
  ]);
}

/** Each scenario runs in a fresh process, so its memory figures are its own. */
function runInChild(connectionString: string, index: number): Promise<Result> {
  const child = fork(__filename, process.argv.slice(2), {
    execArgv: ['-r', 'ts-node/register/transpile-only'],
    env: { ...process.env, BENCH_PIPELINE_SCENARIO: String(index), BENCH_STORAGE: connectionString },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    child.once('message', (result: Result) => resolve(result));
    child.once('exit', (code) => reject(new Error(`scenario ${index} ended (code ${code}) without a result`)));
  });
}

export async function run(options: BenchOptions): Promise<void> {
  const azurite = await startAzuriteProcess();
  try {
    const results: Result[] = [];
    const list = scenarios(options);
    for (let index = 0; index < list.length; index++) {
      progress(`${list[index]!.name}...`);
      results.push(await runInChild(azurite.connectionString, index));
    }
    print(render(results));
  } finally {
    await azurite.stop();
  }
}

if (require.main === module && process.env.BENCH_PIPELINE_SCENARIO) {
  const options = parseOptions();
  runScenario(options, process.env.BENCH_STORAGE ?? '', scenarios(options)[Number(process.env.BENCH_PIPELINE_SCENARIO)]!).then(
    (result) => process.send?.(result, () => process.exit(0)),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
