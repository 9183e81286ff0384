/**
 * Reading stored scalar properties back defensively: a row written by an older version, or edited
 * by hand in Storage Explorer, must read as "absent", never crash a card. JSON properties are
 * checked against their schema instead (storedJson.ts).
 */

/** A non-empty string, or undefined. */
export const optionalText = (value: unknown): string | undefined => (typeof value === 'string' && value ? value : undefined);

/** One of the allowed values, or the fallback. */
export const oneOf = <T extends string>(allowed: readonly T[], value: unknown, fallback: T): T =>
  (allowed as readonly unknown[]).includes(value) ? (value as T) : fallback;
