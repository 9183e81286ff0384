import { OrganisationSnapshot, Unit, findServiceArea } from '../../domain/organisation';
import { objectIdsOf } from '../../domain/people';

/** The Entra object ids of the unit's service-area leaders (TOLs) who can be reached. */
export function serviceAreaLeaderIds(org: OrganisationSnapshot, unit: Pick<Unit, 'serviceAreaId'>): string[] {
  return objectIdsOf(findServiceArea(org, unit.serviceAreaId)?.leaders ?? [], org.aliases);
}
