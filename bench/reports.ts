/**
 * 9. Reports for 100 units (issue 13, "one source of truth"): the organisation's quarterly report
 * and one service area's, for 100 units with 1,000 ideas each (100,000 ideas), beside a reference
 * of the same 100 units' open work and quarter with 100 ideas each: ten times less history. Then
 * the time to write the 100-unit report as XLSX and as CSV.
 *
 * As in the digests section, both worlds' ideas, benefit registrations and meeting logs lie in one
 * Ideas table with different unit ids, their other tables apart: Azurite answers every query by scanning the
 * whole table, so in one table its scan is the same for both and the ratios show our reads.
 */
import { composeServices } from '../src/composition';
import { LocalDate, addDays } from '../src/domain/dates';
import { MeetingLog } from '../src/domain/meetings';
import { Person } from '../src/domain/people';
import { ReportScope } from '../src/domain/reportScope';
import { quarterPeriod } from '../src/domain/reportPeriod';
import { reportCsv } from '../src/exports/reportCsv';
import { reportWorkbook } from '../src/exports/reportWorkbook';
import { silentLogger } from '../src/ports/logger';
import { ReportView } from '../src/services/reports/reportService';
import { startBulkAzurite } from './support/azurite';
import { nullNotifier } from './support/builderCheck';
import { HistoryPlan, writeUnits } from './support/history';
import { StorageMeter, benchStore, collectGarbage, compare, randomPrefix } from './support/meter';
import { BENCH_NOW, BENCH_TODAY, BenchOrganisation, benchOrganisation, nameOf, saveOrganisation } from './support/organisation';
import { BenchOptions, scaled } from './support/options';
import { comparisonCells, comparisonHeader, int, median, ms, print, progress, ratio, table } from './support/report';

const UNITS = 100;
const AREAS = 4;
/** The quarter asked for; BENCH_TODAY (2026-11-30) lies in it, so the report runs to today. */
const PERIOD = quarterPeriod(2026, 4);
/** Older history is closed before this day (and submitted 30 days before it): outside the quarter. */
const HISTORY_ENDS: LocalDate = '2026-09-01';

/** Ideas per unit at scale 1: the reference's, and ten times as many in the measured world. */
const REFERENCE_IDEAS = 100;
const LIVE = 20;
const CLOSED_IN_PERIOD = 10;

interface World {
  readonly services: ReturnType<typeof composeServices>['services'];
  readonly meter: StorageMeter;
  readonly rows: number;
  readonly org: BenchOrganisation;
}

/** A board meeting logged every Monday of the quarter up to today, as a unit that holds them does. */
async function logMeetings(world: ReturnType<typeof composeServices>, org: BenchOrganisation): Promise<void> {
  const mondays: LocalDate[] = [];
  for (let day = '2026-10-05'; day <= BENCH_TODAY; day = addDays(day, 7)) mondays.push(day);
  for (const unit of org.units) {
    await Promise.all(
      mondays.map((date) => {
        const log: MeetingLog = { unitId: unit.id, date, held: true, attendees: 8, decisions: [], loggedBy: nameOf(unit.leader), loggedAt: `${date}T09:30:00.000Z`, version: 1, changeId: `meeting-${unit.id}-${date}` };
        return world.repositories.meetings.save(log, 0);
      }),
    );
  }
}

async function world(connectionString: string, ideasPrefix: string, org: BenchOrganisation, ideas: number, live: number, inPeriod: number, name: string): Promise<World> {
  const prefix = randomPrefix('r');
  const setupStore = benchStore(connectionString, prefix, undefined, ideasPrefix);
  await setupStore.createTables();
  let ids = 0;
  const options = { clock: { now: () => BENCH_NOW }, ids: { next: () => `bench-${++ids}` }, logger: silentLogger, notifier: () => nullNotifier };
  const setup = composeServices(setupStore, options);
  await saveOrganisation(org, setup.repositories);
  await logMeetings(setup, org);
  const units = org.units.map((unit): HistoryPlan => ({
    unit,
    today: BENCH_TODAY,
    live,
    closed: [
      { count: ideas - live - inPeriod, from: '2016-01-01', to: HISTORY_ENDS },
      { count: inPeriod, from: PERIOD.from, to: BENCH_TODAY },
    ],
    pendingApprovals: Math.min(2, inPeriod),
  }));
  const written = await writeUnits(setupStore, units, name);
  progress(`${name}: ${int(written.rows)} rows in ${written.seconds.toFixed(0)} s`);
  const meter = new StorageMeter();
  const { services } = composeServices(benchStore(connectionString, prefix, meter, ideasPrefix), options);
  return { services, meter, rows: written.rows, org };
}

interface WriteTime {
  readonly wallMs: number;
  readonly cpuMs: number;
  readonly bytes: number;
}

/**
 * Wall and CPU time of writing a file from each world's report: one warm-up each (the first
 * workbook loads exceljs, as the bot's first export does), then `runs` runs of each, taken in
 * turn (so neither gains from coming second), the median of each.
 */
async function timeWrites(runs: number, reference: () => Promise<Buffer> | Buffer, measured: () => Promise<Buffer> | Buffer): Promise<{ reference: WriteTime; measured: WriteTime }> {
  const once = async (write: () => Promise<Buffer> | Buffer) => {
    collectGarbage();
    const cpuBefore = process.cpuUsage();
    const started = performance.now();
    const bytes = (await write()).length;
    const wallMs = performance.now() - started;
    const cpu = process.cpuUsage(cpuBefore);
    return { wallMs, cpuMs: (cpu.user + cpu.system) / 1000, bytes };
  };
  await once(reference);
  await once(measured);
  const taken = { reference: [] as WriteTime[], measured: [] as WriteTime[] };
  for (let i = 0; i < runs; i++) {
    taken.reference.push(await once(reference));
    taken.measured.push(await once(measured));
  }
  const medianOf = (times: readonly WriteTime[]): WriteTime => ({ wallMs: median(times.map((t) => t.wallMs)), cpuMs: median(times.map((t) => t.cpuMs)), bytes: times[0]!.bytes });
  return { reference: medianOf(taken.reference), measured: medianOf(taken.measured) };
}

/** What the quarter holds in a report, which must be the same in both worlds. */
const periodFigures = (view: ReportView): string => `${int(view.units.length)} units, ${int(view.total.submitted)} submitted, ${int(view.total.done)} done, ${int(view.total.rejected)} rejected, ${int(view.total.meetingsHeld)} meetings held`;

export async function run(options: BenchOptions): Promise<void> {
  const azurite = await startBulkAzurite();
  try {
    const org = benchOrganisation({ units: UNITS, staffPerUnit: 10, areas: AREAS });
    const referenceOrg = benchOrganisation({ units: UNITS, staffPerUnit: 10, areas: AREAS, unitIds: 'referanse' });
    const ideasPrefix = randomPrefix('i');
    // --scale scales the ideas per unit (the open work and the quarter's with them); always 10× history.
    const live = scaled(options, LIVE, 2);
    const inPeriod = scaled(options, CLOSED_IN_PERIOD, 1);
    const small = Math.max(scaled(options, REFERENCE_IDEAS, 10), live + inPeriod + 1);
    const large = small * 10;
    const reference = await world(azurite.connectionString, ideasPrefix, referenceOrg, small, live, inPeriod, `${int(small)}-ideas world`);
    const measured = await world(azurite.connectionString, ideasPrefix, org, large, live, inPeriod, `${int(large)}-ideas world`);

    const area: ReportScope = { kind: 'area', areaId: 'omrade-1' };
    const organisation: ReportScope = { kind: 'organisation' };
    // The organisation report each world gave last: its quarter's figures are checked below, and written as files.
    const lastView = new Map<World, ReportView>();
    const ask = (w: World, person: (o: BenchOrganisation) => Person, scope: ReportScope) => async () => {
      const view = await w.services.reports.report(person(w.org), { scope, period: PERIOD });
      if (scope.kind === 'organisation') lastView.set(w, view);
    };
    const cases = [
      { name: `organisation report, ${PERIOD.token} (${UNITS} units)`, person: (o: BenchOrganisation) => o.executive, scope: organisation, samples: 3 },
      { name: `service-area report, ${PERIOD.token} (${UNITS / AREAS} units)`, person: (o: BenchOrganisation) => o.serviceAreaLeaders[0]!, scope: area, samples: 5 },
    ];
    const rows: string[][] = [];
    for (const c of cases) {
      progress(c.name);
      const { reference: a, measured: b } = await compare({ meter: reference.meter, work: ask(reference, c.person, c.scope), serverPid: azurite.pid }, { meter: measured.meter, work: ask(measured, c.person, c.scope), serverPid: azurite.pid }, c.samples);
      rows.push([c.name, ...comparisonCells(a, b)]);
    }
    const referenceView = lastView.get(reference)!;
    const measuredView = lastView.get(measured)!;
    print(
      table(
        `9. Reports: ${UNITS} units × ${int(small)} (reference) vs ${int(large)} ideas per unit (${int(UNITS * small)} vs ${int(UNITS * large)} ideas), the same open work and quarter`,
        ['report', ...comparisonHeader('ref', int(large))],
        rows,
        [
          `Each unit: ${live} open ideas, ${inPeriod} closed in ${PERIOD.token} (${Math.min(2, inPeriod)} of them with a realized gain waiting for approval), a board meeting logged every Monday of the quarter; the rest of its ideas closed between 2016 and ${HISTORY_ENDS}, four in five done with an approved realized gain. Both worlds' reports count the same quarter: reference ${periodFigures(referenceView)}; measured ${periodFigures(measuredView)}.`,
          `One Ideas table for both worlds: ${int(reference.rows)} rows of the reference units' ideas and ${int(measured.rows)} of the measured ones', besides the meeting logs and the organisation's rows (Azurite scans them all for every query of either). Per call: the median of 3 (organisation) or 5 (area) samples per world, taken in turn, after one warm-up call; the organisation directory warm.`,
          `bot CPU ms (process.cpuUsage of the benchmark's process), Azurite CPU ms and wall ms as in table 2; wall ms includes Azurite scanning the whole table for every query, the same table for both worlds here.`,
          ...(options.scale < 1 ? [`At --scale ${options.scale}: ${int(small)} and ${int(large)} ideas per unit instead of 100 and 1,000.`] : []),
        ],
      ),
    );

    progress('writing the files');
    const runs = 9;
    const files = [
      { name: `XLSX (reportWorkbook, nb), ${UNITS}-unit organisation report`, write: (view: ReportView) => () => reportWorkbook('nb', view, BENCH_NOW) },
      { name: `CSV (reportCsv, nb), ${UNITS}-unit organisation report`, write: (view: ReportView) => () => reportCsv('nb', view) },
    ];
    const fileRows: string[][] = [];
    for (const file of files) {
      const { reference: a, measured: b } = await timeWrites(runs, file.write(referenceView), file.write(measuredView));
      fileRows.push([file.name, int(b.bytes), ms(a.cpuMs), ms(b.cpuMs), ratio(b.cpuMs, a.cpuMs), ms(a.wallMs), ms(b.wallMs), ratio(b.wallMs, a.wallMs)]);
    }
    print(
      table(
        `9b. Writing the ${UNITS}-unit report as a file: from the reference world's report vs the ${int(large)}-ideas world's`,
        ['file', 'bytes', 'CPU ms ref', `CPU ms ${int(large)}`, 'ratio', 'wall ms ref', `wall ms ${int(large)}`, 'ratio'],
        fileRows,
        [`In memory, no storage: the report already read (table 9). The median of ${runs} runs each, taken in turn, after one warm-up run each (the first loads exceljs, as the bot's first export does). CPU ms can exceed wall ms: the garbage collector's threads count too.`],
      ),
    );
  } finally {
    await azurite.stop();
  }
}
