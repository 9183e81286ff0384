import { revisionUnitsCard } from '../../cards/revisionCards';
import { localDate } from '../../domain/dates';
import { localTime } from '../../domain/schedule';
import { JobRunLedger } from '../../ports/jobRuns';
import { OutgoingMessage, Outbox } from '../../ports/outbox';
import { PeopleRepository } from '../../ports/peopleRepository';
import { RevisionService } from '../../services/leadership/revisions';
import { OrganisationDirectory } from '../../services/organisationDirectory';
import { DuePeriod, OncePerPeriodJob, PeriodWork } from '../periodicJob';

export const REVISION_REMINDER_JOB = 'revisionReminder';

/**
 * Two weeks before each half-yearly revision month (an organisation setting, March and September
 * by default), from the morning reminder time: every service-area leader gets one card listing
 * their area's units, each with a button to its revision card. The period is the round ("2026-09"),
 * so it goes out once per round, however often this runs and whatever instance runs it; a bot
 * started late in the window still sends it.
 */
export class RevisionReminderJob extends OncePerPeriodJob {
  readonly name = REVISION_REMINDER_JOB;

  constructor(
    private readonly revisions: RevisionService,
    private readonly people: PeopleRepository,
    private readonly directory: OrganisationDirectory,
    private readonly outbox: Outbox,
    private readonly settings: { readonly reminderTime: string },
    ledger: JobRunLedger,
  ) {
    super(ledger);
  }

  protected async due(now: Date): Promise<DuePeriod | undefined> {
    const { timeZone } = (await this.directory.snapshot()).settings;
    if (localTime(now, timeZone) < this.settings.reminderTime) return undefined;
    const round = await this.revisions.roundDue(localDate(now, timeZone));
    return round ? { period: round.round } : undefined;
  }

  protected async work(round: string, now: Date): Promise<PeriodWork> {
    const { timeZone, language } = (await this.directory.snapshot()).settings;
    const reminders = (await this.revisions.remindersDue(localDate(now, timeZone))).filter((r) => r.round.round === round);
    const messages: OutgoingMessage[] = await Promise.all(
      reminders.map(async (reminder) => ({
        key: `${REVISION_REMINDER_JOB}|${round}|${reminder.leaderId}|${reminder.area.id}`,
        job: REVISION_REMINDER_JOB,
        target: { kind: 'person' as const, aadObjectId: reminder.leaderId },
        card: revisionUnitsCard((await this.people.get(reminder.leaderId))?.locale ?? language, reminder.units, reminder),
      })),
    );
    const enqueued = messages.length ? (await this.outbox.enqueue(messages)).queued : 0;
    return { enqueued, complete: true };
  }
}
