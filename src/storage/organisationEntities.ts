import { TableEntity, TableEntityResult } from '@azure/data-tables';
import { isLocale } from '../domain/locale';
import {
  BenefitCategory,
  COUNTRIES,
  CURRENCIES,
  ChannelLink,
  DEFAULT_ORGANISATION,
  ORG_ROLES,
  OrgRole,
  OrganisationSettings,
  RoleAssignment,
  ServiceArea,
  Unit,
} from '../domain/organisation';
import { PersonRef, formatPersonRef, parsePersonRef } from '../domain/people';
import { MeetingSchedule } from '../domain/schedule';
import { checkedKey } from './keys';
import { DamageReport, storedJsonOr } from './storedJson';
import { benefitCategoriesSchema, channelLinkSchema, monthsSchema, namesSchema, scheduleSchema, stringListSchema } from './storedSchemas';

/** The organisation's structure lives in one small partition: one query loads all of it. */
export const ORG_PARTITION = 'org';

export const rowKeys = {
  settings: 'settings',
  area: (id: string) => checkedKey('area', id),
  unit: (id: string) => checkedKey('unit', id),
  role: (role: OrgRole, person: PersonRef) => checkedKey('role', role, formatPersonRef(person)),
  alias: (upn: string) => checkedKey('alias', upn.toLowerCase()),
};

export type OrgRow = TableEntityResult<Record<string, unknown>> & { readonly rowKey: string };
type Entity = TableEntity<Record<string, unknown>>;

const str = (value: unknown): string => (typeof value === 'string' ? value : '');
const refsToJson = (refs: readonly PersonRef[]): string => JSON.stringify(refs.map(formatPersonRef));
const refsFrom = (row: OrgRow, property: string, report?: DamageReport): PersonRef[] =>
  storedJsonOr(row, property, stringListSchema, [], report).flatMap((text) => {
    const ref = parsePersonRef(text);
    return ref ? [ref] : [];
  });

/*
 * Organisation rows are read leniently: every turn loads them all, so one damaged property (a
 * unit's channel link, say) is reported and read as absent instead of stopping the whole bot.
 * Damaged people lists read as empty, which can only take access away, never give it.
 */

export function settingsToEntity(settings: OrganisationSettings): Entity {
  return {
    partitionKey: ORG_PARTITION,
    rowKey: rowKeys.settings,
    name: settings.name,
    language: settings.language,
    timeZone: settings.timeZone,
    country: settings.country,
    currency: settings.currency,
    hoursPerFte: settings.hoursPerFte,
    benefitCategories: JSON.stringify(settings.benefitCategories),
    followUpMonths: JSON.stringify(settings.followUpMonths),
    revisionMonths: settings.revisionMonths ? JSON.stringify(settings.revisionMonths) : null,
  };
}

/** Revision months when set; a damaged or empty value reads as unset (the default months). */
function revisionMonthsOf(row: OrgRow, report?: DamageReport): { revisionMonths?: readonly number[] } {
  const months = storedJsonOr<readonly number[]>(row, 'revisionMonths', monthsSchema, [], report).filter((m) => m <= 12);
  return months.length ? { revisionMonths: months } : {};
}

export function settingsFromEntity(row: OrgRow | undefined, report?: DamageReport): OrganisationSettings {
  if (!row) return DEFAULT_ORGANISATION;
  const d = DEFAULT_ORGANISATION;
  const country = COUNTRIES.find((c) => c === row.country) ?? d.country;
  const currency = CURRENCIES.find((c) => c === row.currency) ?? d.currency;
  return {
    name: str(row.name) || d.name,
    language: isLocale(row.language) ? row.language : d.language,
    timeZone: str(row.timeZone) || d.timeZone,
    country,
    currency,
    hoursPerFte: typeof row.hoursPerFte === 'number' && row.hoursPerFte > 0 ? row.hoursPerFte : d.hoursPerFte,
    benefitCategories: storedJsonOr<readonly BenefitCategory[]>(row, 'benefitCategories', benefitCategoriesSchema, d.benefitCategories, report),
    followUpMonths: storedJsonOr<readonly number[]>(row, 'followUpMonths', monthsSchema, d.followUpMonths, report),
    ...revisionMonthsOf(row, report),
  };
}

export function areaToEntity(area: ServiceArea): Entity {
  return { partitionKey: ORG_PARTITION, rowKey: rowKeys.area(area.id), name: area.name, leaders: refsToJson(area.leaders) };
}

export function areaFromEntity(row: OrgRow, report?: DamageReport): ServiceArea {
  return { id: row.rowKey.slice('area|'.length), name: str(row.name), leaders: refsFrom(row, 'leaders', report) };
}

export function unitToEntity(unit: Unit): Entity {
  return {
    partitionKey: ORG_PARTITION,
    rowKey: rowKeys.unit(unit.id),
    code: unit.code,
    name: unit.name,
    serviceAreaId: unit.serviceAreaId,
    leaders: refsToJson(unit.leaders),
    members: refsToJson(unit.members),
    headcount: unit.headcount ?? null,
    channel: unit.channel ? JSON.stringify(unit.channel) : null,
    names: unit.names ? JSON.stringify(unit.names) : null,
    schedule: unit.schedule ? JSON.stringify(unit.schedule) : null,
  };
}

export function unitFromEntity(row: OrgRow, report?: DamageReport): Unit {
  const channel = storedJsonOr<ChannelLink | undefined>(row, 'channel', channelLinkSchema, undefined, report);
  const names = storedJsonOr<Record<string, string> | undefined>(row, 'names', namesSchema, undefined, report);
  const schedule = storedJsonOr<MeetingSchedule | undefined>(row, 'schedule', scheduleSchema, undefined, report);
  return {
    id: row.rowKey.slice('unit|'.length),
    code: str(row.code),
    name: str(row.name),
    serviceAreaId: str(row.serviceAreaId),
    leaders: refsFrom(row, 'leaders', report),
    members: refsFrom(row, 'members', report),
    ...(typeof row.headcount === 'number' ? { headcount: row.headcount } : {}),
    ...(channel ? { channel } : {}),
    ...(names ? { names } : {}),
    ...(schedule ? { schedule } : {}),
  };
}

export function roleToEntity(assignment: RoleAssignment): Entity {
  return { partitionKey: ORG_PARTITION, rowKey: rowKeys.role(assignment.role, assignment.person) };
}

export function roleFromEntity(row: OrgRow): RoleAssignment | undefined {
  const [, role, ref] = row.rowKey.split('|');
  const person = parsePersonRef(ref ?? '');
  const known = ORG_ROLES.find((r) => r === role);
  return known && person ? { role: known, person } : undefined;
}

export function aliasToEntity(upn: string, aadObjectId: string): Entity {
  return { partitionKey: ORG_PARTITION, rowKey: rowKeys.alias(upn), aadObjectId: aadObjectId.toLowerCase() };
}
