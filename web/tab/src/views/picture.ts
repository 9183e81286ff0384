import { BarController, BarElement, CategoryScale, Chart, ChartConfiguration, Legend, LineController, LineElement, LinearScale, PointElement, Tooltip } from 'chart.js';
import type { PictureDto, UnitDto } from '../../../../src/tab/contract';
import { Api } from '../api';
import { Child, fill, h, uid } from '../dom';
import { number, pl, tr } from '../i18n';
import { onThemeChange, token } from '../theme';

Chart.register(BarController, BarElement, LineController, LineElement, PointElement, CategoryScale, LinearScale, Legend, Tooltip);

interface Series {
  readonly label: string;
  readonly values: readonly number[];
  /** A design token name for the series' colour. */
  readonly color: string;
  /**
   * Drawn as an outline (bars) or dashed (lines): series differ by more than colour, which the
   * high-contrast theme reduces to two or three colours.
   */
  readonly outline?: boolean;
}

/** Colour tokens that stay apart in all three themes (in high contrast: Highlight and CanvasText). */
const BRAND = 'colorCompoundBrandForeground1';
const GREEN = 'colorPaletteGreenBorderActive';
const NEUTRAL = 'colorNeutralForeground2';

const monthLabel = (month: string): string => {
  const [year, m] = month.split('-').map(Number);
  return new Intl.DateTimeFormat(document.documentElement.lang || 'nb', { month: 'short', year: '2-digit', timeZone: 'UTC' }).format(new Date(Date.UTC(year, m - 1, 1)));
};

/**
 * A chart with its text alternatives: a one-sentence summary (also the canvas's accessible name)
 * and the same numbers as a table under "Show as table".
 */
function figure(heading: string, summary: string, kind: 'bar' | 'line', labels: readonly string[], series: readonly Series[], firstColumn: string): { element: HTMLElement; draw: () => void } {
  const headingId = uid('chart');
  const canvas = h('canvas', { role: 'img', 'aria-label': summary });
  const table = h(
    'table',
    { class: 'chart-table' },
    h('caption', { class: 'visually-hidden' }, heading),
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, firstColumn), ...series.map((s) => h('th', { scope: 'col' }, s.label)))),
    h('tbody', {}, ...labels.map((label, i) => h('tr', {}, h('th', { scope: 'row' }, label), ...series.map((s) => h('td', {}, number(s.values[i] ?? 0)))))),
  );
  const element = h(
    'figure',
    { class: 'chart', 'aria-labelledby': headingId },
    h('h3', { id: headingId }, heading),
    h('div', { class: 'chart-canvas' }, canvas),
    h('figcaption', { class: 'chart-summary' }, summary),
    h('details', { class: 'chart-details' }, h('summary', {}, tr('tab.asTable')), table),
  );
  let chart: Chart | undefined;
  const draw = () => {
    chart?.destroy();
    const text = token('colorNeutralForeground2') || '#424242';
    const grid = token('colorNeutralStroke2') || '#e0e0e0';
    const config: ChartConfiguration = {
      type: kind,
      data: {
        labels: [...labels],
        datasets: series.map((s) => ({
          label: s.label,
          data: [...s.values],
          backgroundColor: s.outline && kind === 'bar' ? 'transparent' : token(s.color),
          borderColor: token(s.color),
          borderWidth: kind === 'line' || s.outline ? 2 : 0,
          borderDash: kind === 'line' && s.outline ? [6, 4] : [],
          pointRadius: 2,
        })),
      },
      options: {
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        plugins: { legend: { labels: { color: text, boxWidth: 12 } }, tooltip: { enabled: true } },
        scales: { x: { ticks: { color: text }, grid: { color: grid } }, y: { beginAtZero: true, ticks: { color: text, precision: 0 }, grid: { color: grid } } },
      },
    };
    chart = new Chart(canvas, config);
  };
  return { element, draw };
}

function flags(picture: PictureDto): HTMLElement {
  const { stagnation: s } = picture;
  const list = (items: readonly { shortId: string }[]) => items.map((i) => i.shortId).join(', ');
  const lines: Child[] = [
    s.noNewIdea ? h('li', {}, pl('tab.flagNoNewIdea', s.quietWeeks)) : null,
    s.noStatusChange ? h('li', {}, pl('tab.flagNoStatusChange', s.quietWeeks)) : null,
    s.noMeetingLogged ? h('li', {}, pl('tab.flagNoMeetingLogged', s.quietWeeks)) : null,
    s.unassigned.length ? h('li', {}, pl('tab.flagUnassigned', s.unassigned.length, { items: list(s.unassigned) })) : null,
    s.longOverdue.length ? h('li', {}, pl('tab.flagLongOverdue', s.longOverdue.length, { items: list(s.longOverdue) })) : null,
  ].filter(Boolean);
  return h('section', { class: 'flags', 'aria-labelledby': 'flags-heading' }, h('h3', { id: 'flags-heading' }, tr('tab.stagnationHeading')), lines.length ? h('ul', {}, ...lines) : h('p', {}, tr('tab.stagnationNone')));
}

/**
 * The unit's picture beside the board: board meetings held against scheduled (12 weeks), ideas
 * in and done (12 months), time gains identified against realized (this year), and the signs of
 * stagnation. Read on opening, when the page gets focus, and after a change.
 */
export class PictureView {
  readonly element: HTMLElement;
  private draws: (() => void)[] = [];
  readonly dispose: () => void;

  constructor(
    private readonly api: Api,
    private readonly unit: UnitDto,
  ) {
    // A region beside the board (not an <aside>: complementary landmarks must not sit inside <main>).
    this.element = h('section', { class: 'picture', 'aria-labelledby': 'picture-heading' }, h('h2', { id: 'picture-heading' }, tr('tab.pictureHeading')));
    this.dispose = onThemeChange(() => this.draws.forEach((draw) => draw()));
  }

  async load(): Promise<void> {
    const picture = await this.api.get<PictureDto>(`/units/${this.unit.id}/picture`);
    this.render(picture);
  }

  private render(picture: PictureDto): void {
    const held = picture.meetings.reduce((sum, w) => sum + w.held, 0);
    const scheduled = picture.meetings.reduce((sum, w) => sum + w.scheduled, 0);
    const meetings = figure(
      tr('tab.meetingsHeading'),
      `${tr('tab.meetingsSummary', { held, scheduled })}${picture.hasSchedule ? '' : ` ${tr('tab.meetingsNoSchedule')}`}`,
      'bar',
      picture.meetings.map((w) => tr('tab.week', { week: w.week })),
      [
        { label: tr('tab.meetingsHeld'), values: picture.meetings.map((w) => w.held), color: BRAND },
        { label: tr('tab.meetingsScheduled'), values: picture.meetings.map((w) => w.scheduled), color: NEUTRAL, outline: true },
      ],
      tr('tab.week', { week: '' }).trim(),
    );
    const submitted = picture.ideas.reduce((sum, m) => sum + m.submitted, 0);
    const done = picture.ideas.reduce((sum, m) => sum + m.done, 0);
    const ideas = figure(
      tr('tab.ideasHeading'),
      tr('tab.ideasSummary', { submitted, done }),
      'line',
      picture.ideas.map((m) => monthLabel(m.month)),
      [
        { label: tr('tab.ideasNew'), values: picture.ideas.map((m) => m.submitted), color: BRAND },
        { label: tr('tab.ideasDone'), values: picture.ideas.map((m) => m.done), color: GREEN, outline: true },
      ],
      tr('tab.month'),
    );
    const year = picture.gainsThisYear;
    const gains = figure(
      tr('tab.gainsHeading'),
      tr('tab.gainsSummary', { identified: number(year.identified.hours), realized: number(year.realized.hours), fte: number(year.realized.fte, 2), pending: year.pending }),
      'bar',
      picture.gains.map((m) => monthLabel(m.month)),
      [
        { label: tr('tab.gainsIdentified'), values: picture.gains.map((m) => m.identifiedHours), color: NEUTRAL, outline: true },
        { label: tr('tab.gainsRealized'), values: picture.gains.map((m) => m.realizedHours), color: GREEN },
      ],
      tr('tab.month'),
    );
    const totals = h(
      'table',
      { class: 'gain-totals' },
      h('caption', {}, tr('tab.gainsHeading')),
      h('thead', {}, h('tr', {}, h('td', {}), h('th', { scope: 'col' }, tr('tab.gainsIdentified')), h('th', { scope: 'col' }, tr('tab.gainsRealized')))),
      h(
        'tbody',
        {},
        h('tr', {}, h('th', { scope: 'row' }, tr('tab.gainsHours')), h('td', {}, number(year.identified.hours)), h('td', {}, number(year.realized.hours))),
        h('tr', {}, h('th', { scope: 'row' }, tr('tab.gainsFte')), h('td', {}, number(year.identified.fte, 2)), h('td', {}, number(year.realized.fte, 2))),
        h('tr', {}, h('th', { scope: 'row' }, tr('tab.gainsMoney', { currency: year.currency })), h('td', {}, number(year.identified.money, 0)), h('td', {}, number(year.realized.money, 0))),
        h('tr', {}, h('th', { scope: 'row' }, tr('tab.gainsOther')), h('td', {}, year.identified.other), h('td', {}, year.realized.other)),
      ),
    );
    gains.element.querySelector('details')?.append(totals);
    fill(this.element, h('h2', { id: 'picture-heading' }, tr('tab.pictureHeading')), meetings.element, ideas.element, gains.element, flags(picture));
    this.draws = [meetings.draw, ideas.draw, gains.draw];
    this.draws.forEach((draw) => draw());
  }
}
