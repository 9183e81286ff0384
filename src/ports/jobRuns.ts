/**
 * What a scheduled job has done for a period (a day, a week), kept in storage so that a restart or
 * a second instance does not do it again. A job done in parts (board-meeting prompts, one per unit
 * whose meeting time has come) records each part as it is done.
 */
export interface JobRunRecord {
  readonly job: string;
  readonly period: string;
  /** Nothing more to do in this period. */
  readonly complete: boolean;
  /** Parts done so far (e.g. unit ids), for jobs done in parts. */
  readonly parts: readonly string[];
  readonly enqueued: number;
  readonly at: Date;
}

export interface JobRunLedger {
  /** One point read. */
  get(job: string, period: string): Promise<JobRunRecord | undefined>;
  /** Adds to the record (parts are merged, enqueued added up), under the row's ETag. */
  record(job: string, period: string, done: { readonly parts: readonly string[]; readonly complete: boolean; readonly enqueued: number; readonly at: Date }): Promise<void>;
  /** The latest record of each job since a period (periods are ISO dates), for the administrators' status card. */
  latest(jobs: readonly string[], sincePeriod: string): Promise<JobRunRecord[]>;
}
