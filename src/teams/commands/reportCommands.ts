import { FieldIssue, ValidationError } from '../../domain/errors';
import { PERIOD_NOT_STARTED, ReportPeriod, customPeriod, parsePeriod } from '../../domain/reportPeriod';
import { parseScopeToken } from '../../domain/reportScope';
import { t } from '../../i18n';
import { CUSTOM_PERIOD } from '../../cards/reportCards';
import { ReportRequest } from '../../services/reports/reportService';
import { CardData } from './cardData';
import { CardForm, listedForm } from './cardForm';

/** The report form and the report card's buttons: their card data as a typed report request. */

/** The form's inputs, kept as typed when it comes back with problems. */
export const REPORT_FORM_INPUTS = ['period', 'from', 'to', 'scope'] as const;

/** A custom range the dates do not make: both are needed, in order, at most three years apart. */
const CUSTOM_RANGE = 'customRange';

function periodOf(data: CardData, issues: FieldIssue[]): ReportPeriod | undefined {
  const token = data.token('period') ?? '';
  if (token !== CUSTOM_PERIOD) {
    const period = parsePeriod(token);
    if (!period) issues.push({ field: 'period', problem: token ? 'unknownOption' : 'required' });
    return period;
  }
  const from = data.text('from') ?? '';
  const to = data.text('to') ?? '';
  if (!from) issues.push({ field: 'from', problem: 'required' });
  if (!to) issues.push({ field: 'to', problem: 'required' });
  if (!from || !to) return undefined;
  const period = customPeriod(from, to);
  if (!period) issues.push({ field: 'period', problem: 'invalidFormat', params: { rule: CUSTOM_RANGE } });
  return period;
}

/**
 * The period (a token such as "2026Q3", or "custom" with two dates) and the scope ("unit:<id>",
 * "area:<id>", "organisation"). Every problem is reported at once; whether the person may see the
 * scope is the service's decision, from stored roles.
 */
export function reportRequestOf(data: CardData): ReportRequest {
  const issues: FieldIssue[] = [];
  const period = periodOf(data, issues);
  const scopeText = data.token('scope') ?? '';
  const scope = parseScopeToken(scopeText);
  if (!scope) issues.push({ field: 'scope', problem: scopeText ? 'unknownOption' : 'required' });
  if (issues.length || !period || !scope) throw new ValidationError(issues);
  return { period, scope };
}

export const REPORT_FORM: CardForm = {
  ...listedForm({ period: { label: 'report.periodLabel' }, from: { label: 'report.fromLabel' }, to: { label: 'report.toLabel' }, scope: { label: 'report.scopeLabel' } }),
  message: (locale, issue) => {
    if (issue.params?.rule === PERIOD_NOT_STARTED) return t(locale, 'report.periodNotStarted');
    if (issue.params?.rule === CUSTOM_RANGE) return t(locale, 'report.customDates');
    return undefined;
  },
};
