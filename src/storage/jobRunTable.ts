import { TableClient } from '@azure/data-tables';
import { z } from 'zod';
import { JobRunLedger, JobRunRecord } from '../ports/jobRuns';
import { Stored, listRange, lostRace, readEntity, MAX_ATTEMPTS, backOff } from './etagUpdate';
import { checkedKey } from './keys';
import { guarded } from './storageErrors';
import { TableStore } from './tableStore';

/**
 * One row per job and period: partition = job name, row key = the period ("2026-11-30"), so the
 * latest period of a job is the last row of its partition and a tick's check is one point read.
 */
const parts = z.array(z.string().max(200)).max(5000);

function fromRow(job: string, row: Stored): JobRunRecord {
  const stored = parts.safeParse(typeof row.parts === 'string' ? JSON.parse(row.parts) : []);
  return {
    job,
    period: row.rowKey,
    complete: row.complete === true,
    parts: stored.success ? stored.data : [],
    enqueued: typeof row.enqueued === 'number' ? row.enqueued : 0,
    at: row.at instanceof Date ? row.at : new Date(typeof row.at === 'string' ? row.at : 0),
  };
}

export class JobRunTable implements JobRunLedger {
  private readonly client: TableClient;

  constructor(store: TableStore) {
    this.client = store.client('JobRuns');
  }

  async get(job: string, period: string): Promise<JobRunRecord | undefined> {
    const row = await readEntity(this.client, checkedKey(job), checkedKey(period));
    return row ? fromRow(job, row) : undefined;
  }

  async record(job: string, period: string, done: { parts: readonly string[]; complete: boolean; enqueued: number; at: Date }): Promise<void> {
    const partitionKey = checkedKey(job);
    const rowKey = checkedKey(period);
    for (let attempt = 1; ; attempt++) {
      const row = await readEntity(this.client, partitionKey, rowKey);
      const before = row ? fromRow(job, row) : undefined;
      const entity = {
        partitionKey,
        rowKey,
        complete: done.complete || before?.complete === true,
        parts: JSON.stringify([...new Set([...(before?.parts ?? []), ...done.parts])]),
        enqueued: (before?.enqueued ?? 0) + done.enqueued,
        at: done.at,
      };
      try {
        if (row) await guarded(() => this.client.updateEntity(entity, 'Replace', { etag: row.etag }));
        else await guarded(() => this.client.createEntity(entity));
        return;
      } catch (error) {
        if (!lostRace(error) || attempt >= MAX_ATTEMPTS) throw error;
        await backOff(attempt);
      }
    }
  }

  async latest(jobs: readonly string[], sincePeriod: string): Promise<JobRunRecord[]> {
    const found = await Promise.all(
      jobs.map(async (job) => {
        const rows = await listRange(this.client, checkedKey(job), { from: sincePeriod, to: '~' });
        const last = rows[rows.length - 1];
        return last ? fromRow(job, last) : undefined;
      }),
    );
    return found.filter((record): record is JobRunRecord => !!record);
  }
}
