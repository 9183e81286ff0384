import { IdeaRef } from '../domain/ideas';
import { PracticeSuggestion, WhereElseAnswer } from '../domain/practice';

/** An adoption of a unit's practice, kept beside the original idea. */
export interface Adoption {
  readonly number: number;
  /** The original idea's title when it was adopted. */
  readonly title: string;
  readonly unitId: string;
  readonly at: string;
}

/**
 * "Where else?" in storage, in small partitions that follow live work: the question's state beside
 * the original idea, pending suggestions in the receiving unit, adoptions beside the original.
 */
export interface PracticeRepository {
  /** Notes that the unit leader is asked about the idea; false if asked before (ask once). */
  markAsked(idea: IdeaRef, at: string): Promise<boolean>;
  /** Records the answer; the first one stands: returns it, and whether it is this one. */
  answer(idea: IdeaRef, answer: WhereElseAnswer, at: string): Promise<{ answer: WhereElseAnswer; first: boolean }>;
  /** Offers the practice to the unit; an offer already there is left alone. */
  suggest(unitId: string, suggestion: PracticeSuggestion): Promise<void>;
  /** The unit's pending suggestions, newest first, at most `limit`: one range query. */
  pending(unitId: string, limit: number): Promise<PracticeSuggestion[]>;
  /** The unit's offer of this practice, if still pending. */
  suggestion(unitId: string, from: IdeaRef): Promise<PracticeSuggestion | undefined>;
  /** Adopted or declined: no longer offered. */
  withdraw(unitId: string, from: IdeaRef): Promise<void>;
  recordAdoption(from: IdeaRef, title: string, unitId: string, at: string): Promise<void>;
  /** Adoptions of the unit's practices: one range query, bounded by adoptions. */
  adoptionsOf(unitId: string): Promise<Adoption[]>;
}
