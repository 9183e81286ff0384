/**
 * The goal breakdown as CSV: a file of its own (its header starts with `goal_id`), one row per goal,
 * because the units file has one row per unit.
 *
 *   goal_id,level,owner_id,parent_id,title,measure,target,closed
 *   innovativ,organisation,,,Vestre Toten skal utmerke seg som en innovativ kommune,,,false
 *   ho-velferdsteknologi,area,helse-omsorg,innovativ,Velferdsteknologi i alle tjenester,,,false
 *   hn-digitalt-tilsyn,unit,hjemmetjenesten-nord,ho-velferdsteknologi,Digitalt tilsyn,Andel brukere,50 %,false
 *
 * Like units, goals not in the file stay as stored, and an empty cell keeps the stored value.
 */
import { stringify as stringifyCsv } from 'csv-stringify/sync';
import { GOAL_LEVELS, Goal, GoalLevel } from '../../domain/goals';
import { parseCsvRecords } from './csvRows';
import { FileDraft } from './drafts';
import { GoalFileDraft, closedValue, goalText, optionalSlug } from './goalDrafts';
import { Problems, quote, subjectFor } from './problems';
import { idValue, oneOfValue } from './values';

export const GOAL_CSV_COLUMNS = ['goal_id', 'level', 'owner_id', 'parent_id', 'title', 'measure', 'target', 'closed'] as const;
type GoalColumn = (typeof GOAL_CSV_COLUMNS)[number];
const REQUIRED: readonly GoalColumn[] = ['goal_id', 'level', 'owner_id', 'parent_id', 'title'];

/** A CSV file of goals rather than units: told apart by its first header cell. */
export function isGoalsCsv(text: string): boolean {
  return /^\uFEFF?\s*"?goal_id"?\s*[,;]/i.test(text);
}

export function readGoalsCsv(text: string, problems: Problems): FileDraft | undefined {
  const records = parseCsvRecords(text, problems);
  const [header, ...rows] = records ?? [];
  if (!header) return undefined;
  const columns = new Map<GoalColumn, number>();
  header.values.forEach((value, index) => {
    const name = value.trim().toLowerCase();
    const column = GOAL_CSV_COLUMNS.find((known) => known === name);
    if (!column) problems.add(header.line, `unknown column ${quote(name)}; expected ${GOAL_CSV_COLUMNS.join(', ')}`);
    else columns.set(column, index);
  });
  const missing = REQUIRED.filter((column) => !columns.has(column));
  if (missing.length) problems.add(header.line, `the header lacks the column${missing.length > 1 ? 's' : ''} ${missing.join(', ')}`);
  if (problems.any) return undefined;
  const goals = rows.flatMap((record): GoalFileDraft[] => {
    if (record.values.length !== header.values.length) {
      problems.add(record.line, `the row has ${record.values.length} fields, but the header has ${header.values.length}`);
      return [];
    }
    const cell = (column: GoalColumn) => {
      const index = columns.get(column);
      return index === undefined ? undefined : { text: record.values[index] ?? '', line: record.line };
    };
    const subject = subjectFor('goal', cell('goal_id'), record.line);
    const level = oneOfValue(cell('level'), 'level', GOAL_LEVELS, subject, problems);
    if (!level && !cell('level')?.text.trim()) problems.about(subject, record.line, `level is required: ${GOAL_LEVELS.join(', ')}`);
    const owner = optionalSlug(cell('owner_id'), 'owner_id', subject, problems);
    const parent = optionalSlug(cell('parent_id'), 'parent_id', subject, problems);
    if (level === 'organisation' && owner) problems.about(subject, record.line, 'an organisation goal has no owner_id: leave it empty');
    if (level && level !== 'organisation' && !owner) problems.about(subject, record.line, `owner_id is required for a goal of level ${level}: the ${level === 'area' ? 'service area' : 'unit'} it belongs to`);
    if (level === 'organisation' && parent) problems.about(subject, record.line, 'an organisation goal hangs under no other goal: leave parent_id empty');
    const title = goalText(cell('title'), 'title', subject, problems);
    const measure = goalText(cell('measure'), 'measure', subject, problems);
    const target = goalText(cell('target'), 'target', subject, problems);
    const closed = closedValue(cell('closed'), 'closed', subject, problems);
    const id = idValue(cell('goal_id'), 'goal_id', subject, problems);
    if (!level) return [];
    return [
      {
        id,
        line: record.line,
        level: level as GoalLevel,
        ...(owner && level !== 'organisation' ? { ownerId: owner.text } : {}),
        ...(title !== undefined ? { title } : {}),
        ...(parent && level !== 'organisation' ? { parent } : {}),
        ...(measure !== undefined ? { measure } : {}),
        ...(target !== undefined ? { target } : {}),
        ...(closed !== undefined ? { closed } : {}),
      },
    ];
  });
  return { areas: [], units: [], goals };
}

/** Organisation goals first, then areas', then units'; by owner, then in stored order. */
export function formatGoalsCsv(goals: readonly Goal[]): string {
  const order = (goal: Goal) => GOAL_LEVELS.indexOf(goal.level);
  const sorted = goals.map((goal, index) => ({ goal, index })).sort((a, b) => order(a.goal) - order(b.goal) || (a.goal.ownerId ?? '').localeCompare(b.goal.ownerId ?? '') || a.index - b.index);
  const rows = sorted.map(({ goal }): Record<GoalColumn, string> => ({
    goal_id: goal.id,
    level: goal.level,
    owner_id: goal.ownerId ?? '',
    parent_id: goal.parentId ?? '',
    title: goal.title,
    measure: goal.measure ?? '',
    target: goal.target ?? '',
    closed: String(goal.closed),
  }));
  return stringifyCsv(rows, { header: true, columns: [...GOAL_CSV_COLUMNS] });
}
