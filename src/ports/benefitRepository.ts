import { Benefit } from '../domain/benefits';
import { LocalDate } from '../domain/dates';
import { Idea } from '../domain/ideas';
import { AuditEntry } from './ideaRepository';

export interface BenefitKey {
  readonly unitId: string;
  readonly ideaNumber: number;
  readonly id: string;
}

export interface BenefitRepository {
  /**
   * Stores a benefit registration for an idea and updates the idea (it now has a benefit) in one
   * transaction, with a line in the idea's history. `markIdea` may run again after a lost race.
   */
  register(unitId: string, ideaNumber: number, build: (id: string, idea: Idea) => Benefit, markIdea: (idea: Idea) => Idea, audit: AuditEntry): Promise<{ benefit: Benefit; idea: Idea }>;
  get(key: BenefitKey): Promise<Benefit | undefined>;
  /**
   * Read-modify-write under the registration's ETag; `change` may run again and may throw. `current`,
   * the registration as just read through this repository, spares reading it again (a stale copy
   * only costs a retry).
   */
  update(key: BenefitKey, change: (current: Benefit) => Benefit, audit: (after: Benefit) => AuditEntry, current?: Benefit): Promise<Benefit>;
  /**
   * The unit's live registrations (see isLiveBenefit): approvals waiting for a decision and
   * identified gains still to be followed up. One query over rows that hold nothing else.
   */
  live(unitId: string): Promise<Benefit[]>;
  /** One idea's registrations (its plans and their measurements), in registration order: one range query bounded by the idea. */
  forIdea(unitId: string, ideaNumber: number): Promise<Benefit[]>;
  /** Registrations made on local dates in [from, to]: one range query. */
  registeredBetween(unitId: string, from: LocalDate, to: LocalDate): Promise<Benefit[]>;
  /**
   * The unit's realized registrations waiting for a TOL's decision, in registration order: the live
   * registrations filtered, so it costs one query over live rows however long the unit's history.
   */
  pendingApprovals(unitId: string): Promise<Benefit[]>;
}
