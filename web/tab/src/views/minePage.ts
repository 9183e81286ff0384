import type { CardDto, MineDto } from '../../../../src/tab/contract';
import { Api, ApiError } from '../api';
import { fill, h } from '../dom';
import { tr } from '../i18n';
import { cardElement } from './card';
import { ItemDialog } from './itemDialog';

/** "My items": everything I submitted or own, across my units, overdue first (IdeaViews.myItems). */
export class MinePage {
  readonly element = h('section', { class: 'mine', 'aria-labelledby': 'mine-heading' });
  private readonly item: ItemDialog;

  constructor(private readonly api: Api) {
    this.item = new ItemDialog(api, () => void this.load());
  }

  async load(): Promise<void> {
    try {
      const mine = await this.api.get<MineDto>('/mine');
      const open = (card: CardDto) => void this.item.open(card);
      fill(
        this.element,
        h('h1', { id: 'mine-heading' }, tr('mine.title')),
        mine.entries.length
          ? h('ul', { class: 'cards mine-list' }, ...mine.entries.map((card) => cardElement(card, { open, move: open }, { movable: false, unitName: card.unit.name })))
          : h('p', {}, tr('mine.empty')),
      );
    } catch (error) {
      fill(this.element, h('h1', { id: 'mine-heading' }, tr('mine.title')), h('p', {}, error instanceof ApiError ? error.refusal.message : tr('tab.unreachable')));
    }
  }
}
