/**
 * Exact decimal amounts as integers of a fixed scale: hours in hundredths, money in minor units
 * (øre, cents), quantities in thousandths. Sums and annualising never drift, unlike floats.
 */
export const SCALES = { hours: 100, money: 100, quantity: 1000 } as const;
export type Scale = keyof typeof SCALES;

const DECIMALS: Readonly<Record<Scale, number>> = { hours: 2, money: 2, quantity: 3 };

/** The largest amount we accept: far beyond any municipal benefit, and exact in a double. */
export const MAX_SCALED = 1_000_000_000_000;

/** Why an amount as written was refused; each reason has a message with an accepted example. */
export const AMOUNT_REFUSALS = ['notNumber', 'negative', 'ambiguous', 'tooManyDecimals', 'tooLarge'] as const;
export type AmountRefusal = (typeof AMOUNT_REFUSALS)[number];

export type AmountReading = { readonly ok: true; readonly value: number } | { readonly ok: false; readonly reason: AmountRefusal };

/**
 * Reads "1 500,5", "1500.50", "2" into a scaled integer. Both decimal marks are accepted (nb and da
 * write a comma); spaces (also no-break and thin) group thousands. Anything else is refused with
 * the reason, so the form can say what to write instead.
 */
export function readAmount(text: string, scale: Scale): AmountReading {
  const cleaned = text.trim().replace(/[\s\u00A0\u202F]/g, '');
  if (/^[-\u2212]/.test(cleaned)) return { ok: false, reason: 'negative' };
  // "1.500" is fifteen hundred to a Dane and one and a half to others: refuse rather than guess.
  // So is "1,500" where the scale holds fewer decimals than three digits after the mark.
  const decimals = DECIMALS[scale];
  if ((scale === 'quantity' && /^[1-9]\d{0,2}(\.\d{3})+$/.test(cleaned)) || (decimals < 3 && /^[1-9]\d{0,2}([.,]\d{3})+$/.test(cleaned))) return { ok: false, reason: 'ambiguous' };
  const match = /^(\d+)(?:[.,](\d+))?$/.exec(cleaned);
  if (!match) return { ok: false, reason: 'notNumber' };
  const fraction = match[2] ?? '';
  if (fraction.length > decimals) return { ok: false, reason: 'tooManyDecimals' };
  const scaled = Number(match[1]) * SCALES[scale] + Number(fraction.padEnd(decimals, '0') || '0');
  return Number.isSafeInteger(scaled) && scaled <= MAX_SCALED ? { ok: true, value: scaled } : { ok: false, reason: 'tooLarge' };
}

/** As readAmount, undefined for anything refused. */
export function parseAmount(text: string, scale: Scale): number | undefined {
  const read = readAmount(text, scale);
  return read.ok ? read.value : undefined;
}

/** How many decimals a scale holds: 2 for hours and money, 3 for quantities. */
export const decimalsOf = (scale: Scale): number => DECIMALS[scale];

/** Back to a plain number for display (not for further arithmetic). */
export function toNumber(scaled: number, scale: Scale): number {
  return scaled / SCALES[scale];
}
