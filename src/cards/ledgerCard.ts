import { toNumber } from '../domain/amounts';
import { BenefitTotals, Quarter, Totals, fteFromHours } from '../domain/benefits';
import { Locale } from '../domain/locale';
import { OrganisationSettings } from '../domain/organisation';
import { plural, t } from '../i18n';
import { formatDate, formatNumber } from '../i18n/format';
import { LEDGER_EXPORT_PERIODS, LedgerExportPeriod } from '../services/benefits/ledgerExport';
import { LedgerRow, LedgerView } from '../services/benefits/benefitLedger';
import { fteText, formatFte, formatMoney } from './benefitValues';
import { CardElement, groupedBarChart } from './charts';
import { ideaId } from './labels';
import { BenefitLedgerCardData, LedgerFigureData } from './benefitModels';
import { AdaptiveCardJson, renderCard } from './renderer';

/** The benefit ledger: identified vs realized for a unit, a service area or the organisation. */

/** The ledger lists at most this many done ideas that still lack a benefit. */
export const MAX_MISSING_ON_LEDGER = 6;
/** Rows (units or service areas) a ledger card carries, to stay well under Teams' card size limit with the quarter charts; the CSV export has them all. */
export const MAX_ROWS_ON_LEDGER = 15;
/** Top-level actions a card may carry; one is the ledger's Refresh. */
const MAX_SWITCHES = 5;

export type LedgerScopeData = { readonly kind: 'unit' | 'area' | 'organisation'; readonly id: string };

/** Another ledger this person may open, shown as a button. */
export interface LedgerSwitch extends LedgerScopeData {
  readonly title: string;
}

/** A CSV file just made for this ledger: the period it covers and its download link. */
export interface LedgerExportLink {
  readonly period: LedgerExportPeriod;
  readonly url?: string;
  readonly minutes: number;
}

function figures(locale: Locale, totals: BenefitTotals, settings: OrganisationSettings): LedgerFigureData[] {
  const row = (label: string, format: (totals: Totals) => string): LedgerFigureData => ({ label, identified: format(totals.identified), realized: format(totals.realized) });
  return [
    row(t(locale, 'ledger.hours'), (x) => t(locale, 'benefitAmount.hours', { n: formatNumber(locale, toNumber(x.hours, 'hours'), 1) })),
    row(t(locale, 'ledger.fte'), (x) => formatFte(locale, fteFromHours(x.hours, settings.hoursPerFte))),
    row(t(locale, 'ledger.money'), (x) => formatMoney(locale, x.money, settings.currency)),
    row(t(locale, 'ledger.other'), (x) => formatNumber(locale, x.other, 0)),
  ];
}

/** A row's figures in one cell: FTE, and money when there is any. */
function compact(locale: Locale, totals: Totals, settings: OrganisationSettings): string {
  const parts = [fteText(locale, totals.hours, settings.hoursPerFte)];
  if (totals.money) parts.push(formatMoney(locale, totals.money, settings.currency));
  return parts.join(' · ');
}

function rowNote(locale: Locale, row: LedgerRow): string | undefined {
  const notes = [
    ...(row.pendingNow ? [plural(locale, 'ledger.rowPending', row.pendingNow)] : []),
    ...(row.missing.length ? [plural(locale, 'ledger.rowMissing', row.missing.length)] : []),
  ];
  return notes.length ? notes.join(' · ') : undefined;
}

export function scopeData(scope: LedgerView['scope']): LedgerScopeData {
  switch (scope.kind) {
    case 'unit':
      return { kind: 'unit', id: scope.unitId };
    case 'area':
      return { kind: 'area', id: scope.areaId };
    case 'organisation':
      return { kind: 'organisation', id: '' };
  }
}

export const quarterLabel = (locale: Locale, quarter: Quarter): string => t(locale, 'chart.quarterLabel', { number: quarter.number, year: quarter.year });

/**
 * Identified vs realized per quarter as grouped bars: FTE always, money when there is any. The
 * fallback table has the same figures as text.
 */
export function quarterCharts(locale: Locale, quarters: readonly { readonly quarter: Quarter; readonly totals: BenefitTotals }[], settings: OrganisationSettings): CardElement[] {
  const labels = quarters.map(({ quarter }) => quarterLabel(locale, quarter));
  const header = [t(locale, 'chart.quarter'), t(locale, 'chart.identified'), t(locale, 'chart.realized')];
  const chartOf = (title: string, value: (totals: Totals) => number, text: (totals: Totals) => string) =>
    groupedBarChart({
      title,
      xAxisTitle: t(locale, 'chart.quarter'),
      series: (['identified', 'realized'] as const).map((side) => ({ legend: t(locale, `chart.${side}`), values: quarters.map(({ totals }, i) => ({ x: labels[i], y: value(totals[side]) })) })),
      table: { header, rows: quarters.map(({ totals }, i) => [labels[i], text(totals.identified), text(totals.realized)]) },
    });
  const fte = (totals: Totals) => Math.round(fteFromHours(totals.hours, settings.hoursPerFte) * 100) / 100;
  const charts = [chartOf(t(locale, 'ledger.chartFte'), fte, (x) => formatFte(locale, fte(x)))];
  if (quarters.some(({ totals }) => totals.identified.money || totals.realized.money)) {
    charts.push(chartOf(t(locale, 'ledger.chartMoney', { currency: settings.currency }), (x) => Math.round(x.money / 100), (x) => formatMoney(locale, x.money, settings.currency)));
  }
  return charts;
}

/** How this year's realized time and money are used: budget cut, other work (and older registrations that did not say). */
function useLines(locale: Locale, row: LedgerRow, settings: OrganisationSettings): { text: string }[] {
  return (['budget', 'otherWork', 'unstated'] as const).flatMap((kind) => {
    const { hours, money } = row.use[kind];
    if (kind === 'unstated' && !hours && !money) return [];
    return [{ text: t(locale, 'ledger.useLine', { use: t(locale, `freedUse.${kind}`), fte: formatFte(locale, fteFromHours(hours, settings.hoursPerFte)), money: formatMoney(locale, money, settings.currency) }) }];
  });
}

/**
 * Identified vs realized, this quarter and year to date, per quarter as a chart, the use of freed
 * resources; the rows below; what still lacks a benefit; CSV export for the finance office.
 * `approvalsButton`: the viewer decides on benefits, so the pending line opens their approvals.
 */
export function ledgerCard(locale: Locale, view: LedgerView, switches: readonly LedgerSwitch[] = [], approvalsButton = false, exported?: LedgerExportLink): AdaptiveCardJson {
  const { settings, total } = view;
  const scope = scopeData(view.scope);
  const rowsOpen = scope.kind === 'organisation' ? 'area' : 'unit';
  const missing = [...total.missing].sort((a, b) => (a.idea.doneAt ?? '').localeCompare(b.idea.doneAt ?? ''));
  const pending = total.pendingNow;
  const exportPeriod = exported ? t(locale, `ledger.exportPeriod.${exported.period}`).toLowerCase() : '';
  const data: BenefitLedgerCardData = {
    scope,
    title: t(locale, 'ledger.title', { scope: view.title }),
    asOf: t(locale, 'ledger.asOf', { date: formatDate(locale, view.today) }),
    periods: [
      { heading: t(locale, 'ledger.quarter'), figures: figures(locale, total.quarter, settings) },
      { heading: t(locale, 'ledger.yearToDate'), figures: figures(locale, total.yearToDate, settings) },
    ],
    charts: quarterCharts(locale, view.quarters, settings),
    use: useLines(locale, total, settings),
    pending: plural(locale, 'ledger.pending', pending),
    pendingCount: pending,
    showApprovals: approvalsButton && pending > 0,
    rowsHeading: t(locale, scope.kind === 'organisation' ? 'ledger.perArea' : 'ledger.perUnit'),
    rows:
      scope.kind === 'unit'
        ? []
        : view.rows.slice(0, MAX_ROWS_ON_LEDGER).map((row) => {
            const note = rowNote(locale, row);
            return {
              name: row.name,
              identified: compact(locale, row.yearToDate.identified, settings),
              realized: compact(locale, row.yearToDate.realized, settings),
              ...(note ? { note } : {}),
              open: { kind: rowsOpen, id: row.id },
            };
          }),
    ...(scope.kind !== 'unit' && view.rows.length > MAX_ROWS_ON_LEDGER ? { rowsMore: t(locale, 'ledger.more', { count: view.rows.length - MAX_ROWS_ON_LEDGER }) } : {}),
    missing: missing.slice(0, MAX_MISSING_ON_LEDGER).map(({ idea, unit }) => ({
      unitId: unit.id,
      number: idea.number,
      text: `${ideaId(unit.code, idea.number)} ${idea.title}${scope.kind === 'unit' ? '' : ` · ${unit.name}`}`,
    })),
    ...(missing.length > MAX_MISSING_ON_LEDGER ? { missingMore: t(locale, 'ledger.more', { count: missing.length - MAX_MISSING_ON_LEDGER }) } : {}),
    exports: LEDGER_EXPORT_PERIODS.map((period) => ({ title: t(locale, `ledger.exportPeriod.${period}`), period })),
    ...(exported ? { exportNote: exported.url ? t(locale, 'ledger.exportReady', { period: exportPeriod, minutes: exported.minutes }) : t(locale, 'ledger.exportOff') } : {}),
    ...(exported?.url ? { exportUrl: exported.url } : {}),
    switches: switches.filter((s) => s.kind !== scope.kind || s.id !== scope.id).slice(0, MAX_SWITCHES),
  };
  return renderCard('benefit-ledger', locale, data);
}
