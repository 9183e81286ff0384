import { IdeaStatus } from '../domain/ideas';

/** What the search index keeps of an idea: its words, and enough to list it. */
export interface SearchableIdea {
  readonly unitId: string;
  readonly number: number;
  readonly title: string;
  readonly situation?: string;
  readonly proposal?: string;
  readonly status: IdeaStatus;
  /** Later versions replace earlier ones; an older copy (from the start-up build) is ignored. */
  readonly version: number;
}

/** The words of an idea being written, to find others like it. */
export interface SearchText {
  readonly title: string;
  readonly situation?: string;
  readonly proposal?: string;
}

export interface SimilarHit {
  readonly unitId: string;
  readonly number: number;
  readonly title: string;
  readonly status: IdeaStatus;
  /** The search library's relevance, for ordering only. */
  readonly score: number;
  /** Share (0–1) of the searched text's distinct words found in the idea. */
  readonly coverage: number;
}

/**
 * Ideas across the organisation by their words, in memory, per instance: built from storage at
 * start and kept current by this instance's writes. Only open and done ideas are kept.
 */
export interface IdeaSearch {
  /** Adds or replaces the idea; an idea that is no longer open or done leaves the index. */
  put(idea: SearchableIdea): void;
  /** Ideas that pass the similarity threshold, best first; never `except` (an idea is not similar to itself). */
  similar(text: SearchText, limit: number, except?: { readonly unitId: string; readonly number: number }): SimilarHit[];
  readonly size: number;
}
