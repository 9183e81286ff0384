/**
 * The similar-ideas index at scale: build time, heap bytes and query time for 100,000 ideas, beside
 * a 10,000-idea reference from the same run, with the ratio. Ideas are synthetic Norwegian text:
 * common words and nouns drawn with a Zipf-like skew, and compounds of two nouns ("vaktliste"), as
 * boards write them. Run: `npx ts-node bench/similarity.ts` (prints a markdown table).
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { performance } from 'node:perf_hooks';
import { IdeaSearchIndex } from '../src/search/ideaSearchIndex';
import { SearchText } from '../src/ports/ideaSearch';

setFlagsFromString('--expose_gc');
const gc = runInNewContext('gc') as () => void;

const NOUNS = (
  'vakt bytte liste medisin nøkkel bil rute tur brøyting snø lager vare journal møte tavle fall natt tøy vask kaffe maskin rom dør ' +
  'kjøkken middag mat måltid bruker beboer pårørende lege sykepleier assistent avdeling enhet turnus plan kalender telefon melding ' +
  'skjema rapport avvik tid time uke dag morgen kveld helg ferie sykefravær vikar budsjett faktura innkjøp bestilling levering ' +
  'pall hylle skap kontor papir skriver skanner data system passord tilgang opplæring kurs veileder fadder introduksjon ' +
  'utstyr heis rullestol seng madrass sensor lys lampe strøm varme vann avløp vei fortau gate skilt park gress plen klipper ' +
  'traktor hjullaster brøytebil strøsand salt grus asfalt hull kum rør pumpe verksted verktøy reservedel service olje dekk ' +
  'diesel drivstoff tomgang motor kjøring sjåfør parkering garasje nøkkelboks kode alarm trygghet brann øvelse rutine prosedyre ' +
  'sjekkliste standard kvalitet sikkerhet hygiene smitte hanske munnbind desinfeksjon avfall søppel kildesortering container'
).split(' ');
const COMMON = ('tar mye tid lang kort ofte alltid sjelden bruker går kommer finner leter venter mangler trenger ønsker foreslår ' +
  'bedre raskere enklere felles ny gammel stor liten flere færre hver alle ingen noen første siste daglig ukentlig manuelt digitalt').split(' ');
const STOP = 'og i på av til for med som det er vi de en et at har ikke om fra når'.split(' ');

/** A small deterministic generator, so every run measures the same ideas. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

function makeText(rand: () => number) {
  const skewed = <T>(list: readonly T[]) => list[Math.floor(list.length * rand() ** 2)];
  const noun = () => (rand() < 0.3 ? skewed(NOUNS) + skewed(NOUNS) : skewed(NOUNS));
  const words = (n: number) => Array.from({ length: n }, () => (rand() < 0.35 ? skewed(STOP) : rand() < 0.5 ? skewed(COMMON) : noun())).join(' ');
  return (): SearchText & { title: string } => ({
    title: `${noun()} ${words(2 + Math.floor(rand() * 4))}`,
    situation: words(10 + Math.floor(rand() * 16)),
    proposal: words(6 + Math.floor(rand() * 10)),
  });
}

interface Row {
  readonly ideas: number;
  readonly buildMs: number;
  readonly heapBytes: number;
  readonly p50Ms: number;
  readonly p95Ms: number;
}

const QUERIES = 400;
const percentile = (sorted: readonly number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))];

function measure(ideas: number): Row {
  gc();
  const heapBefore = process.memoryUsage().heapUsed;
  const text = makeText(random(7));
  const index = new IdeaSearchIndex('nb');
  const started = performance.now();
  for (let i = 0; i < ideas; i++) index.put({ unitId: `unit-${i % 70}`, number: Math.floor(i / 70) + 1, status: i % 5 === 0 ? 'done' : 'new', version: 1, ...text() });
  const buildMs = performance.now() - started;
  gc();
  const heapBytes = process.memoryUsage().heapUsed - heapBefore;
  const query = makeText(random(99));
  const times: number[] = [];
  for (let i = 0; i < QUERIES; i++) {
    const { title, situation, proposal } = query();
    const at = performance.now();
    index.similar({ title, situation, proposal }, 20);
    times.push(performance.now() - at);
  }
  times.sort((a, b) => a - b);
  if (index.size !== ideas) throw new Error(`indexed ${index.size} of ${ideas}`);
  return { ideas, buildMs, heapBytes, p50Ms: percentile(times, 0.5), p95Ms: percentile(times, 0.95) };
}

const ms = (value: number) => value.toFixed(value < 10 ? 2 : 0);
const mb = (bytes: number) => (bytes / 2 ** 20).toFixed(1);

/** Measures the 10,000-idea reference, then 100,000 (both times `scale`), and prints the table with the ratio. */
export function similarityBenchmark(scale = 1): string {
  const reference = measure(Math.round(10_000 * scale));
  const large = measure(Math.round(100_000 * scale));
  const ratio = (a: number, b: number) => `${(a / b).toFixed(1)}×`;
  return [
    '| ideas indexed | build | heap | heap per idea | query p50 | query p95 |',
    '|---:|---:|---:|---:|---:|---:|',
    ...[reference, large].map((r) => `| ${r.ideas.toLocaleString('en')} | ${ms(r.buildMs)} ms | ${mb(r.heapBytes)} MB | ${Math.round(r.heapBytes / r.ideas)} B | ${ms(r.p50Ms)} ms | ${ms(r.p95Ms)} ms |`),
    `| ratio large / reference | ${ratio(large.buildMs, reference.buildMs)} | ${ratio(large.heapBytes, reference.heapBytes)} | | ${ratio(large.p50Ms, reference.p50Ms)} | ${ratio(large.p95Ms, reference.p95Ms)} |`,
  ].join('\n');
}

export function main(scale = 1): void {
  console.log(`### Similar-ideas index (nb, ${QUERIES} queries, top 20)\n`);
  console.log(similarityBenchmark(scale));
}

/** As a section of `npm run bench` (issue 15: memory and time for 100,000 ideas). */
export async function run(options: { readonly scale: number }): Promise<void> {
  main(options.scale);
}

if (require.main === module) main();
