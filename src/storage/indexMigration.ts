import { TransactionAction } from '@azure/data-tables';
import { Logger } from '../ports/logger';
import { BENEFIT_RANGE, benefitFromEntity } from './benefitEntities';
import { benefitIndexEntities } from './benefitIndexes';
import { IDEA_RANGE, ideaFromEntity } from './ideaEntities';
import { indexEntitiesOf } from './ideaIndexes';
import { Stored, listRange, readEntity } from './etagUpdate';
import { guarded } from './storageErrors';
import { TableStore } from './tableStore';

/** Marks a unit partition whose index rows are complete. Bump it when the index layout changes. */
const MARKER = 'schema|indexes-v1';
const MAX_BATCH = 100;

/**
 * Builds the live/closed/submitted and benefit index rows (ideaIndexes.ts, benefitIndexes.ts) for
 * unit partitions written before they existed. Runs at start-up, before the bot answers: one point
 * read per unit when done already, a single scan per unit once otherwise. The writes are upserts, so
 * an interrupted run is simply done again.
 */
export async function migrateIndexes(store: TableStore, unitIds: readonly string[], logger: Logger): Promise<number> {
  const client = store.client('Ideas');
  let migrated = 0;
  for (const unitId of unitIds) {
    if (await readEntity(client, unitId, MARKER)) continue;
    const [ideas, benefits] = await Promise.all([listRange(client, unitId, IDEA_RANGE), listRange(client, unitId, BENEFIT_RANGE)]);
    const rows = [...readable(ideas, ideaFromEntity, indexEntitiesOf, logger), ...readable(benefits, benefitFromEntity, benefitIndexEntities, logger)];
    for (let start = 0; start < rows.length; start += MAX_BATCH) {
      const batch = rows.slice(start, start + MAX_BATCH).map((entity): TransactionAction => ['upsert', entity, 'Replace']);
      await guarded(() => client.submitTransaction(batch));
    }
    await guarded(() => client.upsertEntity({ partitionKey: unitId, rowKey: MARKER, at: new Date() }, 'Replace'));
    if (rows.length) logger.info({ unitId, rows: rows.length }, 'built the index rows of a unit written by an older version');
    migrated++;
  }
  return migrated;
}

/** A damaged row is left out of the indexes (and logged): it was already unreadable on every board. */
function readable<T, E>(rows: readonly Stored[], read: (row: Stored) => T, index: (value: T) => E[], logger: Logger): E[] {
  return rows.flatMap((row) => {
    try {
      return index(read(row));
    } catch (error) {
      logger.error({ rowKey: row.rowKey, err: error instanceof Error ? error.message : String(error) }, 'damaged row left out of the indexes');
      return [];
    }
  });
}
