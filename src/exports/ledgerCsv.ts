import { stringify } from 'csv-stringify/sync';
import { toNumber } from '../domain/amounts';
import { MEASURE_SCALE } from '../domain/benefitMeasure';
import { Benefit, annualised, countedAmount, countsAsIdentified, countsAsRealized, fteFromHours } from '../domain/benefits';
import { shortId } from '../domain/ideas';
import { Locale } from '../domain/locale';
import { categoryLabel } from '../cards/labels';
import { t } from '../i18n';
import { LedgerExportView } from '../services/benefits/ledgerExport';

/**
 * The benefit ledger as CSV for the finance office: one row per registration of the period, then
 * a total. UTF-8 with a byte-order mark, so Excel shows æ, ø and å; in Norwegian and Danish the
 * columns are separated by ";" and decimals written with a comma, as Excel there expects. Numbers
 * carry no grouping and no unit, so they stay numbers in the spreadsheet.
 */

const BOM = '\uFEFF';

interface Dialect {
  readonly delimiter: string;
  readonly decimal: string;
}

const DIALECTS: Readonly<Record<Locale, Dialect>> = { nb: { delimiter: ';', decimal: ',' }, da: { delimiter: ';', decimal: ',' }, en: { delimiter: ',', decimal: '.' } };

/** The sums a row adds to: hours and money per year, identified and realized. */
interface Sums {
  identifiedHours: number;
  realizedHours: number;
  identifiedMoney: number;
  realizedMoney: number;
}

function sumsOf(benefit: Benefit): Sums {
  const perYear = annualised({ amount: countedAmount(benefit), period: benefit.period });
  const identified = countsAsIdentified(benefit) && benefit.stage === 'identified' ? perYear : 0;
  const realized = countsAsRealized(benefit) ? perYear : 0;
  return {
    identifiedHours: benefit.measure === 'hours' ? identified : 0,
    realizedHours: benefit.measure === 'hours' ? realized : 0,
    identifiedMoney: benefit.measure === 'money' ? identified : 0,
    realizedMoney: benefit.measure === 'money' ? realized : 0,
  };
}

export function ledgerCsv(locale: Locale, view: LedgerExportView): Buffer {
  const { settings } = view;
  const dialect = DIALECTS[locale];
  const number = (value: number, decimals: number) => (Math.round(value * 10 ** decimals) / 10 ** decimals).toString().replace('.', dialect.decimal);
  const hours = (hundredths: number) => number(toNumber(hundredths, 'hours'), 2);
  const money = (minor: number) => number(toNumber(minor, 'money'), 2);
  const fte = (hundredths: number) => number(fteFromHours(hundredths, settings.hoursPerFte), 2);
  const value = (b: Benefit, scaled: number | undefined) => (scaled === undefined ? '' : number(toNumber(scaled, MEASURE_SCALE[b.measure]), 3));
  const unitOf = (b: Benefit) => (b.measure === 'hours' ? t(locale, 'export.hoursUnit') : b.measure === 'money' ? settings.currency : (b.unit ?? ''));
  const registration = (b: Benefit) => t(locale, b.stage === 'identified' ? 'export.plan' : b.planId ? 'export.measurement' : 'export.unplanned');
  const header = [
    t(locale, 'export.unit'),
    t(locale, 'export.idea'),
    t(locale, 'export.title'),
    t(locale, 'export.category'),
    t(locale, 'export.registration'),
    t(locale, 'export.approval'),
    t(locale, 'export.indicator'),
    t(locale, 'export.counted'),
    t(locale, 'export.period'),
    t(locale, 'export.baseline'),
    t(locale, 'export.baselineOn'),
    t(locale, 'export.target'),
    t(locale, 'export.targetBy'),
    t(locale, 'export.measured'),
    t(locale, 'export.measuredOn'),
    t(locale, 'export.gain'),
    t(locale, 'export.identifiedHours'),
    t(locale, 'export.realizedHours'),
    t(locale, 'export.identifiedFte'),
    t(locale, 'export.realizedFte'),
    t(locale, 'export.identifiedMoney', { currency: settings.currency }),
    t(locale, 'export.realizedMoney', { currency: settings.currency }),
    t(locale, 'export.use'),
    t(locale, 'export.useText'),
    t(locale, 'export.gap'),
    t(locale, 'export.owner'),
    t(locale, 'export.registeredOn'),
    t(locale, 'export.decidedBy'),
    t(locale, 'export.decidedOn'),
  ];
  const total: Sums = { identifiedHours: 0, realizedHours: 0, identifiedMoney: 0, realizedMoney: 0 };
  const rows = view.rows.map(({ unit, idea, benefit: b }) => {
    const sums = sumsOf(b);
    for (const key of Object.keys(total) as (keyof Sums)[]) total[key] += sums[key];
    return [
      unit.name,
      shortId(unit.code, b.ideaNumber),
      idea?.title ?? '',
      categoryLabel(locale, b.category, settings.benefitCategories),
      registration(b),
      t(locale, `approval.${b.approval}`),
      b.indicator ?? '',
      unitOf(b),
      b.measure === 'quality' ? '' : t(locale, `benefitPeriod.${b.period}`),
      value(b, b.baseline?.value) || (b.legacy?.baseline ?? ''),
      b.baseline?.on ?? '',
      value(b, b.target?.value),
      b.target?.on ?? '',
      value(b, b.measured?.value) || (b.legacy?.measured ?? ''),
      b.measured?.on ?? '',
      value(b, b.amount),
      hours(sums.identifiedHours),
      hours(sums.realizedHours),
      fte(sums.identifiedHours),
      fte(sums.realizedHours),
      money(sums.identifiedMoney),
      money(sums.realizedMoney),
      b.use ? t(locale, `freedUse.${b.use.kind}`) : '',
      b.use?.text ?? '',
      b.gap ?? '',
      b.owner.name,
      b.registeredOn,
      b.decision?.by.name ?? '',
      b.decision?.at.slice(0, 10) ?? '',
    ];
  });
  const blank = (count: number) => Array.from({ length: count }, () => '');
  const totalRow = [t(locale, 'export.total'), ...blank(15), hours(total.identifiedHours), hours(total.realizedHours), fte(total.identifiedHours), fte(total.realizedHours), money(total.identifiedMoney), money(total.realizedMoney), ...blank(7)];
  const text = stringify([header, ...rows, totalRow], { delimiter: dialect.delimiter, record_delimiter: '\r\n' });
  return Buffer.from(BOM + text, 'utf8');
}

/** "gevinster-helse-og-omsorg-2026-07-01-2026-09-30.csv": ASCII only, so every browser keeps it. */
export function ledgerCsvName(view: Pick<LedgerExportView, 'title' | 'from' | 'to'>): string {
  const slug = view.title
    .toLowerCase()
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'o')
    .replace(/å/g, 'a')
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60);
  return `benefits-${slug || 'ledger'}-${view.from}-${view.to}.csv`;
}
