import { Benefit } from '../domain/benefits';
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
  /** Read-modify-write under the registration's ETag; `change` may run again and may throw. */
  update(key: BenefitKey, change: (current: Benefit) => Benefit, audit: (after: Benefit) => AuditEntry): Promise<Benefit>;
  /** Every registration of a unit: one partition query. */
  listForUnit(unitId: string): Promise<Benefit[]>;
  /**
   * The unit's realized registrations waiting for a TOL's decision (approval 'pending'), in
   * registration order. Asked on every inbox and "my items" of a leader, so it should cost little
   * however long the unit's history: an index or filtered query can serve it.
   */
  pendingApprovals(unitId: string): Promise<Benefit[]>;
}
