/** Time is a port so tests can run any date, including DST changes. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };
