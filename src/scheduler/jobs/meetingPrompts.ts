import { meetingPromptCard } from '../../cards/meetingCards';
import { LocalDate } from '../../domain/dates';
import { ChannelLink, Unit } from '../../domain/organisation';
import { meetingDue } from '../../domain/schedule';
import { Clock } from '../../ports/clock';
import { Logger } from '../../ports/logger';
import { OutgoingMessage, Outbox } from '../../ports/outbox';
import { OrganisationDirectory } from '../../services/organisationDirectory';
import { AgendaService } from '../../services/rhythm/agenda';
import { HolidayCheckFactory } from '../holidays';

export const PROMPT_JOB = 'prompt';

/** The outbox idempotency key: one prompt per unit per meeting date, however often the job runs. */
export const promptKey = (date: LocalDate, unitId: string): string => `${PROMPT_JOB}|${date}|${unitId}`;

/**
 * Board-meeting prompts: on each tick, every unit with a schedule and a linked channel whose meeting
 * is due (its weekday, its time has come in the organisation's time zone, not a public holiday, not
 * paused) gets its agenda card written to the outbox, in the organisation's language.
 *
 * The outbox key makes a prompt go out once per unit and date, whatever runs the job and how often:
 * a second run, or a second instance, enqueues nothing new. The keys this instance has already
 * handed over today are remembered only to skip rebuilding their agendas on every later tick.
 */
export class MeetingPrompts {
  readonly name = PROMPT_JOB;
  private handedOver = { date: '', keys: new Set<string>() };

  constructor(
    private readonly directory: OrganisationDirectory,
    private readonly agendas: AgendaService,
    private readonly outbox: Outbox,
    private readonly holidays: HolidayCheckFactory,
    private readonly clock: Clock,
    private readonly logger: Logger,
  ) {}

  async run(now: Date = this.clock.now()): Promise<{ enqueued: number }> {
    const org = await this.directory.snapshot();
    const { timeZone, country, language } = org.settings;
    const isHoliday = this.holidays(country);
    const due = org.units.flatMap((unit): { unit: Unit; channel: ChannelLink; date: LocalDate }[] => {
      if (!unit.schedule || !unit.channel) return [];
      const date = meetingDue(unit.schedule, now, timeZone, isHoliday);
      return date ? [{ unit, channel: unit.channel, date }] : [];
    });
    const fresh = due.filter(({ unit, date }) => !this.alreadyHandedOver(date, promptKey(date, unit.id)));
    const messages = await Promise.all(
      fresh.map(async ({ unit, channel, date }): Promise<OutgoingMessage | undefined> => {
        try {
          const { agenda, log } = await this.agendas.forMeeting(unit.id, date, timeZone);
          // Logged before the prompt went out (e.g. from an earlier card): nothing to prompt for.
          if (log) {
            this.handedOver.keys.add(promptKey(date, unit.id));
            return undefined;
          }
          return {
            key: promptKey(date, unit.id),
            job: PROMPT_JOB,
            target: { kind: 'channel', conversationId: channel.conversationId, serviceUrl: channel.serviceUrl, tenantId: channel.tenantId },
            card: meetingPromptCard(language, { unit, date, agenda }),
          };
        } catch (error) {
          // One unit's storage trouble must not hold back the others; the next tick tries again.
          this.logger.error({ job: PROMPT_JOB, unitId: unit.id, date, err: error instanceof Error ? error.message : String(error) }, 'could not build the meeting prompt');
          return undefined;
        }
      }),
    );
    const ready = messages.filter((message): message is OutgoingMessage => !!message);
    if (!ready.length) return { enqueued: 0 };
    const result = await this.outbox.enqueue(ready);
    for (const message of ready) this.handedOver.keys.add(message.key);
    this.logger.info({ job: PROMPT_JOB, due: due.length, enqueued: result.queued, duplicates: result.duplicates }, 'board-meeting prompts enqueued');
    return { enqueued: result.queued };
  }

  private alreadyHandedOver(date: LocalDate, key: string): boolean {
    if (this.handedOver.date !== date && date > this.handedOver.date) this.handedOver = { date, keys: new Set() };
    return this.handedOver.keys.has(key);
  }
}
