import { Clock } from '../../src/ports/clock';

/** A clock the test sets: for due dates passing, follow-ups months later, meeting times. */
export function settableClock(start: string): Clock & { set(at: string): void } {
  let now = new Date(start);
  return { now: () => now, set: (at: string) => (now = new Date(at)) };
}
