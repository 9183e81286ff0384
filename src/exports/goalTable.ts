import { toNumber } from '../domain/amounts';
import { fteFromHours } from '../domain/benefits';
import { Goal } from '../domain/goals';
import { Locale } from '../domain/locale';
import { t } from '../i18n';
import { ReportView } from '../services/reports/reportService';
import { Cell, ReportTable, TableColumn } from './reportTable';

/** Whose goal it is, by name: the organisation, a service area or a unit in the report. */
function ownerName(view: ReportView, goal: Goal): string {
  if (goal.level === 'organisation') return view.settings.name;
  if (goal.level === 'area') return view.areas.find((area) => area.id === goal.ownerId)?.name ?? goal.ownerId ?? '';
  return view.units.find((unit) => unit.unitId === goal.ownerId)?.name ?? goal.ownerId ?? '';
}

/**
 * The report cut by goal, for the workbook's "Goals" sheet: a row per goal the scope has, with the
 * chain it serves, its linked ideas and their realized gain in the period (an area's and the
 * organisation's goals add up the unit goals below them).
 */
export function goalTable(locale: Locale, view: ReportView): ReportTable {
  const { hoursPerFte, currency } = view.settings;
  const columns: TableColumn[] = [
    { header: t(locale, 'report.col.level'), kind: 'text', width: 16 },
    { header: t(locale, 'goals.reportOwner'), kind: 'text', width: 24 },
    { header: t(locale, 'goals.reportGoal'), kind: 'text', width: 40 },
    { header: t(locale, 'goals.reportChain'), kind: 'text', width: 40 },
    { header: t(locale, 'goals.measureLabel'), kind: 'text', width: 24 },
    { header: t(locale, 'goals.targetLabel'), kind: 'text', width: 16 },
    { header: t(locale, 'goals.reportIdeas'), kind: 'count', width: 14 },
    { header: t(locale, 'goals.reportDone'), kind: 'count', width: 14 },
    { header: t(locale, 'report.col.hoursRealized'), kind: 'decimal', width: 14 },
    { header: t(locale, 'report.col.fteRealized'), kind: 'fte', width: 12 },
    { header: t(locale, 'report.col.moneyRealized', { currency }), kind: 'money', width: 16 },
  ];
  const rows = view.goals.map(({ goal, above, figures }): Cell[] => [
    t(locale, `report.level.${goal.level}`),
    ownerName(view, goal),
    goal.closed ? `${goal.title} (${t(locale, 'goals.closedMark')})` : goal.title,
    above.map((g) => g.title).join(' › ') || undefined,
    goal.measure,
    goal.target,
    figures.ideas,
    figures.done,
    toNumber(figures.realized.hours, 'hours'),
    Math.round(fteFromHours(figures.realized.hours, hoursPerFte) * 100) / 100,
    toNumber(figures.realized.money, 'money'),
  ]);
  return { name: t(locale, 'goals.reportSheet').slice(0, 31), columns, rows };
}
