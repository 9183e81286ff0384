/**
 * The YAML file, which can say everything; each list of keys below is what one of its mappings allows.
 *
 *   organisation:            # optional; omitted keys keep the stored settings
 *     name: Vestre Toten kommune
 *     language: nb           # nb | da | en
 *     timeZone: Europe/Oslo  # an IANA time zone
 *     country: NO            # NO | DK
 *     currency: NOK          # NOK | DKK | EUR | SEK
 *     hoursPerFte: 1700      # 1000..2500
 *     followUpMonths: [3, 12] # when identified benefits are followed up, months after done (1..36)
 *     revisionMonths: [3, 9]  # months of the half-yearly revision (1..12); default March and September
 *     benefitCategories:     # built-in ids (quality, time, money, capacity) or own ones with names
 *       - quality
 *       - id: fuel           # own: a measure (hours, money, quantity, quality), a unit for a quantity
 *         measure: quantity
 *         unit: litres
 *         names: { nb: Drivstoff, da: Brændstof, en: Fuel }
 *   administrators: [admin@kommune.no]   # each role list is optional; a given list replaces the role's holders
 *   coaches: []
 *   executives: []
 *   serviceAreas:
 *     - id: helse-omsorg     # slug
 *       name: Helse og omsorg
 *       leaders: [tol.helse@kommune.no]
 *       units:
 *         - id: sykehjem-a
 *           code: SA         # optional: else the stored code, else the next free "U<n>"
 *           name: Sykehjem A
 *           leaders: [leder.a@kommune.no, 3f2b0c1e-...]   # e-mail/UPN or Entra object id
 *           members: []      # optional; omitted keeps the stored members (they come from the Teams roster)
 *           headcount: 35    # optional, 0..10000
 *           schedule:        # optional board-meeting schedule; omitted keeps the stored one
 *             weekdays: [1, 2, 3, 4, 5]   # 1 = Monday ... 7 = Sunday
 *             time: '08:30'               # local time in the organisation's time zone
 *             pauses: [{ from: '2026-07-01', to: '2026-08-09' }]   # at most 3; inclusive dates
 *
 * In YAML an omitted key of a stored service area or unit keeps its stored value, so an entry
 * with only an `id` and `units` adds units to an area set up earlier. A new area or unit needs a name.
 */
import { ORG_ROLES, OrgRole } from '../../domain/organisation';

export const ROLE_KEYS: Readonly<Record<OrgRole, string>> = { administrator: 'administrators', coach: 'coaches', executive: 'executives' };
export const TOP_KEYS = ['organisation', ...ORG_ROLES.map((role) => ROLE_KEYS[role]), 'serviceAreas'];
export const SETTINGS_KEYS = ['name', 'language', 'timeZone', 'country', 'currency', 'hoursPerFte', 'benefitCategories', 'followUpMonths', 'revisionMonths'];
export const AREA_KEYS = ['id', 'name', 'leaders', 'units'];
export const UNIT_KEYS = ['id', 'code', 'name', 'leaders', 'members', 'headcount', 'schedule'];
export const SCHEDULE_KEYS = ['weekdays', 'time', 'pauses'];
export const PAUSE_KEYS = ['from', 'to'];
export const CATEGORY_KEYS = ['id', 'measure', 'unit', 'names'];
