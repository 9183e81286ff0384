import { Locale } from '../domain/locale';
import { ReportPeriod } from '../domain/reportPeriod';
import { t } from '../i18n';
import { formatDate } from '../i18n/format';
import { ReportView } from '../services/reports/reportService';

/** "3. kvartal 2026", "H1 2026", "2026" or "01.02.2026 – 15.02.2026". */
export function periodLabel(locale: Locale, period: ReportPeriod): string {
  switch (period.kind) {
    case 'quarter':
      return t(locale, 'report.period.quarter', { n: period.index ?? 1, year: period.year });
    case 'halfYear':
      return t(locale, 'report.period.halfYear', { n: period.index ?? 1, year: period.year });
    case 'year':
      return t(locale, 'report.period.year', { year: period.year });
    case 'custom':
      return t(locale, 'report.period.custom', { from: formatDate(locale, period.from), to: formatDate(locale, period.to) });
  }
}

/** The label with its dates, e.g. "3. kvartal 2026 (01.07.2026 – 30.09.2026)"; custom ranges are their dates already. */
export function periodWithDates(locale: Locale, period: ReportPeriod): string {
  const label = periodLabel(locale, period);
  return period.kind === 'custom' ? label : t(locale, 'report.period.withDates', { label, from: formatDate(locale, period.from), to: formatDate(locale, period.to) });
}

export const reportTitle = (locale: Locale, view: Pick<ReportView, 'name' | 'period'>): string => `${t(locale, 'report.title', { name: view.name })} – ${periodWithDates(locale, view.period)}`;

/** A file name that says what is in it and is safe everywhere: "tavla-2026Q3-helse-omsorg.xlsx". */
export function reportFileName(view: Pick<ReportView, 'scope' | 'period'>, extension: 'xlsx' | 'csv' | 'json'): string {
  const scope = view.scope.kind === 'unit' ? view.scope.unitId : view.scope.kind === 'area' ? view.scope.areaId : 'organisation';
  return `tavla-${view.period.token.replace('..', '_')}-${scope}.${extension}`.replace(/[^A-Za-z0-9._-]/g, '-');
}
