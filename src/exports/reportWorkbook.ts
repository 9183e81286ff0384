// Types only: exceljs itself (about 0.4 s to load) is loaded when the first workbook is written, not at start-up.
import type ExcelJS from 'exceljs';
import { Locale } from '../domain/locale';
import { t } from '../i18n';
import { formatDate } from '../i18n/format';
import { ReportView } from '../services/reports/reportService';
import { reportTitle } from './reportNames';
import { goalTable } from './goalTable';
import { spreadTable } from './spreadTable';
import { ColumnKind, ReportTable, categoryTable, levelTables } from './reportTable';

/**
 * The report as an Excel workbook (exceljs): a sheet per level (units, service areas, the
 * organisation, as far as the scope reaches), one for benefits by category, and one cut by goal
 * when the scope has goals. Each sheet has
 * the report's title and a note on what "now" means, then a bold header row that stays in view
 * and filters, then the rows. Numbers are real numbers with number formats, so Excel sums and
 * sorts them and shows them with the reader's own decimal separator.
 */

/** Excel number formats; they are locale-neutral, Excel renders them in the reader's locale. */
const FORMATS: Readonly<Record<ColumnKind, string | undefined>> = {
  text: undefined,
  count: '0',
  decimal: '#,##0.0',
  share: '0.0%',
  money: '#,##0',
  fte: '0.00',
};

/** The title row, the note and the header row come before the data. */
export const HEADER_ROW = 3;

function addSheet(workbook: ExcelJS.Workbook, table: ReportTable, title: string, note: string): void {
  const sheet = workbook.addWorksheet(table.name, { views: [{ state: 'frozen', ySplit: HEADER_ROW, xSplit: 1 }] });
  sheet.columns = table.columns.map((column) => ({ width: column.width }));
  sheet.getCell(1, 1).value = title;
  sheet.getCell(1, 1).font = { bold: true, size: 14 };
  sheet.getCell(2, 1).value = note;
  sheet.getCell(2, 1).font = { italic: true, color: { argb: 'FF555555' } };
  const header = sheet.getRow(HEADER_ROW);
  table.columns.forEach((column, i) => {
    const cell = header.getCell(i + 1);
    cell.value = column.header;
    cell.font = { bold: true };
    cell.alignment = { wrapText: true, vertical: 'top' };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF7' } };
  });
  table.rows.forEach((cells, r) => {
    const row = sheet.getRow(HEADER_ROW + 1 + r);
    cells.forEach((value, c) => {
      if (value === undefined) return;
      const cell = row.getCell(c + 1);
      cell.value = value;
      const format = FORMATS[table.columns[c].kind];
      if (format && typeof value === 'number') cell.numFmt = format;
    });
  });
  if (table.columns.length) sheet.autoFilter = { from: { row: HEADER_ROW, column: 1 }, to: { row: HEADER_ROW, column: table.columns.length } };
}

export async function reportWorkbook(locale: Locale, view: ReportView, generatedAt: Date): Promise<Buffer> {
  const { Workbook } = await import('exceljs');
  const workbook = new Workbook();
  workbook.creator = 'Tavla';
  workbook.created = generatedAt;
  workbook.title = reportTitle(locale, view);
  const title = reportTitle(locale, view);
  const note = t(locale, 'report.file.made', { date: formatDate(locale, view.today) });
  const goals = view.goals.length ? [goalTable(locale, view)] : [];
  const spread = view.spread?.length ? [spreadTable(locale, view)] : [];
  for (const table of [...levelTables(locale, view), categoryTable(locale, view), ...goals, ...spread]) addSheet(workbook, table, title, note);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
