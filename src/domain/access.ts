import { OrgRole, OrganisationSnapshot, Unit } from './organisation';
import { Person, refersTo } from './people';

export type Role = 'member' | 'unitLeader' | 'serviceAreaLeader' | OrgRole;

/** What one person is in the organisation, computed from stored roles (never from card data). */
export interface Access {
  readonly person: Person;
  readonly orgRoles: ReadonlySet<OrgRole>;
  readonly leaderOf: ReadonlySet<string>;
  readonly memberOf: ReadonlySet<string>;
  readonly serviceAreaLeaderOf: ReadonlySet<string>;
}

export function accessFor(person: Person, org: OrganisationSnapshot): Access {
  const named = (refs: Parameters<typeof refersTo>[0][]) => refs.some((ref) => refersTo(ref, person, org.aliases));
  const orgRoles = new Set<OrgRole>(org.roleAssignments.filter((a) => named([a.person])).map((a) => a.role));
  const leaderOf = new Set(org.units.filter((u) => named([...u.leaders])).map((u) => u.id));
  const memberOf = new Set(org.units.filter((u) => named([...u.members])).map((u) => u.id));
  const serviceAreaLeaderOf = new Set(org.serviceAreas.filter((a) => named([...a.leaders])).map((a) => a.id));
  return { person, orgRoles, leaderOf, memberOf, serviceAreaLeaderOf };
}

export function rolesOf(access: Access): Role[] {
  const roles: Role[] = [...access.orgRoles];
  if (access.serviceAreaLeaderOf.size) roles.push('serviceAreaLeader');
  if (access.leaderOf.size) roles.push('unitLeader');
  if (access.memberOf.size) roles.push('member');
  return roles;
}

export const isAdministrator = (access: Access): boolean => access.orgRoles.has('administrator');

/** Leads the unit, leads its service area, or administers the organisation. */
export function canManageUnit(access: Access, unit: Pick<Unit, 'id' | 'serviceAreaId'>): boolean {
  return isAdministrator(access) || access.leaderOf.has(unit.id) || access.serviceAreaLeaderOf.has(unit.serviceAreaId);
}

/**
 * Creating a unit from a channel's set-up card: administrators anywhere, a service-area leader in
 * their own area, and an existing unit leader (who becomes the new unit's leader).
 */
export function canCreateUnitIn(access: Access, serviceAreaId: string): boolean {
  return isAdministrator(access) || access.serviceAreaLeaderOf.has(serviceAreaId) || access.leaderOf.size > 0;
}

/** May set up channels at all: decides whether the set-up card offers anything but an explanation. */
export function canSetUpChannels(access: Access): boolean {
  return isAdministrator(access) || access.leaderOf.size > 0 || access.serviceAreaLeaderOf.size > 0;
}

/** Administrators, Lean coaches and the executive group follow every unit. */
export const oversees = (access: Access): boolean => isAdministrator(access) || access.orgRoles.has('coach') || access.orgRoles.has('executive');

/** Every unit whose board this person may see: their own, their area's, or all for those who oversee. */
export function unitsVisibleTo(access: Access, org: OrganisationSnapshot): Unit[] {
  return oversees(access) ? [...org.units] : unitsOf(access, org);
}

/** The units whose work this person takes part in: member, leader, or leader of the area. */
export function unitsOf(access: Access, org: OrganisationSnapshot): Unit[] {
  return org.units.filter(
    (unit) => access.memberOf.has(unit.id) || access.leaderOf.has(unit.id) || access.serviceAreaLeaderOf.has(unit.serviceAreaId),
  );
}
