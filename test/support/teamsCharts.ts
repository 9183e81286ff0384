/**
 * Teams renders Adaptive Card charts (Chart.VerticalBar, Chart.VerticalBar.Grouped, ...) in 1.5
 * cards, but Microsoft's `adaptivecards` parser does not know them: it reports each as an unknown
 * element and parses its `fallback` instead (which it then validates like any element). This
 * checks the charts themselves against the properties Teams documents ("Charts in Adaptive
 * Cards", learn.microsoft.com): a known chart type, a fallback to show elsewhere, only known
 * properties, and data of the documented shape with numeric values.
 */
const COMMON = ['type', 'id', 'title', 'fallback', 'spacing', 'separator', 'isVisible', 'height', 'horizontalAlignment', 'requires', 'colorSet', 'lang', 'showTitle', 'showLegend'];

const isText = (v: unknown): boolean => typeof v === 'string';
const isNumber = (v: unknown): boolean => typeof v === 'number' && Number.isFinite(v);
const isPoint = (p: unknown): boolean => typeof p === 'object' && p !== null && (isText((p as { x?: unknown }).x) || isNumber((p as { x?: unknown }).x)) && isNumber((p as { y?: unknown }).y);

interface ChartRule {
  readonly properties: readonly string[];
  readonly datum: (d: Record<string, unknown>) => boolean;
}

const RULES: Readonly<Record<string, ChartRule>> = {
  'Chart.VerticalBar': { properties: ['data', 'xAxisTitle', 'yAxisTitle', 'color', 'showBarValues'], datum: (d) => isPoint(d) },
  'Chart.HorizontalBar': { properties: ['data', 'xAxisTitle', 'yAxisTitle', 'color', 'displayMode'], datum: (d) => isText(d.x) && isNumber(d.y) },
  'Chart.VerticalBar.Grouped': {
    properties: ['data', 'xAxisTitle', 'yAxisTitle', 'stacked', 'showBarValues'],
    datum: (d) => isText(d.legend) && Array.isArray(d.values) && d.values.every(isPoint),
  },
  'Chart.Line': { properties: ['data', 'xAxisTitle', 'yAxisTitle'], datum: (d) => isText(d.legend) && Array.isArray(d.values) && d.values.every(isPoint) },
  'Chart.Donut': { properties: ['data'], datum: (d) => isText(d.legend) && isNumber(d.value) },
  'Chart.Pie': { properties: ['data'], datum: (d) => isText(d.legend) && isNumber(d.value) },
};

export const TEAMS_CHART_TYPES: readonly string[] = Object.keys(RULES);

/** Every problem with the chart elements in a card (nothing for a card without charts). */
export function chartIssues(card: unknown): string[] {
  const issues: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (typeof node !== 'object' || node === null) return;
    const element = node as Record<string, unknown>;
    if (typeof element.type === 'string' && element.type.startsWith('Chart.')) {
      const rule = RULES[element.type];
      if (!rule) issues.push(`${element.type} is not a chart Teams renders`);
      else {
        if (typeof element.fallback !== 'object' || element.fallback === null) issues.push(`${element.type} has no fallback element for hosts without charts`);
        for (const key of Object.keys(element)) if (!COMMON.includes(key) && !rule.properties.includes(key)) issues.push(`${element.type} has an unknown property "${key}"`);
        const data = element.data;
        if (!Array.isArray(data)) issues.push(`${element.type} data is not a list`);
        else data.forEach((d, i) => {
          if (typeof d !== 'object' || d === null || !rule.datum(d as Record<string, unknown>)) issues.push(`${element.type} data[${i}] does not have the documented shape: ${JSON.stringify(d).slice(0, 80)}`);
        });
      }
    }
    Object.values(element).forEach(walk);
  };
  walk(card);
  return issues;
}

/** The parser's notice for a chart it does not know; accepted when chartIssues has checked the chart. */
export function isKnownChartNotice(message: string): boolean {
  const match = /^Unknown element type "([^"]+)"\. Fallback will be used if present\.$/.exec(message);
  return !!match && TEAMS_CHART_TYPES.includes(match[1]);
}
