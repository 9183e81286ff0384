import assert from 'node:assert/strict';
import { DomainError } from '../../src/domain/errors';
import { ClaimedMessage } from '../../src/ports/messageSender';
import { OutgoingMessage } from '../../src/ports/outbox';
import { SHARDS } from '../../src/storage/outboxEntities';
import { OutboxTable } from '../../src/storage/outboxTable';
import { freshTableStore, roundTripCounter } from '../support/azurite';

const T0 = new Date('2026-11-23T07:00:00.000Z');
const SECOND = 1000;

/** A clock the test moves by hand. */
function handClock(start = T0) {
  let now = start.getTime();
  return { now: () => new Date(now), advance: (ms: number) => void (now += ms) };
}

const message = (i: number, overrides: Partial<OutgoingMessage> = {}): OutgoingMessage => ({
  key: `prompt|2026-11-23|unit-${i}`,
  job: 'prompt',
  target: { kind: 'channel', conversationId: `19:unit-${i}@thread.tacv2`, serviceUrl: 'https://smba.trafficmanager.net/emea/', tenantId: 'tenant' },
  card: { type: 'AdaptiveCard', version: '1.5', body: [{ type: 'TextBlock', text: `Tavlemøte ${i}` }] },
  ...overrides,
});

async function outbox(policies = [roundTripCounter().policy]) {
  const clock = handClock();
  let id = 0;
  const table = new OutboxTable(await freshTableStore(policies), clock, { next: () => `enqueue-${++id}` });
  const claim = (workerId: string, max = 100, leaseMs = 30 * SECOND) => table.claim({ workerId, now: clock.now(), until: new Date(clock.now().getTime() + leaseMs), max });
  return { table, clock, claim };
}

describe('outbox table (Azurite)', () => {
  it('queues each key once: duplicates in one call, in later calls, and after sending write nothing', async () => {
    const { table, clock, claim } = await outbox();
    assert.deepEqual(await table.enqueue([message(1), message(2), message(1)]), { queued: 2, duplicates: 1 });
    assert.deepEqual(await table.enqueue([message(2), message(3)]), { queued: 1, duplicates: 1 });
    const claimed = await claim('w');
    assert.equal(claimed.length, 3);
    await Promise.all(claimed.map((m) => table.complete(m, clock.now())));
    assert.deepEqual(await table.enqueue([message(1), message(2), message(3)]), { queued: 0, duplicates: 3 });
    assert.deepEqual(await claim('w'), []);
    const status = await table.status();
    assert.deepEqual([status.queued, status.sending, status.sent, status.failed], [0, 0, 3, 0]);
  });

  it('enqueues a job run in a few transactions per shard, not one per message', async () => {
    const counter = roundTripCounter();
    const { table } = await outbox([counter.policy]);
    const messages = Array.from({ length: 200 }, (_, i) => message(i));
    counter.reset();
    assert.deepEqual(await table.enqueue(messages), { queued: 200, duplicates: 0 });
    // At most 50 messages per transaction and shard, plus the job's run row.
    assert.ok(counter.count() <= SHARDS + Math.ceil(200 / 50) + 1, `${counter.count()} round trips`);
  });

  it('keeps a card larger than one property can hold intact, and refuses one over the Teams limit before writing', async () => {
    const { table, claim } = await outbox();
    const big = { type: 'AdaptiveCard', version: '1.5', body: Array.from({ length: 300 }, (_, i) => ({ type: 'TextBlock', text: `Linje ${i}: ${'æøå'.repeat(25)} ${'x'.repeat(20)}` })) };
    assert.ok(JSON.stringify(big).length > 32 * 1024, 'more than one string property holds');
    await table.enqueue([message(1, { card: big })]);
    const [claimed] = await claim('w');
    assert.deepEqual(claimed?.card, big);

    const huge = { type: 'AdaptiveCard', version: '1.5', body: [{ type: 'TextBlock', text: 'x'.repeat(90_000) }] };
    await assert.rejects(table.enqueue([message(2), message(3, { card: huge })]), (e: DomainError) => e.code === 'invalid' && e.params.reason === 'messageTooLarge');
    const status = await table.status();
    assert.equal(status.queued + status.sending, 1, 'nothing of the refused call was written');
  });

  it('gives each due message to one claimer only, in due order, and leaves future ones alone', async () => {
    const { table, clock, claim } = await outbox();
    await table.enqueue(Array.from({ length: 40 }, (_, i) => message(i, { notBefore: new Date(T0.getTime() - (40 - i) * SECOND) })));
    await table.enqueue([message(99, { notBefore: new Date(T0.getTime() + 60 * SECOND) })]);
    // Three claimers race for the same oldest rows; each row goes to one of them.
    const [a, b, c] = await Promise.all([claim('a', 20), claim('b', 20), claim('c', 20)]);
    const rest = await claim('d', 40);
    const keys = [...a!, ...b!, ...c!, ...rest].map((m) => m.key);
    assert.equal(keys.length, 40);
    assert.equal(new Set(keys).size, 40, 'no message claimed twice');
    assert.ok(!keys.includes(message(99).key));
    await Promise.all([...a!, ...b!, ...c!, ...rest].map((m) => table.complete(m, clock.now())));
    clock.advance(61 * SECOND);
    const [later] = await claim('a');
    assert.equal(later?.key, message(99).key);

    const { table: ordered, claim: claimOrdered } = await outbox();
    await ordered.enqueue([message(1, { notBefore: new Date(T0.getTime() - 1 * SECOND) }), message(2, { notBefore: new Date(T0.getTime() - 3 * SECOND) }), message(3, { notBefore: new Date(T0.getTime() - 2 * SECOND) })]);
    assert.deepEqual((await claimOrdered('w', 2)).map((m) => m.key), [message(2).key, message(3).key]);
  });

  it('claims more than one transaction holds from a shard', async () => {
    const { table, claim } = await outbox();
    await table.enqueue(Array.from({ length: 600 }, (_, i) => message(i)));
    const claimed = await claim('w', 600);
    assert.equal(new Set(claimed.map((m) => m.key)).size, 600);
  });

  it('makes a claimed message due again when its claim expires, counting the try', async () => {
    const { table, clock, claim } = await outbox();
    await table.enqueue([message(1)]);
    const [first] = await claim('dead', 10, 30 * SECOND);
    assert.equal(first?.attempt, 1);
    assert.deepEqual(await claim('other'), [], 'claimed: not due');
    let status = await table.status();
    assert.deepEqual([status.queued, status.sending], [0, 1]);
    clock.advance(30 * SECOND);
    const [second] = await claim('other');
    assert.equal(second?.key, message(1).key);
    assert.equal(second?.attempt, 2);
    // The dead worker comes back and reports: its claim is gone, the key is marked sent anyway.
    assert.equal(await table.complete(first!, clock.now()), 'claimLost');
    assert.equal(await table.complete(second!, clock.now()), 'recorded');
    status = await table.status();
    assert.deepEqual([status.queued, status.sending], [0, 0]);
  });

  it('drops a queue row whose key was already sent instead of handing it out', async () => {
    const { table, clock, claim } = await outbox();
    await table.enqueue([message(1)]);
    const [first] = await claim('a', 10, 10 * SECOND);
    clock.advance(10 * SECOND);
    const [second] = await claim('b', 10, 10 * SECOND);
    await table.complete(first!, clock.now()); // claim lost: marker sent, b's row stays
    clock.advance(10 * SECOND); // b died too
    assert.ok(second);
    assert.deepEqual(await claim('c'), [], 'already sent: not handed out again');
    const status = await table.status();
    assert.deepEqual([status.queued, status.sending, status.sent], [0, 0, 1]);
  });

  it('retries at the given time, releases without counting a try, and records failures with their error', async () => {
    const { table, clock, claim } = await outbox();
    await table.enqueue([message(1), message(2), message(3, { job: 'reminder' })]);
    const claimed = await claim('w');
    const byKey = (i: number) => claimed.find((m) => m.key === message(i).key) as ClaimedMessage;
    await table.retry(byKey(1), new Date(clock.now().getTime() + 5 * SECOND), 'HTTP 503');
    await table.release(byKey(2), clock.now());
    await table.fail(byKey(3), clock.now(), 'HTTP 403: connector answered 403 BotNotInConversationRoster');
    const now = await claim('w');
    assert.deepEqual(now.map((m) => [m.key, m.attempt]), [[message(2).key, 1]]);
    clock.advance(5 * SECOND);
    const later = await claim('w');
    assert.deepEqual(later.map((m) => [m.key, m.attempt]), [[message(1).key, 2]]);
    const status = await table.status();
    assert.equal(status.failed, 1);
    assert.deepEqual(status.recentFailures, [{ key: message(3).key, job: 'reminder', error: 'HTTP 403: connector answered 403 BotNotInConversationRoster', at: T0.toISOString() }]);
    assert.deepEqual(status.lastRuns.map((r) => [r.job, r.enqueued]), [['prompt', 2], ['reminder', 1]]);
    assert.deepEqual(await table.enqueue([message(3)]), { queued: 0, duplicates: 1 }, 'a failed key stays taken');
  });

  it('counts sent and failed within the window and purges old history on request', async () => {
    const { table, clock, claim } = await outbox();
    await table.enqueue([message(1), message(2)]);
    const [a, b] = await claim('w');
    await table.complete(a!, clock.now());
    await table.fail(b!, clock.now(), 'HTTP 400');
    clock.advance(2 * 24 * 3600 * SECOND);
    let status = await table.status();
    assert.deepEqual([status.sent, status.failed], [0, 0], 'older than the default 24 hours');
    status = await table.status({ since: T0 });
    assert.deepEqual([status.sent, status.failed], [1, 1]);
    assert.equal(await table.purgeHistory(new Date(T0.getTime() + SECOND)), 2);
    status = await table.status({ since: T0 });
    assert.deepEqual([status.sent, status.failed], [0, 0]);
    assert.deepEqual(await table.enqueue([message(1)]), { queued: 1, duplicates: 0 }, 'purged keys can be used again');
  });
});
