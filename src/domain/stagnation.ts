import { LocalDate, addDays, daysBetween, localDate } from './dates';
import { Idea, isClosed, isIdeaOverdue, overdueActions } from './ideas';

export interface StagnationThresholds {
  /** Weeks without a new idea, a status change or a logged meeting before a unit is flagged. */
  readonly quietWeeks: number;
  readonly unassignedDays: number;
  readonly longOverdueDays: number;
}

export const DEFAULT_STAGNATION: StagnationThresholds = { quietWeeks: 4, unassignedDays: 7, longOverdueDays: 30 };

export interface StagnationFlags {
  readonly noNewIdea: boolean;
  readonly noStatusChange: boolean;
  readonly noMeetingLogged: boolean;
  /** Open ideas without an owner for too long. */
  readonly unassigned: readonly Idea[];
  /** Ideas (or their action items) overdue for too long. */
  readonly longOverdue: readonly Idea[];
}

/**
 * The signs that a unit's improvement work is stalling, as the field describes them: meetings but
 * no new ideas, nothing moving on the board, no meetings logged; items nobody owns; items long overdue.
 */
export function stagnationOf(ideas: readonly Idea[], meetingsLogged: readonly LocalDate[], today: LocalDate, timeZone: string, thresholds: StagnationThresholds = DEFAULT_STAGNATION): StagnationFlags {
  const since = addDays(today, -7 * thresholds.quietWeeks);
  const day = (instant: string) => localDate(new Date(instant), timeZone);
  const overdueDays = (idea: Idea) => {
    const dues = [isIdeaOverdue(idea, today) ? idea.dueDate : undefined, ...overdueActions(idea, today).map((a) => a.dueDate)].filter((d): d is LocalDate => !!d);
    return dues.length ? Math.max(...dues.map((d) => daysBetween(d, today))) : 0;
  };
  return {
    noNewIdea: !ideas.some((i) => day(i.createdAt) > since),
    noStatusChange: !ideas.some((i) => i.statusChangedAt !== i.createdAt && day(i.statusChangedAt) > since),
    noMeetingLogged: !meetingsLogged.some((d) => d > since),
    unassigned: ideas.filter((i) => !isClosed(i.status) && !i.owner && daysBetween(day(i.createdAt), today) >= thresholds.unassignedDays),
    longOverdue: ideas.filter((i) => overdueDays(i) >= thresholds.longOverdueDays),
  };
}

export const isStagnating = (flags: StagnationFlags): boolean =>
  flags.noNewIdea || flags.noStatusChange || flags.noMeetingLogged || flags.unassigned.length > 0 || flags.longOverdue.length > 0;
