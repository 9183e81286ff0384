/**
 * A named lease shared by all bot instances (e.g. "proactive"): at most one instance holds it at a
 * time, so a scheduled job fires once however many instances run. A holder that stops renewing
 * (crashed, cut off) loses it when it expires, and another instance takes it over.
 */
export interface LeaseState {
  readonly name: string;
  readonly holder: string;
  readonly expiresAt: Date;
}

export interface LeaseStore {
  /**
   * Takes the lease when it is free, expired or already ours, and extends it to now + duration.
   * True when `holder` holds it afterwards. Never last-write-wins: a concurrent taker makes this false.
   */
  acquire(name: string, holder: string, now: Date, durationMs: number): Promise<boolean>;
  /** Gives it up at once (if still ours), so another instance need not wait for the expiry. */
  release(name: string, holder: string): Promise<void>;
  current(name: string): Promise<LeaseState | undefined>;
}
