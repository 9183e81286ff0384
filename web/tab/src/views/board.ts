import { BOARD_COLUMNS, BoardColumn } from '../../../../src/domain/boardColumns';
import { IDEA_TYPES, IdeaStatus, WASTES } from '../../../../src/domain/ideas';
import type { BoardDto, CardDto, ClosedDto, UnitDto } from '../../../../src/tab/contract';
import { Api, ApiError } from '../api';
import { fill, h } from '../dom';
import { pl, statusName, tr } from '../i18n';
import { Announcer } from './announcer';
import { KEYBOARD_HELP_ID, cardCount, cardElement } from './card';
import { enableDrag } from './dragDrop';
import { Filters, NO_FILTERS, asType, asWaste, isFiltering, matches } from './filters';
import { select } from './forms';
import { openMoveDialog } from './moveDialog';

export interface BoardDeps {
  readonly api: Api;
  readonly announcer: Announcer;
  readonly openItem: (card: CardDto) => void;
  /** A card moved: what is beside the board (the unit's picture) may have changed too. */
  readonly moved: () => void;
}

const isColumn = (value: string | undefined): value is BoardColumn => BOARD_COLUMNS.some((column) => column === value);

/**
 * The unit's board: its live work in PDCA columns, parked and this quarter's history folded away
 * below. A card moves by dragging, by the keyboard (Shift + left/right arrow) or by its Move
 * button; the move is shown at once, sent with the card's version, and snaps back with the
 * server's reason if it is refused.
 */
export class BoardView {
  readonly element: HTMLElement;
  private readonly columnsArea = h('div', { class: 'columns' });
  private readonly parkedArea = h('details', { class: 'fold' });
  private readonly closedArea = h('details', { class: 'fold' });
  private readonly filterCount = h('span', { class: 'filter-count', role: 'status' });
  private data?: BoardDto;
  private filters: Filters = NO_FILTERS;
  private saving = false;
  private readonly drag: { readonly dragging: () => boolean };

  constructor(
    private readonly deps: BoardDeps,
    readonly unit: UnitDto,
  ) {
    this.element = h(
      'section',
      { class: 'board', 'aria-label': tr('tab.boardHeading') },
      this.toolbar(),
      h('p', { id: KEYBOARD_HELP_ID, class: 'help' }, tr('tab.keyboardHelp')),
      this.columnsArea,
      this.parkedArea,
      this.closedArea,
    );
    this.drag = enableDrag(this.element, {
      columnAt: (x, y) => document.elementFromPoint(x, y)?.closest<HTMLElement>('.column[data-column]') ?? undefined,
      onDrop: (element, column) => {
        const card = this.cardOf(element);
        if (card && isColumn(column)) void this.move(card, column, undefined, false);
      },
      enabled: () => !this.saving,
    });
    this.element.addEventListener('keydown', (event) => this.onKey(event));
    this.closedArea.addEventListener('toggle', () => {
      if (this.closedArea.open) void this.loadClosed(1, false);
    });
  }

  /** Busy: a card is being dragged or a move is being saved; a refresh now would undo what the person sees. */
  busy(): boolean {
    return this.saving || this.drag.dragging();
  }

  async load(focusNumber?: number): Promise<void> {
    this.data = await this.deps.api.get<BoardDto>(`/units/${this.unit.id}/board`);
    this.render(focusNumber);
  }

  private toolbar(): HTMLElement {
    const toggle = (label: string, key: 'mine' | 'overdue') => {
      // The toggle button keeps its own pressed state (and says it to assistive technology); it
      // changes during the click, after listeners added here, so it is read once the click is over.
      const button = h('fluent-toggle-button', { appearance: 'outline', class: `filter-${key}` }, label) as HTMLElement & { pressed: boolean };
      button.addEventListener('click', () =>
        window.setTimeout(() => {
          this.filters = { ...this.filters, [key]: !!button.pressed };
          this.render();
        }),
      );
      return button;
    };
    const labelled = (label: string, control: HTMLSelectElement, name: string) => {
      control.id = `filter-${name}`;
      return h('span', { class: 'filter-select' }, h('label', { for: control.id }, label), control);
    };
    const all = { value: '', label: tr('tab.filterAll') };
    const type = select([all, ...IDEA_TYPES.map((value) => ({ value, label: tr(`ideaType.${value}`) }))]);
    type.addEventListener('change', () => {
      const { type: _old, ...rest } = this.filters;
      const chosen = asType(type.value);
      this.filters = { ...rest, ...(chosen ? { type: chosen } : {}) };
      this.render();
    });
    const waste = select([all, ...WASTES.map((value) => ({ value, label: tr(`waste.${value}`) }))]);
    waste.addEventListener('change', () => {
      const { waste: _old, ...rest } = this.filters;
      const chosen = asWaste(waste.value);
      this.filters = { ...rest, ...(chosen ? { waste: chosen } : {}) };
      this.render();
    });
    return h(
      'div',
      { class: 'toolbar', role: 'group', 'aria-label': tr('tab.filters') },
      toggle(tr('tab.filterMine'), 'mine'),
      toggle(tr('tab.filterOverdue'), 'overdue'),
      labelled(tr('tab.filterType'), type, 'type'),
      labelled(tr('tab.filterWaste'), waste, 'waste'),
      this.filterCount,
    );
  }

  private cards(list: readonly CardDto[]): CardDto[] {
    return list.filter((card) => matches(card, this.filters));
  }

  private handlers = {
    open: (card: CardDto) => this.deps.openItem(card),
    move: (card: CardDto) => openMoveDialog(card, (to, reason) => this.move(card, to, reason, true)),
  };

  private render(focusNumber?: number): void {
    const data = this.data;
    if (!data) return;
    const columns = BOARD_COLUMNS.map((column) => {
      const shown = this.cards(data.columns[column]);
      const headingId = `column-${column}`;
      return h(
        'section',
        { class: 'column', 'data-column': column, 'aria-labelledby': headingId },
        h('h2', { id: headingId, class: 'column-heading' }, statusName(column), ' ', h('span', { class: 'column-count' }, `(${shown.length})`)),
        shown.length
          ? h('ul', { class: 'cards', 'aria-labelledby': headingId }, ...shown.map((card) => cardElement(card, this.handlers)))
          : h('p', { class: 'column-empty' }, tr('tab.emptyColumn')),
      );
    });
    fill(this.columnsArea, ...columns);
    const parked = this.cards(data.parked);
    const wasOpen = this.parkedArea.open;
    fill(
      this.parkedArea,
      h('summary', {}, `${tr('tab.parked')} (${parked.length})`),
      parked.length ? h('ul', { class: 'cards parked', 'data-fold': 'parked' }, ...parked.map((card) => cardElement(card, this.handlers))) : h('p', {}, tr('tab.emptyColumn')),
    );
    this.parkedArea.open = wasOpen;
    // History is read when unfolded, not with every refresh of the live work.
    if (!this.closedArea.firstChild) this.closedArea.append(h('summary', {}, tr('tab.closedHeading')), h('div', { class: 'closed-list' }));
    const total = BOARD_COLUMNS.reduce((sum, column) => sum + this.cards(data.columns[column]).length, 0) + parked.length;
    this.filterCount.textContent = isFiltering(this.filters) ? pl('tab.filtered', total) : cardCount(total);
    if (focusNumber !== undefined) this.element.querySelector<HTMLElement>(`.card[data-number="${focusNumber}"] .card-open`)?.focus();
  }

  private async loadClosed(page: number, append: boolean): Promise<void> {
    const list = this.closedArea.querySelector<HTMLElement>('.closed-list');
    if (!list) return;
    try {
      const closed = await this.deps.api.get<ClosedDto>(`/units/${this.unit.id}/closed?page=${page}`);
      const cards = closed.entries.map((card) => cardElement(card, this.handlers, { movable: false }));
      const more = closed.page < closed.pages ? h('fluent-button', { appearance: 'subtle' }, tr('tab.more')) : null;
      more?.addEventListener('click', () => {
        more.remove();
        void this.loadClosed(closed.page + 1, true);
      });
      if (append) {
        list.querySelector('ul')?.append(...cards);
        if (more) list.append(more);
      } else {
        fill(list, h('p', {}, tr('tab.closedSummary', { done: closed.done, rejected: closed.rejected })), cards.length ? h('ul', { class: 'cards' }, ...cards) : h('p', {}, tr('board.closedEmpty')), more);
      }
    } catch (error) {
      fill(list, h('p', {}, error instanceof ApiError ? error.refusal.message : tr('error.unexpected')));
    }
  }

  private cardOf(element: Element): CardDto | undefined {
    const number = Number(element.closest<HTMLElement>('.card')?.dataset.number);
    const all = this.data ? [...BOARD_COLUMNS.flatMap((column) => this.data!.columns[column]), ...this.data.parked] : [];
    return all.find((card) => card.number === number);
  }

  /** Arrow keys move between cards; Shift + left/right moves the card to the previous or next column. */
  private onKey(event: KeyboardEvent): void {
    const target = event.target as HTMLElement;
    if (!target.classList.contains('card-open') || !['ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight'].includes(event.key)) return;
    const item = target.closest<HTMLElement>('.card');
    const column = target.closest<HTMLElement>('.column');
    const card = item ? this.cardOf(item) : undefined;
    if (!item || !card) return;
    event.preventDefault();
    const step = event.key === 'ArrowLeft' || event.key === 'ArrowUp' ? -1 : 1;
    if (event.key === 'ArrowUp' || event.key === 'ArrowDown') {
      const siblings = [...(item.parentElement?.querySelectorAll<HTMLElement>(':scope > .card .card-open') ?? [])];
      siblings[siblings.indexOf(target) + step]?.focus();
      return;
    }
    const index = isColumn(column?.dataset.column) ? BOARD_COLUMNS.indexOf(column.dataset.column as BoardColumn) : -1;
    if (event.shiftKey) {
      const to = BOARD_COLUMNS[index + step];
      if (index >= 0 && to) void this.move(card, to, undefined, true);
      return;
    }
    const columns = [...this.columnsArea.querySelectorAll<HTMLElement>('.column')];
    for (let next = index + step; next >= 0 && next < columns.length; next += step) {
      const cards = [...columns[next].querySelectorAll<HTMLElement>('.card-open')];
      const position = [...(item.parentElement?.children ?? [])].indexOf(item);
      const focus = cards[Math.min(position, cards.length - 1)];
      if (focus) return void focus.focus();
    }
  }

  /**
   * Moves a card: shown in its new column at once, then sent with the version the page showed.
   * Returns the refusal's message when the server refused (the card is back where it was then).
   */
  private async move(card: CardDto, to: IdeaStatus, reason: string | undefined, keepFocus: boolean): Promise<string | undefined> {
    if (this.saving || card.status === to) return undefined;
    this.saving = true;
    this.deps.announcer.clear();
    const element = this.element.querySelector<HTMLElement>(`.card[data-number="${card.number}"]`);
    const target = this.columnsArea.querySelector<HTMLElement>(`.column[data-column="${to}"]`);
    if (element && target) {
      const list = target.querySelector('ul') ?? target.appendChild(h('ul', { class: 'cards' }));
      target.querySelector('.column-empty')?.remove();
      list.prepend(element);
      element.classList.add('pending');
      element.setAttribute('aria-busy', 'true');
      if (keepFocus) element.querySelector<HTMLElement>('.card-open')?.focus();
    }
    try {
      await this.deps.api.post(`/units/${this.unit.id}/ideas/${card.number}/changes`, { kind: 'move', version: card.version, to, ...(reason ? { reason } : {}) });
      this.deps.announcer.say(tr('tab.moved', { id: card.shortId, status: statusName(to) }));
      this.saving = false;
      await this.load(keepFocus ? card.number : undefined).catch(() => undefined);
      this.deps.moved();
      return undefined;
    } catch (error) {
      const message = error instanceof ApiError ? error.refusal.message : tr('error.unexpected');
      const text = tr('tab.moveRefused', { id: card.shortId, reason: message });
      this.render(keepFocus ? card.number : undefined);
      this.deps.announcer.problem(text);
      this.deps.announcer.say(text);
      this.saving = false;
      // Someone else changed it: show the board as it is now.
      if (error instanceof ApiError && error.status === 409) await this.load(keepFocus ? card.number : undefined).catch(() => undefined);
      return message;
    } finally {
      this.saving = false;
    }
  }
}
