import { JobRunLedger } from '../ports/jobRuns';
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

/**
 * The one mechanism by which every scheduled job does its period's work once.
 *
 * `due` is cheap (the cached organisation, the clock): most ticks end there. Once something is
 * due, a persisted record of the period (one point read) tells whether it was done already, by this
 * instance before a restart or by another; what this instance learned is kept in memory, so later
 * ticks of a finished period cost nothing. Only then is the work done, and recorded.
 */
export abstract class OncePerPeriodJob implements ScheduledJob {
  abstract readonly name: string;
  private known: { period: string; complete: boolean; parts: Set<string> } | undefined;

  protected constructor(private readonly ledger: JobRunLedger) {}

  /** The period due at `now`, or undefined (not its day, before its time). No storage reads. */
  protected abstract due(now: Date): Promise<DuePeriod | undefined>;

  /** Does the period's work for `parts` (those still to do), or all of it when the job has no parts. */
  protected abstract work(period: string, now: Date, parts: readonly string[] | undefined): Promise<PeriodWork>;

  async run(now: Date): Promise<{ enqueued: number }> {
    const due = await this.due(now);
    if (!due) return { enqueued: 0 };
    if (this.known?.period !== due.period) this.known = undefined;
    if (this.known && this.finished(this.known, due)) return { enqueued: 0 };
    const stored = await this.ledger.get(this.name, due.period);
    const known = { period: due.period, complete: stored?.complete ?? false, parts: new Set(stored?.parts ?? []) };
    this.known = known;
    if (this.finished(known, due)) return { enqueued: 0 };
    const todo = due.parts?.filter((part) => !known.parts.has(part));
    const result = await this.work(due.period, now, todo);
    await this.ledger.record(this.name, due.period, { parts: result.parts ?? [], complete: result.complete, enqueued: result.enqueued, at: now });
    known.complete ||= result.complete;
    for (const part of result.parts ?? []) known.parts.add(part);
    return { enqueued: result.enqueued };
  }

  private finished(known: { complete: boolean; parts: Set<string> }, due: DuePeriod): boolean {
    return known.complete || (due.parts !== undefined && due.parts.every((part) => known.parts.has(part)));
  }
}
