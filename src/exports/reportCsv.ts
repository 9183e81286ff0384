import { stringify } from 'csv-stringify/sync';
import { Locale } from '../domain/locale';
import { ReportView } from '../services/reports/reportService';
import { Cell, ColumnKind, flatTable } from './reportTable';

/**
 * The report as CSV for Excel: UTF-8 with a byte-order mark, because without it Excel guesses the
 * file's encoding from the Windows code page and shows "Ã¸" for "ø". In Norwegian and Danish,
 * Excel's list separator is the semicolon, because the comma is the decimal separator there: a
 * comma-separated file opens as one column, and "2,5" is two cells. So nb and da get ";" and
 * decimal commas; English gets "," and decimal points, as Excel in English expects.
 */
export const CSV_DIALECTS: Readonly<Record<Locale, { readonly delimiter: string; readonly decimal: string }>> = {
  nb: { delimiter: ';', decimal: ',' },
  da: { delimiter: ';', decimal: ',' },
  en: { delimiter: ',', decimal: '.' },
};

/** A number as Excel in the locale reads it: no grouping (a space or dot would turn it into text), the locale's decimal mark. */
function written(value: Cell, kind: ColumnKind, decimal: string): string {
  if (value === undefined) return '';
  if (typeof value === 'string') return value;
  // Shares are written as percentages: the headers say "(%)".
  const number = kind === 'share' ? Math.round(value * 1000) / 10 : value;
  return String(number).replace('.', decimal);
}

export function reportCsv(locale: Locale, view: ReportView): Buffer {
  const { delimiter, decimal } = CSV_DIALECTS[locale];
  const table = flatTable(locale, view);
  const rows = table.rows.map((cells) => cells.map((cell, i) => written(cell, table.columns[i].kind, decimal)));
  const text = stringify([table.columns.map((c) => c.header), ...rows], { delimiter, bom: true, record_delimiter: 'windows' });
  return Buffer.from(text, 'utf8');
}
