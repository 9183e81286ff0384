import { localDate } from '../../domain/dates';
import { localTime } from '../../domain/schedule';
import { JobRunLedger } from '../../ports/jobRuns';
import { OrganisationDirectory } from '../../services/organisationDirectory';
import { DuePeriod, OncePerPeriodJob, PeriodWork } from '../periodicJob';

export const OUTBOX_PURGE_JOB = 'outboxPurge';

/** Sent and failed messages are kept this long: well beyond any period a job could enqueue again. */
export const OUTBOX_KEEP_DAYS = 90;

/** What the purge needs from the outbox: removing sent and failed history before a time. */
export interface OutboxHistory {
  purgeHistory(before: Date): Promise<number>;
}

/**
 * Once a day, at night in the organisation's time zone, removes outbox history older than
 * OUTBOX_KEEP_DAYS, so the table and the status card's counts stay bounded by recent work.
 */
export class OutboxPurgeJob extends OncePerPeriodJob {
  readonly name = OUTBOX_PURGE_JOB;

  constructor(
    private readonly outbox: OutboxHistory,
    private readonly directory: OrganisationDirectory,
    ledger: JobRunLedger,
    private readonly at = '03:00',
  ) {
    super(ledger);
  }

  protected async due(now: Date): Promise<DuePeriod | undefined> {
    const { timeZone } = (await this.directory.snapshot()).settings;
    return localTime(now, timeZone) >= this.at ? { period: localDate(now, timeZone) } : undefined;
  }

  protected async work(_period: string, now: Date): Promise<PeriodWork> {
    await this.outbox.purgeHistory(new Date(now.getTime() - OUTBOX_KEEP_DAYS * 24 * 60 * 60 * 1000));
    return { enqueued: 0, complete: true };
  }
}
