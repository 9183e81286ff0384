import { Access, canManageUnit } from './access';
import { Totals } from './benefits';
import { IdeaRef } from './ideas';
import { OrganisationSnapshot, Unit } from './organisation';

/**
 * "Where else?": a practice that worked in one unit (an idea done with an approved realized gain)
 * is offered, once its unit leader says it could help elsewhere, to units with a similar open
 * problem or of the same kind. A unit adopts it as a new idea of its own, linked to the original.
 */

/** Why a unit is offered a practice. */
export type SuggestionReason = 'similar' | 'kind';

/** A practice offered to a unit, until it adopts or declines it. */
export interface PracticeSuggestion {
  readonly from: IdeaRef;
  readonly title: string;
  readonly proposal?: string;
  /** The original's approved realized gain when it was offered, per year. */
  readonly realized: Totals;
  readonly reason: SuggestionReason;
  readonly suggestedAt: string;
}

/** What the original's unit leader said. */
export type WhereElseAnswer = 'yes' | 'no';

/** At most this many units are offered one practice, and a unit's digest shows at most this many. */
export const MAX_RECEIVING_UNITS = 10;
export const MAX_PENDING_SUGGESTIONS = 5;

/**
 * The units to offer a practice to: those with a similar open problem first (best match first),
 * then those of the same kind, never the practice's own unit, at most MAX_RECEIVING_UNITS.
 */
export function receivingUnits(org: OrganisationSnapshot, own: Unit, similarUnitIds: readonly string[]): { unit: Unit; reason: SuggestionReason }[] {
  const chosen = new Map<string, { unit: Unit; reason: SuggestionReason }>();
  for (const id of similarUnitIds) {
    const unit = org.units.find((u) => u.id === id);
    if (unit && unit.id !== own.id && !chosen.has(id)) chosen.set(id, { unit, reason: 'similar' });
  }
  if (own.kind) for (const unit of org.units) if (unit.kind === own.kind && unit.id !== own.id && !chosen.has(unit.id)) chosen.set(unit.id, { unit, reason: 'kind' });
  return [...chosen.values()].slice(0, MAX_RECEIVING_UNITS);
}

/** Who answers "could it help elsewhere?" and who adopts a practice for a unit: those who manage the unit. */
export const decidesForUnit = (access: Access, unit: Pick<Unit, 'id' | 'serviceAreaId'>): boolean => canManageUnit(access, unit);

/** One unit's practice and how far it spread: the distinct units that adopted it. */
export interface PracticeSpread {
  readonly number: number;
  readonly title: string;
  readonly units: number;
}

/**
 * "Practice spread to N units", per original idea, counting adoptions made up to `until` (an ISO
 * date or instant; all when absent), most spread first.
 */
export function practiceSpread(adoptions: readonly { readonly number: number; readonly title: string; readonly unitId: string; readonly at: string }[], until?: string): PracticeSpread[] {
  const byIdea = new Map<number, { title: string; units: Set<string> }>();
  for (const adoption of adoptions) {
    if (until && adoption.at.slice(0, 10) > until) continue;
    const entry = byIdea.get(adoption.number) ?? { title: adoption.title, units: new Set<string>() };
    entry.units.add(adoption.unitId);
    byIdea.set(adoption.number, entry);
  }
  return [...byIdea].map(([number, { title, units }]) => ({ number, title, units: units.size })).sort((a, b) => b.units - a.units || a.number - b.number);
}
