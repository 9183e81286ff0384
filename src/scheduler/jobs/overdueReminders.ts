import { escalationCard, reminderCard } from '../../cards/rhythmCards';
import { localDate } from '../../domain/dates';
import { localTime, weekdayOf } from '../../domain/schedule';
import { OutgoingMessage, Outbox } from '../../ports/outbox';
import { PeopleRepository } from '../../ports/peopleRepository';
import { OrganisationDirectory } from '../../services/organisationDirectory';
import { OverdueReminders } from '../../services/rhythm/overdueReminders';
import { JobRunLedger } from '../../ports/jobRuns';
import { HolidayCheckFactory } from '../holidays';
import { DuePeriod, OncePerPeriodJob, PeriodWork } from '../periodicJob';
import { recipientLocales } from '../recipientLocale';

export const REMINDER_JOB = 'reminder';
export const ESCALATION_JOB = 'escalation';

/**
 * The daily overdue reminders, from the organisation's morning on working days: one card per
 * owner listing their items, and one per unit leader for items overdue beyond the threshold.
 * Outbox keys (job, date, recipient) keep it to one of each per day, however often this runs; the
 * items are marked reminded only after their cards are safely in the outbox.
 */
export class OverdueReminderJob extends OncePerPeriodJob {
  constructor(
    private readonly reminders: OverdueReminders,
    private readonly people: PeopleRepository,
    private readonly directory: OrganisationDirectory,
    private readonly outbox: Outbox,
    private readonly holidays: HolidayCheckFactory,
    private readonly settings: { readonly reminderTime: string; readonly escalateAfterDays: number },
    ledger: JobRunLedger,
  ) {
    super(ledger);
  }

  readonly name = REMINDER_JOB;

  /** Today, on working days once the reminder time has come. */
  protected async due(now: Date): Promise<DuePeriod | undefined> {
    const { timeZone, country } = (await this.directory.snapshot()).settings;
    const today = localDate(now, timeZone);
    const workingDay = weekdayOf(today) <= 5 && !this.holidays(country)(today);
    if (!workingDay || localTime(now, timeZone) < this.settings.reminderTime) return undefined;
    return { period: today };
  }

  /** "Send now": today's reminders, before the reminder time or on a day off too. */
  protected override async periodNow(now: Date): Promise<DuePeriod | undefined> {
    const { timeZone } = (await this.directory.snapshot()).settings;
    return { period: localDate(now, timeZone) };
  }

  protected async work(today: string, _now: Date): Promise<PeriodWork> {
    const org = await this.directory.snapshot();
    const { language } = org.settings;
    const { reminders, escalations } = await this.reminders.due(today);
    const localeOf = recipientLocales(this.people, language);
    const messages: OutgoingMessage[] = [
      ...(await Promise.all(
        reminders.map(async (reminder) => ({
          key: `${REMINDER_JOB}|${today}|${reminder.ownerId}`,
          job: REMINDER_JOB,
          // The unit of the first item: its channel carries the reminder if no personal chat can be opened.
          target: { kind: 'person' as const, aadObjectId: reminder.ownerId, ...(reminder.items[0] ? { unitId: reminder.items[0].unitId } : {}) },
          card: reminderCard(await localeOf(reminder.ownerId), reminder.items, { today, org }),
        })),
      )),
      ...(await Promise.all(
        escalations.map(async (escalation) => ({
          key: `${ESCALATION_JOB}|${today}|${escalation.leaderId}|${escalation.unit.id}`,
          job: ESCALATION_JOB,
          target: { kind: 'person' as const, aadObjectId: escalation.leaderId, unitId: escalation.unit.id },
          card: escalationCard(await localeOf(escalation.leaderId), escalation, this.settings.escalateAfterDays),
        })),
      )),
    ];
    if (!messages.length) return { enqueued: 0, complete: true };
    const { queued } = await this.outbox.enqueue(messages);
    await this.reminders.recordSent(reminders, escalations, today);
    return { enqueued: queued, complete: true };
  }
}
