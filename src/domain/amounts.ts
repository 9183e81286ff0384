/**
 * Exact decimal amounts as integers of a fixed scale: hours in hundredths, money in minor units
 * (øre, cents), quantities in thousandths. Sums and annualising never drift, unlike floats.
 */
export const SCALES = { hours: 100, money: 100, quantity: 1000 } as const;
export type Scale = keyof typeof SCALES;

const DECIMALS: Readonly<Record<Scale, number>> = { hours: 2, money: 2, quantity: 3 };

/** The largest amount we accept: far beyond any municipal benefit, and exact in a double. */
export const MAX_SCALED = 1_000_000_000_000;

/**
 * Reads "1 500,5", "1500.50", "2" into a scaled integer. Both decimal marks are accepted (nb and da
 * write a comma); spaces (also no-break and thin) group thousands. Returns undefined for anything
 * else, including more decimals than the scale holds and negative numbers.
 */
export function parseAmount(text: string, scale: Scale): number | undefined {
  const cleaned = text.trim().replace(/[\s\u00A0\u202F]/g, '');
  // "1.500" is fifteen hundred to a Dane and one and a half to others: refuse rather than guess.
  if (scale === 'quantity' && /^\d{1,3}(\.\d{3})+$/.test(cleaned)) return undefined;
  const match = /^(\d+)(?:[.,](\d+))?$/.exec(cleaned);
  if (!match) return undefined;
  const decimals = DECIMALS[scale];
  const fraction = match[2] ?? '';
  if (fraction.length > decimals) return undefined;
  const scaled = Number(match[1]) * SCALES[scale] + Number(fraction.padEnd(decimals, '0') || '0');
  return Number.isSafeInteger(scaled) && scaled <= MAX_SCALED ? scaled : undefined;
}

/** Back to a plain number for display (not for further arithmetic). */
export function toNumber(scaled: number, scale: Scale): number {
  return scaled / SCALES[scale];
}
