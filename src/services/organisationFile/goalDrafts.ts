/** What a file says about goals and unit kinds, shared by the YAML and CSV readers. */
import { GoalLevel } from '../../domain/goals';
import { isSlug } from '../../domain/ids';
import { Cell, Problems, Subject, isBlank, quote } from './problems';
import { nameValue } from './values';

/** One goal as the file gives it; `undefined` keeps the stored value. */
export interface GoalFileDraft {
  readonly id: string;
  readonly line: number;
  readonly level: GoalLevel;
  /** The service area or unit the goal is listed under (or named in the CSV's owner_id). */
  readonly ownerId?: string;
  readonly title?: string;
  readonly parent?: Cell;
  readonly measure?: string;
  readonly target?: string;
  readonly closed?: boolean;
}

/** A goal's title, measure and target are one line each, as long as an idea's title. */
export const goalText = (cell: Cell | undefined, field: string, subject: Subject, problems: Problems): string | undefined => {
  const text = nameValue(cell, field, subject, problems, false);
  return text === '' ? undefined : text;
};

/** `true` or `false` (YAML's booleans; the CSV writes the same words). */
export function closedValue(cell: Cell | undefined, field: string, subject: Subject, problems: Problems): boolean | undefined {
  if (!cell || isBlank(cell)) return undefined;
  const text = cell.text.trim().toLowerCase();
  if (text === 'true' || text === 'false') return text === 'true';
  problems.about(subject, cell.line, `${field} ${quote(cell.text.trim())} must be true or false`);
  return undefined;
}

/** A goal's parent or a unit's kind: a slug like every other id in the file. */
export function optionalSlug(cell: Cell | undefined, field: string, subject: Subject, problems: Problems): Cell | undefined {
  if (!cell || isBlank(cell)) return undefined;
  const text = cell.text.trim();
  if (!isSlug(text)) {
    problems.about(subject, cell.line, `${field} ${quote(text)} is not a valid id: use 1-40 lower-case letters a-z, digits and hyphens, e.g. "home-care"`);
    return undefined;
  }
  return { text, line: cell.line };
}
