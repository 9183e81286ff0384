import type { GoalsDto, UnitDto } from '../../../../src/tab/contract';
import { Api } from '../api';
import { fill, h } from '../dom';
import { number, pl, tr } from '../i18n';

type GoalDto = GoalsDto['goals'][number];

/** "12 h · 3 000 NOK": realized hours, and money when there is any. */
function gain(goal: GoalDto, currency: string): string {
  const hours = tr('benefitAmount.hours', { n: number(goal.realized.hours) });
  return goal.realized.money ? `${hours} · ${number(goal.realized.money, 0)} ${currency}` : hours;
}

function goalItem(goal: GoalDto, currency: string): HTMLElement {
  const measure = [goal.measure ? tr('goals.measureLine', { measure: goal.measure }) : '', goal.target ? tr('goals.targetLine', { target: goal.target }) : ''].filter(Boolean).join(' · ');
  return h(
    'li',
    { class: 'goal', 'data-goal': goal.id },
    h('span', { class: 'goal-title' }, goal.title),
    measure ? h('span', { class: 'goal-measure' }, measure) : null,
    goal.chain.length ? h('span', { class: 'goal-chain' }, tr('goals.serves', { chain: goal.chain.map((g) => g.title).join(' › ') })) : null,
    h('span', { class: 'goal-figures' }, pl('goals.figures', goal.ideas, { done: goal.done, gain: gain(goal, currency) })),
  );
}

/**
 * The unit's goals above its board: each with the chain up to the organisation's goal and what
 * serves it this year. Nothing is shown for a unit without goals.
 */
export class GoalsView {
  readonly element: HTMLElement = h('section', { class: 'goals', 'aria-labelledby': 'goals-heading', hidden: true });

  constructor(
    private readonly api: Api,
    private readonly unit: UnitDto,
  ) {}

  async load(): Promise<void> {
    const { goals, currency } = await this.api.get<GoalsDto>(`/units/${this.unit.id}/goals`);
    this.element.hidden = !goals.length;
    fill(this.element, h('h2', { id: 'goals-heading' }, tr('goals.heading')), h('ul', {}, ...goals.map((goal) => goalItem(goal, currency))));
  }
}
