import { Clock } from '../ports/clock';
import { Logger } from '../ports/logger';
import { Sleep } from './rateLimiter';

/** A job that decides from storage what is due now and writes it to the outbox. Safe to run often. */
export interface ScheduledJob {
  readonly name: string;
  run(now: Date): Promise<{ enqueued: number }>;
}

/** Once a minute is plenty: the earliest due time is a clock minute, and jobs are idempotent. */
export const TICK_MS = 60_000;

/**
 * Runs every job on each tick until `signal` aborts (the lease was lost, or the bot stops). A
 * failing job is logged and retried at the next tick; it does not stop the others.
 */
export async function runJobs(jobs: readonly ScheduledJob[], deps: { clock: Clock; logger: Logger; sleep: Sleep }, signal: AbortSignal, tickMs = TICK_MS): Promise<void> {
  while (!signal.aborted) {
    const now = deps.clock.now();
    for (const job of jobs) {
      if (signal.aborted) return;
      try {
        const { enqueued } = await job.run(now);
        if (enqueued) deps.logger.info({ job: job.name, enqueued }, 'job enqueued messages');
      } catch (error) {
        deps.logger.error({ job: job.name, err: error instanceof Error ? error.message : String(error) }, 'job failed; retrying at the next tick');
      }
    }
    await deps.sleep(tickMs, signal).catch(() => undefined);
  }
}
