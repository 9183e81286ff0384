import { Goal } from '../domain/goals';
import { OrgRole, OrganisationSettings, OrganisationSnapshot, ServiceArea, Unit } from '../domain/organisation';
import { PersonRef } from '../domain/people';

/** Everything an import writes, validated in full before anything is stored. */
export interface OrganisationImport {
  readonly settings?: OrganisationSettings;
  readonly serviceAreas: readonly ServiceArea[];
  /** Units as given in the file; `members` undefined keeps the stored members (e.g. from a Teams roster). Stored channel links and names are kept, and so are the stored meeting schedule and kind when `schedule` or `kind` is undefined. */
  readonly units: readonly (Omit<Unit, 'members' | 'channel' | 'names'> & { readonly members?: readonly PersonRef[]; readonly names?: Unit['names'] })[];
  readonly roleAssignments?: readonly { readonly role: OrgRole; readonly people: readonly PersonRef[] }[];
  /** Goals as the file gives them (each complete, stored ones overlaid); goals not in the file stay as stored. */
  readonly goals?: readonly Goal[];
}

export interface OrganisationRepository {
  /** The whole structure in one partition query: settings, service areas, units, roles, aliases. */
  load(): Promise<OrganisationSnapshot>;
  createUnit(unit: Unit): Promise<void>;
  /**
   * Read-modify-write of one unit under its ETag. `change` may run more than once: when someone
   * else changed the unit in between, it is re-applied to the fresh copy (and may throw).
   */
  updateUnit(unitId: string, change: (current: Unit) => Unit): Promise<Unit>;
  saveServiceArea(area: ServiceArea): Promise<void>;
  saveSettings(settings: OrganisationSettings): Promise<void>;
  /** Remembers that a UPN named in the organisation belongs to this Entra object id. */
  saveAlias(upn: string, aadObjectId: string): Promise<void>;
  /** Writes a validated import; safe to run again after a storage failure part-way. */
  applyImport(data: OrganisationImport): Promise<void>;
}
