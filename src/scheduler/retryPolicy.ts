import { SendOutcome } from '../ports/messageSender';

export interface RetryOptions {
  /** Tries in all, the first included; then the message is marked failed. */
  readonly maxAttempts: number;
  /** Backoff cap for try n is min(maxDelayMs, baseDelayMs * 2^(n-1)); the delay is uniform below it. */
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
  /** Uniform in [0, 1); a port so tests can pin the jitter. */
  readonly random: () => number;
}

export const DEFAULT_RETRY: RetryOptions = { maxAttempts: 6, baseDelayMs: 2_000, maxDelayMs: 5 * 60_000, random: Math.random };

export type RetryDecision = { readonly retry: true; readonly delayMs: number } | { readonly retry: false; readonly reason: string };

type Failure = Extract<SendOutcome, { ok: false }>;

/** Statuses worth another try after a pause: Teams asks for backoff on 412, 502, 503 and 504; 408 and 500 are transient too. */
const TRANSIENT = new Set([408, 412, 500, 502, 503, 504]);

/** "Full jitter" exponential backoff: uniform in [0, min(cap, base * 2^(attempt-1))). */
export function fullJitterDelay(attempt: number, options: Pick<RetryOptions, 'baseDelayMs' | 'maxDelayMs' | 'random'>): number {
  const ceiling = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** Math.max(0, attempt - 1));
  return Math.floor(options.random() * ceiling);
}

/**
 * What to do after a failed try. 429 with Retry-After: wait exactly that long plus a little jitter
 * (never less); 429 without it, no answer at all, and 408/412/500/502/503/504: full-jitter backoff;
 * anything else (400, 401, 403, 404, 413, 501, ...) and permanent failures: give up at once.
 */
export function decideRetry(failure: Failure, attempt: number, options: RetryOptions = DEFAULT_RETRY): RetryDecision {
  if (failure.permanent) return { retry: false, reason: 'permanent' };
  const { status } = failure;
  const retryable = status === undefined || status === 429 || TRANSIENT.has(status);
  if (!retryable) return { retry: false, reason: `HTTP ${status}` };
  if (attempt >= options.maxAttempts) return { retry: false, reason: `gave up after ${attempt} tries` };
  if (failure.retryAfterMs !== undefined && (status === 429 || status === 503)) {
    const honoured = Math.max(0, failure.retryAfterMs);
    return { retry: true, delayMs: honoured + Math.floor(options.random() * Math.min(1_000, honoured * 0.1 + 50)) };
  }
  return { retry: true, delayMs: fullJitterDelay(attempt, options) };
}
