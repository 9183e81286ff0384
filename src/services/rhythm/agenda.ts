import { Agenda, agendaOf } from '../../domain/agenda';
import { LocalDate, addDays } from '../../domain/dates';
import { MeetingLog } from '../../domain/meetings';
import { BenefitRepository } from '../../ports/benefitRepository';
import { IdeaRepository } from '../../ports/ideaRepository';
import { MeetingRepository } from '../../ports/meetingRepository';

/** How far back the last meeting held is looked for: a quarter covers the summer pause and more. */
export const LAST_MEETING_LOOKBACK_DAYS = 92;

export interface AgendaView {
  readonly agenda: Agenda;
  /** The log of this meeting, once someone logged it. */
  readonly log?: MeetingLog;
}

/**
 * A unit's board-meeting agenda at a date: the unit's live work and live benefit registrations (one
 * query each, bounded by work in progress, not history) and one range query over its recent
 * meeting logs (for the last meeting held, and this meeting's own log).
 */
export class AgendaService {
  constructor(
    private readonly ideas: IdeaRepository,
    private readonly benefits: BenefitRepository,
    private readonly meetings: MeetingRepository,
  ) {}

  async forMeeting(unitId: string, date: LocalDate, timeZone: string): Promise<AgendaView> {
    const [ideas, benefits, logs] = await Promise.all([
      this.ideas.live(unitId),
      this.benefits.live(unitId),
      this.meetings.list(unitId, addDays(date, -LAST_MEETING_LOOKBACK_DAYS), date),
    ]);
    const lastHeld = logs.filter((log) => log.date < date && log.held).pop();
    const log = logs.find((l) => l.date === date);
    const agenda = agendaOf(ideas, benefits, date, timeZone, lastHeld ? { date: lastHeld.date, loggedAt: lastHeld.loggedAt } : undefined);
    return { agenda, ...(log ? { log } : {}) };
  }
}
