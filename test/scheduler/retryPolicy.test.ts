import assert from 'node:assert/strict';
import { DEFAULT_RETRY, RetryOptions, decideRetry, fullJitterDelay } from '../../src/scheduler/retryPolicy';
import { parseRetryAfter } from '../../src/teams/connectorSender';

const options = (random: number, overrides: Partial<RetryOptions> = {}): RetryOptions => ({ ...DEFAULT_RETRY, baseDelayMs: 1_000, maxDelayMs: 60_000, random: () => random, ...overrides });
const failure = (status?: number, retryAfterMs?: number) => ({ ok: false as const, error: 'x', ...(status !== undefined ? { status } : {}), ...(retryAfterMs !== undefined ? { retryAfterMs } : {}) });

describe('retry policy', () => {
  it('waits exactly the Retry-After of a 429, plus a little jitter, never less', () => {
    assert.deepEqual(decideRetry(failure(429, 1_000), 1, options(0)), { retry: true, delayMs: 1_000 });
    const most = decideRetry(failure(429, 1_000), 1, options(0.999));
    assert.ok(most.retry && most.delayMs >= 1_000 && most.delayMs < 1_150);
    assert.deepEqual(decideRetry(failure(503, 2_000), 2, options(0)), { retry: true, delayMs: 2_000 }, '503 with Retry-After too');
  });

  it('backs off exponentially with full jitter on 429 without Retry-After, 412, 5xx and no answer', () => {
    for (const status of [429, 408, 412, 500, 502, 503, 504, undefined]) {
      assert.deepEqual(decideRetry(failure(status), 1, options(0.5)), { retry: true, delayMs: 500 }, `status ${status}`);
    }
    assert.deepEqual([1, 2, 3, 4].map((attempt) => fullJitterDelay(attempt, options(0.999))), [999, 1998, 3996, 7992]);
    assert.equal(fullJitterDelay(20, options(0.999)), 59_940, 'capped');
    assert.equal(fullJitterDelay(3, options(0)), 0, 'full jitter: anywhere from zero');
  });

  it('gives up at once on other 4xx and permanent failures', () => {
    for (const status of [400, 401, 403, 404, 413, 501]) {
      assert.deepEqual(decideRetry(failure(status), 1, options(0.5)), { retry: false, reason: `HTTP ${status}` });
    }
    assert.deepEqual(decideRetry({ ok: false, permanent: true, error: 'no person record' }, 1, options(0.5)), { retry: false, reason: 'permanent' });
  });

  it('gives up after the last allowed try (6 by default)', () => {
    assert.equal(decideRetry(failure(503), 5, { ...DEFAULT_RETRY, random: () => 0.5 }).retry, true);
    assert.deepEqual(decideRetry(failure(503), 6, { ...DEFAULT_RETRY, random: () => 0.5 }), { retry: false, reason: 'gave up after 6 tries' });
    assert.deepEqual(decideRetry(failure(429, 1_000), 6, DEFAULT_RETRY), { retry: false, reason: 'gave up after 6 tries' });
  });

  it('reads Retry-After as seconds or as an HTTP date', () => {
    const now = new Date('2026-11-23T07:00:00.000Z');
    assert.equal(parseRetryAfter('1', now), 1_000);
    assert.equal(parseRetryAfter(' 2.5 ', now), 2_500);
    assert.equal(parseRetryAfter('Mon, 23 Nov 2026 07:00:03 GMT', now), 3_000);
    assert.equal(parseRetryAfter('Mon, 23 Nov 2026 06:59:00 GMT', now), 0, 'a date in the past: at once');
    assert.equal(parseRetryAfter('soon', now), undefined);
    assert.equal(parseRetryAfter('', now), undefined);
    assert.equal(parseRetryAfter(undefined, now), undefined);
  });
});
