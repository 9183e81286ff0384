import { LocalDate } from '../domain/dates';
import { Idea, IdeaOrigin, PersonName } from '../domain/ideas';

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

/** What a submission row keeps: enough to count submissions in a period and who made them. */
export interface SubmittedIdea {
  readonly unitId: string;
  readonly number: number;
  readonly createdAt: string;
  readonly submitterId: string;
  readonly origin?: IdeaOrigin;
  /** When the idea was first answered (see Idea.firstResponseAt). */
  readonly firstResponseAt?: string;
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
  /**
   * The unit's live work (see isLiveWork): open ideas, and done ones still missing their benefit
   * or with an open action item. One query over rows that hold nothing else: its cost follows the
   * work in progress, however long the unit's history.
   */
  live(unitId: string): Promise<Idea[]>;
  /** Ideas done or rejected on UTC dates in [from, to]: one range query. */
  closedBetween(unitId: string, from: LocalDate, to: LocalDate): Promise<Idea[]>;
  /** Ideas submitted on UTC dates in [from, to]: one range query over small rows. */
  submittedBetween(unitId: string, from: LocalDate, to: LocalDate): Promise<SubmittedIdea[]>;
  addComment(unitId: string, number: number, comment: IdeaComment): Promise<void>;
  /**
   * Records the idea's first answer at `at`, unless it has one: the idea, its live copy and its
   * submission row, in one transaction. Not a change anyone sees, so the version stays.
   */
  recordFirstResponse(unitId: string, number: number, at: string): Promise<void>;
  /** Newest first. */
  comments(unitId: string, number: number, limit: number): Promise<IdeaComment[]>;
  /** Oldest first. */
  history(unitId: string, number: number): Promise<AuditEntry[]>;
}
