import { localDate } from '../../domain/dates';
import { localTime } from '../../domain/schedule';
import { OrganisationDirectory } from '../../services/organisationDirectory';
import { BenefitReminders } from '../../services/benefits/benefitReminders';
import { JobRunLedger } from '../../ports/jobRuns';
import { DuePeriod, OncePerPeriodJob, PeriodWork } from '../periodicJob';

export const BENEFIT_FOLLOW_UP_JOB = 'benefitFollowUp';

/**
 * Once a day, from the organisation's morning: approvals pending a week go to the TOLs again, and
 * identified gains due for follow-up go to their owners (through the notifier, hence the outbox).
 * The benefit rows record what was sent, so running this again the same day sends nothing.
 */
export class BenefitFollowUpJob extends OncePerPeriodJob {
  constructor(
    private readonly reminders: BenefitReminders,
    private readonly directory: OrganisationDirectory,
    private readonly settings: { readonly reminderTime: string },
    ledger: JobRunLedger,
  ) {
    super(ledger);
  }

  readonly name = BENEFIT_FOLLOW_UP_JOB;

  /** Today, once the morning reminder time has come. */
  protected async due(now: Date): Promise<DuePeriod | undefined> {
    const { timeZone } = (await this.directory.snapshot()).settings;
    if (localTime(now, timeZone) < this.settings.reminderTime) return undefined;
    return { period: localDate(now, timeZone) };
  }

  protected async work(): Promise<PeriodWork> {
    // The benefit rows also record what was sent, so even a repeated run would send nothing twice.
    const enqueued = (await this.reminders.resendPendingApprovals()) + (await this.reminders.sendFollowUps());
    return { enqueued, complete: true };
  }
}
