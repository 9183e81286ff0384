import { RevisionRecord } from '../domain/revision';

export type RevisionSaveResult = { readonly saved: true; readonly record: RevisionRecord } | { readonly saved: false; readonly current: RevisionRecord };

/** Records of half-yearly revisions, one per unit and round, kept in the unit's partition. */
export interface RevisionRepository {
  get(unitId: string, round: string): Promise<RevisionRecord | undefined>;
  /**
   * Writes the record when the stored one is still at `expectedVersion` (0: none yet), under its
   * ETag; otherwise writes nothing and returns the current record (someone else saved first).
   */
  save(record: RevisionRecord, expectedVersion: number): Promise<RevisionSaveResult>;
  /** Every recorded revision of the unit, oldest first: two a year, one partition range query. */
  list(unitId: string): Promise<RevisionRecord[]>;
}
