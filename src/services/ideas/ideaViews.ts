import { unitsVisibleTo } from '../../domain/access';
import { quarterStart } from '../../domain/benefits';
import { BOARD_PAGE_SIZE, BoardEntry, BoardPage, boardPage, concerns, myItemsOrder } from '../../domain/board';
import { LocalDate, addDays, localDate } from '../../domain/dates';
import { DomainError } from '../../domain/errors';
import { Idea, PersonName, closedAt } from '../../domain/ideas';
import { Goal, goalsOf } from '../../domain/goals';
import { IdeaStanding } from '../../domain/ideaRules';
import { OrganisationSettings, Unit, unitForChannel } from '../../domain/organisation';
import { Person } from '../../domain/people';
import { AuditEntry, IdeaComment, IdeaRepository } from '../../ports/ideaRepository';
import { WorkIndex } from '../../ports/workIndex';
import { IdeaContexts } from './ideaContext';

export interface ItemView {
  readonly idea: Idea;
  readonly unit: Unit;
  readonly standing: IdeaStanding;
  readonly comments: readonly IdeaComment[];
  /** The latest lines of the idea's history, newest first. */
  readonly history: readonly AuditEntry[];
  readonly today: LocalDate;
  readonly people: readonly PersonName[];
  readonly settings: OrganisationSettings;
  /** The viewer's Entra object id, for deciding which action items they may tick off. */
  readonly viewerId: string;
  /** The unit's goals (goal breakdown), open and closed: the idea's link is shown by title, and the open ones offered. */
  readonly goals?: readonly Goal[];
}

export interface BoardView extends BoardPage {
  readonly unit: Unit;
  readonly today: LocalDate;
}

/** A unit's ideas done or rejected this quarter, newest first, a page at a time. */
export interface ClosedView {
  readonly unit: Unit;
  readonly from: LocalDate;
  readonly to: LocalDate;
  readonly done: number;
  readonly rejected: number;
  readonly entries: readonly Idea[];
  readonly page: number;
  readonly pages: number;
}

export interface MyItemsView {
  readonly entries: readonly (BoardEntry & { readonly unit: Unit })[];
  readonly today: LocalDate;
}

/** Which board to show: the channel's unit, or the person's only unit; otherwise they choose. */
export type BoardChoice = { readonly kind: 'unit'; readonly unitId: string } | { readonly kind: 'choose'; readonly units: readonly Unit[] };

const COMMENTS_ON_CARD = 3;
const HISTORY_ON_CARD = 5;

export class IdeaViews {
  constructor(
    private readonly ideas: IdeaRepository,
    private readonly contexts: IdeaContexts,
    private readonly workIndex: WorkIndex,
  ) {}

  async item(person: Person, unitId: string, number: number): Promise<ItemView> {
    const context = await this.contexts.forUnit(person, unitId);
    const [idea, comments, history] = await Promise.all([this.ideas.get(unitId, number), this.ideas.comments(unitId, number, COMMENTS_ON_CARD), this.ideas.history(unitId, number)]);
    if (!idea) throw new DomainError('notFound');
    const standing = this.contexts.viewer(context, idea);
    return { idea, unit: context.unit, standing, comments, history: history.slice(-HISTORY_ON_CARD).reverse(), today: context.today, people: context.people, settings: context.org.settings, viewerId: person.aadObjectId, goals: goalsOf(context.org.goals, { level: 'unit', ownerId: unitId }, { includeClosed: true }) };
  }

  /** One query over the unit's live work: the same cost with ten closed ideas or ten thousand. */
  async board(person: Person, unitId: string, page = 1): Promise<BoardView> {
    const context = await this.contexts.forUnit(person, unitId);
    this.contexts.viewer(context);
    const ideas = await this.ideas.live(unitId);
    return { ...boardPage(ideas, context.today, page), unit: context.unit, today: context.today };
  }

  /**
   * "Done this quarter": one range query over the quarter's closed ideas, only when asked. The
   * board itself never reads history.
   */
  async closedThisQuarter(person: Person, unitId: string, page = 1): Promise<ClosedView> {
    const context = await this.contexts.forUnit(person, unitId);
    this.contexts.viewer(context);
    const from = quarterStart(context.today);
    const to = context.today;
    const { timeZone } = context.org.settings;
    const inQuarter = (idea: Idea) => {
      const at = closedAt(idea);
      const day = at ? localDate(new Date(at), timeZone) : '';
      return day >= from && day <= to;
    };
    const ideas = (await this.ideas.closedBetween(unitId, addDays(from, -1), addDays(to, 1))).filter(inQuarter).sort((a, b) => (closedAt(b) ?? '').localeCompare(closedAt(a) ?? '') || b.number - a.number);
    const pages = Math.max(1, Math.ceil(ideas.length / BOARD_PAGE_SIZE));
    const current = Math.min(Math.max(1, Math.floor(page) || 1), pages);
    return {
      unit: context.unit,
      from,
      to,
      done: ideas.filter((idea) => idea.status === 'done').length,
      rejected: ideas.filter((idea) => idea.status === 'rejected').length,
      entries: ideas.slice((current - 1) * BOARD_PAGE_SIZE, current * BOARD_PAGE_SIZE),
      page: current,
      pages,
    };
  }

  async whichBoard(person: Person, conversationId: string): Promise<BoardChoice> {
    const { access, org } = await this.contexts.directory.accessOf(person);
    const channelUnit = unitForChannel(org, conversationId);
    if (channelUnit) return { kind: 'unit', unitId: channelUnit.id };
    const units = unitsVisibleTo(access, org);
    if (units.length === 1) return { kind: 'unit', unitId: units[0].id };
    return { kind: 'choose', units };
  }

  /**
   * Across the units the person has something in (the work index: one query), one query of live
   * work per such unit. A unit the index lists but where nothing concerns the person any more is
   * forgotten, so the index follows live work too.
   */
  async myItems(person: Person): Promise<MyItemsView> {
    const { access, org } = await this.contexts.directory.accessOf(person);
    const visible = new Map(unitsVisibleTo(access, org).map((unit) => [unit.id, unit]));
    const today = localDate(this.contexts.clock.now(), org.settings.timeZone);
    const unitIds = (await this.workIndex.unitsOf(person.aadObjectId)).filter((id) => visible.has(id));
    const unitOf = new Map<Idea, Unit>();
    await Promise.all(
      unitIds.map(async (unitId) => {
        const mine = (await this.ideas.live(unitId)).filter((idea) => concerns(idea, person.aadObjectId));
        mine.forEach((idea) => unitOf.set(idea, visible.get(unitId)!));
        if (!mine.length) await this.workIndex.forget(person.aadObjectId, unitId);
      }),
    );
    const entries = myItemsOrder([...unitOf.keys()], person.aadObjectId, today).map((entry) => ({ ...entry, unit: unitOf.get(entry.idea)! }));
    return { entries, today };
  }

}
