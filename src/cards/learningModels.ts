/** Card data for learning between units: similar ideas, stakeholders, "where else?". */

/** Action data carried as it came: the form's inputs, and which idea an action is about. */
export type ActionData = Readonly<Record<string, string>>;

export interface SimilarIdeaItem {
  /** "HN-3 Færre vaktbytter". */
  readonly heading: string;
  /** Unit · status · realized gain. */
  readonly facts: string;
  readonly open: ActionData;
  readonly join: ActionData;
}

export interface SimilarIdeasCardData {
  readonly intro: string;
  readonly items: readonly SimilarIdeaItem[];
  /** The form's inputs again, with the mark that similar ideas were shown. */
  readonly submit: ActionData;
}
