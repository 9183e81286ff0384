import { TEXT_LIMITS, cleanText } from '../../domain/text';

/**
 * No card input holds more than this many characters; anything longer was not typed into one of
 * our cards. It is cut here, well above every limit, so the domain still reports it as too long.
 */
export const MAX_INPUT_CHARS = 4 * TEXT_LIMITS.longText;

/**
 * The data of a card action (`Action.Execute` data, or a dialog's submitted inputs) as Teams sends
 * it: JSON whose values we do not control. Only own keys with a string (or a plain number) are
 * kept, so arrays, objects, `__proto__` and the like are simply absent, and every value is cut to
 * MAX_INPUT_CHARS. Text is read cleaned of control characters; ids and numbers are read exactly
 * as sent, so one with a stray character is refused rather than quietly repaired.
 */
export class CardData {
  private constructor(private readonly values: ReadonlyMap<string, string>) {}

  static of(data: unknown): CardData {
    const values = new Map<string, string>();
    if (typeof data === 'object' && data !== null && !Array.isArray(data)) {
      for (const [key, value] of Object.entries(data)) {
        const text = typeof value === 'string' ? value : typeof value === 'number' && Number.isFinite(value) ? String(value) : undefined;
        if (text !== undefined) values.set(key, cut(text));
      }
    }
    return new CardData(values);
  }

  /** The input's text, without control characters (line breaks kept); undefined when it was not sent or was not text. */
  text(key: string): string | undefined {
    const value = this.values.get(key);
    return value === undefined ? undefined : cleanText(value, 'longText');
  }

  /** The value exactly as sent: for ids, which must match a shape, not be repaired. */
  token(key: string): string | undefined {
    return this.values.get(key);
  }

  /** A multi-select's choices: choice sets send them as "a,b,c". */
  list(key: string): string[] {
    return (this.text(key) ?? '')
      .split(',')
      .map((value) => value.trim())
      .filter(Boolean);
  }

  /** The given inputs as typed (cleaned), to show them again on a form that comes back with problems. */
  typed(keys: readonly string[]): Record<string, string> {
    return Object.fromEntries(keys.flatMap((key) => (this.values.has(key) ? [[key, this.text(key) ?? '']] : [])));
  }

  /** A whole number written with digits only (at most 15), or undefined. */
  wholeNumber(key: string): number | undefined {
    const text = this.values.get(key) ?? '';
    return /^\d{1,15}$/.test(text) ? Number(text) : undefined;
  }

  /** A number written as digits (a sign and decimals allowed), or undefined. */
  number(key: string): number | undefined {
    const text = this.values.get(key) ?? '';
    return /^-?\d{1,15}(\.\d{1,15})?$/.test(text) ? Number(text) : undefined;
  }

  has(key: string): boolean {
    return this.values.has(key);
  }
}

function cut(text: string): string {
  if (text.length <= MAX_INPUT_CHARS) return text;
  return [...text.slice(0, MAX_INPUT_CHARS + 1)].slice(0, MAX_INPUT_CHARS).join('');
}
