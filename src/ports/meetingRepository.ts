import { LocalDate } from '../domain/dates';
import { MeetingLog } from '../domain/meetings';

/** Either the log was written, or someone else's log for the date is there first (the current one). */
export type MeetingSaveResult = { readonly saved: true; readonly log: MeetingLog } | { readonly saved: false; readonly current: MeetingLog };

/** Board-meeting logs, one per unit and date, kept in the unit's partition. */
export interface MeetingRepository {
  get(unitId: string, date: LocalDate): Promise<MeetingLog | undefined>;
  /**
   * Writes `log` for its date when the stored log is still at `expectedVersion` (0: none stored yet),
   * under its ETag. Otherwise nothing is written and the current log is returned: someone else
   * logged the meeting in between.
   */
  save(log: MeetingLog, expectedVersion: number): Promise<MeetingSaveResult>;
  /** Logs dated in [from, to] (inclusive), oldest first: one partition range query. */
  list(unitId: string, from: LocalDate, to: LocalDate): Promise<MeetingLog[]>;
}
