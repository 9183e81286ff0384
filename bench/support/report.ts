import { cpus, totalmem, type } from 'node:os';

/** Markdown tables as printed by every section: a reference column, the measured column, the ratio. */

export function ratio(measured: number, reference: number): string {
  if (reference === 0) return measured === 0 ? '×1.00 (both 0)' : '– (reference 0)';
  return `×${(measured / reference).toFixed(2)}`;
}

export const ms = (value: number, digits = 1): string => value.toFixed(digits);
export const int = (value: number): string => Math.round(value).toLocaleString('en-US');

export function table(title: string, header: readonly string[], rows: readonly (readonly string[])[], notes: readonly string[] = []): string {
  const lines = [header, header.map(() => '---'), ...rows].map((cells) => `| ${cells.join(' | ')} |`);
  return [`### ${title}`, '', ...lines, ...(notes.length ? ['', ...notes] : []), ''].join('\n');
}

export function print(text: string): void {
  process.stdout.write(`${text}\n`);
}

/** Progress goes to stderr, so stdout holds only what docs/benchmarks.md records. */
export function progress(text: string): void {
  process.stderr.write(`  ${text}\n`);
}

export function machine(): string {
  const cpu = cpus();
  return `Node ${process.version}, ${cpu.length} CPU (${cpu[0]?.model.trim() ?? 'unknown'}), ${(totalmem() / 1024 ** 3).toFixed(1)} GB RAM, ${type()}`;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** The value below which `share` (0..1) of the values lie (nearest rank). */
export function percentile(values: readonly number[], share: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(share * sorted.length) - 1))]!;
}

/** What compare() measures per call (see meter.ts Sample), as far as the tables need it. */
interface Measured {
  readonly entities: number;
  readonly roundTrips: number;
  readonly cpuMs: number;
  readonly serverCpuMs: number;
  readonly wallMs: number;
}

/** The columns of a reference/measured comparison (views, digests): each figure, then the ratio. */
export function comparisonHeader(reference: string, measured: string): string[] {
  return ['entities', 'round trips', 'bot CPU ms', 'Azurite CPU ms', 'wall ms'].flatMap((what) => [`${what} ${reference}`, `${what} ${measured}`, 'ratio']);
}

export function comparisonCells(reference: Measured, measured: Measured): string[] {
  const triple = (pick: (m: Measured) => number, format: (value: number) => string) => [format(pick(reference)), format(pick(measured)), ratio(pick(measured), pick(reference))];
  return [
    ...triple((m) => m.entities, int),
    ...triple((m) => m.roundTrips, int),
    ...triple((m) => m.cpuMs, (v) => ms(v)),
    ...triple((m) => m.serverCpuMs, (v) => ms(v)),
    ...triple((m) => m.wallMs, (v) => ms(v)),
  ];
}
