import assert from 'node:assert/strict';
import { RequestPermit } from '../../src/ports/messageSender';
import { ConnectorRateLimiter, SlidingWindowLimiter, TEAMS_CONVERSATION_WINDOWS } from '../../src/scheduler/rateLimiter';

/** Time that moves only when the test says so; sleepers wake when their time has come. */
class ManualTime {
  private current = 0;
  private sleepers: { at: number; resolve: () => void }[] = [];

  now = (): Date => new Date(this.current);

  sleep = (ms: number, signal?: AbortSignal): Promise<void> =>
    new Promise((resolve) => {
      if (signal?.aborted) return resolve();
      const sleeper = { at: this.current + ms, resolve };
      this.sleepers.push(sleeper);
      signal?.addEventListener('abort', () => {
        this.sleepers = this.sleepers.filter((s) => s !== sleeper);
        resolve();
      });
    });

  /** Moves time forward in 1 ms steps, waking sleepers on the way and letting their work run. */
  async advance(ms: number): Promise<void> {
    await flush();
    const end = this.current + ms;
    while (this.current < end) {
      const next = Math.min(end, ...this.sleepers.map((s) => s.at).filter((at) => at > this.current), this.current + 1);
      this.current = Math.max(next, this.current);
      const due = this.sleepers.filter((s) => s.at <= this.current);
      this.sleepers = this.sleepers.filter((s) => s.at > this.current);
      due.forEach((s) => s.resolve());
      await flush();
    }
    await flush();
  }
}

const flush = async () => {
  for (let i = 0; i < 5; i++) await Promise.resolve();
};

/** Requests that start as early as allowed and end at once; their start times. */
function greedy(limiter: SlidingWindowLimiter, count: number): number[] {
  const times: number[] = [];
  let now = 0;
  for (let i = 0; i < count; i++) {
    now = limiter.earliestStart(now);
    limiter.start(now);
    limiter.end(now);
    times.push(now);
  }
  return times;
}

/** Most starts in any half-open window (t - windowMs, t]. */
function maxInWindow(times: readonly number[], windowMs: number): number {
  let max = 0;
  for (const end of times) max = Math.max(max, times.filter((t) => t > end - windowMs && t <= end).length);
  return max;
}

describe('rate limiter', () => {
  describe('sliding windows', () => {
    it("keeps Teams' per-conversation limits: 7 per second, 8 per 2 seconds, 60 per 30 seconds", () => {
      const times = greedy(new SlidingWindowLimiter(TEAMS_CONVERSATION_WINDOWS), 130);
      assert.deepEqual(times.slice(0, 9), [0, 0, 0, 0, 0, 0, 0, 1000, 2000]);
      assert.equal(maxInWindow(times, 1_000), 7);
      assert.equal(maxInWindow(times, 2_000), 8);
      assert.equal(maxInWindow(times, 30_000), 60);
      assert.equal(times.filter((t) => t < 30_000).length, 60, 'and uses them fully: 60 in the first 30 s');
    });

    it('counts a request from its start until it ends, then at its end', () => {
      const limiter = new SlidingWindowLimiter([{ limit: 2, windowMs: 1000 }]);
      limiter.start(0);
      limiter.start(0);
      assert.equal(limiter.earliestStart(0), Number.POSITIVE_INFINITY, 'two in flight: wait for one to end');
      limiter.end(300);
      // The ended request may have reached the server as late as 300 ms.
      assert.equal(limiter.earliestStart(300), 1300);
      limiter.end(400);
      assert.equal(limiter.earliestStart(400), 1300);
    });

    it('spaces starts evenly and can be paused', () => {
      const limiter = new SlidingWindowLimiter([{ limit: 50, windowMs: 1000 }], 20);
      const times = greedy(limiter, 5);
      assert.deepEqual(times, [0, 20, 40, 60, 80]);
      limiter.pause(5_000);
      assert.equal(limiter.earliestStart(100), 5_000);
    });

    it('keeps the rate when timers fire late: spacing counts from the slot a start was due', () => {
      const limiter = new SlidingWindowLimiter([{ limit: 50, windowMs: 1000 }], 20);
      limiter.start(0);
      limiter.end(1);
      // The next slot was 20; a busy event loop fires the timer at 27.
      assert.equal(limiter.earliestStart(1), 20);
      limiter.start(27);
      limiter.end(28);
      assert.equal(limiter.earliestStart(28), 40, 'the third slot stays at 40, not 47');
      // After a quiet spell no credit is saved up.
      limiter.start(5_000);
      assert.equal(limiter.earliestStart(5_000), 5_020);
    });
  });

  describe('connector gate', () => {
    it('lets at most 50 requests per second through for a tenant, evenly spaced, and uses the rate fully', async () => {
      const time = new ManualTime();
      const limiter = new ConnectorRateLimiter(time, time.sleep);
      const started: number[] = [];
      for (let i = 0; i < 150; i++) {
        void limiter.begin({ tenantId: 't', conversationId: `c${i}` }).then((permit) => {
          started.push(time.now().getTime());
          permit.done();
        });
      }
      await time.advance(3_000);
      assert.equal(maxInWindow(started, 1_000), 50);
      assert.equal(started.length, 150);
      assert.equal(started[1]! - started[0]!, 20);
      assert.ok(started[149]! <= 3_000);
    });

    it('honours a configured tenant rate, and tenants do not share it', async () => {
      const time = new ManualTime();
      const limiter = new ConnectorRateLimiter(time, time.sleep, { tenantPerSecond: 10 });
      const started = new Map<string, number[]>();
      for (const tenant of ['a', 'b'])
        for (let i = 0; i < 30; i++)
          void limiter.begin({ tenantId: tenant }).then((permit) => {
            started.set(tenant, [...(started.get(tenant) ?? []), time.now().getTime()]);
            permit.done();
          });
      await time.advance(1_000);
      assert.equal(started.get('a')?.length, 11);
      assert.equal(started.get('b')?.length, 11);
      assert.equal(maxInWindow(started.get('a')!, 1_000), 10);
    });

    it('holds requests while the window is full of unfinished ones', async () => {
      const time = new ManualTime();
      const limiter = new ConnectorRateLimiter(time, time.sleep, { tenantPerSecond: 3 });
      const permits: RequestPermit[] = [];
      for (let i = 0; i < 4; i++) void limiter.begin({ tenantId: 't' }).then((permit) => permits.push(permit));
      await time.advance(5_000);
      assert.equal(permits.length, 3, 'three in flight, none ended: the fourth waits however long');
      permits[0]!.done();
      await time.advance(999);
      assert.equal(permits.length, 3);
      await time.advance(1);
      assert.equal(permits.length, 4, 'a second after the first ended');
    });

    it('serves a conversation that may go before one that is paused (no head-of-line blocking)', async () => {
      const time = new ManualTime();
      const limiter = new ConnectorRateLimiter(time, time.sleep);
      limiter.pause({ tenantId: 't', conversationId: 'throttled' }, new Date(2_000));
      const order: string[] = [];
      const go = (conversationId: string) => void limiter.begin({ tenantId: 't', conversationId }).then((permit) => (order.push(`${conversationId}@${time.now().getTime()}`), permit.done()));
      go('throttled');
      go('fine');
      await time.advance(2_500);
      assert.deepEqual(order, ['fine@0', 'throttled@2000']);
    });

    it('keeps 7 per second in one conversation while other conversations go on', async () => {
      const time = new ManualTime();
      const limiter = new ConnectorRateLimiter(time, time.sleep);
      const busy: number[] = [];
      let others = 0;
      for (let i = 0; i < 10; i++) void limiter.begin({ tenantId: 't', conversationId: 'busy' }).then((p) => (busy.push(time.now().getTime()), p.done()));
      for (let i = 0; i < 20; i++) void limiter.begin({ tenantId: 't', conversationId: `other${i}` }).then((p) => (others++, p.done()));
      await time.advance(990);
      assert.equal(busy.length, 7);
      assert.equal(others, 20);
      await time.advance(1_000);
      assert.equal(busy.length, 8, 'the eighth a second later: 8 per 2 s');
      await time.advance(1_000);
      assert.equal(busy.length, 10, 'after 2 s the first seven have left both windows');
      assert.equal(maxInWindow(busy, 1_000), 7);
      assert.equal(maxInWindow(busy, 2_000), 8);
    });
  });
});
