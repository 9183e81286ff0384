import { LocalDate } from './dates';
import { BoardEntry, entryOf } from './board';
import { Idea, IdeaStatus } from './ideas';

/** The board's columns along PDCA: plan (new, planned), do (in progress), check (evaluating), act (done). */
export const BOARD_COLUMNS = ['new', 'planned', 'inProgress', 'evaluating', 'done'] as const satisfies readonly IdeaStatus[];
export type BoardColumn = (typeof BOARD_COLUMNS)[number];

export interface BoardColumns {
  readonly columns: Readonly<Record<BoardColumn, readonly BoardEntry[]>>;
  /** Parked ideas are live work (they may come back) but folded away under the board. */
  readonly parked: readonly BoardEntry[];
}

/** Overdue first (the longest missed first), then by due date (undated last), then newest. */
function columnOrder(a: BoardEntry, b: BoardEntry): number {
  return (
    Number(b.overdue) - Number(a.overdue) ||
    (a.dueDate ?? '9999-12-31').localeCompare(b.dueDate ?? '9999-12-31') ||
    b.idea.createdAt.localeCompare(a.idea.createdAt) ||
    b.idea.number - a.idea.number
  );
}

/**
 * The unit's live work laid out in columns. "Done" holds only done ideas that are still live work
 * (benefit missing or an action item open): finished history is read by date when asked for.
 * Rejected ideas are never live work, so they do not appear here at all.
 */
export function boardColumns(liveIdeas: readonly Idea[], today: LocalDate): BoardColumns {
  const columns: Record<BoardColumn, BoardEntry[]> = { new: [], planned: [], inProgress: [], evaluating: [], done: [] };
  const parked: BoardEntry[] = [];
  for (const idea of liveIdeas) {
    const entry = entryOf(idea, today);
    if (idea.status === 'parked') parked.push(entry);
    else if (idea.status !== 'rejected') columns[idea.status].push(entry);
  }
  for (const column of BOARD_COLUMNS) columns[column].sort(columnOrder);
  return { columns, parked: parked.sort(columnOrder) };
}
