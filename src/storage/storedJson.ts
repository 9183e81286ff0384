import { z } from 'zod';
import { DomainError } from '../domain/errors';
import { Logger } from '../ports/logger';

/** Where a stored value was read from: enough for an operator to find the row, nothing personal. */
export interface RowRef {
  readonly partitionKey?: string;
  readonly rowKey?: string;
}

/**
 * A row whose stored JSON does not have the shape Tavla writes (edited by hand in Storage Explorer,
 * or written by a fault). Raised where the row is read, with the row and property named, instead
 * of a TypeError somewhere in a card later.
 */
export class DamagedRowError extends DomainError {
  constructor(row: RowRef, property: string, problem: string) {
    super('damagedData', { partitionKey: row.partitionKey ?? '', rowKey: row.rowKey ?? '', property, problem: problem.slice(0, 200) });
    this.name = 'DamagedRowError';
  }
}

/** What a table does with a damaged row in a list: report it and go on with the others. */
export type DamageReport = (error: DamagedRowError) => void;

/** Damaged rows go to the operator's log as errors: someone has to repair them. */
export const logDamage =
  (logger: Logger): DamageReport =>
  (error) =>
    logger.error({ code: error.code, ...error.params }, 'damaged row skipped');

function problemOf(error: z.ZodError): string {
  return error.issues.map((issue) => `${issue.path.join('.') || '(value)'}: ${issue.message}`).join('; ');
}

/**
 * A JSON property read through its schema. Absent or empty is `undefined` (rows written before the
 * property existed); present but unreadable or of another shape throws DamagedRowError.
 */
export function storedJson<T>(row: RowRef & Readonly<Record<string, unknown>>, property: string, schema: z.ZodType<T, z.ZodTypeDef, unknown>): T | undefined {
  const value = row[property];
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value !== 'string') throw new DamagedRowError(row, property, `expected JSON text, found ${typeof value}`);
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    throw new DamagedRowError(row, property, 'not JSON');
  }
  const result = schema.safeParse(parsed);
  if (!result.success) throw new DamagedRowError(row, property, problemOf(result.error));
  return result.data;
}

/**
 * For a property the row can do without (a unit's channel link, say): its value, or the fallback
 * when it is damaged, with the damage reported. One damaged unit must not stop the whole
 * organisation from loading on every turn.
 */
export function storedJsonOr<T>(row: RowRef & Readonly<Record<string, unknown>>, property: string, schema: z.ZodType<T, z.ZodTypeDef, unknown>, fallback: T, report?: DamageReport): T {
  try {
    return storedJson(row, property, schema) ?? fallback;
  } catch (error) {
    if (!(error instanceof DamagedRowError)) throw error;
    report?.(error);
    return fallback;
  }
}

/**
 * Rows of a list, read: a damaged one is reported and left out, so one bad idea does not take the
 * whole board (or everyone's reminders) down. Without a report, the damage is thrown instead.
 */
export function readableRows<R, T>(rows: readonly R[], read: (row: R) => T, report: DamageReport | undefined): T[] {
  return rows.flatMap((row) => {
    try {
      return [read(row)];
    } catch (error) {
      if (!(error instanceof DamagedRowError) || !report) throw error;
      report(error);
      return [];
    }
  });
}
