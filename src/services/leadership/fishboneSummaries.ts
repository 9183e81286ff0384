import { LocalDate } from '../../domain/dates';

/** What a revision and a report show of a unit's fishbone analysis. */
export interface FishboneSummary {
  readonly id: string;
  readonly startedOn: LocalDate;
  readonly concludedOn?: LocalDate;
  /** The main causes picked, as written. */
  readonly mainCauses: readonly string[];
  readonly outcome?: string;
  /** The idea that carries its action items. */
  readonly ideaNumber?: number;
}
