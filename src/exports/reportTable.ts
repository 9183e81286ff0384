import { toNumber } from '../domain/amounts';
import { BenefitTotals, fteFromHours } from '../domain/benefits';
import { Locale } from '../domain/locale';
import { GroupReport, ReportFigures, UnitReport, donePerEmployee, median, meetingShare, participation } from '../domain/report';
import { StagnationFlags } from '../domain/stagnation';
import { TextKey, t } from '../i18n';
import { categoryLabel } from '../cards/labels';
import { ReportView } from '../services/reports/reportService';

/**
 * A report as tables: the columns and rows the XLSX sheets and the CSV file are written from, so
 * both say the same in the same words. Numbers stay numbers here (hours, not hundredths; money in
 * whole units; shares as fractions); each file format writes them its own way.
 */

/** How a column's numbers are written. */
export type ColumnKind = 'text' | 'count' | 'decimal' | 'share' | 'money' | 'fte';
export type Cell = string | number | undefined;

export interface TableColumn {
  readonly header: string;
  readonly kind: ColumnKind;
  /** Width in characters, for the XLSX sheet. */
  readonly width: number;
}

export interface ReportTable {
  /** The sheet's name (at most 31 characters, as Excel allows). */
  readonly name: string;
  readonly columns: readonly TableColumn[];
  readonly rows: readonly (readonly Cell[])[];
}

type Level = 'unit' | 'area' | 'organisation';
interface Row {
  readonly level: Level;
  readonly figures: ReportFigures;
  readonly name: string;
  readonly unit?: UnitReport;
  readonly group?: GroupReport;
}
interface Column extends TableColumn {
  readonly value: (row: Row) => Cell;
}

const hours = (hundredths: number): number => toNumber(hundredths, 'hours');
const money = (minor: number): number => toNumber(minor, 'money');
const round = (value: number | undefined, decimals: number): number | undefined => (value === undefined ? undefined : Math.round(value * 10 ** decimals) / 10 ** decimals);

/** The signs of stagnation in words, e.g. "no new ideas; 2 overdue 30+ days". */
export function stagnationText(locale: Locale, flags: StagnationFlags): string {
  return [
    ...(flags.noNewIdea ? [t(locale, 'report.flag.noNewIdea')] : []),
    ...(flags.noStatusChange ? [t(locale, 'report.flag.noStatusChange')] : []),
    ...(flags.noMeetingLogged ? [t(locale, 'report.flag.noMeetingLogged')] : []),
    ...(flags.unassigned.length ? [t(locale, 'report.flag.unassigned', { count: flags.unassigned.length })] : []),
    ...(flags.longOverdue.length ? [t(locale, 'report.flag.longOverdue', { count: flags.longOverdue.length })] : []),
  ].join('; ');
}

function columns(locale: Locale, view: ReportView, level: Level | 'all'): Column[] {
  const { hoursPerFte, currency } = view.settings;
  const col = (header: TextKey, kind: ColumnKind, width: number, value: (row: Row) => Cell): Column => ({ header: t(locale, header, { currency }), kind, width, value });
  const benefit = (pick: (b: BenefitTotals) => number) => (row: Row) => pick(row.figures.benefits);
  const all = level === 'all';
  const units = level === 'unit' || all;
  const groups = level !== 'unit';
  return [
    ...(all ? [col('report.col.level', 'text', 16, (row) => t(locale, `report.level.${row.level}`))] : []),
    col('report.col.name', 'text', 30, (row) => row.name),
    ...(units ? [col('report.col.code', 'text', 8, (row) => row.unit?.code), col('report.col.area', 'text', 24, (row) => areaName(view, row.unit?.serviceAreaId))] : []),
    ...(groups ? [col('report.col.units', 'count', 10, (row) => row.group?.units)] : []),
    col('report.col.headcount', 'count', 11, (row) => (row.unit ? row.unit.headcount : row.figures.staffed.headcount || undefined)),
    col('report.col.submitted', 'count', 12, (row) => row.figures.submitted),
    col('report.col.done', 'count', 12, (row) => row.figures.done),
    col('report.col.rejected', 'count', 12, (row) => row.figures.rejected),
    col('report.col.donePerEmployee', 'decimal', 14, (row) => round(donePerEmployee(row.figures), 2)),
    col('report.col.participation', 'share', 14, (row) => round(participation(row.figures), 3)),
    col('report.col.cycleDays', 'decimal', 16, (row) => round(median(row.figures.cycleDays), 1)),
    col('report.col.responseHours', 'decimal', 16, (row) => round(median(row.figures.responseHours), 1)),
    col('report.col.unanswered', 'count', 14, (row) => row.figures.unanswered),
    col('report.col.meetingsHeld', 'count', 14, (row) => row.figures.meetingsHeld),
    col('report.col.meetingsScheduled', 'count', 14, (row) => row.figures.meetingsScheduled),
    col('report.col.meetingShare', 'share', 12, (row) => round(meetingShare(row.figures), 3)),
    col('report.col.hoursIdentified', 'decimal', 14, benefit((b) => hours(b.identified.hours))),
    col('report.col.hoursRealized', 'decimal', 14, benefit((b) => hours(b.realized.hours))),
    col('report.col.fteIdentified', 'fte', 12, benefit((b) => round(fteFromHours(b.identified.hours, hoursPerFte), 2) ?? 0)),
    col('report.col.fteRealized', 'fte', 12, benefit((b) => round(fteFromHours(b.realized.hours, hoursPerFte), 2) ?? 0)),
    col('report.col.moneyIdentified', 'money', 16, benefit((b) => money(b.identified.money))),
    col('report.col.moneyRealized', 'money', 16, benefit((b) => money(b.realized.money))),
    col('report.col.otherIdentified', 'count', 14, benefit((b) => b.identified.other)),
    col('report.col.otherRealized', 'count', 14, benefit((b) => b.realized.other)),
    col('report.col.pending', 'count', 12, benefit((b) => b.pending)),
    col('report.col.benefitMissing', 'count', 14, (row) => row.figures.benefitMissing),
    col('report.col.overdueOpen', 'count', 14, (row) => row.figures.overdueOpen),
    col('report.col.fishbones', 'count', 12, (row) => row.figures.fishbones),
    ...(groups ? [col('report.col.stagnatingUnits', 'count', 16, (row) => row.group?.stagnatingUnits)] : []),
    ...(units ? [col('report.col.stagnation', 'text', 40, (row) => (row.unit ? stagnationText(locale, row.unit.stagnation) : undefined))] : []),
  ];
}

function areaName(view: ReportView, areaId: string | undefined): string | undefined {
  return view.areas.find((a) => a.id === areaId)?.name ?? areaId;
}

const unitRow = (unit: UnitReport): Row => ({ level: 'unit', figures: unit, name: unit.name, unit });
const groupRow = (level: Level, group: GroupReport): Row => ({ level, figures: group, name: group.name, group });

/** The rows of each level the scope has: units always; service areas for an area or the organisation; the organisation for itself. */
function levels(view: ReportView): { level: Level; rows: Row[] }[] {
  return [
    { level: 'unit' as const, rows: view.units.map(unitRow) },
    ...(view.scope.kind !== 'unit' ? [{ level: 'area' as const, rows: view.areas.map((a) => groupRow('area', a)) }] : []),
    ...(view.scope.kind === 'organisation' ? [{ level: 'organisation' as const, rows: [groupRow('organisation', view.total)] }] : []),
  ];
}

const SHEET_NAMES: Readonly<Record<Level, TextKey>> = { unit: 'report.sheet.units', area: 'report.sheet.areas', organisation: 'report.sheet.organisation' };

const table = (name: string, cols: readonly Column[], rows: readonly Row[]): ReportTable => ({
  name: name.slice(0, 31),
  columns: cols.map(({ header, kind, width }) => ({ header, kind, width })),
  rows: rows.map((row) => cols.map((c) => c.value(row))),
});

/** One table per level, for the workbook's sheets. */
export function levelTables(locale: Locale, view: ReportView): ReportTable[] {
  return levels(view).map(({ level, rows }) => table(t(locale, SHEET_NAMES[level]), columns(locale, view, level), rows));
}

/** Benefits by category: a row per row of every level and category it has registrations in. */
export function categoryTable(locale: Locale, view: ReportView): ReportTable {
  const { hoursPerFte, currency, benefitCategories } = view.settings;
  const cols: TableColumn[] = [
    { header: t(locale, 'report.col.level'), kind: 'text', width: 16 },
    { header: t(locale, 'report.col.name'), kind: 'text', width: 30 },
    { header: t(locale, 'report.col.category'), kind: 'text', width: 20 },
    ...(['hoursIdentified', 'hoursRealized'] as const).map((key) => ({ header: t(locale, `report.col.${key}`), kind: 'decimal' as const, width: 14 })),
    ...(['fteIdentified', 'fteRealized'] as const).map((key) => ({ header: t(locale, `report.col.${key}`), kind: 'fte' as const, width: 12 })),
    ...(['moneyIdentified', 'moneyRealized'] as const).map((key) => ({ header: t(locale, `report.col.${key}`, { currency }), kind: 'money' as const, width: 16 })),
    ...(['otherIdentified', 'otherRealized', 'pending'] as const).map((key) => ({ header: t(locale, `report.col.${key}`), kind: 'count' as const, width: 14 })),
  ];
  const rows = levels(view).flatMap(({ level, rows: levelRows }) =>
    levelRows.flatMap((row) =>
      row.figures.benefitsByCategory.map(({ category, totals }): Cell[] => [
        t(locale, `report.level.${level}`),
        row.name,
        categoryLabel(locale, category, benefitCategories),
        hours(totals.identified.hours),
        hours(totals.realized.hours),
        round(fteFromHours(totals.identified.hours, hoursPerFte), 2),
        round(fteFromHours(totals.realized.hours, hoursPerFte), 2),
        money(totals.identified.money),
        money(totals.realized.money),
        totals.identified.other,
        totals.realized.other,
        totals.pending,
      ]),
    ),
  );
  return { name: t(locale, 'report.sheet.categories').slice(0, 31), columns: cols, rows };
}

/**
 * Every level in one table, for CSV (which has no sheets): a Level column first, and the benefit
 * hours of each of the organisation's categories at the end.
 */
export function flatTable(locale: Locale, view: ReportView): ReportTable {
  const cols = columns(locale, view, 'all');
  const rows = levels(view).flatMap((l) => l.rows);
  const categories = view.settings.benefitCategories;
  const base = table(t(locale, 'report.formTitle'), cols, rows);
  const categoryColumns: TableColumn[] = categories.flatMap((c) => [
    { header: `${t(locale, 'report.col.category')}: ${categoryLabel(locale, c)} – ${t(locale, 'report.col.hoursIdentified')}`, kind: 'decimal' as const, width: 14 },
    { header: `${t(locale, 'report.col.category')}: ${categoryLabel(locale, c)} – ${t(locale, 'report.col.hoursRealized')}`, kind: 'decimal' as const, width: 14 },
  ]);
  const categoryCells = (row: Row): Cell[] =>
    categories.flatMap((c) => {
      const totals = row.figures.benefitsByCategory.find((b) => b.category === c.id)?.totals;
      return [hours(totals?.identified.hours ?? 0), hours(totals?.realized.hours ?? 0)];
    });
  return { ...base, columns: [...base.columns, ...categoryColumns], rows: rows.map((row, i) => [...base.rows[i], ...categoryCells(row)]) };
}
