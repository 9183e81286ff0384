import { Access, rolesOf } from '../../domain/access';
import { toNumber } from '../../domain/amounts';
import { Totals, fteFromHours } from '../../domain/benefits';
import { BoardEntry, concerns, entryOf } from '../../domain/board';
import { BOARD_COLUMNS, BoardColumn } from '../../domain/boardColumns';
import { LocalDate, isoWeek } from '../../domain/dates';
import { Idea, IdeaStatus, PersonName, isActionOverdue, shortId } from '../../domain/ideas';
import { allowedMoves, canAddAction, canComment, canPlan } from '../../domain/ideaRules';
import { OrganisationSettings, Unit } from '../../domain/organisation';
import { ColumnsView, PlacedEntry } from '../../services/ideas/ideaBoard';
import { ClosedView, ItemView, MyItemsView } from '../../services/ideas/ideaViews';
import { UnitPictureView } from '../../services/rhythm/unitPicture';
import { BoardDto, CardDto, ClosedDto, ItemDto, MeDto, MineDto, PersonDto, PictureDto, TotalsDto, UnitDto } from '../contract';

/** View models into the tab's JSON (src/tab/contract.ts): what the page shows, nothing more. */

export const unitDto = (unit: Unit): UnitDto => ({ id: unit.id, code: unit.code, name: unit.name });
const personDto = (person: PersonName): PersonDto => ({ id: person.id, name: person.name });

export function cardDto(entry: BoardEntry, unit: Unit, viewerId: string, moves: readonly IdeaStatus[]): CardDto {
  const { idea } = entry;
  return {
    unitId: idea.unitId,
    number: idea.number,
    shortId: shortId(unit.code, idea.number),
    title: idea.title,
    status: idea.status,
    type: idea.type,
    wastes: idea.wastes,
    ...(idea.owner ? { owner: personDto(idea.owner) } : {}),
    ...(entry.dueDate ? { dueDate: entry.dueDate } : {}),
    overdue: entry.overdue,
    benefitMissing: entry.benefitMissing,
    ...(idea.effort ? { effort: idea.effort } : {}),
    ...(idea.impact ? { impact: idea.impact } : {}),
    version: idea.version,
    mine: concerns(idea, viewerId),
    moves: [...moves],
  };
}

export function meDto(access: Access, units: readonly Unit[], settings: Pick<OrganisationSettings, 'language' | 'timeZone'>, channel?: { linked: boolean; unit?: Unit }): MeDto {
  return {
    person: { id: access.person.aadObjectId, name: access.person.name },
    roles: rolesOf(access),
    units: units.map(unitDto),
    language: settings.language,
    timeZone: settings.timeZone,
    ...(channel ? { channel: { linked: channel.linked, ...(channel.unit ? { unit: unitDto(channel.unit) } : {}) } } : {}),
  };
}

export function boardDto(view: ColumnsView, viewerId: string): BoardDto {
  const cards = (entries: readonly PlacedEntry[]) => entries.map((entry) => cardDto(entry, view.unit, viewerId, entry.moves));
  const columns = Object.fromEntries(BOARD_COLUMNS.map((column) => [column, cards(view.columns[column])])) as Record<BoardColumn, CardDto[]>;
  return { unit: unitDto(view.unit), today: view.today, columns, parked: cards(view.parked), canPlan: view.canPlan };
}

/** History is shown, not acted on from the list: the item opens with its own moves. */
export function closedDto(view: ClosedView, today: LocalDate, viewerId: string): ClosedDto {
  return {
    from: view.from,
    to: view.to,
    done: view.done,
    rejected: view.rejected,
    entries: view.entries.map((idea) => cardDto(entryOf(idea, today), view.unit, viewerId, [])),
    page: view.page,
    pages: view.pages,
  };
}

export function itemDto(view: ItemView): ItemDto {
  const { idea, standing, today } = view;
  return {
    card: cardDto(entryOf(idea, today), view.unit, view.viewerId, allowedMoves(idea, standing)),
    unit: unitDto(view.unit),
    ...(idea.situation ? { situation: idea.situation } : {}),
    ...(idea.proposal ? { proposal: idea.proposal } : {}),
    ...(idea.statusReason ? { statusReason: idea.statusReason } : {}),
    benefitAreas: idea.benefitAreas,
    submitter: personDto(idea.submitter),
    createdAt: idea.createdAt,
    actions: idea.actions.map((action) => ({
      id: action.id,
      text: action.text,
      ...(action.owner ? { owner: personDto(action.owner) } : {}),
      ...(action.dueDate ? { dueDate: action.dueDate } : {}),
      done: action.done,
      overdue: isActionOverdue(action, today),
    })),
    comments: view.comments.map((comment) => ({ at: comment.at, by: personDto(comment.by), text: comment.text })),
    history: view.history.map((entry) => ({ at: entry.at, by: personDto(entry.by), what: entry.what, detail: entry.detail })),
    people: [...view.people].sort((a, b) => a.name.localeCompare(b.name)).map(personDto),
    can: { plan: canPlan(standing), comment: canComment(standing), addAction: canAddAction(standing) },
    today,
  };
}

export function mineDto(view: MyItemsView, viewerId: string): MineDto {
  return { today: view.today, entries: view.entries.map((entry) => ({ ...cardDto(entry, entry.unit, viewerId, []), unit: unitDto(entry.unit) })) };
}

const round1 = (value: number) => Math.round(value * 10) / 10;

function totalsDto(totals: Totals, settings: OrganisationSettings): TotalsDto {
  return {
    hours: round1(toNumber(totals.hours, 'hours')),
    fte: Math.round(fteFromHours(totals.hours, settings.hoursPerFte) * 100) / 100,
    money: Math.round(toNumber(totals.money, 'money')),
    other: totals.other,
  };
}

export function pictureDto(view: UnitPictureView): PictureDto {
  const ref = (idea: Idea) => ({ shortId: shortId(view.unit.code, idea.number), number: idea.number, title: idea.title });
  return {
    today: view.today,
    meetings: view.meetings.map((week) => ({ weekStart: week.weekStart, week: isoWeek(week.weekStart), held: week.held, scheduled: week.scheduled })),
    hasSchedule: !!view.unit.schedule && view.unit.schedule.weekdays.length > 0,
    ideas: view.ideas.map((month) => ({ ...month })),
    gains: view.gains.map((month) => ({ month: month.month, identifiedHours: round1(toNumber(month.identifiedHours, 'hours')), realizedHours: round1(toNumber(month.realizedHours, 'hours')) })),
    gainsThisYear: {
      identified: totalsDto(view.gainsThisYear.identified, view.settings),
      realized: totalsDto(view.gainsThisYear.realized, view.settings),
      pending: view.gainsThisYear.pending,
      currency: view.settings.currency,
    },
    stagnation: {
      quietWeeks: view.thresholds.quietWeeks,
      noNewIdea: view.stagnation.noNewIdea,
      noStatusChange: view.stagnation.noStatusChange,
      noMeetingLogged: view.stagnation.noMeetingLogged,
      unassigned: view.stagnation.unassigned.map(ref),
      longOverdue: view.stagnation.longOverdue.map(ref),
    },
  };
}
