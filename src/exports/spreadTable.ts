import { shortId } from '../domain/ideas';
import { Locale } from '../domain/locale';
import { t } from '../i18n';
import { ReportView } from '../services/reports/reportService';
import { Cell, ReportTable, TableColumn } from './reportTable';

/**
 * Practices spread ("where else?"), for the workbook's sheet of their own: a row per original idea
 * of the scope's units that other units adopted, with how many units, most spread first.
 */
export function spreadTable(locale: Locale, view: ReportView): ReportTable {
  const columns: TableColumn[] = [
    { header: t(locale, 'report.col.name'), kind: 'text', width: 28 },
    { header: t(locale, 'report.spreadIdea'), kind: 'text', width: 12 },
    { header: t(locale, 'report.spreadTitle'), kind: 'text', width: 40 },
    { header: t(locale, 'report.spreadUnits'), kind: 'count', width: 16 },
  ];
  const rows = (view.spread ?? [])
    .flatMap(({ unit, practices }) => practices.map((practice): Cell[] => [unit.name, shortId(unit.code, practice.number), practice.title, practice.units]))
    .sort((a, b) => Number(b[3]) - Number(a[3]));
  // Excel allows 31 characters in a sheet name.
  return { name: t(locale, 'report.spreadSheet').slice(0, 31), columns, rows };
}
