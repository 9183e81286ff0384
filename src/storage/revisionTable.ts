import { TableClient, TableEntity, TableEntityResult } from '@azure/data-tables';
import { z } from 'zod';
import { DomainError } from '../domain/errors';
import { GEMBA_CHECKS, GembaCheck, RevisionRecord } from '../domain/revision';
import { RevisionRepository, RevisionSaveResult } from '../ports/revisionRepository';
import { assertEntityFits } from './entityLimits';
import { optionalText } from './entityValues';
import { listRange, readEntity } from './etagUpdate';
import { checkedKey } from './keys';
import { guarded, isConflict, isPreconditionFailed } from './storageErrors';
import { DamageReport, readableRows, storedJson } from './storedJson';
import { personNameSchema, stringListSchema } from './storedSchemas';
import { TableStore } from './tableStore';

/**
 * Revision records in the unit's partition of the Ideas table, `revision|<yyyy-mm>`: rounds sort
 * as text, so a unit's revisions are one short range query.
 */
export const revisionRow = (round: string) => checkedKey('revision', round);
const REVISION_RANGE = { from: 'revision|', to: 'revision|~' } as const;

type Entity = TableEntity<Record<string, unknown>>;
type Row = TableEntityResult<Record<string, unknown>>;

const participantsSchema = z.array(personNameSchema);
const deviationsSchema = z.record(z.string(), z.number().int().min(0));
const followUpSchema = z.object({ ideaNumber: z.number().int().positive(), actionIds: z.array(z.number().int().positive()) });

export function revisionToEntity(record: RevisionRecord): Entity {
  return {
    partitionKey: record.unitId,
    rowKey: revisionRow(record.round),
    round: record.round,
    visitedOn: record.visitedOn,
    participants: JSON.stringify(record.participants),
    otherParticipants: record.otherParticipants ?? null,
    observations: record.observations ?? null,
    checks: JSON.stringify(record.checks),
    deviations: JSON.stringify(record.deviations),
    followUp: record.followUp ? JSON.stringify(record.followUp) : null,
    recordedById: record.recordedBy.id,
    recordedByName: record.recordedBy.name,
    recordedAt: record.recordedAt,
    version: record.version,
    changeId: record.changeId,
  };
}

export function revisionFromEntity(row: Row): RevisionRecord {
  const otherParticipants = optionalText(row.otherParticipants);
  const observations = optionalText(row.observations);
  const followUp = storedJson(row, 'followUp', followUpSchema);
  return {
    unitId: String(row.partitionKey),
    round: String(row.round ?? String(row.rowKey).slice('revision|'.length)),
    visitedOn: String(row.visitedOn ?? ''),
    participants: storedJson(row, 'participants', participantsSchema) ?? [],
    ...(otherParticipants ? { otherParticipants } : {}),
    ...(observations ? { observations } : {}),
    // A check dropped in a later version is left out, not a reason to refuse the record.
    checks: (storedJson(row, 'checks', stringListSchema) ?? []).filter((c): c is GembaCheck => (GEMBA_CHECKS as readonly string[]).includes(c)),
    deviations: storedJson(row, 'deviations', deviationsSchema) ?? {},
    ...(followUp ? { followUp } : {}),
    recordedBy: { id: String(row.recordedById ?? ''), name: String(row.recordedByName ?? '') },
    recordedAt: String(row.recordedAt ?? ''),
    version: Number(row.version ?? 1),
    changeId: String(row.changeId ?? ''),
  };
}

export class RevisionTable implements RevisionRepository {
  private readonly client: TableClient;

  constructor(
    store: TableStore,
    private readonly report?: DamageReport,
  ) {
    this.client = store.client('Ideas');
  }

  async get(unitId: string, round: string): Promise<RevisionRecord | undefined> {
    const row = await readEntity(this.client, unitId, revisionRow(round));
    return row ? revisionFromEntity(row) : undefined;
  }

  /** As meeting logs: a first save is an insert (409 if someone was first), a change an update under the ETag (412). */
  async save(record: RevisionRecord, expectedVersion: number): Promise<RevisionSaveResult> {
    const entity = revisionToEntity(record);
    assertEntityFits(entity);
    const outcome = (current: RevisionRecord): RevisionSaveResult => (current.changeId === record.changeId ? { saved: true, record: current } : { saved: false, current });
    if (expectedVersion === 0) {
      try {
        await guarded(() => this.client.createEntity(entity));
        return { saved: true, record };
      } catch (error) {
        if (!isConflict(error)) throw error;
        const current = await this.get(record.unitId, record.round);
        if (!current) throw new DomainError('conflict');
        return outcome(current);
      }
    }
    const row = await readEntity(this.client, record.unitId, revisionRow(record.round));
    if (!row) throw new DomainError('notFound');
    const stored = revisionFromEntity(row);
    if (stored.version !== expectedVersion) return outcome(stored);
    try {
      await guarded(() => this.client.updateEntity(entity, 'Replace', { etag: row.etag }));
      return { saved: true, record };
    } catch (error) {
      if (!isPreconditionFailed(error)) throw error;
      return outcome((await this.get(record.unitId, record.round)) ?? stored);
    }
  }

  async list(unitId: string): Promise<RevisionRecord[]> {
    return readableRows(await listRange(this.client, unitId, REVISION_RANGE), revisionFromEntity, this.report);
  }
}
