import { randomBytes } from 'node:crypto';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { TableClient } from '@azure/data-tables';
import { PipelinePolicy, TableName, TableStore, TableStoreOptions } from '../../src/storage/tableStore';
import { procStat } from './procStat';
import { median } from './report';

// A full garbage collection between samples, so one sample's garbage is not another's pause.
setFlagsFromString('--expose_gc');
export const collectGarbage = runInNewContext('gc') as () => void;

function occurrences(text: string, needle: string): number {
  let count = 0;
  for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + needle.length)) count++;
  return count;
}

/**
 * Counts storage round trips and the entities they bring back, at the HTTP pipeline (like
 * test/support/azurite.ts roundTripCounter, per call). Entities are counted in the bodies of GET
 * answers (queries and point reads): each entity carries one "odata.etag".
 */
export class StorageMeter {
  roundTrips = 0;
  entities = 0;
  /** Request lines ("GET /devstoreaccount1/…"), when `keepRequests` is on. */
  readonly requests: string[] = [];
  keepRequests = false;

  readonly policy: PipelinePolicy = {
    name: 'benchStorageMeter',
    sendRequest: async (request, next) => {
      this.roundTrips++;
      if (this.keepRequests) this.requests.push(`${request.method} ${decodeURIComponent(new URL(request.url).pathname)}`);
      const response = await next(request);
      if (request.method === 'GET' && response.bodyAsText) this.entities += occurrences(response.bodyAsText, '"odata.etag"');
      return response;
    },
  };

  reset(): void {
    this.roundTrips = 0;
    this.entities = 0;
    this.requests.length = 0;
  }
}

export const randomPrefix = (letter = 'b'): string => `${letter}${randomBytes(4).toString('hex')}`;

/** A TableStore whose Ideas table is another prefix's: two worlds whose ideas lie in one table. */
class SharedIdeasStore extends TableStore {
  constructor(options: TableStoreOptions, private readonly ideas: TableStore) {
    super(options);
  }

  override client(table: TableName): TableClient {
    return table === 'Ideas' ? this.ideas.client(table) : super.client(table);
  }
}

/**
 * A TableStore over the bench's Azurite; with a meter, every request it makes is counted. With
 * `ideasPrefix`, its Ideas table is that prefix's (see SharedIdeasStore).
 */
export function benchStore(connectionString: string, prefix: string, meter?: StorageMeter, ideasPrefix?: string): TableStore {
  const options = (p: string): TableStoreOptions => ({ target: { kind: 'connectionString', connectionString }, prefix: p, policies: meter ? [meter.policy] : [] });
  return ideasPrefix ? new SharedIdeasStore(options(prefix), new TableStore(options(ideasPrefix))) : new TableStore(options(prefix));
}

export interface Sample {
  /** Per call. */
  readonly roundTrips: number;
  readonly entities: number;
  /** Wall-clock time of a call: the bench's process and Azurite's. */
  readonly wallMs: number;
  /** CPU time of the bench's own process (our code, the SDK, JSON) during a call: Azurite's work is not in it. */
  readonly cpuMs: number;
  /** CPU time of the storage server's process (Azurite) during a call; NaN without its pid or /proc. */
  readonly serverCpuMs: number;
}

export interface Subject {
  readonly meter: StorageMeter;
  readonly work: () => Promise<unknown>;
  /** The storage server's process (Azurite), whose CPU time is measured beside ours. */
  readonly serverPid?: number;
}

/** At least this long per sample: the kernel accounts CPU time in ticks of a few ms. */
const SAMPLE_MS = 400;

async function sample(subject: Subject, calls: number): Promise<Sample> {
  collectGarbage();
  subject.meter.reset();
  const serverCpu = () => (subject.serverPid === undefined ? undefined : procStat(subject.serverPid)?.cpuMs) ?? Number.NaN;
  const serverBefore = serverCpu();
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  for (let i = 0; i < calls; i++) await subject.work();
  const wallMs = performance.now() - started;
  const cpu = process.cpuUsage(cpuBefore);
  const serverCpuMs = serverCpu() - serverBefore;
  return { roundTrips: subject.meter.roundTrips / calls, entities: subject.meter.entities / calls, wallMs: wallMs / calls, cpuMs: (cpu.user + cpu.system) / 1000 / calls, serverCpuMs: serverCpuMs / calls };
}

const medianOf = (samples: readonly Sample[]): Sample => ({
  roundTrips: median(samples.map((s) => s.roundTrips)),
  entities: median(samples.map((s) => s.entities)),
  wallMs: median(samples.map((s) => s.wallMs)),
  cpuMs: median(samples.map((s) => s.cpuMs)),
  serverCpuMs: median(samples.map((s) => s.serverCpuMs)),
});

/**
 * Measures a reference and a measured subject alike: one warm-up call each (caches, JIT), then
 * `samples` samples of each, taken in turn (reference, measured, reference, …) so that a slow
 * moment of the machine touches both. A sample repeats the call until it has lasted about 400 ms;
 * figures are per call, the median over the samples.
 */
export async function compare(reference: Subject, measured: Subject, samples = 7): Promise<{ reference: Sample; measured: Sample }> {
  const callsFor = async (subject: Subject) => {
    const started = performance.now();
    await subject.work();
    return Math.max(1, Math.min(50, Math.ceil(SAMPLE_MS / Math.max(1, performance.now() - started))));
  };
  const calls = Math.max(await callsFor(reference), await callsFor(measured));
  const taken = { reference: [] as Sample[], measured: [] as Sample[] };
  for (let i = 0; i < samples; i++) {
    taken.reference.push(await sample(reference, calls));
    taken.measured.push(await sample(measured, calls));
  }
  return { reference: medianOf(taken.reference), measured: medianOf(taken.measured) };
}
