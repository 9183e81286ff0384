import { TableClient, TransactionAction, odata } from '@azure/data-tables';
import { Clock, systemClock } from '../ports/clock';
import { IdGenerator, randomIds } from '../ports/ids';
import { ClaimRequest, ClaimedMessage, DeliveryQueue, PipelineMonitor } from '../ports/messageSender';
import { EnqueueResult, OutgoingMessage, Outbox, PipelineStatus } from '../ports/outbox';
import { assertEntityFits } from './entityLimits';
import { lostRace, readEntity } from './etagUpdate';
import { checkedKey } from './keys';
import {
  ALL_SHARDS,
  Entity,
  QUEUE_RANGE,
  RUNS_PARTITION,
  beforeRange,
  cardFrom,
  cardProperties,
  checkedMessageKey,
  count,
  doneRow,
  dueRange,
  encodedOf,
  failRow,
  markerRow,
  queueRow,
  runRow,
  shardOf,
  sinceRange,
  targetFrom,
  text,
} from './outboxEntities';
import { guarded, isNotFound } from './storageErrors';
import { TableStore } from './tableStore';

/** 100 operations per transaction; each message is two (marker + queue row). */
const MESSAGES_PER_BATCH = 50;
/** A transaction's body may be 4 MiB; stay well below it. */
const MAX_BATCH_CHARS = 2 * 1024 * 1024;
/** Parallel point reads of markers after a claim. */
const READ_PARALLELISM = 16;
const DAY_MS = 24 * 60 * 60 * 1000;
/** Rewritten whenever something was enqueued: an idle worker's probe is one point read of it. */
const WAKE_ROW = 'wake';

type Row = Record<string, unknown> & { readonly partitionKey: string; readonly rowKey: string };
type Range = { readonly from: string; readonly to: string };

/** Queue-row keys are q|<ISO time>|<key>: the time is characters 2..26. */
const dueOf = (rowKey: string): string => rowKey.slice(2, 26);

const parseRef = (ref: string): { partitionKey: string; rowKey: string } => {
  const [partitionKey, rowKey] = JSON.parse(ref) as [string, string];
  return { partitionKey, rowKey };
};

async function mapLimited<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const lanes = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index]!);
    }
  });
  await Promise.all(lanes);
  return results;
}

/**
 * The durable outbox in Table Storage (layout in outboxEntities.ts): enqueue for the jobs, claim /
 * complete / retry / fail for the delivery worker, status for the admin command.
 *
 * Concurrency: a queue row's key contains its due time, so every state change of a queued message
 * is a "move" (delete the old row, create the new one) in one transaction. The SDK sends deletes in a
 * transaction without If-Match (its TransactionAction type has no ETag for "delete"), so the guard is
 * the row key itself: a claim moves the row to the claim's expiry, a retry or release to a time not
 * before now, so a message never gets a key it had before. A second worker moving the same row, or a
 * worker whose claim expired and was taken over, finds its row gone (404) and its whole transaction fails.
 */
export class OutboxTable implements Outbox, DeliveryQueue, PipelineMonitor {
  private readonly client: TableClient;
  private readonly enqueueListeners: (() => void)[] = [];

  constructor(
    store: TableStore,
    private readonly clock: Clock = systemClock,
    private readonly ids: IdGenerator = randomIds,
  ) {
    this.client = store.client('Outbox');
  }

  // ---- Outbox -------------------------------------------------------------------------------

  /**
   * Writes each message's marker and queue row in one transaction (batched per shard), so a key is
   * either fully queued or not at all. A key already present (queued, sent or failed) writes nothing.
   * Everything is validated before anything is written: an oversized card throws DomainError 'invalid'.
   * Records the job's last run (call once per job run with all its messages).
   */
  async enqueue(messages: readonly OutgoingMessage[]): Promise<EnqueueResult> {
    const now = this.clock.now();
    const enqueueId = this.ids.next();
    const seen = new Set<string>();
    let duplicates = 0;
    const byShard = new Map<string, { message: OutgoingMessage; marker: Entity; queue: Entity }[]>();
    for (const message of messages) {
      const encoded = checkedMessageKey(message.key);
      if (seen.has(message.key)) {
        duplicates++;
        continue;
      }
      seen.add(message.key);
      const partitionKey = shardOf(message.key);
      const target = JSON.stringify(message.target);
      const marker: Entity = {
        partitionKey,
        rowKey: markerRow(encoded),
        key: message.key,
        job: message.job,
        state: 'queued',
        target,
        enqueuedAt: now,
        enqueueId,
        ...cardProperties(message.key, message.card),
      };
      const due = message.notBefore ?? now;
      const queue: Entity = { partitionKey, rowKey: queueRow(due, encoded), key: message.key, job: message.job, target, attempts: 0, claimedBy: '', lastError: '' };
      assertEntityFits(marker);
      assertEntityFits(queue);
      const list = byShard.get(partitionKey) ?? [];
      list.push({ message, marker, queue });
      byShard.set(partitionKey, list);
    }

    const queuedKeys = new Set<string>();
    await Promise.all(
      [...byShard.values()].map(async (items) => {
        for (const batch of this.batches(items)) {
          try {
            await guarded(() => this.client.submitTransaction(batch.flatMap(({ marker, queue }): TransactionAction[] => [['create', marker], ['create', queue]])));
            batch.forEach(({ message }) => queuedKeys.add(message.key));
          } catch (error) {
            if (!lostRace(error)) throw error;
            // Some key in the batch exists already (e.g. the job ran before): one transaction per message tells which.
            const queued = await mapLimited(batch, READ_PARALLELISM, ({ marker, queue }) => this.enqueueOne(marker, queue, enqueueId));
            batch.forEach(({ message }, index) => (queued[index] ? queuedKeys.add(message.key) : duplicates++));
          }
        }
      }),
    );
    await this.recordRuns(messages, queuedKeys, now);
    if (queuedKeys.size) {
      await guarded(() => this.client.upsertEntity({ partitionKey: RUNS_PARTITION, rowKey: WAKE_ROW, at: now }, 'Replace'));
      for (const listener of this.enqueueListeners) listener();
    }
    return { queued: queuedKeys.size, duplicates };
  }

  /** Called after this process enqueued something (the delivery worker wakes up at once). */
  onEnqueued(listener: () => void): void {
    this.enqueueListeners.push(listener);
  }

  async lastEnqueuedAt(): Promise<Date | undefined> {
    const row = await readEntity(this.client, RUNS_PARTITION, WAKE_ROW);
    return row?.at instanceof Date ? row.at : undefined;
  }

  private *batches<T extends { marker: Entity }>(items: readonly T[]): Generator<T[]> {
    let batch: T[] = [];
    let chars = 0;
    for (const item of items) {
      const size = JSON.stringify(item.marker).length + 512;
      if (batch.length && (batch.length >= MESSAGES_PER_BATCH || chars + size > MAX_BATCH_CHARS)) {
        yield batch;
        batch = [];
        chars = 0;
      }
      batch.push(item);
      chars += size;
    }
    if (batch.length) yield batch;
  }

  /** True when this call queued it (including our own write, retried by the SDK after a lost response). */
  private async enqueueOne(marker: Entity, queue: Entity, enqueueId: string): Promise<boolean> {
    try {
      await guarded(() => this.client.submitTransaction([['create', marker], ['create', queue]]));
      return true;
    } catch (error) {
      if (!lostRace(error)) throw error;
      const existing = await readEntity(this.client, marker.partitionKey, marker.rowKey);
      return existing?.enqueueId === enqueueId;
    }
  }

  /**
   * Records that a job ran, also when it found nothing to send (enqueue records it only when it
   * writes). One small upsert in the "runs" partition.
   */
  async recordRun(job: string, at: Date, enqueued: number, duplicates = 0): Promise<void> {
    await guarded(() => this.client.upsertEntity({ partitionKey: RUNS_PARTITION, rowKey: runRow(job), job, at, enqueued, duplicates }, 'Replace'));
  }

  private async recordRuns(messages: readonly OutgoingMessage[], queuedKeys: ReadonlySet<string>, at: Date): Promise<void> {
    const runs = new Map<string, { enqueued: number; offered: number }>();
    const counted = new Set<string>();
    for (const message of messages) {
      const run = runs.get(message.job) ?? { enqueued: 0, offered: 0 };
      run.offered++;
      if (queuedKeys.has(message.key) && !counted.has(message.key)) run.enqueued++;
      counted.add(message.key);
      runs.set(message.job, run);
    }
    await Promise.all([...runs].map(([job, run]) => this.recordRun(job, at, run.enqueued, run.offered - run.enqueued)));
  }

  // ---- DeliveryQueue ------------------------------------------------------------------------

  async claim(request: ClaimRequest): Promise<ClaimedMessage[]> {
    if (request.max <= 0) return [];
    const select = ['RowKey', 'key', 'job', 'target', 'attempts', 'lastError'];
    const due = (await Promise.all(ALL_SHARDS.map((shard) => this.query(shard, dueRange(request.now), { select, limit: request.max })))).flat();
    due.sort((a, b) => dueOf(a.rowKey).localeCompare(dueOf(b.rowKey)));
    const chosen = due.slice(0, request.max);
    const byShard = new Map<string, Row[]>();
    for (const row of chosen) byShard.set(row.partitionKey, [...(byShard.get(row.partitionKey) ?? []), row]);

    // A transaction holds 100 operations: 50 moves.
    const chunks = [...byShard.values()].flatMap((rows) => Array.from({ length: Math.ceil(rows.length / MESSAGES_PER_BATCH) }, (_, i) => rows.slice(i * MESSAGES_PER_BATCH, (i + 1) * MESSAGES_PER_BATCH)));
    const claimed = (await Promise.all(chunks.map((rows) => this.claimInShard(rows, request)))).flat();
    const messages = await mapLimited(claimed, READ_PARALLELISM, (moved) => this.withCard(moved, request.until));
    return messages.filter((message): message is ClaimedMessage => message !== undefined);
  }

  /** Moves the rows to q|<until>|…, owned by the worker: all in one transaction, or one by one if another worker took some. */
  private async claimInShard(rows: readonly Row[], request: ClaimRequest): Promise<Entity[]> {
    const moves = rows.map((row) => ({
      from: row,
      to: {
        partitionKey: row.partitionKey,
        rowKey: queueRow(request.until, encodedOf(row.rowKey)),
        key: text(row.key),
        job: text(row.job),
        target: text(row.target),
        attempts: count(row.attempts) + 1,
        claimedBy: request.workerId,
        lastError: text(row.lastError),
      } satisfies Entity,
    }));
    const valid = moves.filter((move) => move.to.rowKey !== move.from.rowKey);
    const actions = (move: (typeof valid)[number]): TransactionAction[] => [
      ['delete', { partitionKey: move.from.partitionKey, rowKey: move.from.rowKey }],
      ['create', move.to],
    ];
    try {
      if (valid.length) await guarded(() => this.client.submitTransaction(valid.flatMap(actions)));
      return valid.map((move) => move.to);
    } catch (error) {
      if (!isNotFound(error) && !lostRace(error)) throw error;
    }
    // Another worker took some of them: claim one by one, keeping what is left.
    const won = await mapLimited(valid, READ_PARALLELISM, async (move): Promise<Entity | undefined> => {
      try {
        await guarded(() => this.client.submitTransaction(actions(move)));
        return move.to;
      } catch (error) {
        if (!isNotFound(error) && !lostRace(error)) throw error;
        return undefined;
      }
    });
    return won.filter((entity): entity is Entity => entity !== undefined);
  }

  /** Reads the card from the marker. A marker already sent or failed means a stale queue row: removed, not returned. */
  private async withCard(moved: Entity, until: Date): Promise<ClaimedMessage | undefined> {
    const encoded = encodedOf(moved.rowKey);
    const marker = await readEntity(this.client, moved.partitionKey, markerRow(encoded));
    if (!marker || marker.state !== 'queued') {
      await this.deleteIfThere(moved.partitionKey, moved.rowKey);
      return undefined;
    }
    return {
      key: text(marker.key),
      job: text(marker.job),
      target: targetFrom(marker),
      card: cardFrom(marker),
      attempt: count(moved.attempts),
      claimUntil: until,
      claimRef: JSON.stringify([moved.partitionKey, moved.rowKey]),
    };
  }

  async complete(message: ClaimedMessage, at: Date): Promise<'recorded' | 'claimLost'> {
    const { partitionKey, rowKey } = parseRef(message.claimRef);
    const encoded = encodedOf(rowKey);
    const marker: Entity = { partitionKey, rowKey: markerRow(encoded), key: message.key, job: message.job, state: 'sent', sentAt: at, attempts: message.attempt };
    const log: Entity = { partitionKey, rowKey: doneRow(at, encoded), key: message.key, job: message.job };
    try {
      // Replace drops the card from the marker: a sent message keeps only its key. The log row is an
      // upsert so that the only way this fails is our queue row being gone.
      await guarded(() =>
        this.client.submitTransaction([
          ['delete', { partitionKey, rowKey }],
          ['update', marker, 'Replace'],
          ['upsert', log, 'Replace'],
        ]),
      );
      return 'recorded';
    } catch (error) {
      if (!isNotFound(error) && !lostRace(error)) throw error;
    }
    // The queue row is gone: either our own first attempt went through (the SDK retried after a lost
    // response), or the claim expired and another worker moved the row. Either way the message was sent.
    const current = await readEntity(this.client, partitionKey, marker.rowKey);
    if (current?.state === 'sent' && (await this.exists(partitionKey, log.rowKey))) return 'recorded';
    await guarded(() => this.client.submitTransaction([['upsert', marker, 'Replace'], ['upsert', log, 'Replace']]));
    return 'claimLost';
  }

  async retry(message: ClaimedMessage, due: Date, error: string): Promise<void> {
    const { partitionKey, rowKey } = parseRef(message.claimRef);
    await this.move(partitionKey, rowKey, { partitionKey, rowKey: this.freshQueueRow(due, rowKey), key: message.key, job: message.job, target: JSON.stringify(message.target), attempts: message.attempt, claimedBy: '', lastError: error.slice(0, 1000) });
  }

  async release(message: ClaimedMessage, at: Date): Promise<void> {
    const { partitionKey, rowKey } = parseRef(message.claimRef);
    await this.move(partitionKey, rowKey, { partitionKey, rowKey: this.freshQueueRow(at, rowKey), key: message.key, job: message.job, target: JSON.stringify(message.target), attempts: Math.max(0, message.attempt - 1), claimedBy: '', lastError: '' });
  }

  async fail(message: ClaimedMessage, at: Date, error: string): Promise<void> {
    const { partitionKey, rowKey } = parseRef(message.claimRef);
    const encoded = encodedOf(rowKey);
    const lastError = error.slice(0, 1000);
    try {
      await guarded(() =>
        this.client.submitTransaction([
          ['delete', { partitionKey, rowKey }],
          ['update', { partitionKey, rowKey: markerRow(encoded), state: 'failed', failedAt: at, attempts: message.attempt, lastError }, 'Merge'],
          ['create', { partitionKey, rowKey: failRow(at, encoded), key: message.key, job: message.job, error: lastError, attempts: message.attempt }],
        ]),
      );
    } catch (caught) {
      // Another worker owns it now (our claim expired): its outcome counts.
      if (!isNotFound(caught) && !lostRace(caught)) throw caught;
    }
  }

  /**
   * The queue row key for a move to `due`: never the current one, and never in the past (so never a
   * key this message had before; a stale worker's delete of its old key then finds nothing).
   */
  private freshQueueRow(due: Date, current: string): string {
    const encoded = encodedOf(current);
    const at = Math.max(due.getTime(), this.clock.now().getTime());
    const next = queueRow(new Date(at), encoded);
    return next === current ? queueRow(new Date(at + 1), encoded) : next;
  }

  private async move(partitionKey: string, from: string, to: Entity): Promise<void> {
    try {
      await guarded(() => this.client.submitTransaction([['delete', { partitionKey, rowKey: from }], ['create', to]]));
    } catch (error) {
      if (!isNotFound(error) && !lostRace(error)) throw error;
    }
  }

  // ---- PipelineMonitor ----------------------------------------------------------------------

  /**
   * Counts from rows that are bounded by the backlog and the window, never by the whole history:
   * queued/sending are the queue rows (sending = claimed by a worker whose claim has not expired);
   * sent and failed are the done|/fail| log rows since `since` (default: the last 24 hours).
   * One range query per shard and kind, in parallel; only keys (and errors) are read.
   */
  async status(options: { readonly since?: Date; readonly recentFailures?: number } = {}): Promise<PipelineStatus> {
    const now = this.clock.now();
    const since = options.since ?? new Date(now.getTime() - DAY_MS);
    const nowIso = now.toISOString();
    const perShard = await Promise.all(
      ALL_SHARDS.map(async (shard) => {
        const [queue, done, failed] = await Promise.all([
          this.query(shard, QUEUE_RANGE, { select: ['RowKey', 'claimedBy'] }),
          this.query(shard, sinceRange('done', since), { select: ['RowKey'] }),
          this.query(shard, sinceRange('fail', since), { select: ['RowKey', 'key', 'job', 'error'] }),
        ]);
        const sending = queue.filter((row) => text(row.claimedBy) && dueOf(row.rowKey) > nowIso).length;
        return { queued: queue.length - sending, sending, sent: done.length, failed };
      }),
    );
    const failures = perShard
      .flatMap((shard) => shard.failed)
      .map((row) => ({ key: text(row.key), job: text(row.job), error: text(row.error), at: row.rowKey.split('|')[1] ?? '' }))
      .sort((a, b) => b.at.localeCompare(a.at));
    const runs = await this.query(RUNS_PARTITION, { from: 'run|', to: 'run|~' }, {});
    return {
      queued: perShard.reduce((sum, shard) => sum + shard.queued, 0),
      sending: perShard.reduce((sum, shard) => sum + shard.sending, 0),
      sent: perShard.reduce((sum, shard) => sum + shard.sent, 0),
      failed: failures.length,
      recentFailures: failures.slice(0, options.recentFailures ?? 10),
      lastRuns: runs
        .map((row) => ({ job: text(row.job), at: row.at instanceof Date ? row.at.toISOString() : text(row.at), enqueued: count(row.enqueued) }))
        .sort((a, b) => a.job.localeCompare(b.job)),
    };
  }

  /**
   * Optional clean-up of history older than `before`: the done|/fail| log rows and their markers.
   * After that the same key could be queued again, so only call it with a horizon beyond any period a
   * job could still re-enqueue (e.g. 90 days). Bounded by the rows in the range.
   */
  async purgeHistory(before: Date): Promise<number> {
    let removed = 0;
    for (const shard of ALL_SHARDS) {
      for (const prefix of ['done', 'fail'] as const) {
        const rows = await this.query(shard, beforeRange(prefix, before), { select: ['RowKey'] });
        for (let start = 0; start < rows.length; start += MESSAGES_PER_BATCH) {
          const slice = rows.slice(start, start + MESSAGES_PER_BATCH);
          const keys = [...new Set([...slice.map((row) => row.rowKey), ...slice.map((row) => markerRow(encodedOf(row.rowKey)))])];
          try {
            await guarded(() => this.client.submitTransaction(keys.map((rowKey): TransactionAction => ['delete', { partitionKey: shard, rowKey }])));
          } catch (error) {
            if (!isNotFound(error)) throw error;
            for (const rowKey of keys) await this.deleteIfThere(shard, rowKey);
          }
          removed += slice.length;
        }
      }
    }
    return removed;
  }

  // ---- helpers ------------------------------------------------------------------------------

  private query(partitionKey: string, range: Range, options: { readonly select?: string[]; readonly limit?: number }): Promise<Row[]> {
    return guarded(async () => {
      const filter = odata`PartitionKey eq ${partitionKey} and RowKey ge ${range.from} and RowKey lt ${range.to}`;
      const rows: Row[] = [];
      const pages = this.client.listEntities<Record<string, unknown>>({ queryOptions: { filter, ...(options.select ? { select: options.select } : {}) } }).byPage({ maxPageSize: options.limit ?? 1000 });
      for await (const page of pages) {
        rows.push(...page.map((row) => ({ ...row, partitionKey, rowKey: row.rowKey ?? '' })));
        if (options.limit && rows.length >= options.limit) return rows.slice(0, options.limit);
      }
      return rows;
    });
  }

  private async exists(partitionKey: string, rowKey: string): Promise<boolean> {
    return (await readEntity(this.client, partitionKey, rowKey)) !== undefined;
  }

  private async deleteIfThere(partitionKey: string, rowKey: string): Promise<void> {
    try {
      await guarded(() => this.client.deleteEntity(partitionKey, checkedKey(rowKey)));
    } catch (error) {
      if (!isNotFound(error)) throw error;
    }
  }
}
