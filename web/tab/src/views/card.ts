import type { CardDto } from '../../../../src/tab/contract';
import { h, uid } from '../dom';
import { date, pl, tr } from '../i18n';

export interface CardHandlers {
  open(card: CardDto): void;
  move(card: CardDto): void;
}

/** The id of the element that explains how to move cards with the keyboard. */
export const KEYBOARD_HELP_ID = 'keyboard-help';

function facts(card: CardDto): HTMLElement {
  const id = uid('card-facts');
  return h(
    'div',
    { class: 'card-facts', id },
    h('span', { class: 'card-owner' }, card.owner?.name ?? tr('board.noOwner')),
    card.dueDate ? h('span', { class: card.overdue ? 'card-due overdue' : 'card-due' }, tr('board.dueOn', { date: date(card.dueDate) })) : null,
    card.effort && card.impact ? h('span', { class: 'card-priority' }, tr('tab.effortImpact', { effort: tr(`effort.${card.effort}`), impact: tr(`impact.${card.impact}`) })) : null,
    card.overdue || card.benefitMissing
      ? h(
          'span',
          { class: 'card-badges' },
          card.overdue ? h('fluent-badge', { appearance: 'filled', color: 'danger', size: 'small' }, tr('item.overdue')) : null,
          card.benefitMissing ? h('fluent-badge', { appearance: 'filled', color: 'warning', size: 'small' }, tr('tab.benefitMissing')) : null,
        )
      : null,
  );
}

/**
 * One idea as a card: its short id and title (a button that opens it), owner, due date (overdue
 * marked), effort × impact and "benefit missing", and a Move button for those who do not drag.
 */
export function cardElement(card: CardDto, handlers: CardHandlers, options: { readonly movable: boolean; readonly unitName?: string } = { movable: true }): HTMLLIElement {
  const info = facts(card);
  const open = h(
    'button',
    { type: 'button', class: 'card-open', 'aria-describedby': `${info.id} ${options.movable ? KEYBOARD_HELP_ID : ''}`.trim() },
    h('span', { class: 'card-id' }, card.shortId),
    ' ',
    h('span', { class: 'card-title' }, card.title),
  );
  open.addEventListener('click', () => handlers.open(card));
  const item = h(
    'li',
    { class: `card${card.overdue ? ' is-overdue' : ''}`, 'data-number': card.number, 'data-unit': card.unitId, 'data-status': card.status },
    options.unitName ? h('span', { class: 'card-unit' }, options.unitName) : null,
    open,
    info,
  );
  if (options.movable) {
    const move = h('fluent-button', { class: 'card-move', size: 'small', appearance: 'subtle', 'aria-label': tr('tab.moveTitle', { id: card.shortId }) }, tr('tab.move'));
    move.addEventListener('click', () => handlers.move(card));
    item.append(move);
  }
  return item;
}

export const cardCount = (count: number): string => pl('tab.cards', count);
