import { createHash } from 'node:crypto';
import { TableEntity } from '@azure/data-tables';
import { DomainError } from '../domain/errors';
import { MessageTarget } from '../ports/outbox';
import { checkedKey, encodedKey } from './keys';
import { DamagedRowError, RowRef, storedJson } from './storedJson';
import { cardSchema, messageTargetSchema } from './storedSchemas';

/**
 * Layout of the Outbox table. Every message lives in one of {@link SHARDS} shard partitions
 * ("s0".."s7", chosen by a hash of its idempotency key), as:
 *
 *   k|<key>                 marker: the key is taken. Holds the card while the message is pending
 *                           or failed; after sending only the small "sent" marker stays, forever,
 *                           so the same key is never sent twice.
 *   q|<due>|<key>           queue row: the message is waiting (due = not before), or claimed by a
 *                           worker until <due>. Deleted when sent or given up. Tiny (no card).
 *   done|<at>|<key>         log of sends, for the status counts (and the age index for clean-up).
 *   fail|<at>|<key>         log of give-ups with the last error.
 *
 * <key> is the idempotency key in base64url; <due>/<at> are ISO-8601 UTC, which sort as text. So the
 * worker's "what is due" is a range query `q|` .. `q|<now>~` per shard that only ever sees pending
 * rows, however long the history. Partition "runs" has one row per job: its last enqueue.
 *
 * The shard count is part of the key layout: changing it would hide existing markers (and so allow
 * duplicates). It is a constant on purpose.
 */
export const SHARDS = 8;
export const RUNS_PARTITION = 'runs';

/** Keys are ours (job|period|target); this keeps every row key well under the 1 KiB limit. */
const MAX_KEY_CHARS = 300;
/** A string property holds 32 Ki UTF-16 characters; cards are split into parts below that. */
const CARD_PART_CHARS = 30_000;
/** Teams refuses messages over about 80 KB; the activity around the card needs a little room. */
export const MAX_CARD_BYTES = 78 * 1024;

export type Entity = TableEntity<Record<string, unknown>>;

export function shardOf(key: string): string {
  const hash = createHash('sha256').update(key, 'utf8').digest();
  return `s${hash.readUInt32BE(0) % SHARDS}`;
}

export const ALL_SHARDS: readonly string[] = Array.from({ length: SHARDS }, (_, i) => `s${i}`);

export function checkedMessageKey(key: string): string {
  if (!key || key.length > MAX_KEY_CHARS) throw new Error(`Outbox key must be 1..${MAX_KEY_CHARS} characters: ${JSON.stringify(key.slice(0, 80))}`);
  return encodedKey(key);
}

export const markerRow = (encoded: string): string => checkedKey('k', encoded);
export const queueRow = (due: Date, encoded: string): string => checkedKey('q', due.toISOString(), encoded);
export const doneRow = (at: Date, encoded: string): string => checkedKey('done', at.toISOString(), encoded);
export const failRow = (at: Date, encoded: string): string => checkedKey('fail', at.toISOString(), encoded);
export const runRow = (job: string): string => checkedKey('run', encodedKey(job));

/** The encoded key at the end of a q|, done| or fail| row key. */
export const encodedOf = (rowKey: string): string => rowKey.slice(rowKey.lastIndexOf('|') + 1);

/** Row keys of queue rows due at or before `now`. */
export const dueRange = (now: Date) => ({ from: 'q|', to: `q|${now.toISOString()}~` });
export const QUEUE_RANGE = { from: 'q|', to: 'q|~' } as const;
export const sinceRange = (prefix: 'done' | 'fail', since: Date) => ({ from: `${prefix}|${since.toISOString()}`, to: `${prefix}|~` });
export const beforeRange = (prefix: 'done' | 'fail', before: Date) => ({ from: `${prefix}|`, to: `${prefix}|${before.toISOString()}` });

/** The card as string properties card0..cardN-1 (each below the 32 Ki character limit). */
export function cardProperties(key: string, card: Readonly<Record<string, unknown>>): Record<string, string | number> {
  const json = JSON.stringify(card);
  if (Buffer.byteLength(json, 'utf8') > MAX_CARD_BYTES) {
    throw new DomainError('invalid', { reason: 'messageTooLarge', key: key.slice(0, 80), limitBytes: MAX_CARD_BYTES });
  }
  const properties: Record<string, string | number> = {};
  let parts = 0;
  for (let start = 0; start < json.length; start += CARD_PART_CHARS) properties[`card${parts++}`] = json.slice(start, start + CARD_PART_CHARS);
  properties.cardParts = parts;
  return properties;
}

export function cardFrom(row: RowRef & Readonly<Record<string, unknown>>): Record<string, unknown> {
  const parts = typeof row.cardParts === 'number' ? row.cardParts : 0;
  let json = '';
  for (let i = 0; i < parts; i++) {
    const part = row[`card${i}`];
    if (typeof part !== 'string') throw new Error(`Outbox marker ${String(row.rowKey)} lacks card part ${i}`);
    json += part;
  }
  const card = storedJson({ ...row, card: json }, 'card', cardSchema);
  if (!card) throw new DamagedRowError(row, 'card', 'no card');
  return card;
}

export function targetFrom(row: RowRef & Readonly<Record<string, unknown>>): MessageTarget {
  const target = storedJson(row, 'target', messageTargetSchema);
  if (!target) throw new DamagedRowError(row, 'target', 'no target');
  return target;
}

export const text = (value: unknown): string => (typeof value === 'string' ? value : '');
export const count = (value: unknown): number => (typeof value === 'number' && Number.isFinite(value) ? value : 0);
