import { JobRunLedger } from '../ports/jobRuns';
import { ManualRunOutcome } from '../ports/jobTrigger';
import { ScheduledJob } from './jobRunner';

/** What is due at a moment: the period, and for jobs done in parts, the parts due so far. */
export interface DuePeriod {
  readonly period: string;
  /** E.g. the units whose meeting time has come today. Absent: the period is one piece of work. */
  readonly parts?: readonly string[];
}

/** What one run did: parts finished (for jobs in parts), and whether the period is finished. */
export interface PeriodWork {
  readonly enqueued: number;
  readonly parts?: readonly string[];
  readonly complete: boolean;
}

interface KnownPeriod {
  readonly period: string;
  complete: boolean;
  readonly parts: Set<string>;
  at?: Date;
}

/**
 * The one mechanism by which every scheduled job does its period's work once.
 *
 * `due` is cheap (the cached organisation, the clock): most ticks end there. Once something is
 * due, a persisted record of the period (one point read) tells whether it was done already, by this
 * instance before a restart or by another; what this instance learned is kept in memory, so later
 * ticks of a finished period cost nothing. Only then is the work done, and recorded.
 *
 * An administrator's "send now" (runNow) goes through the same check and record: it only brings
 * the period's work forward, it never does it twice.
 */
export abstract class OncePerPeriodJob implements ScheduledJob {
  abstract readonly name: string;
  private known: KnownPeriod | undefined;

  protected constructor(private readonly ledger: JobRunLedger) {}

  /** The period due at `now`, or undefined (not its day, before its time). No storage reads. */
  protected abstract due(now: Date): Promise<DuePeriod | undefined>;

  /** Does the period's work for `parts` (those still to do), or all of it when the job has no parts. */
  protected abstract work(period: string, now: Date, parts: readonly string[] | undefined): Promise<PeriodWork>;

  /**
   * The period an administrator's "send now" brings forward: the one `due` would give later today,
   * whatever the hour. Undefined: this job is not run by hand. `parts` narrows it (e.g. one unit).
   */
  protected periodNow(_now: Date, _parts?: readonly string[]): Promise<DuePeriod | undefined> {
    return Promise.resolve(undefined);
  }

  async run(now: Date): Promise<{ enqueued: number }> {
    const due = await this.due(now);
    if (!due) return { enqueued: 0 };
    const outcome = await this.once(due, now);
    return { enqueued: outcome.kind === 'done' ? outcome.enqueued : 0 };
  }

  /**
   * Runs the period now (see periodNow), or says it was done already. Throws for a job not run by
   * hand. A press at the very moment the scheduler does the same period may build it twice; the
   * outbox keys (job, period, recipient) still let each message out once.
   */
  async runNow(now: Date, parts?: readonly string[]): Promise<ManualRunOutcome> {
    const due = await this.periodNow(now, parts);
    if (!due) throw new Error(`${this.name} cannot be run by hand`);
    return this.once(due, now);
  }

  private async once(due: DuePeriod, now: Date): Promise<ManualRunOutcome> {
    if (this.known?.period !== due.period) this.known = undefined;
    if (this.known && this.finished(this.known, due)) return this.alreadyDone(this.known, due);
    const stored = await this.ledger.get(this.name, due.period);
    const known: KnownPeriod = { period: due.period, complete: stored?.complete ?? false, parts: new Set(stored?.parts ?? []), ...(stored ? { at: stored.at } : {}) };
    this.known = known;
    if (this.finished(known, due)) return this.alreadyDone(known, due);
    const todo = due.parts?.filter((part) => !known.parts.has(part));
    const result = await this.work(due.period, now, todo);
    await this.ledger.record(this.name, due.period, { parts: result.parts ?? [], complete: result.complete, enqueued: result.enqueued, at: now });
    known.complete ||= result.complete;
    for (const part of result.parts ?? []) known.parts.add(part);
    known.at = now;
    return { kind: 'done', enqueued: result.enqueued };
  }

  /** When it was done is known for a whole period; a job in parts records only its latest part's time. */
  private alreadyDone(known: KnownPeriod, due: DuePeriod): ManualRunOutcome {
    return { kind: 'alreadyDone', period: due.period, ...(known.at && !due.parts ? { at: known.at } : {}) };
  }

  private finished(known: { complete: boolean; parts: Set<string> }, due: DuePeriod): boolean {
    return known.complete || (due.parts !== undefined && due.parts.every((part) => known.parts.has(part)));
  }
}
