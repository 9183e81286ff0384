import { FieldIssue } from './errors';

/** Length limits for user-entered text, in characters. Well under Azure Tables' 64 KiB per property. */
export const TEXT_LIMITS = {
  name: 100,
  title: 120,
  shortText: 500,
  longText: 2000,
} as const;

export type TextKind = keyof typeof TEXT_LIMITS;

/**
 * Collects field problems while a form is read, so every problem is reported at once.
 * Returns the cleaned value (trimmed, `undefined` when empty) and records why it is unusable.
 */
export class FieldChecker {
  private readonly found: FieldIssue[] = [];

  get issues(): readonly FieldIssue[] {
    return this.found;
  }

  text(field: string, raw: unknown, kind: TextKind, options: { required?: boolean } = {}): string | undefined {
    const value = typeof raw === 'string' ? normaliseText(raw) : '';
    if (!value) {
      if (options.required) this.found.push({ field, problem: 'required' });
      return undefined;
    }
    const limit = TEXT_LIMITS[kind];
    if ([...value].length > limit) {
      this.found.push({ field, problem: 'tooLong', params: { limit, length: [...value].length } });
      return undefined;
    }
    return value;
  }

  oneOf<T extends string>(field: string, raw: unknown, allowed: readonly T[], options: { required?: boolean } = {}): T | undefined {
    if (raw === undefined || raw === null || raw === '') {
      if (options.required) this.found.push({ field, problem: 'required' });
      return undefined;
    }
    if (typeof raw === 'string' && (allowed as readonly string[]).includes(raw)) return raw as T;
    this.found.push({ field, problem: 'unknownOption' });
    return undefined;
  }

  integer(field: string, raw: unknown, range: { min: number; max: number }, options: { required?: boolean } = {}): number | undefined {
    if (raw === undefined || raw === null || raw === '') {
      if (options.required) this.found.push({ field, problem: 'required' });
      return undefined;
    }
    const value = typeof raw === 'number' ? raw : Number(String(raw).trim());
    if (!Number.isInteger(value)) {
      this.found.push({ field, problem: 'invalidFormat' });
      return undefined;
    }
    if (value < range.min || value > range.max) {
      this.found.push({ field, problem: 'outOfRange', params: range });
      return undefined;
    }
    return value;
  }

  add(issue: FieldIssue): void {
    this.found.push(issue);
  }
}

/** Half of a UTF-16 surrogate pair without its other half: not a character at all. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/**
 * Trims, unifies line endings and drops control characters other than newlines and tabs: the C0
 * set, DEL and the C1 set (U+0080–U+009F, e.g. U+009B, a terminal's escape introducer). A lone
 * surrogate (JSON can carry one as "\ud800") becomes U+FFFD, as any UTF-8 reader would show it.
 */
export function normaliseText(raw: string): string {
  return (
    raw
      .replace(/\r\n?/g, '\n')
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g, '')
      .replace(LONE_SURROGATE, '\ufffd')
      .trim()
  );
}
