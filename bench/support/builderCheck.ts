import { composeServices } from '../../src/composition';
import { silentLogger } from '../../src/ports/logger';
import { Notifier } from '../../src/ports/notifier';
import { listRange } from '../../src/storage/etagUpdate';
import { buildUnit } from './history';
import { benchStore, randomPrefix } from './meter';
import { BENCH_NOW, BENCH_TODAY, benchOrganisation, saveOrganisation } from './organisation';

/** Notifications are not the subject here: the outbox's writes are the delivery pipeline's budget. */
export const nullNotifier: Notifier = {
  toPerson: async () => {},
  toUnitChannel: async () => {},
};

const kindOf = (rowKey: string): string => rowKey.split('|')[0] ?? rowKey;

/**
 * Rows the services write that nothing measured here reads, so the builder leaves them out: the
 * history lines (audit), and the "where else?" question's marker beside a done idea with an
 * approved gain (read only when its leader answers).
 */
const NOT_READ_HERE = new Set(['audit', 'where']);

/**
 * Compares the rows the history builder writes with the rows the services write for the same
 * life of an idea (submitted, planned, in progress, evaluating, done; a realized benefit
 * registered and approved), by row kind. Returns one line for the report.
 */
export async function checkBuilder(connectionString: string): Promise<string> {
  const store = benchStore(connectionString, randomPrefix('c'));
  await store.createTables();
  let ids = 0;
  const { services, repositories } = composeServices(store, { clock: { now: () => BENCH_NOW }, ids: { next: () => `check-${++ids}` }, logger: silentLogger, notifier: () => nullNotifier });
  const org = benchOrganisation({ units: 1, staffPerUnit: 3 });
  await saveOrganisation(org, repositories);
  const unit = org.units[0]!;
  const staff = unit.staff[0]!;
  const { idea } = await services.ideaSubmission.submit(staff, { unitId: unit.id, idea: { title: 'Færre vaktbytter', type: 'improve', ownerId: staff.aadObjectId, dueDate: '2026-12-10' } });
  let version = 1;
  for (const to of ['planned', 'inProgress', 'evaluating', 'done'] as const) {
    await services.ideaChanges.apply(unit.leader, { unitId: unit.id, number: idea.number, version }, { kind: 'move', to });
    version++;
  }
  const { benefit } = await services.benefitRegistration.register(staff, { unitId: unit.id, ideaNumber: idea.number }, {
    benefit: { category: 'time', stage: 'realized', indicator: 'Tid brukt på rapporter', period: 'week', baseline: '5', baselineOn: '2026-11-01', measured: '3', measuredOn: '2026-11-20', use: 'otherWork', useText: 'Mer tid med brukerne', ownerId: staff.aadObjectId },
  });
  await services.benefitApproval.decide(org.serviceAreaLeaders[0]!, { unitId: unit.id, ideaNumber: idea.number, id: benefit.id }, { outcome: 'approved' });
  const written = await listRange(store.client('Ideas'), unit.id, { from: '', to: '~' });
  const byServices = new Set(written.map((row) => kindOf(row.rowKey)));
  // Two closed ideas: the builder rejects every fifth, so the second is done with an approved benefit.
  const built = buildUnit({ unit, today: BENCH_TODAY, live: 0, closed: [{ count: 2, from: '2026-10-01', to: '2026-11-01' }] });
  const byBuilder = new Set(built.entities.map((entity) => kindOf(String(entity.rowKey))));
  const onlyServices = [...byServices].filter((kind) => !byBuilder.has(kind)).sort();
  const onlyBuilder = [...byBuilder].filter((kind) => !byServices.has(kind)).sort();
  const agree = onlyBuilder.length === 0 && onlyServices.every((kind) => NOT_READ_HERE.has(kind));
  return agree
    ? `Setup check: for an idea taken from submission to done with an approved benefit, the services wrote rows of kinds {${[...byServices].sort().join(', ')}}; the builder writes the same kinds except {${onlyServices.join(', ')}}, which nothing measured here reads.`
    : `Setup check FAILED: rows only the services wrote: {${onlyServices.join(', ')}}; only the builder: {${onlyBuilder.join(', ')}}.`;
}
