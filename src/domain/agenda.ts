import { Benefit } from './benefits';
import { LocalDate, localDate } from './dates';
import { Idea, PersonName, benefitMissing, isClosed, isIdeaOverdue, overdueActions } from './ideas';

/** One overdue thing on the agenda: an idea past its due date, or one of its action items. */
export interface AgendaItem {
  readonly idea: Idea;
  /** Set for an action item; undefined for the idea itself. */
  readonly actionId?: number;
  /** The idea's title, or the action item's text. */
  readonly text: string;
  readonly owner?: PersonName;
  readonly dueDate: LocalDate;
}

export interface PendingApproval {
  readonly benefit: Benefit;
  /** The idea the gain belongs to (absent only if it was removed). */
  readonly idea?: Idea;
}

/** The last meeting held before this one: "new ideas" are those that came in after it. */
export interface LastMeeting {
  readonly date: LocalDate;
  /** When its log was written. */
  readonly loggedAt: string;
}

/** What a unit's board meeting goes through, in the order the board meeting takes it. */
export interface Agenda {
  readonly date: LocalDate;
  readonly since?: LastMeeting;
  /** Overdue ideas and action items, the longest overdue first. */
  readonly overdue: readonly AgendaItem[];
  /** Ideas that came in since the last meeting held (without one: every idea still new), oldest first. */
  readonly newIdeas: readonly Idea[];
  /** Ideas being worked on or evaluated, except those already listed as overdue. */
  readonly inProgress: readonly Idea[];
  /** Done ideas whose benefit is not registered yet: every improvement ends with one. */
  readonly benefitMissing: readonly Idea[];
  /** Benefit registrations waiting for the service-area leader, oldest first. */
  readonly pendingApprovals: readonly PendingApproval[];
}

const IN_PROGRESS = new Set<Idea['status']>(['inProgress', 'evaluating']);
const byNumber = (a: Idea, b: Idea) => a.number - b.number;

/** Overdue at `date`: the idea itself (when open) and its open action items. */
export function overdueOnAgenda(ideas: readonly Idea[], date: LocalDate): AgendaItem[] {
  const items = ideas.flatMap((idea): AgendaItem[] => [
    ...(idea.dueDate && isIdeaOverdue(idea, date) ? [{ idea, text: idea.title, dueDate: idea.dueDate, ...(idea.owner ? { owner: idea.owner } : {}) }] : []),
    ...overdueActions(idea, date).map((action) => ({
      idea,
      actionId: action.id,
      text: action.text,
      dueDate: action.dueDate!,
      ...(action.owner ? { owner: action.owner } : {}),
    })),
  ]);
  return items.sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.idea.number - b.idea.number || (a.actionId ?? 0) - (b.actionId ?? 0));
}

/**
 * An idea is new since the last meeting when it was proposed after that meeting's log was written,
 * or on a later day (a log written days late must not hide what came in meanwhile).
 */
function isNewSince(idea: Idea, since: LastMeeting | undefined, timeZone: string): boolean {
  if (!since) return idea.status === 'new';
  return idea.createdAt > since.loggedAt || localDate(new Date(idea.createdAt), timeZone) > since.date;
}

/**
 * The agenda for a unit's board meeting on `date`, from its ideas and benefit registrations (one
 * partition query each) and the last meeting held before. Pure: the caller reads storage.
 */
export function agendaOf(ideas: readonly Idea[], benefits: readonly Benefit[], date: LocalDate, timeZone: string, since?: LastMeeting): Agenda {
  const overdue = overdueOnAgenda(ideas, date);
  const listedOverdue = new Set(overdue.map((item) => item.idea.number));
  const ideaOf = new Map(ideas.map((idea) => [idea.number, idea]));
  return {
    date,
    ...(since ? { since } : {}),
    overdue,
    newIdeas: ideas.filter((idea) => !isClosed(idea.status) && isNewSince(idea, since, timeZone)).sort((a, b) => a.createdAt.localeCompare(b.createdAt) || byNumber(a, b)),
    inProgress: ideas.filter((idea) => IN_PROGRESS.has(idea.status) && !listedOverdue.has(idea.number)).sort(byNumber),
    benefitMissing: ideas.filter(benefitMissing).sort((a, b) => (a.doneAt ?? '').localeCompare(b.doneAt ?? '') || byNumber(a, b)),
    pendingApprovals: benefits
      .filter((benefit) => benefit.approval === 'pending')
      .sort((a, b) => a.registeredOn.localeCompare(b.registeredOn) || a.ideaNumber - b.ideaNumber)
      .map((benefit) => {
        const idea = ideaOf.get(benefit.ideaNumber);
        return idea ? { benefit, idea } : { benefit };
      }),
  };
}

/** Nothing for the board meeting to go through. */
export const isEmptyAgenda = (agenda: Agenda): boolean =>
  !agenda.overdue.length && !agenda.newIdeas.length && !agenda.inProgress.length && !agenda.benefitMissing.length && !agenda.pendingApprovals.length;
