import { TransactionAction } from '@azure/data-tables';
import { Idea, closedAt, isLiveWork } from '../domain/ideas';
import { ideaToEntity } from './ideaEntities';
import { checkedKey } from './keys';

/**
 * Index rows beside each idea in its unit's partition, so that reads follow live work and the
 * period asked for, not the unit's whole history:
 *
 * - `live|<n>`: a copy of the idea while it is live work (see isLiveWork). Boards, agendas,
 *   "my items" and reminders read this range only.
 * - `closed|<yyyy-mm-dd>|<n>`: a copy once it is done or rejected, under the UTC date that
 *   happened. "Done this quarter", digests and reports read a date range of it.
 * - `sub|<yyyy-mm-dd>|<n>`: a small row per submission, under its UTC date, for "new ideas in a
 *   period" and participation.
 *
 * They are written in the same transaction as the idea itself (same partition), so they are never
 * out of step with it. UTC dates in keys; readers widen a local-date range by a day and filter.
 */

const pad = (n: number) => String(n).padStart(7, '0');
const utcDay = (instant: string) => instant.slice(0, 10);

export const liveRow = (number: number) => checkedKey('live', pad(number));
export const LIVE_RANGE = { from: 'live|', to: 'live|~' } as const;

export const closedRow = (instant: string, number: number) => checkedKey('closed', utcDay(instant), pad(number));
export const submittedRow = (instant: string, number: number) => checkedKey('sub', utcDay(instant), pad(number));

/** Rows keyed `<prefix>|<date>|…` for dates in [from, to], both included. */
export const dateRange = (prefix: 'closed' | 'sub', from: string, to: string) => ({ from: `${prefix}|${from}`, to: `${prefix}|${to}~` });

type Entity = ReturnType<typeof ideaToEntity>;

const copyAt = (idea: Idea, rowKey: string): Entity => ({ ...ideaToEntity(idea), rowKey });

function closedKey(idea: Idea): string | undefined {
  const at = closedAt(idea);
  return at ? closedRow(at, idea.number) : undefined;
}

/**
 * A submission's row: enough to count and attribute it, where it came from, and when it was first
 * answered (written again once, when that happens).
 */
export function submittedEntity(idea: Idea): Entity {
  return {
    partitionKey: idea.unitId,
    rowKey: submittedRow(idea.createdAt, idea.number),
    number: idea.number,
    createdAt: idea.createdAt,
    submitterId: idea.submitter.id,
    origin: idea.origin ?? null,
    firstResponseAt: idea.firstResponseAt ?? null,
  };
}

/** Every index row a stored idea has: used to build the indexes of data written before they existed. */
export function indexEntitiesOf(idea: Idea): Entity[] {
  const closed = closedKey(idea);
  return [submittedEntity(idea), ...(isLiveWork(idea) ? [copyAt(idea, liveRow(idea.number))] : []), ...(closed ? [copyAt(idea, closed)] : [])];
}

/**
 * The index writes that go with writing `after` over `before` (undefined for a new idea), in the
 * idea's own transaction: copies upserted where the idea now belongs, removed where it no longer does.
 */
export function indexActions(before: Idea | undefined, after: Idea): TransactionAction[] {
  const actions: TransactionAction[] = [];
  if (!before) actions.push(['create', submittedEntity(after)]);
  else if (before.firstResponseAt !== after.firstResponseAt) actions.push(['upsert', submittedEntity(after), 'Replace']);
  if (isLiveWork(after)) actions.push(['upsert', copyAt(after, liveRow(after.number)), 'Replace']);
  else if (before && isLiveWork(before)) actions.push(['delete', { partitionKey: before.unitId, rowKey: liveRow(before.number) }]);
  const was = before ? closedKey(before) : undefined;
  const now = closedKey(after);
  if (was && was !== now) actions.push(['delete', { partitionKey: after.unitId, rowKey: was }]);
  if (now) actions.push(['upsert', copyAt(after, now), 'Replace']);
  return actions;
}
