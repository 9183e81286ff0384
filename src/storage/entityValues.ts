/**
 * Reading stored properties back defensively: a row written by an older version, or edited by
 * hand in Storage Explorer, must read as "absent", never crash a card.
 */

/** A non-empty string, or undefined. */
export const optionalText = (value: unknown): string | undefined => (typeof value === 'string' && value ? value : undefined);

/** One of the allowed values, or the fallback. */
export const oneOf = <T extends string>(allowed: readonly T[], value: unknown, fallback: T): T =>
  (allowed as readonly unknown[]).includes(value) ? (value as T) : fallback;

/** A JSON property, or the fallback when absent or unreadable. */
export function parseJson<T>(value: unknown, fallback: T): T {
  if (typeof value !== 'string' || !value) return fallback;
  try {
    return JSON.parse(value) as T;
  } catch {
    return fallback;
  }
}
