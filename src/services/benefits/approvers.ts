import { OrganisationSnapshot, Unit, findServiceArea } from '../../domain/organisation';

/**
 * The Entra object ids of the unit's service-area leaders: given by id, or by UPN once the person
 * has been met (alias). A TOL named only by an unseen UPN cannot be reached yet.
 */
export function serviceAreaLeaderIds(org: OrganisationSnapshot, unit: Pick<Unit, 'serviceAreaId'>): string[] {
  const area = findServiceArea(org, unit.serviceAreaId);
  const ids = (area?.leaders ?? []).flatMap((ref) => {
    const id = ref.kind === 'aad' ? ref.id : org.aliases.get(ref.upn);
    return id ? [id] : [];
  });
  return [...new Set(ids)];
}
