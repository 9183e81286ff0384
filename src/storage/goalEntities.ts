import { TableEntity } from '@azure/data-tables';
import { z } from 'zod';
import { GOAL_LEVELS, Goal } from '../domain/goals';
import { SLUG_PATTERN } from '../domain/ids';
import { checkedKey } from './keys';
import { ORG_PARTITION, OrgRow } from './organisationEntities';
import { DamagedRowError, DamageReport } from './storedJson';

/**
 * The goal breakdown lives beside the organisation's structure, a row per goal (`goal|<id>`) in
 * its small partition: the one query that loads the organisation loads the goals, and every board
 * can show its chain without another read.
 */
export const goalRow = (id: string): string => checkedKey('goal', id);
export const GOAL_PREFIX = 'goal|';

type Entity = TableEntity<Record<string, unknown>>;

/** Columns, not JSON: readable and editable in Storage Explorer, and checked by this schema when read back. */
const goalColumnsSchema = z
  .object({
    level: z.enum(GOAL_LEVELS),
    ownerId: z.string().regex(SLUG_PATTERN).nullish(),
    parentId: z.string().regex(SLUG_PATTERN).nullish(),
    title: z.string().min(1),
    measure: z.string().nullish(),
    target: z.string().nullish(),
    closed: z.boolean().nullish(),
  })
  .refine((row) => (row.level === 'organisation') === !row.ownerId, 'an organisation goal has no owner; an area or unit goal has one');

export function goalToEntity(goal: Goal): Entity {
  return {
    partitionKey: ORG_PARTITION,
    rowKey: goalRow(goal.id),
    level: goal.level,
    ownerId: goal.ownerId ?? null,
    parentId: goal.parentId ?? null,
    title: goal.title,
    measure: goal.measure ?? null,
    target: goal.target ?? null,
    closed: goal.closed,
  };
}

/** A goal row; one that does not have the shape written here is DamagedRowError. */
export function goalFromEntity(row: OrgRow): Goal {
  const read = goalColumnsSchema.safeParse(row);
  if (!read.success) throw new DamagedRowError(row, 'goal', read.error.issues.map((issue) => `${issue.path.join('.') || '(row)'}: ${issue.message}`).join('; '));
  const { level, ownerId, parentId, title, measure, target, closed } = read.data;
  return {
    id: row.rowKey.slice(GOAL_PREFIX.length),
    level,
    ...(ownerId ? { ownerId } : {}),
    ...(parentId ? { parentId } : {}),
    title,
    ...(measure ? { measure } : {}),
    ...(target ? { target } : {}),
    closed: closed === true,
  };
}

/** The goal rows of the organisation partition, a damaged one reported and left out (it only takes a goal away). */
export function goalsFromRows(rows: readonly OrgRow[], report?: DamageReport): Goal[] {
  return rows.flatMap((row) => {
    if (!row.rowKey.startsWith(GOAL_PREFIX)) return [];
    try {
      return [goalFromEntity(row)];
    } catch (error) {
      if (!(error instanceof DamagedRowError)) throw error;
      report?.(error);
      return [];
    }
  });
}
