import { Choice } from './models';

/** The report cards' data (cards/report-form.json, cards/report.json). */

export interface ReportFormCardData {
  readonly periods: readonly Choice[];
  readonly scopes: readonly Choice[];
  /** The newest date a custom range may start on. */
  readonly today: string;
  readonly values: { readonly period: string; readonly from: string; readonly to: string; readonly scope: string };
  readonly error?: string;
  readonly errors: Readonly<Partial<Record<'period' | 'from' | 'to' | 'scope', string>>>;
}

/** A grouped bar chart, and the same figures as a table for hosts without charts. */
export interface ReportChartData {
  readonly title: string;
  readonly series: readonly { readonly legend: string; readonly values: readonly { readonly x: string; readonly y: number }[] }[];
  readonly headA: string;
  readonly headB: string;
  readonly rows: readonly { readonly name: string; readonly a: string; readonly b: string }[];
}

export interface ReportCardData {
  readonly title: string;
  readonly subtitle: string;
  readonly facts: readonly { readonly title: string; readonly value: string }[];
  readonly charts: { readonly ideas: ReportChartData; readonly meetings: ReportChartData; readonly benefits: ReportChartData };
  readonly moreRows?: string;
  readonly flags: readonly { readonly text: string }[];
  /** The report cut by goal, a line per goal ("Digitalt tilsyn: 2 ideas … realized 120 h"); absent without goals. */
  readonly goals?: readonly { readonly text: string }[];
  /** "HN-3 Vaktbytte i app: spread to 2 units". */
  readonly spread?: readonly { readonly text: string }[];
  readonly downloads: readonly { readonly title: string; readonly url: string }[];
  readonly linksNote?: string;
  /** What the buttons ask for again: the period and scope as tokens. */
  readonly request: { readonly period: string; readonly scope: string };
}
