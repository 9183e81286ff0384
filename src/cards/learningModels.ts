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

export interface StakeholderAskCardData {
  readonly ref: { readonly unitId: string; readonly number: number; readonly stakeholderUnitId: string };
  readonly headline: string;
  /** "HN-3 Vaktbytte i app". */
  readonly heading: string;
  readonly situation?: string;
  readonly proposal?: string;
  readonly note?: string;
  readonly noteColor: 'Good' | 'Attention' | 'Default';
  readonly commentLabel: string;
  readonly comment: string;
  readonly canAnswer: boolean;
}

export interface StakeholdersFormCardData {
  readonly ref: { readonly unitId: string; readonly number: number };
  readonly heading: string;
  readonly choices: readonly { readonly title: string; readonly value: string }[];
  /** The chosen units, comma-separated as a multi-select sends them. */
  readonly value: string;
  readonly error?: string;
}

export interface WhereElseCardData {
  readonly ref: { readonly unitId: string; readonly number: number };
  readonly headline: string;
  readonly heading: string;
  readonly proposal?: string;
  readonly gain: string;
  readonly note?: string;
  readonly noteColor: 'Good' | 'Attention' | 'Default';
  readonly canAnswer: boolean;
}

/** A practice tried elsewhere, on the receiving unit's digest, with "adopt" and "not for us". */
export interface TriedCardItem {
  readonly text: string;
  readonly adoptTitle: string;
  readonly unitId: string;
  readonly fromUnitId: string;
  readonly fromNumber: number;
}
