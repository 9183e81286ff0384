import assert from 'node:assert/strict';
import { TeamsAdapter } from '@microsoft/teams-ai';
import { silentLogger } from '../../src/ports/logger';
import { DeliveryMessage, MessageSender, RequestGate, SendOutcome } from '../../src/ports/messageSender';
import { OutgoingMessage } from '../../src/ports/outbox';
import { PersonRecord } from '../../src/ports/peopleRepository';
import { DeliveryWorker, DeliveryWorkerOptions } from '../../src/scheduler/deliveryWorker';
import { ConnectorRateLimiter } from '../../src/scheduler/rateLimiter';
import { OutboxTable } from '../../src/storage/outboxTable';
import { PeopleTable } from '../../src/storage/peopleTable';
import { TableStore } from '../../src/storage/tableStore';
import { ConnectorSender, outboxConnectorClientOptions } from '../../src/teams/connectorSender';
import { freshTableStore, roundTripCounter } from '../support/azurite';
import { FakeConnector, FakeConnectorOptions, ScaledTime } from '../support/fakeConnector';

const TENANT = '11111111-2222-4333-8444-555555555555';
/** Pipeline time runs this much faster than the wall clock: a 1 s Retry-After takes 50 ms. */
const SPEED = 20;

const card = (title: string) => ({ type: 'AdaptiveCard', version: '1.5', body: [{ type: 'TextBlock', text: title, wrap: true }] });

function channelMessage(fake: FakeConnector, i: number, job = 'prompt'): OutgoingMessage {
  return {
    key: `${job}|2026-11-23|unit-${i}`,
    job,
    target: { kind: 'channel', conversationId: `19:unit-${i}@thread.tacv2`, serviceUrl: fake.serviceUrl, tenantId: TENANT },
    card: card(`Tavlemøte ${i}`),
  };
}

const personId = (i: number) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;

function personMessage(i: number): OutgoingMessage {
  return { key: `reminder|2026-11-23|${personId(i)}`, job: 'reminder', target: { kind: 'person', aadObjectId: personId(i) }, card: card(`Påminnelse ${i}`) };
}

function person(fake: FakeConnector, i: number, withChat: boolean): PersonRecord {
  return {
    aadObjectId: personId(i),
    name: `Person ${i}`,
    teamsUserId: `29:user-${i}`,
    tenantId: TENANT,
    serviceUrl: fake.serviceUrl,
    ...(withChat ? { personalConversationId: `a:1on1-29:user-${i}` } : {}),
  };
}

interface Instance {
  readonly outbox: OutboxTable;
  readonly worker: DeliveryWorker;
  readonly limiter: ConnectorRateLimiter;
  start(): void;
  stop(): Promise<void>;
}

/** One bot instance's delivery pipeline over shared tables: outbox, worker, limiter, ConnectorSender over a real CloudAdapter. */
function instance(store: TableStore, time: ScaledTime, workerId: string, options: Partial<DeliveryWorkerOptions> = {}, wrap?: (sender: MessageSender) => MessageSender, tenantPerSecond?: number): Instance {
  const outbox = new OutboxTable(store, time);
  const adapter = new TeamsAdapter(undefined, undefined, undefined, outboxConnectorClientOptions());
  const realSender = new ConnectorSender(adapter, '', new PeopleTable(store), { clock: time });
  const connectorSender = wrap ? wrap(realSender) : realSender;
  const limiter = new ConnectorRateLimiter(time, time.sleep, tenantPerSecond ? { tenantPerSecond } : {});
  const worker = new DeliveryWorker(
    { queue: outbox, sender: connectorSender, limiter, clock: time, sleep: time.sleep, logger: silentLogger },
    { workerId, pollIdleMs: 500, retry: { baseDelayMs: 500, maxDelayMs: 4_000 }, ...options },
  );
  const controller = new AbortController();
  let running: Promise<void> | undefined;
  return {
    outbox,
    worker,
    limiter,
    start: () => {
      running = worker.run(controller.signal);
    },
    stop: async () => {
      controller.abort();
      await running;
    },
  };
}

async function until(condition: () => boolean | Promise<boolean>, what: string, timeoutMs = 8_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

describe('delivery pipeline (Azurite + fake Bot Connector + CloudAdapter)', function () {
  this.timeout(20_000);
  let fake: FakeConnector;
  let store: TableStore;
  let time: ScaledTime;
  const running: Instance[] = [];

  async function setUp(options: FakeConnectorOptions = {}): Promise<void> {
    time = new ScaledTime(SPEED);
    fake = await FakeConnector.start({ clock: time, ...options });
    store = await freshTableStore();
  }

  function started(workerId: string, options: Partial<DeliveryWorkerOptions> = {}, more: { wrap?: (sender: MessageSender) => MessageSender; tenantPerSecond?: number; crashes?: boolean } = {}): Instance {
    const created = instance(store, time, workerId, options, more.wrap, more.tenantPerSecond);
    // A crashed instance is never stopped: its hung sends never return.
    if (!more.crashes) running.push(created);
    created.start();
    return created;
  }

  async function delivered(pipeline: Instance, count: number): Promise<void> {
    await until(() => fake.deliveries.length >= count, `${count} deliveries`);
    await until(async () => (await pipeline.outbox.status()).sent >= count, `${count} recorded as sent`);
  }

  const requestsFor = (key: string) => fake.log.filter((entry) => entry.key === key);

  afterEach(async () => {
    await Promise.all(running.splice(0).map((i) => i.stop()));
    await fake?.stop();
  });

  it('delivers every message exactly once: channel prompts and 1:1 reminders, opening missing chats', async () => {
    await setUp();
    const people = new PeopleTable(store);
    await people.saveMany(Array.from({ length: 10 }, (_, i) => person(fake, i, i % 2 === 0)));
    const messages = [...Array.from({ length: 10 }, (_, i) => channelMessage(fake, i)), ...Array.from({ length: 10 }, (_, i) => personMessage(i))];
    const pipeline = started('w1');
    assert.deepEqual(await pipeline.outbox.enqueue(messages), { queued: 20, duplicates: 0 });
    pipeline.worker.wake();
    await until(() => fake.deliveries.length >= 20, '20 deliveries');
    await until(async () => (await pipeline.outbox.status()).sent === 20, 'all recorded as sent');
    assert.equal(fake.duplicates(), 0);
    assert.deepEqual([...fake.deliveredKeys().keys()].sort(), messages.map((m) => m.key).sort());
    assert.equal(fake.stats.created, 5, 'a 1:1 chat was opened for each person without one');
    const saved = await people.get(personId(1));
    assert.equal(saved?.personalConversationId, 'a:1on1-29:user-1', 'the new chat is remembered');
    const reminder = fake.deliveries.find((d) => d.key === personMessage(3).key);
    assert.equal(reminder?.conversationId, 'a:1on1-29:user-3');
    const attachments = reminder?.activity.attachments as { contentType: string; content: unknown }[];
    assert.deepEqual(attachments[0]?.content, personMessage(3).card);
    const status = await pipeline.outbox.status();
    assert.deepEqual({ queued: status.queued, sending: status.sending, sent: status.sent, failed: status.failed }, { queued: 0, sending: 0, sent: 20, failed: 0 });
  });

  it('sends a key once however often it is enqueued, also after it was sent', async () => {
    await setUp();
    const pipeline = started('w1');
    const message = channelMessage(fake, 1);
    assert.deepEqual(await pipeline.outbox.enqueue([message, message]), { queued: 1, duplicates: 1 });
    assert.deepEqual(await pipeline.outbox.enqueue([message]), { queued: 0, duplicates: 1 });
    await delivered(pipeline, 1);
    assert.deepEqual(await pipeline.outbox.enqueue([message, channelMessage(fake, 2)]), { queued: 1, duplicates: 1 });
    await delivered(pipeline, 2);
    await time.sleep(2_000);
    assert.equal(fake.deliveries.length, 2);
    assert.equal(fake.duplicates(), 0);
  });

  it('honours Retry-After on a 429: the message is not sent again before it', async () => {
    await setUp();
    const pipeline = started('w1');
    const message = channelMessage(fake, 1);
    fake.script({ key: message.key }, [{ status: 429, retryAfter: '3' }]);
    await pipeline.outbox.enqueue([message, channelMessage(fake, 2)]);
    pipeline.worker.wake();
    await delivered(pipeline, 2);
    const [throttled, accepted] = requestsFor(message.key);
    assert.equal(throttled?.status, 429);
    assert.equal(accepted?.status, 201);
    assert.ok(accepted!.at - throttled!.at >= 3_000, `sent again after ${accepted!.at - throttled!.at} ms, Retry-After was 3 s`);
    assert.equal(pipeline.worker.stats().throttled, 1);
    assert.equal(fake.duplicates(), 0);
  });

  it('honours Retry-After given as an HTTP date', async () => {
    await setUp();
    const pipeline = started('w1');
    const message = channelMessage(fake, 1);
    const notBefore = new Date(time.now().getTime() + 4_000).toUTCString();
    fake.script({ key: message.key }, [{ status: 429, retryAfter: notBefore }]);
    await pipeline.outbox.enqueue([message]);
    pipeline.worker.wake();
    await delivered(pipeline, 1);
    const [throttled, accepted] = requestsFor(message.key);
    assert.equal(throttled?.status, 429);
    // The date is absolute: however long the first send took to happen, the retry waits for it.
    assert.ok(accepted!.at >= Date.parse(notBefore), `sent again ${Date.parse(notBefore) - accepted!.at} ms before ${notBefore}`);
  });

  it('retries 5xx with backoff, one request per try: the SDK does not retry on its own', async () => {
    await setUp();
    const pipeline = started('w1');
    const plain = channelMessage(fake, 1);
    const withRetryAfter = channelMessage(fake, 2);
    fake.script({ key: plain.key }, [{ status: 503 }, { status: 502 }, { status: 504 }]);
    // botbuilder's connector client would resend a 503 with Retry-After by itself (3 times), outside our rate limiter.
    fake.script({ key: withRetryAfter.key }, [{ status: 503, retryAfter: '2' }]);
    await pipeline.outbox.enqueue([plain, withRetryAfter]);
    pipeline.worker.wake();
    await delivered(pipeline, 2);
    assert.deepEqual(requestsFor(plain.key).map((r) => r.status), [503, 502, 504, 201]);
    const [first, second] = requestsFor(withRetryAfter.key);
    assert.deepEqual([first?.status, second?.status], [503, 201]);
    assert.ok(second!.at - first!.at >= 2_000);
    assert.equal(pipeline.worker.stats().retried, 4);
    assert.equal(fake.duplicates(), 0);
  });

  it('records a permanent 4xx as failed at once, with the error, in the status', async () => {
    await setUp();
    const pipeline = started('w1');
    const forbidden = channelMessage(fake, 1);
    const fine = channelMessage(fake, 2);
    fake.script({ key: forbidden.key }, [{ status: 403, code: 'BotNotInConversationRoster' }]);
    await pipeline.outbox.enqueue([forbidden, fine]);
    pipeline.worker.wake();
    await delivered(pipeline, 1);
    await until(async () => (await pipeline.outbox.status()).failed === 1, 'the failure recorded');
    assert.equal(requestsFor(forbidden.key).length, 1, 'not retried');
    const status = await pipeline.outbox.status();
    assert.equal(status.queued + status.sending, 0);
    assert.equal(status.recentFailures[0]?.key, forbidden.key);
    assert.equal(status.recentFailures[0]?.job, 'prompt');
    assert.match(status.recentFailures[0]?.error ?? '', /HTTP 403.*BotNotInConversationRoster/);
    assert.deepEqual(status.lastRuns, [{ job: 'prompt', at: status.lastRuns[0]?.at, enqueued: 2 }]);
    // The key stays taken: enqueueing it again does not send it.
    assert.deepEqual(await pipeline.outbox.enqueue([forbidden]), { queued: 0, duplicates: 1 });
  });

  it('gives up after the bounded number of tries and keeps the last error', async () => {
    await setUp();
    const pipeline = started('w1', { retry: { maxAttempts: 3, baseDelayMs: 200, maxDelayMs: 1_000 } });
    const message = channelMessage(fake, 1);
    fake.script({ key: message.key }, [{ status: 503 }, { status: 500 }, { status: 502 }, { status: 503 }]);
    await pipeline.outbox.enqueue([message]);
    pipeline.worker.wake();
    await until(async () => (await pipeline.outbox.status()).failed === 1, 'the failure recorded');
    assert.equal(requestsFor(message.key).length, 3);
    const status = await pipeline.outbox.status();
    assert.match(status.recentFailures[0]?.error ?? '', /gave up after 3 tries.*502/);
    assert.equal(fake.deliveries.length, 0);
  });

  it('opens a new 1:1 chat when the stored one is gone, and remembers it', async () => {
    await setUp();
    const people = new PeopleTable(store);
    await people.save({ ...person(fake, 7, false), personalConversationId: 'a:deleted-chat' });
    fake.goneConversations.add('a:deleted-chat');
    const pipeline = started('w1');
    await pipeline.outbox.enqueue([personMessage(7)]);
    pipeline.worker.wake();
    await delivered(pipeline, 1);
    assert.equal(fake.deliveries[0]?.conversationId, 'a:1on1-29:user-7');
    assert.equal((await people.get(personId(7)))?.personalConversationId, 'a:1on1-29:user-7');
  });

  it('fails a reminder to someone it knows no way to reach (no record, no tenant, no channel), without calling Teams', async () => {
    await setUp();
    const pipeline = started('w1');
    await pipeline.outbox.enqueue([personMessage(1)]);
    pipeline.worker.wake();
    await until(async () => (await pipeline.outbox.status()).failed === 1, 'the failure recorded');
    assert.equal(fake.stats.requests, 0);
    assert.match((await pipeline.outbox.status()).recentFailures[0]?.error ?? '', /permanent: person \S+ cannot be reached \(noServiceUrl: tenant unknown\) and has no linked unit channel/);
  });

  it('keeps to 7/1 s and 8/2 s per conversation: 20 messages to one channel, no 429', async () => {
    await setUp({ limitRetryAfter: 'none' });
    const pipeline = started('w1');
    const messages = Array.from({ length: 20 }, (_, i) => ({ ...channelMessage(fake, 0), key: `notification|${i}|unit-0` }));
    await pipeline.outbox.enqueue(messages);
    pipeline.worker.wake();
    await delivered(pipeline, 20);
    assert.equal(fake.stats.limited, 0);
    assert.ok(fake.maxInWindow(1_000, (e) => e.conversationId) <= 7);
    assert.ok(fake.maxInWindow(2_000, (e) => e.conversationId) <= 8);
    assert.equal(fake.duplicates(), 0);
  });

  it('keeps to the tenant rate across conversations', async () => {
    await setUp({ tenantPerSecond: 5, limitRetryAfter: 'none' });
    const pipeline = started('w1', {}, { tenantPerSecond: 5 });
    await pipeline.outbox.enqueue(Array.from({ length: 30 }, (_, i) => channelMessage(fake, i)));
    pipeline.worker.wake();
    await delivered(pipeline, 30);
    assert.equal(fake.stats.limited, 0);
    assert.ok(fake.maxInWindow(1_000, () => TENANT) <= 5, 'never more than 5 in any second');
    const span = fake.deliveries[29]!.at - fake.deliveries[0]!.at;
    assert.ok(span >= 5_000, `30 messages at 5/s took ${span} ms`);
  });

  it('is quiet when idle, yet notices what another instance enqueues before its next full look', async () => {
    time = new ScaledTime(SPEED);
    fake = await FakeConnector.start({ clock: time });
    const counter = roundTripCounter();
    store = await freshTableStore([counter.policy]);
    started('w1', { pollIdleMs: 1_000 });
    // Once the look for work has backed off (1, 2, 4 … 60 s), a minute holds one look and the probes.
    await time.sleep(130_000);
    counter.reset();
    await time.sleep(60_000);
    assert.ok(counter.count() <= 30, `${counter.count()} storage requests in an idle minute`);

    // Another instance (its own OutboxTable, so no in-process wake) enqueues a message.
    const other = new OutboxTable(store, time);
    const enqueuedAt = time.now().getTime();
    await other.enqueue([channelMessage(fake, 1)]);
    await until(() => fake.deliveries.length === 1, 'the other instance’s message');
    const waited = fake.deliveries[0]!.at - enqueuedAt;
    // The next full look is a minute away: sooner means the 5 s probe noticed it (timed in npm run bench).
    assert.ok(waited < 30_000, `sent ${waited} ms (pipeline time) after another instance enqueued it`);
  });

  it('sends what its own process enqueues at once, without waiting for a look or a probe', async () => {
    await setUp();
    // Looks and probes ten minutes apart: only the wake can make this message go out during the test.
    const pipeline = started('w1', { pollIdleMs: 600_000, maxIdleScanMs: 600_000, probeEveryMs: 600_000 });
    await time.sleep(5_000);
    pipeline.outbox.onEnqueued(() => pipeline.worker.wake());
    await pipeline.outbox.enqueue([channelMessage(fake, 2)]);
    await until(() => fake.deliveries.length === 1, 'its own message');
  });

  it('two instances over the same tables never send a message twice', async () => {
    await setUp();
    const people = new PeopleTable(store);
    await people.saveMany(Array.from({ length: 40 }, (_, i) => person(fake, i, true)));
    const a = started('instance-a', { concurrency: 4, buffer: 8 });
    const b = started('instance-b', { concurrency: 4, buffer: 8 });
    const messages = [...Array.from({ length: 40 }, (_, i) => channelMessage(fake, i)), ...Array.from({ length: 40 }, (_, i) => personMessage(i))];
    // Both instances enqueue the same job run, as two schedulers would.
    await Promise.all([a.outbox.enqueue(messages), b.outbox.enqueue(messages)]);
    a.worker.wake();
    b.worker.wake();
    await delivered(a, 80);
    await time.sleep(2_000);
    assert.equal(fake.deliveries.length, 80);
    assert.equal(fake.duplicates(), 0);
    const sent = a.worker.stats().sent + b.worker.stats().sent;
    assert.equal(sent, 80);
    assert.ok(a.worker.stats().sent > 0 && b.worker.stats().sent > 0, 'both took part');
  });

  it('a killed worker loses nothing: its claimed messages are delivered by another after the claim expires', async () => {
    await setUp();
    const hung: DeliveryMessage[] = [];
    const hang: (sender: MessageSender) => MessageSender = () => ({
      send: (message: DeliveryMessage, _gate: RequestGate) => {
        hung.push(message);
        return new Promise<SendOutcome>(() => {});
      },
    });
    const messages = Array.from({ length: 30 }, (_, i) => channelMessage(fake, i));
    const doomed = started('doomed', { claimLeaseMs: 20_000, minLeaseLeftMs: 2_000, concurrency: 8, buffer: 30 }, { wrap: hang, crashes: true });
    await doomed.outbox.enqueue(messages);
    doomed.worker.wake();
    await until(() => doomed.worker.stats().claimed === 30 && hung.length === 8, 'the doomed worker to claim and start sending');
    const claimedAt = time.now().getTime();
    const survivor = started('survivor');
    await delivered(survivor, 30);
    assert.equal(fake.duplicates(), 0);
    const first = Math.min(...fake.deliveries.map((d) => d.at));
    assert.ok(first >= claimedAt, 'nothing was delivered while the claims held');
  });

  it('a worker killed between sending and recording causes at most its in-flight sends to repeat', async () => {
    await setUp();
    const sentButNotRecorded: string[] = [];
    const crashAfterSend: (sender: MessageSender) => MessageSender = (real) => ({
      send: async (message: DeliveryMessage, gate: RequestGate) => {
        await real.send(message, gate);
        sentButNotRecorded.push(message.key);
        return new Promise<SendOutcome>(() => {});
      },
    });
    const messages = Array.from({ length: 20 }, (_, i) => channelMessage(fake, i));
    const doomed = started('doomed', { claimLeaseMs: 8_000, minLeaseLeftMs: 2_000, concurrency: 4, buffer: 20 }, { wrap: crashAfterSend, crashes: true });
    await doomed.outbox.enqueue(messages);
    doomed.worker.wake();
    await until(() => sentButNotRecorded.length === 4, 'the doomed worker to send 4');
    const survivor = started('survivor');
    await until(() => fake.deliveredKeys().size === 20, 'every key delivered');
    await until(async () => (await survivor.outbox.status()).sent === 20, 'all recorded');
    assert.equal(fake.duplicates(), 4, 'exactly the 4 sent-but-unrecorded messages went twice');
    assert.deepEqual(
      [...fake.deliveredKeys()].filter(([, n]) => n > 1).map(([key]) => key).sort(),
      [...sentButNotRecorded].sort(),
    );
  });

  it('stopping hands unsent claimed messages back at once', async () => {
    await setUp();
    const pipeline = instance(store, time, 'stopping', { concurrency: 1, buffer: 20 });
    await pipeline.outbox.enqueue(Array.from({ length: 20 }, (_, i) => channelMessage(fake, i)));
    pipeline.start();
    await until(() => fake.deliveries.length >= 1, 'a first delivery');
    await pipeline.stop();
    const stats = pipeline.worker.stats();
    assert.ok(stats.released > 0);
    assert.equal(stats.sent + stats.released, 20);
    const successor = started('successor');
    await delivered(successor, 20);
    assert.equal(fake.duplicates(), 0);
  });
});
