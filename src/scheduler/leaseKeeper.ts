import { Clock } from '../ports/clock';
import { LeaseStore } from '../ports/lease';
import { Logger } from '../ports/logger';
import { Sleep } from './rateLimiter';

export interface LeaseKeeperDeps {
  readonly leases: LeaseStore;
  readonly clock: Clock;
  readonly sleep: Sleep;
  readonly logger: Logger;
}

export interface LeaseKeeperOptions {
  /** The lease's name, shared by all instances (e.g. "proactive"). */
  readonly name: string;
  /** This instance (unique per process). */
  readonly holderId: string;
  /** How long a taken lease lasts without renewal: the takeover time when the holder dies. */
  readonly durationMs?: number;
  /** How often the holder renews, and others try to take it. Well below durationMs. */
  readonly renewEveryMs?: number;
}

export type LeasedJob = (signal: AbortSignal) => Promise<void>;

const describe = (error: unknown): string => (error instanceof Error ? error.message : String(error)).slice(0, 300);

/**
 * Runs a job only while this instance holds a named lease in Table Storage. Every instance runs a
 * keeper; one holds the lease and runs the job, the others try to take it every `renewEveryMs`.
 * The holder renews every `renewEveryMs` (default 15 s) for `durationMs` (default 45 s), so if it
 * dies another instance takes over within durationMs + renewEveryMs (under a minute).
 *
 * The job gets an AbortSignal: it is aborted when the lease is lost (taken over, or not renewable
 * long enough that another instance may take it) and on stop(). A job that returns or throws
 * while the lease is held is started again at the next renewal.
 */
export class LeaseKeeper {
  private readonly durationMs: number;
  private readonly renewEveryMs: number;
  private readonly stopping = new AbortController();
  private loop: Promise<void> | undefined;
  private job: { controller: AbortController; done: Promise<void> } | undefined;
  private heldUntil = 0;

  constructor(
    private readonly deps: LeaseKeeperDeps,
    private readonly options: LeaseKeeperOptions,
  ) {
    this.durationMs = options.durationMs ?? 45_000;
    this.renewEveryMs = options.renewEveryMs ?? 15_000;
    if (this.renewEveryMs * 2 > this.durationMs) throw new Error('renewEveryMs must be at most half of durationMs');
  }

  /** True while this instance holds the lease (as far as it knows). */
  get holding(): boolean {
    return this.heldUntil > this.deps.clock.now().getTime();
  }

  /** True while the job is running. */
  get running(): boolean {
    return this.job !== undefined;
  }

  start(job: LeasedJob): void {
    if (this.loop) throw new Error(`Lease keeper "${this.options.name}" already started`);
    this.loop = this.keep(job);
  }

  /**
   * Stops the job (and waits for it) and gives the lease up so another instance can take over at
   * once. `release: false` leaves the lease to expire, as a crashed instance would.
   */
  async stop(options: { readonly release?: boolean } = {}): Promise<void> {
    this.stopping.abort();
    await this.loop;
    const wasHolding = this.heldUntil > 0;
    this.heldUntil = 0;
    if (options.release !== false && wasHolding) {
      try {
        await this.deps.leases.release(this.options.name, this.options.holderId);
      } catch (error) {
        this.deps.logger.warn({ lease: this.options.name, err: describe(error) }, 'could not release the lease; it will expire');
      }
    }
  }

  private async keep(job: LeasedJob): Promise<void> {
    const { leases, clock, sleep, logger } = this.deps;
    const { name, holderId } = this.options;
    while (!this.stopping.signal.aborted) {
      const now = clock.now().getTime();
      let held: boolean;
      try {
        held = await leases.acquire(name, holderId, new Date(now), this.durationMs);
        if (held) this.heldUntil = now + this.durationMs;
      } catch (error) {
        // Storage unreachable: keep going only while the lease certainly stays ours until the next try.
        held = this.heldUntil - this.renewEveryMs > clock.now().getTime();
        logger.warn({ lease: name, err: describe(error), held }, 'lease renewal failed');
      }
      if (this.stopping.signal.aborted) break;
      if (held && !this.job) {
        logger.info({ lease: name, holder: holderId }, 'lease taken; starting its job');
        this.startJob(job);
      } else if (!held) {
        if (this.job) logger.warn({ lease: name, holder: holderId }, 'lease lost; stopping its job');
        this.heldUntil = 0;
        await this.stopJob();
      }
      await sleep(this.renewEveryMs, this.stopping.signal);
    }
    await this.stopJob();
  }

  private startJob(job: LeasedJob): void {
    const controller = new AbortController();
    const running = { controller, done: Promise.resolve() };
    running.done = job(controller.signal)
      .catch((error: unknown) => this.deps.logger.error({ lease: this.options.name, err: describe(error) }, 'leased job failed'))
      .finally(() => {
        if (this.job === running) this.job = undefined;
      });
    this.job = running;
  }

  private async stopJob(): Promise<void> {
    const running = this.job;
    if (!running) return;
    running.controller.abort();
    await running.done;
    if (this.job === running) this.job = undefined;
  }
}
