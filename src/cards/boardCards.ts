import { BOARD_PAGE_SIZE, BoardEntry } from '../domain/board';
import { IdeaStatus, closedAt } from '../domain/ideas';
import { Locale } from '../domain/locale';
import { Unit } from '../domain/organisation';
import { t } from '../i18n';
import { BoardView, ClosedView, MyItemsView } from '../services/ideas/ideaViews';
import { dateLabel, ideaId, statusLabel } from './labels';
import { BoardEntryCardData, PagingCardData, WaitingCardData } from './models';
import { AdaptiveCardJson, renderCard } from './renderer';

/** Building the board, "my items" and unit-choice cards' data from what the services return. */

function entryData(locale: Locale, entry: BoardEntry, unit: Unit, showUnit: boolean): BoardEntryCardData {
  const { idea } = entry;
  return {
    unitId: unit.id,
    number: idea.number,
    id: ideaId(unit.code, idea.number),
    title: idea.title,
    statusText: statusLabel(locale, idea.status),
    owner: idea.owner?.name ?? t(locale, 'board.noOwner'),
    due: t(locale, 'board.dueOn', { date: dateLabel(locale, entry.dueDate) }),
    tags: [
      ...(entry.overdue ? [{ text: t(locale, 'board.overdueTag'), color: 'Attention' as const }] : []),
      ...(entry.benefitMissing ? [{ text: t(locale, 'board.benefitMissingTag'), color: 'Attention' as const }] : []),
    ],
    ...(showUnit ? { unitName: unit.name } : {}),
  };
}

/** "Page 2 of 5" and the neighbouring pages; nothing at all for a list that fits on one page. */
function paging(locale: Locale, page: number, pages: number): PagingCardData {
  if (pages <= 1) return {};
  return {
    text: t(locale, 'board.page', { page, pages }),
    ...(page > 1 ? { previous: page - 1 } : {}),
    ...(page < pages ? { next: page + 1 } : {}),
  };
}

/** The statuses the board counts: everything live. Done ideas count only while something is left. */
const COUNTED: readonly IdeaStatus[] = ['new', 'planned', 'inProgress', 'evaluating', 'parked', 'done'];

/** A unit's board, one page of it (the page is already chosen and clamped by the domain). */
export function boardCard(locale: Locale, view: BoardView): AdaptiveCardJson {
  return renderCard('board', locale, {
    unitId: view.unit.id,
    title: t(locale, 'board.title', { unit: view.unit.name }),
    counts: COUNTED.map((status) => ({ title: status === 'done' ? t(locale, 'board.doneOpen') : statusLabel(locale, status), value: String(view.counts[status]) })),
    entries: view.entries.map((entry) => entryData(locale, entry, view.unit, false)),
    page: view.page,
    paging: paging(locale, view.page, view.pages),
  });
}

/**
 * "My items", paged like the board so a busy person's list stays a small card. Bad pages clamp.
 * What waits for the person's decision (see inboxCards.ts) comes first, on the first page.
 */
export function myItemsCard(locale: Locale, view: MyItemsView, page = 1, pageSize = BOARD_PAGE_SIZE, waiting?: WaitingCardData): AdaptiveCardJson {
  const pages = Math.max(1, Math.ceil(view.entries.length / pageSize));
  const current = Math.min(Math.max(1, Math.floor(page) || 1), pages);
  const waitingHere = current === 1 ? waiting : undefined;
  return renderCard('my-items', locale, {
    ...(waitingHere ? { waiting: waitingHere } : {}),
    showEmpty: view.entries.length === 0 && !waitingHere,
    entries: view.entries.slice((current - 1) * pageSize, current * pageSize).map((entry) => entryData(locale, entry, entry.unit, true)),
    page: current,
    paging: paging(locale, current, pages),
  });
}

/** "Done this quarter": the quarter's done and rejected ideas, newest first, paged. */
export function closedIdeasCard(locale: Locale, view: ClosedView): AdaptiveCardJson {
  return renderCard('closed-ideas', locale, {
    unitId: view.unit.id,
    title: t(locale, 'board.closedTitle', { unit: view.unit.name }),
    counts: [
      { title: t(locale, 'board.doneCount'), value: String(view.done) },
      { title: t(locale, 'board.rejectedCount'), value: String(view.rejected) },
    ],
    entries: view.entries.map((idea) => ({
      unitId: view.unit.id,
      number: idea.number,
      id: ideaId(view.unit.code, idea.number),
      title: idea.title,
      statusText: statusLabel(locale, idea.status),
      when: dateLabel(locale, (closedAt(idea) ?? '').slice(0, 10) || undefined),
    })),
    paging: paging(locale, view.page, view.pages),
  });
}

/** For someone in several units: which board to show. */
export function chooseUnitCard(locale: Locale, units: readonly Unit[]): AdaptiveCardJson {
  return renderCard('choose-unit', locale, { units: units.map((unit) => ({ unitId: unit.id, name: unit.name })) });
}
