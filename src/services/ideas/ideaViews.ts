import { unitsVisibleTo } from '../../domain/access';
import { BoardEntry, BoardPage, boardPage, myItemsOrder } from '../../domain/board';
import { LocalDate, localDate } from '../../domain/dates';
import { DomainError } from '../../domain/errors';
import { Idea, PersonName } from '../../domain/ideas';
import { IdeaStanding } from '../../domain/ideaRules';
import { OrganisationSettings, Unit, unitForChannel } from '../../domain/organisation';
import { Person } from '../../domain/people';
import { AuditEntry, IdeaComment, IdeaRepository } from '../../ports/ideaRepository';
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
}

export interface BoardView extends BoardPage {
  readonly unit: Unit;
  readonly today: LocalDate;
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
  ) {}

  async item(person: Person, unitId: string, number: number): Promise<ItemView> {
    const context = await this.contexts.forUnit(person, unitId);
    const [idea, comments, history] = await Promise.all([this.ideas.get(unitId, number), this.ideas.comments(unitId, number, COMMENTS_ON_CARD), this.ideas.history(unitId, number)]);
    if (!idea) throw new DomainError('notFound');
    const standing = this.contexts.viewer(context, idea);
    return { idea, unit: context.unit, standing, comments, history: history.slice(-HISTORY_ON_CARD).reverse(), today: context.today, people: context.people, settings: context.org.settings, viewerId: person.aadObjectId };
  }

  /** One partition query, however long the board. */
  async board(person: Person, unitId: string, page = 1): Promise<BoardView> {
    const context = await this.contexts.forUnit(person, unitId);
    this.contexts.viewer(context);
    const ideas = await this.ideas.list(unitId);
    return { ...boardPage(ideas, context.today, page), unit: context.unit, today: context.today };
  }

  async whichBoard(person: Person, conversationId: string): Promise<BoardChoice> {
    const { access, org } = await this.contexts.directory.accessOf(person);
    const channelUnit = unitForChannel(org, conversationId);
    if (channelUnit) return { kind: 'unit', unitId: channelUnit.id };
    const units = unitsVisibleTo(access, org);
    if (units.length === 1) return { kind: 'unit', unitId: units[0].id };
    return { kind: 'choose', units };
  }

  /** Across the person's units: one partition query per unit, bounded by units, not by history. */
  async myItems(person: Person): Promise<MyItemsView> {
    const { access, org } = await this.contexts.directory.accessOf(person);
    // Anyone may have submitted or own items wherever they may take part, so every such unit is read.
    const units = unitsVisibleTo(access, org);
    const today = localDate(this.contexts.clock.now(), org.settings.timeZone);
    const unitOf = new Map<Idea, Unit>();
    await Promise.all(units.map(async (unit) => (await this.ideas.list(unit.id)).forEach((idea) => unitOf.set(idea, unit))));
    const entries = myItemsOrder([...unitOf.keys()], person.aadObjectId, today).map((entry) => ({ ...entry, unit: unitOf.get(entry.idea)! }));
    return { entries, today };
  }
}
