import { Access, oversees, unitsVisibleTo } from './access';
import { isSlug, isUnitId } from './ids';
import { OrganisationSnapshot, ServiceArea, Unit, findServiceArea, findUnit } from './organisation';

/** What a report covers: one unit, a service area's units, or the whole organisation. */
export type ReportScope = { readonly kind: 'unit'; readonly unitId: string } | { readonly kind: 'area'; readonly areaId: string } | { readonly kind: 'organisation' };

/** A scope written as one token ("unit:<id>", "area:<id>", "organisation"), for card choices and links. */
export function scopeToken(scope: ReportScope): string {
  switch (scope.kind) {
    case 'unit':
      return `unit:${scope.unitId}`;
    case 'area':
      return `area:${scope.areaId}`;
    case 'organisation':
      return 'organisation';
  }
}

/** Reads a scope token back; ids must have the shape of ours (the caller checks that they exist). */
export function parseScopeToken(token: string): ReportScope | undefined {
  if (token === 'organisation') return { kind: 'organisation' };
  const [kind, id, ...rest] = token.split(':');
  if (!id || rest.length) return undefined;
  if (kind === 'unit' && isUnitId(id)) return { kind: 'unit', unitId: id };
  if (kind === 'area' && isSlug(id)) return { kind: 'area', areaId: id };
  return undefined;
}

/** The units a scope covers, and its name; undefined when the unit or area does not exist. */
export function resolveScope(scope: ReportScope, org: OrganisationSnapshot): { units: Unit[]; name: string; area?: ServiceArea } | undefined {
  switch (scope.kind) {
    case 'unit': {
      const unit = findUnit(org, scope.unitId);
      return unit ? { units: [unit], name: unit.name } : undefined;
    }
    case 'area': {
      const area = findServiceArea(org, scope.areaId);
      return area ? { units: org.units.filter((u) => u.serviceAreaId === area.id), name: area.name, area } : undefined;
    }
    case 'organisation':
      return { units: [...org.units], name: org.settings.name };
  }
}

/**
 * Who may see a report, decided from stored roles like every other view: a unit's report anyone
 * who may see its board; a service area's its leaders (TOLs); the organisation's those who follow
 * it all (coaches, the executive group, administrators). Checked again when a file is downloaded.
 */
export function canSeeReport(access: Access, org: OrganisationSnapshot, scope: ReportScope): boolean {
  switch (scope.kind) {
    case 'unit':
      return unitsVisibleTo(access, org).some((unit) => unit.id === scope.unitId);
    case 'area':
      return oversees(access) || access.serviceAreaLeaderOf.has(scope.areaId);
    case 'organisation':
      return oversees(access);
  }
}

/** The scopes a person may report on, widest first: the organisation, their service areas, their units. */
export function reportScopesFor(access: Access, org: OrganisationSnapshot): { scope: ReportScope; name: string }[] {
  return [
    ...(oversees(access) ? [{ scope: { kind: 'organisation' } as const, name: org.settings.name }] : []),
    ...org.serviceAreas.filter((area) => canSeeReport(access, org, { kind: 'area', areaId: area.id })).map((area) => ({ scope: { kind: 'area', areaId: area.id } as const, name: area.name })),
    ...unitsVisibleTo(access, org).map((unit) => ({ scope: { kind: 'unit', unitId: unit.id } as const, name: unit.name })),
  ];
}
