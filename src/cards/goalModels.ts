import { Choice, TextColor } from './models';

/** The goal cards' data (cards/goals.json, cards/goal-form.json). */

/** Which goals a button is about: the organisation's (ownerId ''), an area's or a unit's. */
export interface GoalOwnerData {
  readonly level: string;
  readonly ownerId: string;
}

export interface GoalLineCardData {
  readonly title: string;
  /** "Measure: …", "Target: …", as one line; absent when the goal has neither. */
  readonly measure?: string;
  /** "Serves: area goal › organisation goal"; absent for the organisation's goals. */
  readonly chain?: string;
  readonly figures: string;
  /** Goes back with Edit and Close: the goal and the version shown. */
  readonly ref: { readonly goalId: string; readonly version: string } & GoalOwnerData;
}

export interface GoalsCardData {
  readonly title: string;
  readonly period: string;
  readonly note?: string;
  readonly noteColor: TextColor;
  readonly owner: GoalOwnerData;
  readonly goals: readonly GoalLineCardData[];
  /** "No goals yet." when there are none. */
  readonly empty?: string;
  readonly closed?: string;
  readonly canSet: boolean;
  readonly others: readonly (GoalOwnerData & { readonly title: string })[];
}

export interface GoalFormCardData {
  readonly title: string;
  readonly note?: string;
  readonly noteColor: TextColor;
  /** Goes back with Save: the owner, and for an edit the goal and the version shown ('' for a new goal). */
  readonly ref: GoalOwnerData & { readonly goalId: string; readonly version: string };
  readonly parents: readonly Choice[];
  /** Below the organisation a goal needs a parent; when none is open, the form says who sets one. */
  readonly needsParent: boolean;
  readonly noParents?: string;
  readonly values: { readonly title: string; readonly measure: string; readonly target: string; readonly parentId: string };
  readonly errors: Readonly<Partial<Record<'title' | 'measure' | 'target' | 'parentId', string>>>;
  readonly requiredMessages: { readonly title: string; readonly parentId: string };
}

/** A unit's goal as a board or a digest shows it: the goal, the chain above it, and what serves it. */
export interface GoalSummaryCardData {
  readonly title: string;
  readonly chain?: string;
  readonly figures: string;
}
