/**
 * Adaptive Card charts as Teams draws them (Chart.VerticalBar.Grouped, Chart.Line: 1.5 cards),
 * for figures people would rather look at than read. Each chart carries a `fallback`: the same
 * figures as a plain table, for clients that cannot draw charts. Built in code and placed into a
 * template as one value (`"${chart}"`), since their shape follows the data.
 */

/** One series: a legend and a value for each x (a quarter, a date). */
export interface ChartSeries {
  readonly legend: string;
  readonly values: readonly { readonly x: string; readonly y: number }[];
}

/** An element of a card, as JSON. */
export type CardElement = Readonly<Record<string, unknown>>;

export interface ChartOptions {
  readonly title: string;
  readonly xAxisTitle?: string;
  readonly yAxisTitle?: string;
  readonly series: readonly ChartSeries[];
  /** The table a client without charts shows: a header row, then one row per x. */
  readonly table: { readonly header: readonly string[]; readonly rows: readonly (readonly string[])[] };
}

/**
 * The figures as a table: the first row is the header, numbers aligned right by their column.
 * Kept lean (a card carries two or three of these and must stay small): alignment per column,
 * emphasis only in the header.
 */
export function tableOf(header: readonly string[], rows: readonly (readonly string[])[]): CardElement {
  const cell = (text: string, bold: boolean) => ({ type: 'TableCell', items: [{ type: 'TextBlock', text, wrap: true, ...(bold ? { weight: 'Bolder' } : {}) }] });
  return {
    type: 'Table',
    firstRowAsHeader: true,
    showGridLines: false,
    columns: header.map((_, index) => (index === 0 ? { width: 2 } : { width: 1, horizontalCellContentAlignment: 'Right' })),
    rows: [header, ...rows].map((cells, row) => ({ type: 'TableRow', cells: cells.map((text) => cell(text, row === 0)) })),
  };
}

function chart(type: string, options: ChartOptions, extra: Readonly<Record<string, unknown>> = {}): CardElement {
  return {
    type,
    title: options.title,
    showTitle: true,
    colorSet: 'categorical',
    ...(options.xAxisTitle ? { xAxisTitle: options.xAxisTitle } : {}),
    ...(options.yAxisTitle ? { yAxisTitle: options.yAxisTitle } : {}),
    ...extra,
    data: options.series.map((series) => ({ legend: series.legend, values: series.values.map(({ x, y }) => ({ x, y })) })),
    fallback: { type: 'Container', items: [{ type: 'TextBlock', text: options.title, wrap: true, weight: 'Bolder', size: 'Small' }, tableOf(options.table.header, options.table.rows)] },
  };
}

/** Bars side by side per x: identified against realized per quarter, held against scheduled per week. */
export const groupedBarChart = (options: ChartOptions): CardElement => chart('Chart.VerticalBar.Grouped', options, { showBarValues: true });

/** Lines over x: a unit's measurements against its baseline and target. */
export const lineChart = (options: ChartOptions): CardElement => chart('Chart.Line', options);
