/**
 * 4. Submissions: 20 people submitting into one unit at the same moment, through IdeaSubmission,
 * against one person submitting 20 in a row (the same run, the same unit): refused submissions,
 * throughput, latency, and storage round trips per submission.
 */
import { composeServices } from '../src/composition';
import { Person } from '../src/domain/people';
import { systemClock } from '../src/ports/clock';
import { randomIds } from '../src/ports/ids';
import { silentLogger } from '../src/ports/logger';
import { startAzuriteProcess } from '../src/storage/azuriteProcess';
import { nullNotifier } from './support/builderCheck';
import { StorageMeter, benchStore, randomPrefix } from './support/meter';
import { benchOrganisation, saveOrganisation } from './support/organisation';
import { BenchOptions, scaled } from './support/options';
import { ms, percentile, print, progress, ratio, table } from './support/report';

const AT_ONCE = 20;

type Services = ReturnType<typeof composeServices>['services'];

interface Outcome {
  readonly submissions: number;
  readonly refused: number;
  readonly seconds: number;
  readonly latencies: number[];
  readonly roundTrips: number;
}

export async function run(options: BenchOptions): Promise<void> {
  const azurite = await startAzuriteProcess();
  try {
    const prefix = randomPrefix('s');
    const meter = new StorageMeter();
    const compose = () => composeServices(benchStore(azurite.connectionString, prefix, meter), { clock: systemClock, ids: randomIds, logger: silentLogger, notifier: () => nullNotifier });
    const one = compose();
    await benchStore(azurite.connectionString, prefix).createTables();
    const org = benchOrganisation({ units: 1, staffPerUnit: AT_ONCE + 1 });
    await saveOrganisation(org, one.repositories);
    // A second bot instance over the same tables: its own caches, its own turn-taking.
    const two = compose();
    const unit = org.units[0]!;
    const [alone, ...crowd] = unit.staff;
    const submit = (services: Services, person: Person, n: number) => services.ideaSubmission.submit(person, { unitId: unit.id, idea: { title: `Forslag ${n} fra ${person.name}`, type: 'improve', situation: 'Vi leter etter utstyr ved vaktskifte.' } });

    // Warm, as a running bot is: both instances have numbered in the unit, and everyone has
    // submitted before (their first idea in a unit costs one more write, to the work index).
    let n = 0;
    for (const person of unit.staff) await submit(one.services, person, ++n);
    for (const person of crowd.slice(AT_ONCE / 2)) await submit(two.services, person, ++n);

    const rounds = scaled(options, 10, 2);
    const timed = async (services: Services, person: Person, latencies: number[]): Promise<boolean> => {
      const started = performance.now();
      try {
        await submit(services, person, ++n);
        latencies.push(performance.now() - started);
        return true;
      } catch {
        return false;
      }
    };
    const scenario = async (name: string, round: (latencies: number[]) => Promise<boolean[]>): Promise<Outcome> => {
      progress(name);
      const latencies: number[] = [];
      let refused = 0;
      let submissions = 0;
      meter.reset();
      const started = performance.now();
      for (let r = 0; r < rounds; r++) {
        const results = await round(latencies);
        submissions += results.length;
        refused += results.filter((ok) => !ok).length;
      }
      return { submissions, refused, seconds: (performance.now() - started) / 1000, latencies, roundTrips: meter.roundTrips };
    };

    const sequential = await scenario('one person, 20 in a row', async (latencies) => {
      const results: boolean[] = [];
      for (let i = 0; i < AT_ONCE; i++) results.push(await timed(one.services, alone!, latencies));
      return results;
    });
    const together = await scenario('20 people at once, one instance', (latencies) => Promise.all(crowd.map((person) => timed(one.services, person, latencies))));
    const split = await scenario('20 people at once, two instances', (latencies) =>
      Promise.all(crowd.map((person, i) => timed(i < AT_ONCE / 2 ? one.services : two.services, person, latencies))),
    );

    const perSecond = (o: Outcome) => (o.submissions - o.refused) / o.seconds;
    const row = (name: string, o: Outcome): string[] => [
      name,
      String(o.submissions),
      `${o.refused}`,
      perSecond(o).toFixed(1),
      ratio(perSecond(o), perSecond(sequential)),
      ms(percentile(o.latencies, 0.5)),
      ms(percentile(o.latencies, 0.95)),
      (o.roundTrips / o.submissions).toFixed(2),
    ];
    print(
      table(
        `4. Submissions into one unit through IdeaSubmission (${rounds} rounds of ${AT_ONCE})`,
        ['scenario', 'submissions', 'refused (target 0)', 'submitted per s', 'ratio to one person (target ≥ 0.7)', 'p50 ms', 'p95 ms', 'round trips per submission'],
        [
          row('one person, 20 in a row (reference)', sequential),
          row('20 people at once, one instance', together),
          row('20 people at once, two instances (10 each)', split),
        ],
        [
          'Latency: from the call to its answer, including the wait for the unit\'s turn. Warm: both instances have numbered ideas in the unit before, and each person has submitted before. The unit has no channel linked, so no notification is written.',
          'Two instances share the tables but not their caches: each one\'s cached counter ETag goes stale when the other submits, which costs a 412 and a fresh read of the counter.',
        ],
      ),
    );
  } finally {
    await azurite.stop();
  }
}
