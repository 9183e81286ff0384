import { Agenda } from '../../domain/agenda';
import { boardOrder } from '../../domain/board';
import { LocalDate, isLocalDate } from '../../domain/dates';
import { DomainError, ValidationError } from '../../domain/errors';
import { IDEA_STATUSES, Idea, IdeaStatus, PersonName, isClosed } from '../../domain/ideas';
import { allowedMoves, canPlan } from '../../domain/ideaRules';
import { MeetingDecision, MeetingInput, MeetingLog, checkMeetingForm, meetingDateIssue } from '../../domain/meetings';
import { OrganisationSettings, Unit } from '../../domain/organisation';
import { Person } from '../../domain/people';
import { IdeaRepository } from '../../ports/ideaRepository';
import { MeetingRepository } from '../../ports/meetingRepository';
import { IdeaChanges } from '../ideas/ideaChanges';
import { IdeaContexts, UnitContext } from '../ideas/ideaContext';
import { AgendaService } from './agenda';

/** The quick-decision pickers list this many open ideas (most pressing first) and people: the card must stay small. */
export const MAX_DECISION_IDEAS = 15;
export const MAX_DECISION_PEOPLE = 50;

/** The board-meeting prompt: the unit's agenda at the meeting date, and the log once there is one. */
export interface PromptView {
  readonly unit: Unit;
  readonly date: LocalDate;
  readonly agenda: Agenda;
  readonly log?: MeetingLog;
  readonly settings: OrganisationSettings;
}

/** What the log form offers this person. */
export interface LogFormView {
  readonly unit: Unit;
  readonly date: LocalDate;
  readonly today: LocalDate;
  /** The current log, when the meeting was logged already: the form changes it. */
  readonly log?: MeetingLog;
  /** Open ideas a quick decision may be about, in board order (overdue first). */
  readonly ideas: readonly Idea[];
  /** Statuses this person may move at least one of those ideas to. */
  readonly moves: readonly IdeaStatus[];
  /** May set owners and due dates: leads the unit. */
  readonly canAssign: boolean;
  readonly people: readonly PersonName[];
  readonly settings: OrganisationSettings;
}

export interface LogMeeting {
  readonly unitId: string;
  readonly date: string;
  /** The version of the log the form was made from; 0 when there was none. */
  readonly version: number;
  /** The log as typed. */
  readonly form: MeetingInput;
  /** The reason recorded when a decision parks or rejects an idea, in the organisation's language. */
  readonly decisionReason: string;
}

/** One quick decision: what was asked, what of it was applied, and why the rest was refused. */
export interface DecisionResult {
  readonly asked: MeetingDecision;
  readonly applied?: MeetingDecision;
  /** The idea as it is now. */
  readonly idea: Idea;
  readonly error?: unknown;
}

export type LogOutcome =
  | { readonly kind: 'saved'; readonly log: MeetingLog; readonly results: readonly DecisionResult[]; readonly view: PromptView }
  /** Someone else logged the meeting first; `results` are decisions applied before that showed (a close race). */
  | { readonly kind: 'stale'; readonly current: MeetingLog; readonly results: readonly DecisionResult[]; readonly view: PromptView };

/**
 * Logging board meetings: held or not, attendees, notes and quick decisions on the board. Anyone
 * who takes part in the unit may log; decisions go through the idea rules as if made on the item.
 */
export class MeetingService {
  constructor(
    private readonly ideas: IdeaRepository,
    private readonly meetings: MeetingRepository,
    private readonly agendas: AgendaService,
    private readonly contexts: IdeaContexts,
    private readonly ideaChanges: IdeaChanges,
  ) {}

  async prompt(person: Person, unitId: string, date: string): Promise<PromptView> {
    const context = await this.participant(person, unitId, date);
    return this.promptView(context, date);
  }

  async form(person: Person, unitId: string, date: string): Promise<LogFormView> {
    const context = await this.participant(person, unitId, date);
    const [ideas, log] = await Promise.all([this.ideas.live(unitId), this.meetings.get(unitId, date)]);
    const standing = this.contexts.viewer(context);
    const open = boardOrder(ideas, context.today)
      .map((entry) => entry.idea)
      .filter((idea) => !isClosed(idea.status))
      .slice(0, MAX_DECISION_IDEAS);
    const moves = new Set(open.flatMap((idea) => allowedMoves(idea, this.contexts.viewer(context, idea))));
    return {
      unit: context.unit,
      date,
      today: context.today,
      ...(log ? { log } : {}),
      ideas: open,
      moves: IDEA_STATUSES.filter((status) => moves.has(status)),
      canAssign: canPlan(standing),
      people: [...context.people].sort((a, b) => a.name.localeCompare(b.name)).slice(0, MAX_DECISION_PEOPLE),
      settings: context.org.settings,
    };
  }

  /**
   * Checks the whole form first (nothing is stored when it has a problem), then applies the quick
   * decisions one by one (a refused one is reported, the rest still go through), then writes the
   * log under the version the form was made from.
   */
  async log(person: Person & { teamsId?: string }, command: LogMeeting): Promise<LogOutcome> {
    const context = await this.participant(person, command.unitId, command.date);
    const { unitId, date } = command;
    const [ideas, current] = await Promise.all([this.ideas.live(unitId), this.meetings.get(unitId, date)]);
    const open = ideas.filter((idea) => !isClosed(idea.status));
    const form = checkMeetingForm(command.form, { today: context.today, people: context.people, openIdeas: open.map((idea) => idea.number) });
    if (current && current.version !== command.version) {
      return { kind: 'stale', current, results: [], view: await this.promptView(context, date) };
    }
    const results: DecisionResult[] = [];
    for (const decision of form.decisions) {
      results.push(await this.decide(person, unitId, open.find((idea) => idea.number === decision.ideaNumber)!, decision, command.decisionReason));
    }
    const change = this.contexts.change(context);
    const log: MeetingLog = {
      unitId,
      date,
      held: form.held,
      ...(form.reason ? { reason: form.reason } : {}),
      ...(form.attendees !== undefined ? { attendees: form.attendees } : {}),
      ...(form.notes ? { notes: form.notes } : {}),
      decisions: results.flatMap((result) => (result.applied ? [result.applied] : [])),
      loggedBy: change.by,
      loggedAt: change.at,
      version: (current?.version ?? 0) + 1,
      changeId: change.id,
    };
    const saved = await this.meetings.save(log, current?.version ?? 0);
    const view = await this.promptView(context, date);
    return saved.saved ? { kind: 'saved', log: saved.log, results, view } : { kind: 'stale', current: saved.current, results, view };
  }

  /** Logs dated in [from, to], held or not: one range query in the unit's partition. */
  meetingLogs(unitId: string, from: LocalDate, to: LocalDate): Promise<MeetingLog[]> {
    return this.meetings.list(unitId, from, to);
  }

  /** The dates in [from, to] of meetings logged as held: the measurement point for the digest. */
  async meetingsHeld(unitId: string, from: LocalDate, to: LocalDate): Promise<LocalDate[]> {
    return (await this.meetings.list(unitId, from, to)).filter((log) => log.held).map((log) => log.date);
  }

  /** The person takes part in the unit, and the date is a real one that has come. */
  private async participant(person: Person, unitId: string, date: string): Promise<UnitContext> {
    if (!isLocalDate(date)) throw new DomainError('notFound');
    const context = await this.contexts.forUnit(person, unitId);
    if (!this.contexts.viewer(context).participates) throw new DomainError('forbidden');
    const issue = meetingDateIssue(date, context.today);
    if (issue) throw new ValidationError([issue]);
    return context;
  }

  private async promptView(context: UnitContext, date: LocalDate): Promise<PromptView> {
    const { agenda, log } = await this.agendas.forMeeting(context.unit.id, date, context.org.settings.timeZone);
    return { unit: context.unit, date, agenda, ...(log ? { log } : {}), settings: context.org.settings };
  }

  /** A status move first, then owner and due date, each through the idea rules on the current version. */
  private async decide(person: Person & { teamsId?: string }, unitId: string, idea: Idea, asked: MeetingDecision, reason: string): Promise<DecisionResult> {
    let current = idea;
    let applied: MeetingDecision = { ideaNumber: idea.number };
    const target = () => ({ unitId, number: current.number, version: current.version });
    try {
      if (asked.status && asked.status !== current.status) {
        ({ idea: current } = await this.ideaChanges.apply(person, target(), { kind: 'move', to: asked.status, reason }));
        applied = { ...applied, status: asked.status };
      }
      if (asked.owner || asked.dueDate) {
        // Assigning sets owner and due date together: what the decision leaves out stays as it is.
        const assignment = { ownerId: asked.owner?.id ?? current.owner?.id ?? '', dueDate: asked.dueDate ?? current.dueDate ?? '' };
        ({ idea: current } = await this.ideaChanges.apply(person, target(), { kind: 'assign', ...assignment }));
        applied = { ...applied, ...(asked.owner ? { owner: current.owner ?? asked.owner } : {}), ...(asked.dueDate ? { dueDate: asked.dueDate } : {}) };
      }
      return { asked, applied, idea: current };
    } catch (error) {
      const anything = applied.status !== undefined;
      return { asked, ...(anything ? { applied } : {}), idea: current, error };
    }
  }
}
