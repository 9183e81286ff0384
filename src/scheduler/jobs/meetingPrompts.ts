import { meetingPromptCard } from '../../cards/meetingCards';
import { LocalDate, localDate } from '../../domain/dates';
import { ChannelLink, Unit } from '../../domain/organisation';
import { meetingDue } from '../../domain/schedule';
import { Logger } from '../../ports/logger';
import { OutgoingMessage, Outbox } from '../../ports/outbox';
import { OrganisationDirectory } from '../../services/organisationDirectory';
import { AgendaService } from '../../services/rhythm/agenda';
import { JobRunLedger } from '../../ports/jobRuns';
import { HolidayCheckFactory } from '../holidays';
import { DuePeriod, OncePerPeriodJob, PeriodWork } from '../periodicJob';

export const PROMPT_JOB = 'prompt';

/** The outbox idempotency key: one prompt per unit per meeting date, however often the job runs. */
export const promptKey = (date: LocalDate, unitId: string): string => `${PROMPT_JOB}|${date}|${unitId}`;

/**
 * Board-meeting prompts: every unit with a schedule and a linked channel whose meeting is due (its
 * weekday, its time has come in the organisation's time zone, not a public holiday, not paused)
 * gets its agenda card written to the outbox, in the organisation's language.
 *
 * The period is the day and its parts are the units: each unit is prompted once a day, as its
 * meeting time comes, whatever runs the job and how often. A unit whose meeting was logged before
 * its prompt went out (from an earlier card) counts as done; one whose agenda could not be built
 * (storage trouble) is tried again at the next tick.
 */
export class MeetingPrompts extends OncePerPeriodJob {
  readonly name = PROMPT_JOB;

  constructor(
    private readonly directory: OrganisationDirectory,
    private readonly agendas: AgendaService,
    private readonly outbox: Outbox,
    private readonly holidays: HolidayCheckFactory,
    private readonly logger: Logger,
    ledger: JobRunLedger,
  ) {
    super(ledger);
  }

  protected async due(now: Date): Promise<DuePeriod | undefined> {
    const org = await this.directory.snapshot();
    const { timeZone } = org.settings;
    const due = this.dueUnits(org.units, now, timeZone, this.holidays(org.settings.country));
    return { period: localDate(now, timeZone), parts: due.map(({ unit }) => unit.id) };
  }

  /** "Send now" for one unit: today's prompt, whatever its schedule says, if it has a channel to post in. */
  protected override async periodNow(now: Date, parts?: readonly string[]): Promise<DuePeriod | undefined> {
    const org = await this.directory.snapshot();
    const wanted = new Set(parts ?? []);
    return { period: localDate(now, org.settings.timeZone), parts: org.units.filter((unit) => wanted.has(unit.id) && unit.channel).map((unit) => unit.id) };
  }

  /**
   * Today's prompts for the units in `parts`: those `due` found due now (their meeting day, their
   * time has come), or the one an administrator sends now.
   */
  protected async work(today: LocalDate, _now: Date, parts: readonly string[] | undefined): Promise<PeriodWork> {
    const org = await this.directory.snapshot();
    const { timeZone, language } = org.settings;
    const wanted = new Set(parts ?? []);
    const due = org.units.flatMap((unit) => (wanted.has(unit.id) && unit.channel ? [{ unit, channel: unit.channel, date: today }] : []));
    const built = await Promise.all(
      due.map(async ({ unit, channel, date }): Promise<{ unitId: string; message?: OutgoingMessage } | undefined> => {
        try {
          const { agenda, log } = await this.agendas.forMeeting(unit.id, date, timeZone);
          // Logged before the prompt went out (e.g. from an earlier card): nothing to prompt for.
          if (log) return { unitId: unit.id };
          return {
            unitId: unit.id,
            message: {
              key: promptKey(date, unit.id),
              job: PROMPT_JOB,
              target: { kind: 'channel', conversationId: channel.conversationId, serviceUrl: channel.serviceUrl, tenantId: channel.tenantId },
              card: meetingPromptCard(language, { unit, date, agenda }),
            },
          };
        } catch (error) {
          // One unit's storage trouble must not hold back the others; the next tick tries again.
          this.logger.error({ job: PROMPT_JOB, unitId: unit.id, date, err: error instanceof Error ? error.message : String(error) }, 'could not build the meeting prompt');
          return undefined;
        }
      }),
    );
    const done = built.filter((b): b is { unitId: string; message?: OutgoingMessage } => !!b);
    const messages = done.flatMap((b) => (b.message ? [b.message] : []));
    const result = messages.length ? await this.outbox.enqueue(messages) : { queued: 0, duplicates: 0 };
    if (messages.length) this.logger.info({ job: PROMPT_JOB, due: due.length, enqueued: result.queued, duplicates: result.duplicates }, 'board-meeting prompts enqueued');
    // Later meetings today may still come: the day is never complete, its units are.
    return { enqueued: result.queued, parts: done.map((b) => b.unitId), complete: false };
  }

  private dueUnits(units: readonly Unit[], now: Date, timeZone: string, isHoliday: (date: LocalDate) => boolean): { unit: Unit; channel: ChannelLink; date: LocalDate }[] {
    return units.flatMap((unit): { unit: Unit; channel: ChannelLink; date: LocalDate }[] => {
      if (!unit.schedule || !unit.channel) return [];
      const date = meetingDue(unit.schedule, now, timeZone, isHoliday);
      return date ? [{ unit, channel: unit.channel, date }] : [];
    });
  }
}
