import type { MeDto, UnitDto } from '../../../../src/tab/contract';
import { Api } from '../api';
import { fill, h } from '../dom';
import { tr } from '../i18n';
import { keepFresh } from '../live';
import { MinePage } from './minePage';
import { UnitPage } from './unitPage';

const MINE = 'mine';

/**
 * The personal tab: my units (one board at a time, chosen in the navigation) and my items. The
 * choice is kept in the address (?unit=), so a reload shows the same board.
 */
export class PersonalPage {
  readonly element: HTMLElement;
  private readonly nav = h('nav', { class: 'unit-nav', 'aria-label': tr('tab.myUnits') });
  private readonly content = h('div', { class: 'personal-content' });
  private current?: UnitPage;
  private stopMine?: () => void;

  constructor(
    private readonly api: Api,
    private readonly me: MeDto,
  ) {
    this.element = h('div', { class: 'personal' }, this.nav, this.content);
  }

  async start(asked: string | null): Promise<void> {
    const unit = this.me.units.find((u) => u.id === asked) ?? (asked === MINE ? undefined : this.me.units[0]);
    await this.show(unit);
  }

  private renderNav(selected: UnitDto | undefined): void {
    const entry = (label: string, key: string, active: boolean, choose: () => void) => {
      const button = h('fluent-button', { appearance: active ? 'primary' : 'subtle', 'aria-current': active ? 'page' : undefined, 'data-key': key }, label);
      button.addEventListener('click', choose);
      return button;
    };
    fill(
      this.nav,
      ...this.me.units.map((unit) => entry(unit.name, unit.id, unit.id === selected?.id, () => void this.show(unit))),
      entry(tr('mine.title'), MINE, !selected, () => void this.show(undefined)),
    );
  }

  private async show(unit: UnitDto | undefined): Promise<void> {
    this.current?.stop();
    this.stopMine?.();
    this.current = undefined;
    this.stopMine = undefined;
    this.renderNav(unit);
    const query = new URLSearchParams(location.search);
    query.set('unit', unit?.id ?? MINE);
    history.replaceState(null, '', `${location.pathname}?${query.toString()}`);
    if (unit) {
      const page = new UnitPage(this.api, unit);
      this.current = page;
      fill(this.content, page.element);
      await page.start();
      return;
    }
    const mine = new MinePage(this.api);
    fill(this.content, this.me.units.length ? null : h('p', { class: 'notice' }, tr('tab.noUnits')), mine.element);
    await mine.load();
    this.stopMine = keepFresh(() => mine.load(), () => false);
  }
}
