import { BoardEntry } from '../../domain/board';
import { BOARD_COLUMNS, BoardColumn, boardColumns } from '../../domain/boardColumns';
import { LocalDate } from '../../domain/dates';
import { IdeaStatus } from '../../domain/ideas';
import { allowedMoves, canPlan } from '../../domain/ideaRules';
import { OrganisationSettings, Unit } from '../../domain/organisation';
import { Person } from '../../domain/people';
import { IdeaRepository } from '../../ports/ideaRepository';
import { IdeaContexts } from './ideaContext';

/** A card on the board, with the moves this person may make with it (a hint: the change decides again). */
export interface PlacedEntry extends BoardEntry {
  readonly moves: readonly IdeaStatus[];
}

export interface ColumnsView {
  readonly unit: Unit;
  readonly today: LocalDate;
  readonly settings: OrganisationSettings;
  readonly columns: Readonly<Record<BoardColumn, readonly PlacedEntry[]>>;
  readonly parked: readonly PlacedEntry[];
  /** Leads the unit: may set owners, due dates and priorities. */
  readonly canPlan: boolean;
}

/**
 * The whole board in columns, for the tab. The same read as the board card: one query over the
 * unit's live work, whatever the length of its history; done and rejected history is read by
 * date only when asked for (IdeaViews.closedThisQuarter).
 */
export class IdeaBoard {
  constructor(
    private readonly ideas: IdeaRepository,
    private readonly contexts: IdeaContexts,
  ) {}

  async columns(person: Person, unitId: string): Promise<ColumnsView> {
    const context = await this.contexts.forUnit(person, unitId);
    const standing = this.contexts.viewer(context);
    const laid = boardColumns(await this.ideas.live(unitId), context.today);
    const place = (entry: BoardEntry): PlacedEntry => ({ ...entry, moves: allowedMoves(entry.idea, this.contexts.viewer(context, entry.idea)) });
    const columns = Object.fromEntries(BOARD_COLUMNS.map((column) => [column, laid.columns[column].map(place)])) as Record<BoardColumn, PlacedEntry[]>;
    return { unit: context.unit, today: context.today, settings: context.org.settings, columns, parked: laid.parked.map(place), canPlan: canPlan(standing) };
  }
}
