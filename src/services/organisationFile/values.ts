/** The field checks shared by both formats: each reports what is wrong with a value on the value's own line. */
import { UNIT_CODE_PATTERN, isSlug } from '../../domain/ids';
import { PersonRef, parsePersonRef, uniqueRefs } from '../../domain/people';
import { normaliseTime, weekdayValue } from '../../domain/scheduleForm';
import { TEXT_LIMITS, cleanText } from '../../domain/text';
import { Cell, Problems, Subject, isBlank, quote } from './problems';

export const HEADCOUNT_RANGE = { min: 0, max: 10_000 };

/** An id the administrator chose. Returns the id as written (even when invalid, to find duplicates), '' when missing. */
export function idValue(cell: Cell | undefined, field: string, subject: Subject, problems: Problems): string {
  if (!cell || isBlank(cell)) {
    problems.add(subject.line, `${field} is required`);
    return '';
  }
  const id = cell.text.trim();
  if (!isSlug(id)) {
    problems.add(cell.line, `${field} ${quote(id)} is not a valid id: use 1-40 lower-case letters a-z, digits and hyphens, e.g. "helse-omsorg"`);
  }
  return id;
}

/** A display name, normalised. Returns '' when invalid (the problem is recorded), undefined when absent. */
export function nameValue(cell: Cell | undefined, field: string, subject: Subject, problems: Problems, required: boolean): string | undefined {
  const name = cell ? cleanText(cell.text, 'name') : '';
  if (!name) {
    if (required) problems.about(subject, cell?.line ?? subject.line, `${field} is required`);
    return required ? '' : undefined;
  }
  const length = [...name].length;
  if (length > TEXT_LIMITS.name) {
    problems.about(subject, cell!.line, `${field} ${quote(name)} is ${length} characters long; at most ${TEXT_LIMITS.name} are allowed`);
    return '';
  }
  return name;
}

export interface PeopleField {
  /** How one entry is named in a message: `leader`, or the CSV column. */
  readonly entry: string;
  /** How the whole list is named in a message: `leaders`, or the CSV column. */
  readonly list: string;
  readonly limit?: number;
}

/** People named by e-mail/UPN or Entra object id; invalid entries are reported and left out. */
export function peopleValue(cells: readonly Cell[], field: PeopleField, subject: Subject, problems: Problems): PersonRef[] {
  const refs = cells.flatMap((cell) => {
    const ref = parsePersonRef(cell.text);
    if (!ref) problems.about(subject, cell.line, `${field.entry} ${quote(cell.text.trim())} is neither an e-mail/UPN nor an Entra object id`);
    return ref ? [ref] : [];
  });
  const people = uniqueRefs(refs);
  if (field.limit !== undefined && people.length > field.limit) {
    problems.about(subject, cells[field.limit]?.line ?? subject.line, `${field.list} names ${people.length} people; at most ${field.limit} are allowed`);
  }
  return people;
}

export function unitCodeValue(cell: Cell | undefined, field: string, subject: Subject, problems: Problems): Cell | undefined {
  if (!cell || isBlank(cell)) return undefined;
  const code = cell.text.trim();
  if (!UNIT_CODE_PATTERN.test(code)) {
    problems.about(subject, cell.line, `${field} ${quote(code)} must be 1-6 capital letters A-Z and digits, starting with a letter, e.g. "U7"`);
  }
  return { text: code, line: cell.line };
}

export function numberValue(
  cell: Cell | undefined,
  field: string,
  range: { min: number; max: number; whole: boolean },
  subject: Subject,
  problems: Problems,
): number | undefined {
  if (!cell || isBlank(cell)) return undefined;
  const text = cell.text.trim();
  const value = Number(text);
  const fits = Number.isFinite(value) && (!range.whole || Number.isInteger(value)) && value >= range.min && value <= range.max;
  if (!fits) {
    problems.about(subject, cell.line, `${field} ${quote(text)} must be a ${range.whole ? 'whole number' : 'number'} from ${range.min} to ${range.max}`);
    return undefined;
  }
  return value;
}

export function oneOfValue<T extends string>(cell: Cell | undefined, field: string, allowed: readonly T[], subject: Subject, problems: Problems): T | undefined {
  if (!cell || isBlank(cell)) return undefined;
  const text = cell.text.trim();
  const match = allowed.find((option) => option === text);
  if (!match) problems.about(subject, cell.line, `${field} ${quote(text)} is not one of ${allowed.join(', ')}`);
  return match;
}

/** Checks against the platform's IANA database and returns the canonical spelling. */
export function timeZoneValue(cell: Cell | undefined, subject: Subject, problems: Problems): string | undefined {
  if (!cell || isBlank(cell)) return undefined;
  const zone = cell.text.trim();
  try {
    return new Intl.DateTimeFormat('en', { timeZone: zone }).resolvedOptions().timeZone;
  } catch {
    problems.about(subject, cell.line, `timeZone ${quote(zone)} is not an IANA time zone, e.g. "Europe/Oslo" or "Europe/Copenhagen"`);
    return undefined;
  }
}

/** Weekday numbers 1 (Monday) to 7 (Sunday); undefined when one is invalid (reported) or none is given. */
export function weekdaysValue(cells: readonly Cell[], field: string, subject: Subject, line: number, problems: Problems): number[] | undefined {
  if (!cells.length) {
    problems.about(subject, line, `${field} must name at least one weekday, 1 (Monday) to 7 (Sunday)`);
    return undefined;
  }
  let valid = true;
  const days = cells.flatMap((cell) => {
    const day = weekdayValue(cell.text);
    if (day === undefined) {
      problems.about(subject, cell.line, `${field} ${quote(cell.text.trim())} is not a weekday number from 1 (Monday) to 7 (Sunday)`);
      valid = false;
    }
    return day === undefined ? [] : [day];
  });
  return valid ? days : undefined;
}

export function meetingTimeValue(cell: Cell, field: string, subject: Subject, problems: Problems): string | undefined {
  const time = normaliseTime(cell.text);
  if (!time) problems.about(subject, cell.line, `${field} ${quote(cell.text.trim())} must be a time of day as HH:mm, e.g. "08:30"`);
  return time;
}
