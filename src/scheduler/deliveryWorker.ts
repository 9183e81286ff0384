import { Clock } from '../ports/clock';
import { Logger } from '../ports/logger';
import { ClaimedMessage, DeliveryQueue, MessageSender, SendOutcome } from '../ports/messageSender';
import { MessageTarget } from '../ports/outbox';
import { ConnectorRateLimiter, Sleep } from './rateLimiter';
import { DEFAULT_RETRY, RetryOptions, decideRetry } from './retryPolicy';

export interface DeliveryWorkerDeps {
  readonly queue: DeliveryQueue;
  readonly sender: MessageSender;
  readonly limiter: ConnectorRateLimiter;
  readonly clock: Clock;
  readonly sleep: Sleep;
  readonly logger: Logger;
}

export interface DeliveryWorkerOptions {
  /** Names this worker's claims (e.g. host + process + random). */
  readonly workerId: string;
  /** Sends under way at once (each waits at the rate limiter first). */
  readonly concurrency?: number;
  /** Claimed messages kept at hand; at 50/s, 64 is about a second's worth. */
  readonly buffer?: number;
  /** A claim's lease: if this worker dies, its claimed messages are due again after this. */
  readonly claimLeaseMs?: number;
  /** A claimed message with less lease left than this is released instead of sent (no race at expiry). */
  readonly minLeaseLeftMs?: number;
  /** How soon to look for due work again after a claim found some, or after the first empty one. */
  readonly pollIdleMs?: number;
  /**
   * While idle, the full look for due work (one query per shard) backs off, doubling up to this.
   * Work this process enqueues wakes the worker at once (wake()); work another instance enqueues
   * is noticed by the cheap probe below.
   */
  readonly maxIdleScanMs?: number;
  /** While idle, how often to ask the queue (one request) whether anything was enqueued since. */
  readonly probeEveryMs?: number;
  readonly retry?: Partial<RetryOptions>;
}

export interface WorkerStats {
  claimed: number;
  sent: number;
  retried: number;
  failed: number;
  /** 429 answers seen (each one is retried or counted in failed). */
  throttled: number;
  /** Sent after the claim had expired and another worker took the message over: a possible duplicate. */
  claimLost: number;
  released: number;
}

/** Messages to the same conversation go one at a time, in due order. */
const conversationOf = (target: MessageTarget): string => (target.kind === 'channel' ? `c:${target.conversationId}` : `p:${target.aadObjectId}`);

const describe = (error: unknown): string => (error instanceof Error ? `${error.name}: ${error.message}` : String(error)).slice(0, 300);

/**
 * Drains the outbox: claims due messages (a claim is a lease on them, see DeliveryQueue), sends each
 * through the MessageSender with every connector request passing the rate limiter, then records
 * the outcome: sent, due again later (Retry-After or jittered backoff), or failed after
 * `maxAttempts` tries or a permanent error.
 *
 * Exactly once, as far as the connector allows: the key is sent at most once per claim, and the
 * claim is recorded as sent in the same transaction that removes it from the queue. The one window
 * for a duplicate is a crash (or a storage outage outlasting the claim) after the connector accepted
 * the message and before that transaction: the message is then sent once more when the claim
 * expires. The window is one storage round trip; nothing else happens between the send and the record.
 */
export class DeliveryWorker {
  private readonly options: Required<Omit<DeliveryWorkerOptions, 'retry'>> & { readonly retry: RetryOptions };
  private readonly counters: WorkerStats = { claimed: 0, sent: 0, retried: 0, failed: 0, throttled: 0, claimLost: 0, released: 0 };
  private wakeController = new AbortController();
  private woken = false;
  private changed: { promise: Promise<void>; resolve: () => void } = DeliveryWorker.signal();
  private running = false;
  /** The earliest retry this worker scheduled: the idle worker looks again by then. */
  private nextRetryAt = Number.POSITIVE_INFINITY;

  constructor(
    private readonly deps: DeliveryWorkerDeps,
    options: DeliveryWorkerOptions,
  ) {
    this.options = {
      workerId: options.workerId,
      concurrency: options.concurrency ?? 16,
      buffer: options.buffer ?? 64,
      claimLeaseMs: options.claimLeaseMs ?? 60_000,
      minLeaseLeftMs: options.minLeaseLeftMs ?? 15_000,
      pollIdleMs: options.pollIdleMs ?? 1_000,
      maxIdleScanMs: options.maxIdleScanMs ?? 60_000,
      probeEveryMs: options.probeEveryMs ?? 5_000,
      retry: { ...DEFAULT_RETRY, ...options.retry },
    };
    if (this.options.minLeaseLeftMs >= this.options.claimLeaseMs) throw new Error('minLeaseLeftMs must be shorter than claimLeaseMs');
  }

  private static signal(): { promise: Promise<void>; resolve: () => void } {
    let resolve = () => {};
    const promise = new Promise<void>((r) => (resolve = r));
    return { promise, resolve };
  }

  stats(): WorkerStats {
    return { ...this.counters };
  }

  /** Something was just enqueued in this process: look now instead of at the next poll. */
  wake(): void {
    this.woken = true;
    this.wakeController.abort();
  }

  /**
   * Runs until `signal` aborts; then stops claiming, lets the sends under way finish and be
   * recorded, and hands unsent claimed messages back to the queue (due at once, for the next holder).
   */
  async run(signal: AbortSignal): Promise<void> {
    if (this.running) throw new Error('This delivery worker is already running');
    this.running = true;
    const { clock, queue, logger } = this.deps;
    const buffer: ClaimedMessage[] = [];
    const inFlight = new Set<Promise<void>>();
    const busy = new Set<string>();
    let lastClaim = Number.NEGATIVE_INFINITY;
    let moreDue = true;
    const idle = { emptyScans: 0, lastProbe: Number.NEGATIVE_INFINITY, lastEnqueue: undefined as number | undefined };
    try {
      while (!signal.aborted) {
        const now = clock.now();
        const scanEvery = Math.min(this.options.pollIdleMs * 2 ** idle.emptyScans, this.options.maxIdleScanMs);
        const retryDue = now.getTime() >= this.nextRetryAt;
        const polled = now.getTime() - lastClaim >= scanEvery || retryDue;
        if (buffer.length < this.options.concurrency && (moreDue || polled || this.woken)) {
          const max = this.options.buffer - buffer.length;
          lastClaim = now.getTime();
          idle.lastProbe = lastClaim;
          this.woken = false;
          if (retryDue) this.nextRetryAt = Number.POSITIVE_INFINITY;
          try {
            const claimed = await queue.claim({ workerId: this.options.workerId, now, until: new Date(now.getTime() + this.options.claimLeaseMs), max });
            this.counters.claimed += claimed.length;
            buffer.push(...claimed);
            moreDue = claimed.length === max;
            idle.emptyScans = claimed.length ? 0 : idle.emptyScans + 1;
          } catch (error) {
            moreDue = false;
            logger.warn({ err: describe(error), worker: this.options.workerId }, 'outbox claim failed; will try again');
          }
        }
        this.dispatch(buffer, busy, inFlight);
        if (signal.aborted) break;
        if (buffer.length === 0 && inFlight.size === 0) {
          if (clock.now().getTime() - idle.lastProbe >= this.options.probeEveryMs) {
            idle.lastProbe = clock.now().getTime();
            // Another instance (or a job before a restart) enqueued: look now rather than at the next scan.
            const enqueued = await queue.lastEnqueuedAt().then((at) => at?.getTime(), () => undefined);
            // Compared with the last enqueue seen, or else with the last look: anything older was found by it.
            if (enqueued !== undefined && enqueued > (idle.lastEnqueue ?? lastClaim)) this.woken = true;
            if (enqueued !== undefined) idle.lastEnqueue = enqueued;
            if (this.woken) continue;
          }
          const untilScan = lastClaim + scanEvery - clock.now().getTime();
          const untilProbe = idle.lastProbe + this.options.probeEveryMs - clock.now().getTime();
          const untilRetry = this.nextRetryAt - clock.now().getTime();
          await this.idle(signal, Math.max(1, Math.min(untilScan, untilProbe, untilRetry)));
        } else {
          // Until a send finishes (a slot or a conversation frees up) or it is time to look for more.
          const tick = new AbortController();
          const stop = () => tick.abort();
          signal.addEventListener('abort', stop, { once: true });
          await Promise.race([this.changed.promise, this.deps.sleep(Math.max(1, this.options.pollIdleMs - (clock.now().getTime() - lastClaim)), tick.signal)]);
          tick.abort();
          signal.removeEventListener('abort', stop);
        }
      }
    } finally {
      await Promise.allSettled([...inFlight]);
      const at = clock.now();
      await Promise.allSettled(
        buffer.splice(0).map(async (message) => {
          await queue.release(message, at);
          this.counters.released++;
        }),
      );
      this.running = false;
    }
  }

  private async idle(signal: AbortSignal, ms: number): Promise<void> {
    if (this.woken) return;
    if (this.wakeController.signal.aborted) this.wakeController = new AbortController();
    const wake = this.wakeController;
    const stop = () => wake.abort();
    signal.addEventListener('abort', stop, { once: true });
    await this.deps.sleep(ms, wake.signal);
    signal.removeEventListener('abort', stop);
    if (wake.signal.aborted) this.wakeController = new AbortController();
  }

  private dispatch(buffer: ClaimedMessage[], busy: Set<string>, inFlight: Set<Promise<void>>): void {
    const now = this.deps.clock.now().getTime();
    for (let index = 0; index < buffer.length && inFlight.size < this.options.concurrency; ) {
      const message = buffer[index]!;
      if (message.claimUntil.getTime() - now < this.options.minLeaseLeftMs) {
        // Too close to the claim's expiry to send safely: another worker may take it over any moment.
        buffer.splice(index, 1);
        this.track(inFlight, this.deps.queue.release(message, new Date(now)).then(() => void this.counters.released++, (error: unknown) => this.deps.logger.warn({ err: describe(error) }, 'outbox release failed')));
        continue;
      }
      const conversation = conversationOf(message.target);
      if (busy.has(conversation)) {
        index++;
        continue;
      }
      buffer.splice(index, 1);
      busy.add(conversation);
      this.track(
        inFlight,
        this.deliver(message).finally(() => busy.delete(conversation)),
      );
    }
  }

  private track(inFlight: Set<Promise<void>>, work: Promise<void>): void {
    const tracked = work.finally(() => {
      inFlight.delete(tracked);
      const { resolve } = this.changed;
      this.changed = DeliveryWorker.signal();
      resolve();
    });
    inFlight.add(tracked);
  }

  private async deliver(message: ClaimedMessage): Promise<void> {
    const { clock, queue, sender, limiter, logger } = this.deps;
    let outcome: SendOutcome;
    try {
      outcome = await sender.send(message, limiter);
    } catch (error) {
      // A sender should answer with an outcome; an exception is treated as "no answer" (retried).
      outcome = { ok: false, error: describe(error) };
    }
    const now = clock.now();
    if (outcome.ok) {
      const result = await this.record(message, () => queue.complete(message, now));
      if (result !== undefined) this.counters.sent++;
      if (result === 'claimLost') {
        this.counters.claimLost++;
        logger.warn({ key: message.key, worker: this.options.workerId }, 'message sent after its claim expired; it may have been sent twice');
      }
      return;
    }
    if (outcome.status === 429) this.counters.throttled++;
    if (outcome.retryAfterMs !== undefined && outcome.scope) limiter.pause(outcome.scope, new Date(now.getTime() + outcome.retryAfterMs));
    const decision = decideRetry(outcome, message.attempt, this.options.retry);
    if (decision.retry) {
      this.counters.retried++;
      logger.debug({ key: message.key, attempt: message.attempt, status: outcome.status, delayMs: decision.delayMs }, 'message will be retried');
      const due = now.getTime() + decision.delayMs;
      this.nextRetryAt = Math.min(this.nextRetryAt, due);
      await this.record(message, () => queue.retry(message, new Date(due), outcome.error));
      return;
    }
    this.counters.failed++;
    const error = `${decision.reason}: ${outcome.error}`;
    logger.warn({ key: message.key, job: message.job, attempt: message.attempt, status: outcome.status, error }, 'message delivery failed');
    await this.record(message, () => queue.fail(message, now, error));
  }

  /**
   * Writes an outcome, retrying a storage outage while the claim lasts (the SDK already retried
   * each request). If storage stays away the claim expires and the message is tried again.
   */
  private async record<T>(message: ClaimedMessage, write: () => Promise<T>): Promise<T | undefined> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await write();
      } catch (error) {
        const left = message.claimUntil.getTime() - this.deps.clock.now().getTime();
        if (attempt >= 5 || left < 1_000) {
          this.deps.logger.error({ key: message.key, err: describe(error) }, 'could not record the delivery outcome; the message will be tried again when its claim expires');
          return undefined;
        }
        await this.deps.sleep(Math.min(left / 2, 250 * attempt));
      }
    }
  }
}
