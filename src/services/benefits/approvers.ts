import { OrganisationSnapshot, Unit, findServiceArea } from '../../domain/organisation';
import { objectIdsOf } from '../../domain/people';

/** The Entra object ids of the unit's service-area leaders (TOLs) who can be reached. */
export function serviceAreaLeaderIds(org: OrganisationSnapshot, unit: Pick<Unit, 'serviceAreaId'>): string[] {
  return objectIdsOf(findServiceArea(org, unit.serviceAreaId)?.leaders ?? [], org.aliases);
}

/** The Entra object ids of the organisation's administrators who can be reached. */
export function administratorIds(org: OrganisationSnapshot): string[] {
  return objectIdsOf(
    org.roleAssignments.filter((assignment) => assignment.role === 'administrator').map((assignment) => assignment.person),
    org.aliases,
  );
}

/**
 * Who is asked to approve a realized gain registered by `submitterId`: the area's TOLs, except the
 * one who registered it (nobody approves their own gain); when that leaves nobody, the
 * administrators, again without the registrant.
 */
export function approverIdsFor(org: OrganisationSnapshot, unit: Pick<Unit, 'serviceAreaId'>, submitterId: string): { readonly ids: string[]; readonly administrators: boolean } {
  const others = (ids: string[]) => ids.filter((id) => id.toLowerCase() !== submitterId.toLowerCase());
  const leaders = others(serviceAreaLeaderIds(org, unit));
  return leaders.length ? { ids: leaders, administrators: false } : { ids: others(administratorIds(org)), administrators: true };
}
