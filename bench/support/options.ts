/**
 * Command-line options shared by every section of `npm run bench`:
 *
 *   --only <names>      sections to run, comma-separated (jobs, views, digests, submissions,
 *                       budgets, idle, startup, pipeline, similarity, reports); default all
 *   --scale <factor>    data sizes and message counts times this (0.1 for a quick check); default 1
 *   --scenario <text>   pipeline scenarios whose name contains the text
 *   --first-contact     adds the pipeline scenario where every reminder first opens a 1:1 chat
 *   --digest-history <reference>,<measured>
 *                       ideas of history per unit in the digest section (default 100,1000; with
 *                       the 1000,10000 Azurite cannot answer the digest in time)
 */
export const SECTIONS = ['jobs', 'views', 'digests', 'submissions', 'budgets', 'idle', 'startup', 'pipeline', 'similarity', 'reports'] as const;
export type SectionName = (typeof SECTIONS)[number];

export interface BenchOptions {
  readonly only: readonly SectionName[];
  readonly scale: number;
  readonly scenario?: string;
  readonly firstContact: boolean;
  readonly digestHistory: readonly [number, number];
}

function valueOf(argv: readonly string[], name: string): string | undefined {
  const index = argv.indexOf(name);
  return index >= 0 ? argv[index + 1] : undefined;
}

export function parseOptions(argv: readonly string[] = process.argv.slice(2)): BenchOptions {
  const scaleText = valueOf(argv, '--scale');
  const scale = scaleText === undefined ? 1 : Number(scaleText);
  if (!Number.isFinite(scale) || scale <= 0 || scale > 1) throw new Error(`--scale must be a number in (0, 1], not ${scaleText}`);
  const onlyText = valueOf(argv, '--only');
  const only = onlyText === undefined ? [...SECTIONS] : onlyText.split(',').map((s) => s.trim()).filter(Boolean);
  const unknown = only.filter((name) => !(SECTIONS as readonly string[]).includes(name));
  if (unknown.length) throw new Error(`--only: unknown section ${unknown.join(', ')} (sections: ${SECTIONS.join(', ')})`);
  const scenario = valueOf(argv, '--scenario');
  const history = (valueOf(argv, '--digest-history') ?? '100,1000').split(',').map(Number);
  if (history.length !== 2 || !history.every((n) => Number.isInteger(n) && n >= 8)) throw new Error('--digest-history must be two whole numbers, e.g. 100,1000');
  return { only: only as SectionName[], scale, ...(scenario ? { scenario } : {}), firstContact: argv.includes('--first-contact'), digestHistory: [history[0]!, history[1]!] };
}

/** A count scaled by --scale, never below `min`. */
export const scaled = (options: BenchOptions, count: number, min = 1): number => Math.max(min, Math.round(count * options.scale));
