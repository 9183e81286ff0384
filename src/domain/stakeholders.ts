import { Access } from './access';
import { OrganisationSnapshot, Unit } from './organisation';

/**
 * Stakeholders (silo risk): a gain in one unit can make work in another. An idea names the other
 * units it affects; their leaders are asked for a word before it is planned. Moving on is never
 * blocked by them: the card says who has answered.
 */

/** The units an idea in `unit` may name as affected: every other unit of the organisation. */
export function stakeholderChoices(org: OrganisationSnapshot, unit: Pick<Unit, 'id'>): Unit[] {
  return org.units.filter((other) => other.id !== unit.id);
}

/** Whether this person speaks for the stakeholder unit: its leader (or an administrator, who stands in). */
export function speaksFor(access: Access, stakeholderUnitId: string): boolean {
  return access.leaderOf.has(stakeholderUnitId) || access.orgRoles.has('administrator');
}

/** One stakeholder unit's answer on an idea. */
export interface StakeholderAnswer {
  readonly unitId: string;
  /** When its leader commented; absent while they have not. */
  readonly answeredAt?: string;
}
