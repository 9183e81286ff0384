import { DomainError } from '../../domain/errors';
import { GOAL_LEVELS, GoalInput, GoalOwner } from '../../domain/goals';
import { isSlug } from '../../domain/ids';
import { ShownGoal } from '../../services/goals/goalSetting';
import { CardData } from './cardData';
import { CardForm, listedForm } from './cardForm';

/** The goal cards' data as typed commands: whose goals, which goal as shown, and the form as typed. */

const notFound = (): never => {
  throw new DomainError('notFound');
};

/** The owner a goals button is about; undefined when the card names none (the command's default then). */
export function goalOwnerOf(data: CardData): GoalOwner | undefined {
  const level = GOAL_LEVELS.find((known) => known === data.token('level'));
  if (!level) return data.has('level') ? notFound() : undefined;
  if (level === 'organisation') return { level };
  const ownerId = data.token('ownerId') ?? '';
  return isSlug(ownerId) ? { level, ownerId } : notFound();
}

/** The goal a button is about and the version the card showed; undefined when it is about no goal (a new one). */
export function shownGoalOf(data: CardData): ShownGoal | undefined {
  const goalId = data.token('goalId') ?? '';
  if (!goalId) return undefined;
  const version = data.token('version') ?? '';
  return isSlug(goalId) && /^[0-9a-z]{1,13}$/.test(version) ? { goalId, version } : notFound();
}

export const GOAL_INPUTS = ['title', 'measure', 'target', 'parentId'] as const;

export function goalInputOf(data: CardData): GoalInput {
  const parentId = data.token('parentId');
  return { title: data.text('title'), measure: data.text('measure'), target: data.text('target'), ...(parentId ? { parentId } : {}) };
}

export const GOAL_FORM: CardForm = listedForm({
  title: { label: 'goals.titleLabel' },
  measure: { label: 'goals.measureLabel' },
  target: { label: 'goals.targetLabel' },
  parentId: { label: 'goals.parentLabel' },
});
