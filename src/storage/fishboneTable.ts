import { TableClient, TableEntity, TableEntityResult } from '@azure/data-tables';
import { z } from 'zod';
import { LocalDate } from '../domain/dates';
import { FishboneAnalysis } from '../domain/fishbone';
import { FISHBONE_CATEGORIES } from '../domain/ideas';
import { FishboneRepository } from '../ports/fishboneRepository';
import { assertEntityFits } from './entityLimits';
import { oneOf, optionalText } from './entityValues';
import { listRange, readEntity, updateWithEtag } from './etagUpdate';
import { checkedKey } from './keys';
import { guarded } from './storageErrors';
import { DamageReport, readableRows, storedJson } from './storedJson';
import { personNameSchema } from './storedSchemas';
import { TableStore } from './tableStore';

/**
 * Fishbone analyses in the unit's partition of the Ideas table, `fishbone|<id>`, where the id starts
 * with the day the analysis began: a date range of them is a row-key range.
 */
export const fishboneRow = (id: string) => checkedKey('fishbone', id);

type Entity = TableEntity<Record<string, unknown>>;
type Row = TableEntityResult<Record<string, unknown>>;

const causesSchema = z.array(z.object({ id: z.number().int().positive(), category: z.enum(FISHBONE_CATEGORIES), text: z.string(), by: personNameSchema, at: z.string() }));
const idsSchema = z.array(z.number().int().positive());

export function fishboneToEntity(analysis: FishboneAnalysis): Entity {
  return {
    partitionKey: analysis.unitId,
    rowKey: fishboneRow(analysis.id),
    reason: analysis.reason,
    status: analysis.status,
    startedOn: analysis.startedOn,
    startedBy: JSON.stringify(analysis.startedBy),
    causes: JSON.stringify(analysis.causes),
    mainCauseIds: JSON.stringify(analysis.mainCauseIds),
    outcome: analysis.outcome ?? null,
    concludedOn: analysis.concludedOn ?? null,
    concludedBy: analysis.concludedBy ? JSON.stringify(analysis.concludedBy) : null,
    ideaNumber: analysis.ideaNumber ?? null,
    version: analysis.version,
    changeId: analysis.changeId,
  };
}

export function fishboneFromEntity(row: Row): FishboneAnalysis {
  const outcome = optionalText(row.outcome);
  const concludedOn = optionalText(row.concludedOn);
  const concludedBy = storedJson(row, 'concludedBy', personNameSchema);
  return {
    unitId: String(row.partitionKey),
    id: String(row.rowKey).slice('fishbone|'.length),
    reason: oneOf(['stagnation', 'request'] as const, row.reason, 'request'),
    status: oneOf(['collecting', 'concluded'] as const, row.status, 'collecting'),
    startedOn: String(row.startedOn ?? ''),
    startedBy: storedJson(row, 'startedBy', personNameSchema) ?? { id: '', name: '' },
    causes: storedJson(row, 'causes', causesSchema) ?? [],
    mainCauseIds: storedJson(row, 'mainCauseIds', idsSchema) ?? [],
    ...(outcome ? { outcome } : {}),
    ...(concludedOn ? { concludedOn } : {}),
    ...(concludedBy ? { concludedBy } : {}),
    ...(typeof row.ideaNumber === 'number' ? { ideaNumber: row.ideaNumber } : {}),
    version: Number(row.version ?? 1),
    changeId: String(row.changeId ?? ''),
  };
}

export class FishboneTable implements FishboneRepository {
  private readonly client: TableClient;

  constructor(
    store: TableStore,
    private readonly report?: DamageReport,
  ) {
    this.client = store.client('Ideas');
  }

  async create(analysis: FishboneAnalysis): Promise<void> {
    const entity = fishboneToEntity(analysis);
    assertEntityFits(entity);
    await guarded(() => this.client.createEntity(entity));
  }

  async get(unitId: string, id: string): Promise<FishboneAnalysis | undefined> {
    const row = await readEntity(this.client, unitId, fishboneRow(id));
    return row ? fishboneFromEntity(row) : undefined;
  }

  update(unitId: string, id: string, change: (current: FishboneAnalysis) => FishboneAnalysis): Promise<FishboneAnalysis> {
    return updateWithEtag(this.client, {
      partitionKey: unitId,
      rowKey: fishboneRow(id),
      fromEntity: fishboneFromEntity,
      toEntity: fishboneToEntity,
      change,
      isMine: (fresh, after) => fresh.changeId === after.changeId,
    });
  }

  async startedSince(unitId: string, from: LocalDate): Promise<FishboneAnalysis[]> {
    return readableRows(await listRange(this.client, unitId, { from: `fishbone|${from}`, to: 'fishbone|~' }), fishboneFromEntity, this.report);
  }
}
