import { Idea, PersonName } from '../domain/ideas';

/** One line of an idea's history: who changed what, when. Kept for good in storage. */
export interface AuditEntry {
  readonly at: string;
  readonly by: PersonName;
  readonly what: string;
  readonly detail: string;
}

export interface IdeaComment {
  readonly at: string;
  readonly by: PersonName;
  readonly text: string;
}

export interface IdeaRepository {
  /**
   * Stores a new idea under the unit's next number. `build` receives the number; the counter, the
   * idea and its first history line are written together or not at all.
   */
  create(unitId: string, build: (number: number) => Idea, audit: (idea: Idea) => AuditEntry): Promise<Idea>;
  get(unitId: string, number: number): Promise<Idea | undefined>;
  /**
   * Read-modify-write under the idea's ETag, together with a history line. `change` may run again
   * on a fresh copy when someone else changed the idea in between, and may throw to refuse.
   */
  update(unitId: string, number: number, change: (current: Idea) => Idea, audit: (before: Idea, after: Idea) => AuditEntry): Promise<Idea>;
  /** Every idea of a unit, from one partition query. */
  list(unitId: string): Promise<Idea[]>;
  addComment(unitId: string, number: number, comment: IdeaComment): Promise<void>;
  /** Newest first. */
  comments(unitId: string, number: number, limit: number): Promise<IdeaComment[]>;
  /** Oldest first. */
  history(unitId: string, number: number): Promise<AuditEntry[]>;
}
