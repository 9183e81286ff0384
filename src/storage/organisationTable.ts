import { TableClient, TransactionAction, odata } from '@azure/data-tables';
import { DomainError } from '../domain/errors';
import { OrganisationSettings, OrganisationSnapshot, RoleAssignment, ServiceArea, Unit } from '../domain/organisation';
import { OrganisationImport, OrganisationRepository } from '../ports/organisationRepository';
import { assertEntityFits } from './entityLimits';
import { updateWithEtag } from './etagUpdate';
import {
  ORG_PARTITION,
  OrgRow,
  aliasToEntity,
  areaFromEntity,
  areaToEntity,
  roleFromEntity,
  roleToEntity,
  rowKeys,
  settingsFromEntity,
  settingsToEntity,
  unitFromEntity,
  unitToEntity,
} from './organisationEntities';
import { guarded, isConflict } from './storageErrors';
import { DamageReport } from './storedJson';
import { TableStore } from './tableStore';

const MAX_BATCH = 100;

export class OrganisationTable implements OrganisationRepository {
  private readonly client: TableClient;

  constructor(
    store: TableStore,
    private readonly report?: DamageReport,
  ) {
    this.client = store.client('Organisation');
  }

  async load(): Promise<OrganisationSnapshot> {
    const rows = await guarded(async () => {
      const all: OrgRow[] = [];
      const query = this.client.listEntities<Record<string, unknown>>({ queryOptions: { filter: odata`PartitionKey eq ${ORG_PARTITION}` } });
      for await (const row of query) if (row.rowKey) all.push({ ...row, rowKey: row.rowKey });
      return all;
    });
    const kind = (row: OrgRow) => row.rowKey.split('|')[0];
    const aliases = new Map<string, string>();
    const roleAssignments: RoleAssignment[] = [];
    for (const row of rows) {
      if (kind(row) === 'alias' && typeof row.aadObjectId === 'string') aliases.set(row.rowKey.slice('alias|'.length), row.aadObjectId);
      const role = kind(row) === 'role' ? roleFromEntity(row) : undefined;
      if (role) roleAssignments.push(role);
    }
    return {
      settings: settingsFromEntity(rows.find((row) => row.rowKey === rowKeys.settings), this.report),
      serviceAreas: rows.filter((row) => kind(row) === 'area').map((row) => areaFromEntity(row, this.report)),
      units: rows.filter((row) => kind(row) === 'unit').map((row) => unitFromEntity(row, this.report)),
      roleAssignments,
      aliases,
    };
  }

  async createUnit(unit: Unit): Promise<void> {
    const entity = unitToEntity(unit);
    assertEntityFits(entity);
    await guarded(() => this.client.createEntity(entity)).catch((error) => {
      if (isConflict(error)) throw new DomainError('conflict', { unit: unit.id });
      throw error;
    });
  }

  updateUnit(unitId: string, change: (current: Unit) => Unit): Promise<Unit> {
    return updateWithEtag(this.client, {
      partitionKey: ORG_PARTITION,
      rowKey: rowKeys.unit(unitId),
      fromEntity: (row) => unitFromEntity(row, this.report),
      toEntity: unitToEntity,
      change,
    });
  }

  async saveServiceArea(area: ServiceArea): Promise<void> {
    await this.upsert(areaToEntity(area));
  }

  async saveSettings(settings: OrganisationSettings): Promise<void> {
    await this.upsert(settingsToEntity(settings));
  }

  async saveAlias(upn: string, aadObjectId: string): Promise<void> {
    await this.upsert(aliasToEntity(upn, aadObjectId));
  }

  /**
   * Upserts in transactions of up to 100 operations (one partition). Every row is checked before
   * the first is written, and every write is an idempotent upsert, so running the import again
   * after a storage failure part-way completes it.
   */
  async applyImport(data: OrganisationImport): Promise<void> {
    const current = await this.load();
    const units = data.units.map((unit) => {
      const stored = current.units.find((u) => u.id === unit.id);
      const names = stored?.names || unit.names ? { names: { ...stored?.names, ...unit.names } } : {};
      // A file that says nothing about the meeting schedule keeps the one set from the card.
      const schedule = unit.schedule ?? stored?.schedule;
      return unitToEntity({ ...unit, members: unit.members ?? stored?.members ?? [], ...(stored?.channel ? { channel: stored.channel } : {}), ...names, ...(schedule ? { schedule } : {}) });
    });
    const roles = (data.roleAssignments ?? []).flatMap(({ role, people }) => people.map((person) => roleToEntity({ role, person })));
    const replacedRoles = new Set((data.roleAssignments ?? []).map((a) => a.role));
    const staleRoles = current.roleAssignments
      .filter((a) => replacedRoles.has(a.role))
      .map(roleToEntity)
      .filter((old) => !roles.some((r) => r.rowKey === old.rowKey));
    const upserts = [...(data.settings ? [settingsToEntity(data.settings)] : []), ...data.serviceAreas.map(areaToEntity), ...units, ...roles];
    upserts.forEach(assertEntityFits);
    const actions: TransactionAction[] = [
      ...upserts.map((entity): TransactionAction => ['upsert', entity, 'Replace']),
      ...staleRoles.map((entity): TransactionAction => ['delete', entity]),
    ];
    for (let start = 0; start < actions.length; start += MAX_BATCH) {
      const batch = actions.slice(start, start + MAX_BATCH);
      await guarded(() => this.client.submitTransaction(batch));
    }
  }

  private async upsert(entity: ReturnType<typeof areaToEntity>): Promise<void> {
    assertEntityFits(entity);
    await guarded(() => this.client.upsertEntity(entity, 'Replace'));
  }
}
