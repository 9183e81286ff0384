/** What an import will do, counted against the stored organisation. */
import { findGoal } from '../../domain/goals';
import { OrgRole, OrganisationSnapshot, ServiceArea, Unit, findServiceArea, findUnit } from '../../domain/organisation';
import { PersonRef, formatPersonRef } from '../../domain/people';
import { OrganisationImport } from '../../ports/organisationRepository';
import { ImportedUnit } from './drafts';

export interface ImportCounts {
  readonly created: number;
  /** Stored before and changed by the file. */
  readonly updated: number;
  /** Stored before and listed in the file without a change. */
  readonly unchanged: number;
}

export interface ImportSummary {
  readonly serviceAreas: ImportCounts;
  readonly units: ImportCounts;
  /** Goals the file lists (goals it leaves out stay as stored); absent when it lists none. */
  readonly goals?: ImportCounts;
  /** Whether the file changes the organisation's settings (only YAML has them). */
  readonly settingsChanged: boolean;
  /** The organisation roles the file sets, with how many people hold each afterwards. */
  readonly roles: Readonly<Partial<Record<OrgRole, number>>>;
}

const refsKey = (refs: readonly PersonRef[]): string => refs.map(formatPersonRef).join(',');

function sameArea(area: ServiceArea, stored: ServiceArea): boolean {
  return area.name === stored.name && refsKey(area.leaders) === refsKey(stored.leaders);
}

function sameUnit(unit: ImportedUnit, stored: Unit): boolean {
  return (
    unit.code === stored.code &&
    unit.name === stored.name &&
    unit.serviceAreaId === stored.serviceAreaId &&
    unit.headcount === stored.headcount &&
    unit.kind === stored.kind &&
    JSON.stringify(unit.schedule) === JSON.stringify(stored.schedule) &&
    refsKey(unit.leaders) === refsKey(stored.leaders) &&
    (unit.members === undefined || refsKey(unit.members) === refsKey(stored.members))
  );
}

function countChanges<T extends { id: string }, S>(items: readonly T[], storedOf: (id: string) => S | undefined, same: (item: T, stored: S) => boolean): ImportCounts {
  let created = 0;
  let updated = 0;
  let unchanged = 0;
  for (const item of items) {
    const stored = storedOf(item.id);
    if (stored === undefined) created++;
    else if (same(item, stored)) unchanged++;
    else updated++;
  }
  return { created, updated, unchanged };
}

export function summarise(data: OrganisationImport, current: OrganisationSnapshot): ImportSummary {
  const roles: Partial<Record<OrgRole, number>> = {};
  for (const assignment of data.roleAssignments ?? []) roles[assignment.role] = assignment.people.length;
  return {
    serviceAreas: countChanges(data.serviceAreas, (id) => findServiceArea(current, id), sameArea),
    units: countChanges(data.units, (id) => findUnit(current, id), sameUnit),
    ...(data.goals?.length ? { goals: countChanges(data.goals, (id) => findGoal(current.goals, id), (goal, stored) => JSON.stringify(goal) === JSON.stringify(stored)) } : {}),
    settingsChanged: data.settings !== undefined && JSON.stringify(data.settings) !== JSON.stringify(current.settings),
    roles,
  };
}
