import { LocalDate } from '../domain/dates';
import { FishboneAnalysis } from '../domain/fishbone';

/** Fishbone analyses, kept with their unit: rows of their own in the unit's partition. */
export interface FishboneRepository {
  create(analysis: FishboneAnalysis): Promise<void>;
  get(unitId: string, id: string): Promise<FishboneAnalysis | undefined>;
  /** Read-modify-write under the row's ETag; `change` may run again on a fresh copy, and may throw. */
  update(unitId: string, id: string, change: (current: FishboneAnalysis) => FishboneAnalysis): Promise<FishboneAnalysis>;
  /** Analyses started on or after `from`, oldest first: one partition range query. */
  startedSince(unitId: string, from: LocalDate): Promise<FishboneAnalysis[]>;
}
