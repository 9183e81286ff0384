import { BenefitMeasure } from './benefitMeasure';
import { Locale } from './locale';
import { PersonRef, objectIdsOf } from './people';
import { MeetingSchedule } from './schedule';

export const COUNTRIES = ['NO', 'DK'] as const;
export type Country = (typeof COUNTRIES)[number];

export const CURRENCIES = ['NOK', 'DKK', 'EUR', 'SEK'] as const;
export type Currency = (typeof CURRENCIES)[number];

/** Benefit categories every organisation has; their names live in the message catalogs. */
export const BUILT_IN_BENEFIT_CATEGORIES = ['quality', 'time', 'money', 'capacity'] as const;
export type BuiltInBenefitCategory = (typeof BUILT_IN_BENEFIT_CATEGORIES)[number];

/** What each built-in category is measured in. */
export const BUILT_IN_MEASURES: Readonly<Record<BuiltInBenefitCategory, BenefitMeasure>> = { quality: 'quality', time: 'hours', money: 'money', capacity: 'quantity' };

export const isBuiltInCategory = (id: string): id is BuiltInBenefitCategory => (BUILT_IN_BENEFIT_CATEGORIES as readonly string[]).includes(id);

/**
 * A benefit category and what its gains are measured in. Built-in ones are named by the catalogs;
 * an organisation's own carry their names (Norddjurs: purchasing, fuel, machine lifetime). A
 * quantity category may name its unit ("litres"); without one, each plan names its own.
 */
export interface BenefitCategory {
  readonly id: string;
  readonly names?: Partial<Record<Locale, string>>;
  readonly measure: BenefitMeasure;
  readonly unit?: string;
}

/**
 * The measure a category has when none was stored (categories written before categories had
 * one): the built-in mapping, else quality, which computes nothing until the administrator says
 * what the category is measured in.
 */
export const defaultMeasure = (id: string): BenefitMeasure => (isBuiltInCategory(id) ? BUILT_IN_MEASURES[id] : 'quality');

export function findCategory(settings: Pick<OrganisationSettings, 'benefitCategories'>, id: string): BenefitCategory | undefined {
  return settings.benefitCategories.find((category) => category.id === id);
}

export interface OrganisationSettings {
  readonly name: string;
  readonly language: Locale;
  readonly timeZone: string;
  readonly country: Country;
  readonly currency: Currency;
  /** Effective hours in one full-time equivalent: about 1,700 in Norway, often 1,924 in Denmark. */
  readonly hoursPerFte: number;
  readonly benefitCategories: readonly BenefitCategory[];
  /** Months after an idea is done when the owner of an identified benefit is asked to measure it. */
  readonly followUpMonths: readonly number[];
  /**
   * Months (1-12) of the half-yearly revision, when each unit's service-area leader goes to Gemba.
   * Absent: March and September (see revision.ts).
   */
  readonly revisionMonths?: readonly number[];
}

export const DEFAULT_ORGANISATION: OrganisationSettings = {
  name: 'Tavla',
  language: 'nb',
  timeZone: 'Europe/Oslo',
  country: 'NO',
  currency: 'NOK',
  hoursPerFte: 1700,
  benefitCategories: BUILT_IN_BENEFIT_CATEGORIES.map((id) => ({ id, measure: BUILT_IN_MEASURES[id] })),
  followUpMonths: [3, 12],
};

export interface ServiceArea {
  readonly id: string;
  readonly name: string;
  /** Service-area leaders (TOLs): they oversee the area's units and approve benefit registrations. */
  readonly leaders: readonly PersonRef[];
}

/** Where the bot reaches a unit's Teams channel for proactive posts. */
export interface ChannelLink {
  readonly conversationId: string;
  readonly teamId: string;
  readonly tenantId: string;
  readonly serviceUrl: string;
  readonly channelName?: string;
}

export interface Unit {
  readonly id: string;
  /** Prefix of the unit's human-facing item ids, e.g. "U7" in "U7-42". */
  readonly code: string;
  readonly name: string;
  readonly serviceAreaId: string;
  readonly leaders: readonly PersonRef[];
  readonly members: readonly PersonRef[];
  readonly headcount?: number;
  readonly channel?: ChannelLink;
  /** Display names by Entra object id, learned from the Teams roster, for choosing owners on cards. */
  readonly names?: Readonly<Record<string, string>>;
  /** When the unit holds its board meeting; the prompt is posted in its channel then. */
  readonly schedule?: MeetingSchedule;
}

export const ORG_ROLES = ['administrator', 'coach', 'executive'] as const;
export type OrgRole = (typeof ORG_ROLES)[number];

export interface RoleAssignment {
  readonly role: OrgRole;
  readonly person: PersonRef;
}

/** Everything about the organisation's structure that access decisions need, read as one piece. */
export interface OrganisationSnapshot {
  readonly settings: OrganisationSettings;
  readonly serviceAreas: readonly ServiceArea[];
  readonly units: readonly Unit[];
  readonly roleAssignments: readonly RoleAssignment[];
  /** UPN -> Entra object id, learned when a named person first meets the bot. */
  readonly aliases: ReadonlyMap<string, string>;
}

/**
 * Limits that keep a unit entity below Azure Tables' 64 KiB per property: 300 members with UPNs or
 * object ids, and their names, each fit in one property with room to spare.
 */
export const MAX_PEOPLE_PER_UNIT = 300;
export const MAX_LEADERS = 20;

/** The unit's people who can be picked as owners: leaders and members known by object id, with names. */
export function peopleOfUnit(unit: Unit, aliases: ReadonlyMap<string, string>): { id: string; name: string }[] {
  return objectIdsOf([...unit.leaders, ...unit.members], aliases)
    .map((id) => ({ id, name: unit.names?.[id] ?? '' }))
    .filter((p) => p.name);
}

export function findUnit(org: OrganisationSnapshot, unitId: string): Unit | undefined {
  return org.units.find((unit) => unit.id === unitId);
}

export function findServiceArea(org: OrganisationSnapshot, areaId: string): ServiceArea | undefined {
  return org.serviceAreas.find((area) => area.id === areaId);
}

export function unitForChannel(org: OrganisationSnapshot, conversationId: string): Unit | undefined {
  const channelId = channelOf(conversationId);
  return org.units.find((unit) => unit.channel && channelOf(unit.channel.conversationId) === channelId);
}

/** Teams appends ";messageid=..." to a channel conversation id when a message starts a thread. */
export function channelOf(conversationId: string): string {
  return conversationId.split(';')[0];
}

/** The next free unit code: "U1", "U2", ... skipping codes in use. */
export function nextUnitCode(units: readonly Unit[]): string {
  const used = new Set(units.map((unit) => unit.code));
  for (let n = 1; ; n++) {
    if (!used.has(`U${n}`)) return `U${n}`;
  }
}
