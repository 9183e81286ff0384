import { UnitGoalsView } from '../../services/goals/goalViews';
import { OrganisationSettings } from '../../domain/organisation';
import { GoalsDto } from '../contract';
import { totalsDto } from './views';

/** The unit's goals for the tab: plain values; the page words them in the person's language. */
export function goalsDto(view: UnitGoalsView, settings: OrganisationSettings): GoalsDto {
  return {
    from: view.from,
    to: view.to,
    currency: settings.currency,
    goals: view.lines.map(({ goal, above, figures }) => ({
      id: goal.id,
      title: goal.title,
      ...(goal.measure ? { measure: goal.measure } : {}),
      ...(goal.target ? { target: goal.target } : {}),
      chain: above.map((g) => ({ level: g.level === 'organisation' ? ('organisation' as const) : ('area' as const), title: g.title })),
      ideas: figures.ideas,
      done: figures.done,
      realized: totalsDto(figures.realized, settings),
    })),
  };
}
