import { PersonName } from '../../domain/ideas';
import { UnitContext } from '../ideas/ideaContext';

/**
 * Who may be named on a revision or an analysis: the unit's people, and the person at the card,
 * who as a service-area leader or a Lean coach is seldom a member of the unit.
 */
export function peopleWithMe(context: UnitContext): PersonName[] {
  return context.people.some((p) => p.id === context.me.id) ? [...context.people] : [...context.people, { id: context.me.id, name: context.me.name }];
}
