import { goalFormCardData, goalSummaries, goalsCardData } from '../../src/cards/goalCards';
import { GoalFormCardData, GoalsCardData } from '../../src/cards/goalModels';
import { NO_FIGURES } from '../../src/domain/goalProgress';
import { Goal } from '../../src/domain/goals';
import { DEFAULT_ORGANISATION } from '../../src/domain/organisation';

/** The goal cards' samples: a unit's goals with chains and figures, none at all, the forms new, with problems and with no parent to choose. */

const org: Goal = { id: 'innovativ', level: 'organisation', title: 'Vestre Toten skal utmerke seg som en innovativ kommune', closed: false };
const area: Goal = { id: 'ho-velferd', level: 'area', ownerId: 'helse-omsorg', parentId: 'innovativ', title: 'Velferdsteknologi i alle tjenester', closed: false };
const unitGoals: Goal[] = Array.from({ length: 12 }, (_, i) => ({
  id: `hn-mal-${i}`,
  level: 'unit',
  ownerId: 'hjemmetjenesten-nord',
  parentId: 'ho-velferd',
  title: `Mål ${i}: ${'digitalt tilsyn hos flere brukere '.repeat(3)}`.slice(0, 120),
  ...(i % 2 ? { measure: 'Andel brukere med digitalt tilsyn', target: '50 %' } : {}),
  closed: false,
}));
const settings = DEFAULT_ORGANISATION;
const base = { owner: { level: 'unit' as const, ownerId: 'hjemmetjenesten-nord' }, name: 'Hjemmetjenesten nord', from: '2026-01-01', to: '2026-03-02', settings };

export const GOAL_SAMPLES: { readonly goals: readonly GoalsCardData[]; readonly 'goal-form': readonly GoalFormCardData[] } = {
  goals: [
    goalsCardData('nb', {
      ...base,
      lines: unitGoals.map((goal, i) => ({ goal, above: [area, org], figures: { ideas: i, done: i % 3, realized: { hours: i * 1250, money: i % 2 ? 300000 : 0, other: 0 } } })),
      closed: [{ ...org, id: 'gammelt', title: 'Et gammelt mål', closed: true }],
      canSet: true,
      others: [
        { owner: { level: 'organisation' }, name: 'Vestre Toten kommune' },
        { owner: { level: 'area', ownerId: 'helse-omsorg' }, name: 'Helse og omsorg' },
      ],
    }, { text: 'Lagret: Mål 1.', color: 'Good' }),
    goalsCardData('da', { ...base, owner: { level: 'organisation' }, name: 'Norddjurs Kommune', lines: [{ goal: org, above: [], figures: NO_FIGURES }], closed: [], canSet: false, others: [] }),
    goalsCardData('en', { ...base, lines: [], closed: [], canSet: true, others: [] }),
  ],
  'goal-form': [
    goalFormCardData('nb', { owner: base.owner, ownerName: base.name, parents: [area, { ...area, id: 'ho-heltid', title: 'Heltidskultur' }] }),
    goalFormCardData('nb', {
      owner: base.owner,
      ownerName: base.name,
      goal: unitGoals[1],
      parents: [area],
      values: { title: '', measure: 'x'.repeat(120), target: '50 %', parentId: 'ho-velferd' },
      errors: { title: 'Mål må fylles ut.', parentId: 'Velg et av målene som tilbys.' },
      note: { text: 'Rett opp feltene som er merket.', color: 'Attention' },
    }),
    goalFormCardData('en', { owner: { level: 'area', ownerId: 'helse-omsorg' }, ownerName: 'Helse og omsorg', parents: [] }),
    goalFormCardData('da', { owner: { level: 'organisation' }, ownerName: 'Norddjurs Kommune', parents: [] }),
  ],
};

/** A unit's open goals as the idea form and the item card offer them. */
export const GOAL_CHOICES = unitGoals.map((goal) => ({ value: goal.id, title: goal.title }));

/** A unit's goals as its board and digest show them. */
export const GOAL_SUMMARIES = goalSummaries('nb', unitGoals.map((goal, i) => ({ goal, above: [area, org], figures: { ideas: i, done: 0, realized: { hours: i * 150, money: 0, other: 0 } } })), DEFAULT_ORGANISATION);
