/**
 * Running a scheduled job's period now, at an administrator's request ("send now" on the status
 * card), under the same once-per-period rule as the scheduler: a period already done is not done
 * again. Implemented by the scheduler (src/scheduler/rhythmJobs.ts), reached by the services.
 */

/** What may be sent now: one unit's board-meeting prompt, or today's overdue reminders for everyone. */
export type ManualRun = { readonly job: 'prompt'; readonly unitId: string } | { readonly job: 'reminder' };

export type ManualRunOutcome =
  /** The period's work was done now; `enqueued` messages went to the outbox (0: nothing was due). */
  | { readonly kind: 'done'; readonly enqueued: number }
  /** Already done in this period (by the scheduler, an earlier press, or another instance). */
  | { readonly kind: 'alreadyDone'; readonly period: string; readonly at?: Date };

export interface JobTrigger {
  runNow(run: ManualRun, now: Date): Promise<ManualRunOutcome>;
}
