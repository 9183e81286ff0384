import { LocalDate } from './dates';
import { IDEA_STATUSES, Idea, IdeaStatus, benefitMissing, isClosed, isIdeaOverdue, overdueActions } from './ideas';

export interface BoardEntry {
  readonly idea: Idea;
  readonly overdue: boolean;
  readonly benefitMissing: boolean;
  /** The date that matters: the earliest missed date when overdue (the idea's or an action's), else the idea's due date. */
  readonly dueDate?: LocalDate;
}

export interface BoardPage {
  readonly counts: Readonly<Record<IdeaStatus, number>>;
  readonly entries: readonly BoardEntry[];
  readonly page: number;
  readonly pages: number;
  readonly total: number;
}

export const BOARD_PAGE_SIZE = 8;

const isOverdue = (idea: Idea, today: LocalDate) => isIdeaOverdue(idea, today) || overdueActions(idea, today).length > 0;

/** The earliest date the idea or one of its open action items missed. */
export function firstMissedDate(idea: Idea, today: LocalDate): LocalDate | undefined {
  const missed = [isIdeaOverdue(idea, today) ? idea.dueDate : undefined, ...overdueActions(idea, today).map((a) => a.dueDate)].filter((d): d is LocalDate => !!d);
  return missed.sort()[0];
}

/** One idea as a board line: whether it is overdue, missing its benefit, and the date that matters. */
export function entryOf(idea: Idea, today: LocalDate): BoardEntry {
  const overdue = isOverdue(idea, today);
  const dueDate = overdue ? firstMissedDate(idea, today) : idea.dueDate;
  return { idea, overdue, benefitMissing: benefitMissing(idea), ...(dueDate ? { dueDate } : {}) };
}

/**
 * What the board shows first: overdue items (oldest due date first), then open items newest
 * first, then done ideas still missing their benefit. Parked, rejected and finished ideas with a
 * benefit are counted but not listed: the board is for what needs attention.
 */
export function boardOrder(ideas: readonly Idea[], today: LocalDate): BoardEntry[] {
  const entries = ideas
    .filter((idea) => !isClosed(idea.status) || benefitMissing(idea))
    .map((idea) => entryOf(idea, today));
  const rank = (e: BoardEntry) => (e.overdue ? 0 : e.benefitMissing ? 2 : 1);
  return entries.sort(
    (a, b) =>
      rank(a) - rank(b) ||
      (rank(a) === 0 ? (a.dueDate ?? '').localeCompare(b.dueDate ?? '') : 0) ||
      b.idea.createdAt.localeCompare(a.idea.createdAt) ||
      b.idea.number - a.idea.number,
  );
}

export function boardPage(ideas: readonly Idea[], today: LocalDate, page: number, pageSize = BOARD_PAGE_SIZE): BoardPage {
  const counts = Object.fromEntries(IDEA_STATUSES.map((s) => [s, 0])) as Record<IdeaStatus, number>;
  for (const idea of ideas) counts[idea.status]++;
  const ordered = boardOrder(ideas, today);
  const pages = Math.max(1, Math.ceil(ordered.length / pageSize));
  const current = Math.min(Math.max(1, Math.floor(page) || 1), pages);
  return { counts, entries: ordered.slice((current - 1) * pageSize, current * pageSize), page: current, pages, total: ordered.length };
}

/** An idea concerns a person when they submitted or own it, or own one of its open actions. */
export function concerns(idea: Idea, personId: string): boolean {
  return idea.submitter.id === personId || idea.owner?.id === personId || idea.actions.some((a) => a.owner?.id === personId && !a.done);
}

/** "My items": open things first, overdue at the top, then by due date, then newest. */
export function myItemsOrder(ideas: readonly Idea[], personId: string, today: LocalDate): BoardEntry[] {
  return ideas
    .filter((idea) => concerns(idea, personId) && (!isClosed(idea.status) || benefitMissing(idea)))
    .map((idea) => entryOf(idea, today))
    .sort((a, b) => Number(b.overdue) - Number(a.overdue) || (a.dueDate ?? '9999').localeCompare(b.dueDate ?? '9999') || b.idea.createdAt.localeCompare(a.idea.createdAt));
}
