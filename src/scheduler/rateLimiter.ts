import { Clock } from '../ports/clock';
import { RequestGate, RequestPermit, RequestScope } from '../ports/messageSender';

/** Waiting is a port like the clock, so tests run without real time. Resolves early when `signal` aborts. */
export type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>;

export const realSleep: Sleep = (ms, signal) =>
  new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, Math.max(0, ms));
    signal?.addEventListener('abort', done, { once: true });
  });

export interface RateWindow {
  readonly limit: number;
  readonly windowMs: number;
}

/** Teams, per bot and conversation: 7 per second, 8 per 2 seconds, 60 per 30 seconds. */
export const TEAMS_CONVERSATION_WINDOWS: readonly RateWindow[] = [
  { limit: 7, windowMs: 1_000 },
  { limit: 8, windowMs: 2_000 },
  { limit: 60, windowMs: 30_000 },
];

/** Teams' documented per-app, per-tenant rate; TENANT_RATE_PER_SECOND overrides it. */
export const DEFAULT_TENANT_RATE_PER_SECOND = 50;

/**
 * "At most `limit` requests in any `windowMs`", for several windows at once, counted the way the
 * server counts: by when a request arrives. We cannot see that moment, but it lies between the start
 * of our request and the end of it, so a request is counted from its start until it ends (while in
 * flight) and at its end time afterwards. That errs on the safe side by one round trip and never lets
 * a slow or delayed request push the server over a window (no safety margin needed).
 *
 * A token bucket was not used on purpose: a bucket with a burst of B at rate r lets B + r requests
 * through in some 1-second window, so to promise "50 in any second" it would have to run below 50/s.
 */
export class SlidingWindowLimiter {
  /** End times of finished requests, ascending; only the most recent `max(limit)` matter. */
  private readonly ended: number[] = [];
  private readonly keep: number;
  private inFlight = 0;
  /** The slot the last start was given: spacing counts from slots, not from when a timer fired. */
  private lastSlot = Number.NEGATIVE_INFINITY;
  private pausedUntil = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly windows: readonly RateWindow[],
    /** Spacing between starts, to smooth bursts (e.g. 20 ms for 50/s). */
    private readonly minIntervalMs = 0,
  ) {
    if (!windows.length || windows.some((w) => w.limit < 1 || w.windowMs <= 0)) throw new Error('Rate windows need a limit >= 1 and a positive length');
    this.keep = Math.max(...windows.map((w) => w.limit));
  }

  /** The earliest time (ms) a new request may start; Infinity while only a request ending can free a slot. */
  earliestStart(now: number): number {
    let at = Math.max(now, this.lastSlot + this.minIntervalMs, this.pausedUntil);
    for (const { limit, windowMs } of this.windows) {
      // The new request makes inFlight + (ends after at - windowMs) + 1 <= limit.
      const free = limit - this.inFlight;
      if (free <= 0) return Number.POSITIVE_INFINITY;
      if (this.ended.length >= free) at = Math.max(at, this.ended[this.ended.length - free]! + windowMs);
    }
    return at;
  }

  /**
   * A start less than one interval late (a busy event loop fired its timer late) takes the slot it
   * was due, so the next start is not pushed later too: spacing from the actual start lost every
   * late timer's delay and held a 50/s tenant to about 47/s. A start after a quiet spell takes its
   * own time, so no credit is saved up. The windows count real starts, so none can exceed its limit.
   */
  start(now: number): void {
    this.inFlight++;
    const due = this.lastSlot + this.minIntervalMs;
    this.lastSlot = now - due < this.minIntervalMs ? due : now;
  }

  end(now: number): void {
    this.inFlight = Math.max(0, this.inFlight - 1);
    let index = this.ended.length;
    while (index > 0 && this.ended[index - 1]! > now) index--;
    this.ended.splice(index, 0, now);
    if (this.ended.length > this.keep) this.ended.splice(0, this.ended.length - this.keep);
  }

  /** Holds every new request back until `until` (after a 429 with Retry-After). */
  pause(until: number): void {
    this.pausedUntil = Math.max(this.pausedUntil, until);
  }

  /** Nothing in flight, nothing remembered that could still matter at `now`: safe to forget. */
  idle(now: number): boolean {
    const longest = Math.max(...this.windows.map((w) => w.windowMs));
    const last = this.ended[this.ended.length - 1] ?? Number.NEGATIVE_INFINITY;
    return this.inFlight === 0 && last + longest <= now && this.pausedUntil <= now;
  }
}

export interface ConnectorRateOptions {
  /** Requests per second per tenant (Teams: about 50 per app per tenant). */
  readonly tenantPerSecond?: number;
  readonly conversationWindows?: readonly RateWindow[];
}

interface Waiter {
  readonly scope: RequestScope;
  readonly resolve: (permit: RequestPermit) => void;
}

/**
 * The gate every Bot Connector request passes: the tenant's rate (a 1-second window, with starts
 * spaced evenly) and, for a post into a conversation, Teams' per-conversation windows. Waiters are
 * served first come, first served among those that may go, so one throttled conversation does not
 * hold up the others. One instance per process; that is why the delivery worker runs in one
 * instance at a time (under the lease): a rate is only enforceable in one place.
 */
export class ConnectorRateLimiter implements RequestGate {
  private readonly tenants = new Map<string, SlidingWindowLimiter>();
  private readonly conversations = new Map<string, SlidingWindowLimiter>();
  private readonly waiters: Waiter[] = [];
  private readonly tenantWindows: readonly RateWindow[];
  private readonly tenantSpacingMs: number;
  private readonly conversationWindows: readonly RateWindow[];
  private timer: { at: number; controller: AbortController } | undefined;
  private lastSweep = 0;

  constructor(
    private readonly clock: Clock,
    private readonly sleep: Sleep,
    options: ConnectorRateOptions = {},
  ) {
    const rate = options.tenantPerSecond ?? DEFAULT_TENANT_RATE_PER_SECOND;
    if (!(rate > 0)) throw new Error('The tenant rate must be positive');
    // Fractional rates (e.g. 0.5/s) become "1 per 2 s".
    this.tenantWindows = rate >= 1 ? [{ limit: Math.floor(rate), windowMs: 1000 }] : [{ limit: 1, windowMs: 1000 / rate }];
    this.tenantSpacingMs = 1000 / rate;
    this.conversationWindows = options.conversationWindows ?? TEAMS_CONVERSATION_WINDOWS;
  }

  begin(scope: RequestScope): Promise<RequestPermit> {
    return new Promise((resolve) => {
      this.waiters.push({ scope, resolve });
      this.pump();
    });
  }

  /** After a 429 with Retry-After: nothing more to that conversation (or, without one, the tenant) until then. */
  pause(scope: RequestScope, until: Date): void {
    const limiter = scope.conversationId ? this.conversation(scope.conversationId) : this.tenant(scope.tenantId);
    limiter.pause(until.getTime());
    this.pump();
  }

  /** Requests waiting for their turn (for tests and the benchmark). */
  get waiting(): number {
    return this.waiters.length;
  }

  private tenant(id: string): SlidingWindowLimiter {
    let limiter = this.tenants.get(id);
    if (!limiter) this.tenants.set(id, (limiter = new SlidingWindowLimiter(this.tenantWindows, this.tenantSpacingMs)));
    return limiter;
  }

  private conversation(id: string): SlidingWindowLimiter {
    let limiter = this.conversations.get(id);
    if (!limiter) this.conversations.set(id, (limiter = new SlidingWindowLimiter(this.conversationWindows)));
    return limiter;
  }

  private pump(): void {
    const now = this.clock.now().getTime();
    let next = Number.POSITIVE_INFINITY;
    for (let index = 0; index < this.waiters.length; ) {
      const waiter = this.waiters[index]!;
      const tenant = this.tenant(waiter.scope.tenantId);
      const conversation = waiter.scope.conversationId ? this.conversation(waiter.scope.conversationId) : undefined;
      const at = Math.max(tenant.earliestStart(now), conversation?.earliestStart(now) ?? now);
      if (at <= now) {
        tenant.start(now);
        conversation?.start(now);
        this.waiters.splice(index, 1);
        waiter.resolve(this.permit(tenant, conversation));
        continue;
      }
      next = Math.min(next, at);
      index++;
    }
    this.sweep(now);
    this.arm(next, now);
  }

  private permit(tenant: SlidingWindowLimiter, conversation: SlidingWindowLimiter | undefined): RequestPermit {
    let open = true;
    return {
      done: () => {
        if (!open) return;
        open = false;
        const now = this.clock.now().getTime();
        tenant.end(now);
        conversation?.end(now);
        this.pump();
      },
    };
  }

  /** One timer, for the earliest waiter that waits on time rather than on a request ending. */
  private arm(at: number, now: number): void {
    if (this.timer && this.timer.at <= at) return;
    this.timer?.controller.abort();
    this.timer = undefined;
    if (!Number.isFinite(at)) return;
    const timer = { at, controller: new AbortController() };
    this.timer = timer;
    void this.sleep(at - now, timer.controller.signal).then(() => {
      if (this.timer !== timer) return;
      this.timer = undefined;
      this.pump();
    });
  }

  /** Forgets conversations that no longer matter, so memory follows the active ones, not history. */
  private sweep(now: number): void {
    if (now - this.lastSweep < 10_000) return;
    this.lastSweep = now;
    for (const [id, limiter] of this.conversations) if (limiter.idle(now)) this.conversations.delete(id);
    for (const [id, limiter] of this.tenants) if (limiter.idle(now)) this.tenants.delete(id);
  }
}
