import { LocalDate, addDays, daysBetween, isLocalDate } from './dates';
import { ValidationError } from './errors';

/**
 * The period a report covers. Reports follow the fixed measurement points of the action plan:
 * quarters, half-years and years; a custom range is for anything else.
 */
export const PERIOD_KINDS = ['quarter', 'halfYear', 'year', 'custom'] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

export interface ReportPeriod {
  readonly kind: PeriodKind;
  /** Inclusive local dates in the organisation's time zone. */
  readonly from: LocalDate;
  readonly to: LocalDate;
  /**
   * The period written as a short token: "2026Q3", "2026H1", "2026" or "2026-01-01..2026-02-15".
   * The same token is typed on the command line and carried by card buttons and download links.
   */
  readonly token: string;
  readonly year: number;
  /** The quarter (1-4) or half (1-2); absent for years and custom ranges. */
  readonly index?: number;
}

/** A custom range longer than this is refused: a report reads every day of its period. */
export const MAX_CUSTOM_DAYS = 3 * 366;
/** The oldest year a report can ask for; anything before is a typing error. */
const MIN_YEAR = 2000;

const pad = (n: number): string => String(n).padStart(2, '0');
const lastDayOfMonth = (year: number, month: number): string => pad(new Date(Date.UTC(year, month, 0)).getUTCDate());

function monthsPeriod(kind: PeriodKind, year: number, index: number | undefined, firstMonth: number, months: number, token: string): ReportPeriod {
  const lastMonth = firstMonth + months - 1;
  return {
    kind,
    from: `${year}-${pad(firstMonth)}-01`,
    to: `${year}-${pad(lastMonth)}-${lastDayOfMonth(year, lastMonth)}`,
    token,
    year,
    ...(index !== undefined ? { index } : {}),
  };
}

export const quarterPeriod = (year: number, quarter: number): ReportPeriod => monthsPeriod('quarter', year, quarter, (quarter - 1) * 3 + 1, 3, `${year}Q${quarter}`);
export const halfYearPeriod = (year: number, half: number): ReportPeriod => monthsPeriod('halfYear', year, half, half === 1 ? 1 : 7, 6, `${year}H${half}`);
export const yearPeriod = (year: number): ReportPeriod => monthsPeriod('year', year, undefined, 1, 12, String(year));

/** A custom range; undefined when it is not a real, ordered range of at most MAX_CUSTOM_DAYS. */
export function customPeriod(from: string, to: string): ReportPeriod | undefined {
  if (!isLocalDate(from) || !isLocalDate(to) || from > to || daysBetween(from, to) + 1 > MAX_CUSTOM_DAYS) return undefined;
  return { kind: 'custom', from, to, token: `${from}..${to}`, year: Number(from.slice(0, 4)) };
}

const yearOk = (year: number): boolean => year >= MIN_YEAR && year <= 2999;

/** Reads a period token (see ReportPeriod.token); undefined when it is none. */
export function parsePeriod(token: string): ReportPeriod | undefined {
  const text = token.trim().toUpperCase();
  let match = /^(\d{4})Q([1-4])$/.exec(text);
  if (match) return yearOk(Number(match[1])) ? quarterPeriod(Number(match[1]), Number(match[2])) : undefined;
  match = /^(\d{4})H([12])$/.exec(text);
  if (match) return yearOk(Number(match[1])) ? halfYearPeriod(Number(match[1]), Number(match[2])) : undefined;
  match = /^(\d{4})$/.exec(text);
  if (match) return yearOk(Number(match[1])) ? yearPeriod(Number(match[1])) : undefined;
  match = /^(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})$/.exec(text);
  if (match && yearOk(Number(match[1].slice(0, 4)))) return customPeriod(match[1], match[2]);
  return undefined;
}

export function quarterOf(date: LocalDate): ReportPeriod {
  return quarterPeriod(Number(date.slice(0, 4)), Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1);
}

export function halfYearOf(date: LocalDate): ReportPeriod {
  return halfYearPeriod(Number(date.slice(0, 4)), Number(date.slice(5, 7)) <= 6 ? 1 : 2);
}

export const yearOf = (date: LocalDate): ReportPeriod => yearPeriod(Number(date.slice(0, 4)));

/** The period of the same kind just before `period` (custom ranges: the same length, ending the day before). */
export function previousPeriod(period: ReportPeriod): ReportPeriod {
  const dayBefore = addDays(period.from, -1);
  switch (period.kind) {
    case 'quarter':
      return quarterOf(dayBefore);
    case 'halfYear':
      return halfYearOf(dayBefore);
    case 'year':
      return yearOf(dayBefore);
    case 'custom':
      return customPeriod(addDays(dayBefore, -daysBetween(period.from, period.to)), dayBefore) ?? period;
  }
}

/** The periods offered first on the report card: this one and the one before, of each kind. */
export function suggestedPeriods(today: LocalDate): ReportPeriod[] {
  return [quarterOf(today), previousPeriod(quarterOf(today)), halfYearOf(today), previousPeriod(halfYearOf(today)), yearOf(today), previousPeriod(yearOf(today))];
}

/**
 * The last day a report counts for: the period's end, or today while the period is still running
 * (meetings scheduled after today are not missed yet).
 */
export const countedUntil = (period: Pick<ReportPeriod, 'to'>, today: LocalDate): LocalDate => (period.to < today ? period.to : today);

/** The rule a period that lies wholly in the future breaks (forms say it in their own words). */
export const PERIOD_NOT_STARTED = 'periodNotStarted';

/** A period a report can be made for: started by today. Problems are reported on `field`. */
export function checkReportPeriod(period: ReportPeriod | undefined, today: LocalDate, field = 'period'): ReportPeriod {
  if (!period) throw new ValidationError([{ field, problem: 'invalidFormat' }]);
  if (period.from > today) throw new ValidationError([{ field, problem: 'outOfRange', params: { rule: PERIOD_NOT_STARTED } }]);
  return period;
}
