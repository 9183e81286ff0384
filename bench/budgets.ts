/**
 * 5. Round-trip budgets: the storage round trips of each use case, counted at the HTTP pipeline with
 * warm caches, beside its budget (as test/services/roundTripBudgets.test.ts drives them).
 */
import { composeServices } from '../src/composition';
import { silentLogger } from '../src/ports/logger';
import { DEMO_PEOPLE, seedDemoOrganisation } from '../src/services/demoOrganisation';
import { startAzuriteProcess } from '../src/storage/azuriteProcess';
import { nullNotifier } from './support/builderCheck';
import { StorageMeter, benchStore, randomPrefix } from './support/meter';
import { BenchOptions } from './support/options';
import { print, ratio, table } from './support/report';

const HN = 'hjemmetjenesten-nord';
const { kari, ola, lars, ingrid } = DEMO_PEOPLE;

export async function run(_options: BenchOptions): Promise<void> {
  const azurite = await startAzuriteProcess();
  try {
    const meter = new StorageMeter();
    const store = benchStore(azurite.connectionString, randomPrefix('r'), meter);
    await store.createTables();
    const now = new Date('2026-11-20T09:00:00Z');
    let ids = 0;
    const { services, repositories } = composeServices(store, { clock: { now: () => now }, ids: { next: () => `change-${++ids}` }, logger: silentLogger, notifier: () => nullNotifier });
    await seedDemoOrganisation(repositories.organisation, repositories.people);
    // Warm: the unit has been numbered in, and Ola already has something in it.
    await services.ideaSubmission.submit(ola, { unitId: HN, idea: { title: 'Varmer opp', type: 'improve' } });
    const rows: string[][] = [];
    const count = async <T>(name: string, budget: number, work: () => Promise<T>): Promise<T> => {
      meter.reset();
      const result = await work();
      rows.push([name, `≤ ${budget}`, String(meter.roundTrips), ratio(meter.roundTrips, budget), meter.roundTrips <= budget ? 'yes' : 'NO']);
      return result;
    };

    const submitted = await count('submission', 2, () => services.ideaSubmission.submit(ola, { unitId: HN, idea: { title: 'Færre vaktbytter', type: 'improve', ownerId: ola.aadObjectId, dueDate: '2026-12-01' } }));
    const number = submitted.idea.number;
    let version = 1;
    for (const to of ['planned', 'inProgress', 'evaluating', 'done'] as const) {
      await count(`status change to ${to}`, 3, () => services.ideaChanges.apply(kari, { unitId: HN, number, version }, { kind: 'move', to }));
      version++;
    }
    const registration = await count('benefit registration (realized)', 3, () =>
      services.benefitRegistration.register(ola, { unitId: HN, ideaNumber: number }, { benefit: { category: 'time', stage: 'realized', indicator: 'Tid brukt på rapporter', period: 'week', baseline: '5', baselineOn: '2026-11-01', measured: '3', measuredOn: '2026-11-20', use: 'otherWork', useText: 'Mer tid med brukerne', ownerId: ola.aadObjectId } }),
    );
    await count('approval (TOL)', 3, () => services.benefitApproval.decide(lars, { unitId: HN, ideaNumber: number, id: registration.benefit.id }, { outcome: 'approved' }));
    await count('board', 2, () => services.ideaViews.board(kari, HN));
    await count('my items (things in 1 unit)', 1 + 1, () => services.ideaViews.myItems(kari));
    await count('my items (administrator, things in no unit; sees 4)', 1 + 0, () => services.ideaViews.myItems(ingrid));
    print(
      table(
        '5. Round-trip budgets (counts; the budget is the reference)',
        ['use case', 'budget (reference)', 'round trips', 'ratio', 'within'],
        rows,
        ['Demo organisation, warm caches (the organisation, a unit this instance has numbered in, the work index). Notifications are not written here: the outbox\'s writes are the delivery pipeline\'s budget.'],
      ),
    );
  } finally {
    await azurite.stop();
  }
}
