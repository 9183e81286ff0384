import { LocalDate, addYears, isLocalDate } from './dates';
import { FieldIssue, ValidationError } from './errors';
import { isEntraObjectId } from './ids';
import { PersonName } from './ideas';
import { TEXT_LIMITS, TextKind, cleanText, lengthOf } from './text';

/** A due date further ahead than this is a typing mistake, not a plan. */
export const MAX_YEARS_AHEAD = 5;

type CheckOptions = { readonly required?: boolean };

/**
 * Collects field problems while a typed draft is checked, so every problem is reported at once.
 * Each check takes the text as typed (undefined or '' when left empty), returns the checked
 * value, and records why it is unusable under the draft's own field name.
 */
export class FieldChecker {
  private readonly found: FieldIssue[] = [];

  get issues(): readonly FieldIssue[] {
    return this.found;
  }

  add(issue: FieldIssue): void {
    this.found.push(issue);
  }

  /** Cleaned text (see cleanText), undefined when empty. */
  text(field: string, raw: string | undefined, kind: TextKind, options: CheckOptions = {}): string | undefined {
    const value = raw === undefined ? '' : cleanText(raw, kind);
    if (!value) return this.missing(field, options);
    const limit = TEXT_LIMITS[kind];
    const length = lengthOf(value);
    if (length > limit) {
      this.found.push({ field, problem: 'tooLong', params: { limit, length } });
      return undefined;
    }
    return value;
  }

  oneOf<T extends string>(field: string, raw: string | undefined, allowed: readonly T[], options: CheckOptions = {}): T | undefined {
    const value = raw?.trim() ?? '';
    if (!value) return this.missing(field, options);
    if ((allowed as readonly string[]).includes(value)) return value as T;
    this.found.push({ field, problem: 'unknownOption' });
    return undefined;
  }

  /** Choices of a multi-select, each once; any unknown one is reported. */
  someOf<T extends string>(field: string, raw: readonly string[] | undefined, allowed: readonly T[]): T[] {
    const values = (raw ?? []).map((value) => value.trim()).filter(Boolean);
    const known = values.filter((value): value is T => (allowed as readonly string[]).includes(value));
    if (known.length < values.length) this.found.push({ field, problem: 'unknownOption' });
    return [...new Set(known)];
  }

  integer(field: string, raw: string | undefined, range: { min: number; max: number }, options: CheckOptions = {}): number | undefined {
    const text = raw?.trim() ?? '';
    if (!text) return this.missing(field, options);
    const value = /^-?\d{1,15}$/.test(text) ? Number(text) : NaN;
    if (!Number.isSafeInteger(value)) {
      this.found.push({ field, problem: 'invalidFormat' });
      return undefined;
    }
    if (value < range.min || value > range.max) {
      this.found.push({ field, problem: 'outOfRange', params: range });
      return undefined;
    }
    return value;
  }

  /** A date from today up to MAX_YEARS_AHEAD years ahead. Date inputs may send a time after the date. */
  dueDate(field: string, raw: string | undefined, today: LocalDate, options: CheckOptions = {}): LocalDate | undefined {
    const value = raw?.trim().slice(0, 10) ?? '';
    if (!value) return this.missing(field, options);
    if (!isLocalDate(value)) this.found.push({ field, problem: 'invalidFormat' });
    else if (value < today) this.found.push({ field, problem: 'pastDate' });
    else if (value > addYears(today, MAX_YEARS_AHEAD)) this.found.push({ field, problem: 'tooFarAhead', params: { years: MAX_YEARS_AHEAD } });
    else return value;
    return undefined;
  }

  /** One of `people`, by Entra object id in any case; anything not shaped like one is unknown without a look. */
  person(field: string, raw: string | undefined, people: readonly PersonName[], options: CheckOptions = {}): PersonName | undefined {
    const id = raw?.trim().toLowerCase() ?? '';
    if (!id) return this.missing(field, options);
    const found = isEntraObjectId(id) ? people.find((p) => p.id === id) : undefined;
    if (!found) this.found.push({ field, problem: 'unknownOption' });
    return found;
  }

  /** The checked value, or a ValidationError with every problem found. */
  done<T>(value: T): T {
    if (this.found.length) throw new ValidationError(this.found);
    return value;
  }

  private missing(field: string, options: CheckOptions): undefined {
    if (options.required) this.found.push({ field, problem: 'required' });
    return undefined;
  }
}
