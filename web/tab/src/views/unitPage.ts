import type { UnitDto } from '../../../../src/tab/contract';
import { Api, ApiError } from '../api';
import { h } from '../dom';
import { time, tr } from '../i18n';
import { keepFresh } from '../live';
import { createAnnouncer } from './announcer';
import { BoardView } from './board';
import { ItemDialog } from './itemDialog';
import { PictureView } from './picture';

/** How often the picture is read again: its figures move by the day, not by the minute. */
const PICTURE_EVERY_MS = 5 * 60_000;

/**
 * One unit's page: the heading, the board and, beside it, the unit's picture. The board is read
 * again when the page gets focus and every 30 s while it is visible; the picture on focus, after
 * a change, and every few minutes.
 */
export class UnitPage {
  readonly element: HTMLElement;
  private readonly board: BoardView;
  private readonly picture: PictureView;
  private readonly updated = h('span', { class: 'updated' });
  private pictureReadAt = 0;
  private stopRefreshing?: () => void;

  constructor(
    api: Api,
    readonly unit: UnitDto,
  ) {
    const announcer = createAnnouncer();
    const item = new ItemDialog(api, () => void this.refresh(true));
    this.board = new BoardView({ api, announcer, openItem: (card) => void item.open(card), moved: () => void this.picture.load().catch(() => undefined) }, unit);
    this.picture = new PictureView(api, unit);
    this.element = h(
      'div',
      { class: 'unit-page' },
      h('div', { class: 'unit-header' }, h('h1', {}, tr('board.title', { unit: unit.name })), this.updated),
      announcer.element,
      h('div', { class: 'layout' }, this.board.element, this.picture.element),
    );
  }

  async start(): Promise<void> {
    await this.refresh(true);
    this.stopRefreshing = keepFresh((reason) => this.refresh(reason === 'focus' || Date.now() - this.pictureReadAt > PICTURE_EVERY_MS), () => this.board.busy());
  }

  stop(): void {
    this.stopRefreshing?.();
    this.picture.dispose();
  }

  private async refresh(withPicture: boolean): Promise<void> {
    try {
      await Promise.all([this.board.load(), withPicture ? this.picture.load().then(() => (this.pictureReadAt = Date.now())) : undefined]);
      this.updated.textContent = tr('tab.updated', { time: time(new Date().toISOString()) });
    } catch (error) {
      this.updated.textContent = error instanceof ApiError ? error.refusal.message : tr('tab.unreachable');
    }
  }
}
