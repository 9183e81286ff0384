import { localDate } from '../../domain/dates';
import { localTime } from '../../domain/schedule';
import { Clock } from '../../ports/clock';
import { OrganisationDirectory } from '../../services/organisationDirectory';
import { BenefitReminders } from '../../services/benefits/benefitReminders';

export const BENEFIT_FOLLOW_UP_JOB = 'benefitFollowUp';

/**
 * Once a day, from the organisation's morning: approvals pending a week go to the TOLs again, and
 * identified gains due for follow-up go to their owners (through the notifier, hence the outbox).
 * The benefit rows record what was sent, so running this again the same day sends nothing.
 */
export class BenefitFollowUpJob {
  constructor(
    private readonly reminders: BenefitReminders,
    private readonly directory: OrganisationDirectory,
    private readonly clock: Clock,
    private readonly settings: { readonly reminderTime: string },
  ) {}

  readonly name = BENEFIT_FOLLOW_UP_JOB;
  private lastRunOn = '';

  async run(now: Date = this.clock.now()): Promise<{ enqueued: number }> {
    const { timeZone } = (await this.directory.snapshot()).settings;
    const today = localDate(now, timeZone);
    // The benefit rows make a second run harmless; this only saves reading every unit each tick.
    if (today === this.lastRunOn || localTime(now, timeZone) < this.settings.reminderTime) return { enqueued: 0 };
    const enqueued = (await this.reminders.resendPendingApprovals()) + (await this.reminders.sendFollowUps());
    this.lastRunOn = today;
    return { enqueued };
  }
}
