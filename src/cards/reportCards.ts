import { toNumber } from '../domain/amounts';
import { figuresText } from './goalCards';
import { fteFromHours } from '../domain/benefits';
import { shortId } from '../domain/ideas';
import { Locale } from '../domain/locale';
import { OrganisationSettings } from '../domain/organisation';
import { GroupReport, ReportFigures, UnitReport, donePerEmployee, median, participation } from '../domain/report';
import { suggestedPeriods } from '../domain/reportPeriod';
import { ReportScope, scopeToken } from '../domain/reportScope';
import { plural, t } from '../i18n';
import { formatDate, formatNumber } from '../i18n/format';
import { ReportView } from '../services/reports/reportService';
import { periodWithDates } from '../exports/reportNames';
import { stagnationText } from '../exports/reportTable';
import { formatFte, formatMoney } from './benefitValues';
import { categoryLabel } from './labels';
import { Choice } from './models';
import { ReportCardData, ReportChartData, ReportFormCardData } from './reportModels';
import { AdaptiveCardJson, renderCard } from './renderer';

/** The report cards: the form that asks for a period and scope, and the summary with charts and downloads. */

/** The value of the period choice that shows the two date inputs' range instead. */
export const CUSTOM_PERIOD = 'custom';
/** Rows a chart shows; the files have them all. Keeps the card well under Teams' size limit. */
export const MAX_CHART_ROWS = 12;
/** Stagnation lines on the card; the files have every unit's. */
const MAX_FLAGS = 8;
/** Goals listed on the card; the workbook's Goals sheet has them all. */
const MAX_GOAL_LINES = 10;
/** A chart's bars are labelled with names cut to this many characters. */
const MAX_LABEL = 18;

export interface ReportFormOptions {
  readonly today: string;
  readonly scopes: readonly { readonly scope: ReportScope; readonly name: string }[];
  readonly values?: Partial<ReportFormCardData['values']>;
  readonly error?: string;
  readonly errors?: ReportFormCardData['errors'];
}

export function reportFormCard(locale: Locale, options: ReportFormOptions): AdaptiveCardJson {
  const periods: Choice[] = [...suggestedPeriods(options.today).map((p) => ({ value: p.token, title: periodWithDates(locale, p) })), { value: CUSTOM_PERIOD, title: t(locale, 'report.periodCustom') }];
  const scopes: Choice[] = options.scopes.map(({ scope, name }) => ({ value: scopeToken(scope), title: name }));
  const given = options.values ?? {};
  return renderCard('report-form', locale, {
    periods,
    scopes,
    today: options.today,
    values: { period: given.period || periods[0].value, from: given.from ?? '', to: given.to ?? '', scope: given.scope || scopes[0]?.value || '' },
    ...(options.error ? { error: options.error } : {}),
    errors: options.errors ?? {},
  });
}

const shortLabel = (name: string): string => ([...name].length > MAX_LABEL ? `${[...name].slice(0, MAX_LABEL - 1).join('')}…` : name);
const whole = (locale: Locale, n: number): string => formatNumber(locale, n, 0);
const hours = (hundredths: number): number => Math.round(toNumber(hundredths, 'hours'));

/** The rows the charts compare: the units of a unit or area report, the service areas of the organisation's. */
function chartRows(view: ReportView): readonly (UnitReport | GroupReport)[] {
  return view.scope.kind === 'organisation' ? view.areas : view.units;
}

function chart(title: string, legends: [string, string], rows: readonly { name: string; a: number; b: number }[], format: (n: number) => string): ReportChartData {
  return {
    title,
    series: [
      { legend: legends[0], values: rows.map((r) => ({ x: shortLabel(r.name), y: r.a })) },
      { legend: legends[1], values: rows.map((r) => ({ x: shortLabel(r.name), y: r.b })) },
    ],
    headA: legends[0],
    headB: legends[1],
    rows: rows.map((r) => ({ name: r.name, a: format(r.a), b: format(r.b) })),
  };
}

/** The key figures of a report row, as facts: the report card's, and the revision card's for the half-year. */
export function figureFacts(locale: Locale, total: ReportFigures, settings: Pick<OrganisationSettings, 'hoursPerFte' | 'currency'>): { title: string; value: string }[] {
  const { hoursPerFte, currency } = settings;
  const unknown = t(locale, 'report.unknown');
  const maybe = (value: number | undefined, format: (n: number) => string) => (value === undefined ? unknown : format(value));
  const percent = (share: number) => t(locale, 'report.percent', { n: formatNumber(locale, share * 100, 0) });
  const pair = (a: string, b: string) => t(locale, 'report.pair', { a, b });
  const b = total.benefits;
  return [
    { title: t(locale, 'report.ideas'), value: t(locale, 'report.triple', { a: total.submitted, b: total.done, c: total.rejected }) },
    { title: t(locale, 'report.donePerEmployee'), value: maybe(donePerEmployee(total), (n) => formatNumber(locale, n, 2)) },
    { title: t(locale, 'report.participation'), value: maybe(participation(total), percent) },
    { title: t(locale, 'report.cycleTime'), value: maybe(median(total.cycleDays), (n) => formatNumber(locale, n, 1)) },
    { title: t(locale, 'report.firstResponse'), value: maybe(median(total.responseHours), (n) => formatNumber(locale, n, 1)) },
    { title: t(locale, 'report.meetings'), value: pair(whole(locale, total.meetingsHeld), whole(locale, total.meetingsScheduled)) },
    { title: t(locale, 'report.benefitHours'), value: pair(whole(locale, hours(b.identified.hours)), whole(locale, hours(b.realized.hours))) },
    { title: t(locale, 'report.benefitFte'), value: pair(formatFte(locale, fteFromHours(b.identified.hours, hoursPerFte)), formatFte(locale, fteFromHours(b.realized.hours, hoursPerFte))) },
    { title: t(locale, 'report.benefitMoney'), value: pair(formatMoney(locale, b.identified.money, currency), formatMoney(locale, b.realized.money, currency)) },
    { title: t(locale, 'report.pending'), value: whole(locale, b.pending) },
    { title: t(locale, 'report.overdue'), value: whole(locale, total.overdueOpen) },
    { title: t(locale, 'report.benefitMissing'), value: whole(locale, total.benefitMissing) },
    { title: t(locale, 'report.fishbones'), value: whole(locale, total.fishbones) },
  ];
}

function facts(locale: Locale, view: ReportView): { title: string; value: string }[] {
  const stagnating = { title: t(locale, 'report.stagnating'), value: t(locale, 'report.pair', { a: view.total.stagnatingUnits, b: view.total.units }) };
  return [...figureFacts(locale, view.total, view.settings), ...(view.scope.kind !== 'unit' ? [stagnating] : [])];
}

/** Download links, already signed for the person; empty when downloads are off. */
export interface ReportDownloads {
  readonly xlsx?: string;
  readonly csv?: string;
  readonly minutes: number;
}

export function reportCardData(locale: Locale, view: ReportView, downloads: ReportDownloads): ReportCardData {
  const rows = chartRows(view);
  const shown = rows.slice(0, MAX_CHART_ROWS);
  const categories = view.total.benefitsByCategory.slice(0, MAX_CHART_ROWS);
  const count = (n: number) => whole(locale, n);
  const flags = view.units.flatMap((unit) => {
    const text = stagnationText(locale, unit.stagnation);
    return text ? [{ text: `${unit.name}: ${text}` }] : [];
  });
  const links = [
    ...(downloads.xlsx ? [{ title: t(locale, 'report.downloadXlsx'), url: downloads.xlsx }] : []),
    ...(downloads.csv ? [{ title: t(locale, 'report.downloadCsv'), url: downloads.csv }] : []),
  ];
  return {
    title: t(locale, 'report.title', { name: view.name }),
    subtitle: t(locale, 'report.subtitle', { period: periodWithDates(locale, view.period), date: formatDate(locale, view.today) }),
    facts: facts(locale, view),
    charts: {
      ideas: chart(t(locale, 'report.chartIdeas'), [t(locale, 'report.seriesSubmitted'), t(locale, 'report.seriesDone')], shown.map((r) => ({ name: r.name, a: r.submitted, b: r.done })), count),
      meetings: chart(t(locale, 'report.chartMeetings'), [t(locale, 'report.seriesHeld'), t(locale, 'report.seriesScheduled')], shown.map((r) => ({ name: r.name, a: r.meetingsHeld, b: r.meetingsScheduled })), count),
      benefits: chart(
        t(locale, 'report.chartBenefits'),
        [t(locale, 'report.seriesIdentified'), t(locale, 'report.seriesRealized')],
        categories.map(({ category, totals }) => ({ name: categoryLabel(locale, category, view.settings.benefitCategories), a: hours(totals.identified.hours), b: hours(totals.realized.hours) })),
        count,
      ),
    },
    ...(rows.length > MAX_CHART_ROWS ? { moreRows: t(locale, 'report.moreRows', { count: MAX_CHART_ROWS }) } : {}),
    flags: flags.slice(0, MAX_FLAGS),
    ...(view.goals.length ? { goals: view.goals.slice(0, MAX_GOAL_LINES).map(({ goal, figures }) => ({ text: t(locale, 'goals.lineWithFigures', { goal: goal.title, figures: figuresText(locale, figures, view.settings) }) })) } : {}),
    ...(view.spread?.length ? { spread: spreadLines(locale, view).slice(0, MAX_FLAGS) } : {}),
    downloads: links,
    linksNote: links.length ? t(locale, 'report.linksNote', { minutes: downloads.minutes }) : t(locale, 'report.noDownloads'),
    request: { period: view.period.token, scope: scopeToken(view.scope) },
  };
}

/** "Practice spread to N units", per original idea, most spread first. */
function spreadLines(locale: Locale, view: ReportView): { text: string }[] {
  return (view.spread ?? [])
    .flatMap(({ unit, practices }) => practices.map((practice) => ({ units: practice.units, text: plural(locale, 'report.spreadLine', practice.units, { id: shortId(unit.code, practice.number), title: practice.title }) })))
    .sort((a, b) => b.units - a.units)
    .map(({ text }) => ({ text }));
}

export const reportCard = (locale: Locale, view: ReportView, downloads: ReportDownloads): AdaptiveCardJson => renderCard('report', locale, reportCardData(locale, view, downloads));
