import { LocalDate } from './dates';
import { ActionItem, Idea, IdeaOrigin, MAX_ACTIONS_PER_IDEA, PersonName } from './ideas';
import { ValidationError } from './errors';

/**
 * Follow-up points of a half-yearly revision, and the actions a fishbone analysis decides on,
 * become action items on one idea per revision or analysis. On the unit's board it is one item
 * ("Halvårlig revisjon september 2026") with its points, each with an owner and a due date, so
 * the overdue reminders and escalations work on them unchanged. Deviations such as missed
 * meetings belong to no idea of their own, so they could not be put on "the ideas concerned".
 */

export interface FollowUpAction {
  readonly text: string;
  readonly owner?: PersonName;
  readonly dueDate?: LocalDate;
}

export interface FollowUpChange {
  readonly id: string;
  readonly by: PersonName;
  readonly at: string;
}

/** A new follow-up idea: planned, owned by whoever leads the follow-up, with the points as its action items. */
export function followUpIdea(parts: {
  readonly unitId: string;
  readonly number: number;
  readonly title: string;
  readonly origin: IdeaOrigin;
  readonly owner?: PersonName;
  readonly actions: readonly FollowUpAction[];
  readonly change: FollowUpChange;
}): Idea {
  const { change } = parts;
  if (parts.actions.length > MAX_ACTIONS_PER_IDEA) throw new ValidationError([{ field: 'followUps', problem: 'outOfRange', params: { min: 0, max: MAX_ACTIONS_PER_IDEA } }]);
  return {
    unitId: parts.unitId,
    number: parts.number,
    title: parts.title,
    type: 'improve',
    wastes: [],
    benefitAreas: [],
    status: 'planned',
    submitter: change.by,
    ...(parts.owner ? { owner: parts.owner } : {}),
    actions: parts.actions.map((action, i): ActionItem => ({ ...action, id: i + 1, done: false })),
    origin: parts.origin,
    createdAt: change.at,
    updatedAt: change.at,
    statusChangedAt: change.at,
    // Nobody needs to answer leadership's own follow-up: it counts as answered when made.
    firstResponseAt: change.at,
    benefitRegistered: false,
    version: 1,
    lastChange: { id: change.id, by: change.by, at: change.at, what: 'submitted' },
  };
}

/** More points on an existing follow-up idea; the ids of the new action items come back with it. */
export function withMoreActions(idea: Idea, actions: readonly FollowUpAction[], change: FollowUpChange): { idea: Idea; ids: number[] } {
  if (idea.actions.length + actions.length > MAX_ACTIONS_PER_IDEA) throw new ValidationError([{ field: 'followUps', problem: 'outOfRange', params: { min: 0, max: MAX_ACTIONS_PER_IDEA - idea.actions.length } }]);
  const first = idea.actions.reduce((max, a) => Math.max(max, a.id), 0) + 1;
  const added = actions.map((action, i): ActionItem => ({ ...action, id: first + i, done: false }));
  return {
    idea: { ...idea, actions: [...idea.actions, ...added], updatedAt: change.at, version: idea.version + 1, lastChange: { id: change.id, by: change.by, at: change.at, what: 'action' } },
    ids: added.map((a) => a.id),
  };
}
