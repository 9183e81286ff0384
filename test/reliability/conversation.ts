import { randomUUID } from 'node:crypto';
import { Activity } from 'botbuilder';
import { TableEntityResult } from '@azure/data-tables';
import { cardText } from '../support/botHarness';
import { Delivery, FakeConnector } from '../support/fakeConnector';
import { TavlaUnderTest } from '../support/runningTavla';
import { SIMILAR_SHOWN } from '../../src/cards/learningCards';

/** What a person sees in answer to one activity, and when. */
export interface Answer {
  /** HTTP status of the POST. */
  readonly status: number;
  /** Milliseconds from sending until the HTTP answer. */
  readonly httpMs: number;
  /** The invoke's body (card actions), if any. */
  readonly body: unknown;
  /** Text of the invoke response or of the first reply at the connector. */
  readonly text: string;
  /** Milliseconds from sending until the person saw an answer (invoke body, or first reply at the connector). */
  readonly answerMs: number;
  /** Typing indicators the connector received for this conversation while the answer was awaited. */
  readonly typing: readonly number[];
}

export const withId = (activity: Partial<Activity>): Partial<Activity> => ({ ...activity, id: `act-${randomUUID()}` });

/** The text a person reads in an activity: its text and the texts of any card. */
export function textOf(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value !== 'object' || value === null) return '';
  const v = value as { text?: unknown; value?: unknown; attachments?: { content?: unknown }[]; type?: unknown };
  const parts: string[] = [];
  if (typeof v.text === 'string') parts.push(v.text);
  for (const attachment of v.attachments ?? []) parts.push(cardText(attachment.content));
  if (typeof v.value === 'string') parts.push(v.value);
  else if (typeof v.value === 'object' && v.value !== null) parts.push(cardText(v.value));
  return parts.join('\n');
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Replies the connector got in answer to `activityId`. */
export function repliesTo(connector: FakeConnector, activity: Partial<Activity>): Delivery[] {
  return connector.deliveries.filter((d) => d.activity.replyToId === activity.id && d.activity.type !== 'typing');
}

/**
 * Sends one activity through the real HTTP edge and waits (up to `waitMs`) for what the person
 * would see: the invoke's body, or a reply arriving at the connector.
 */
export async function converse(bot: TavlaUnderTest, activity: Partial<Activity>, waitMs = 20_000): Promise<Answer> {
  const conversationId = activity.conversation?.id ?? '';
  const startedAt = Date.now();
  const typingBefore = bot.connector.deliveries.length;
  const res = await bot.postActivity(activity);
  const httpMs = Date.now() - startedAt;
  const raw = await res.text();
  let body: unknown;
  try {
    body = raw ? (JSON.parse(raw) as unknown) : undefined;
  } catch {
    body = raw;
  }
  let text = activity.type === 'invoke' ? textOf(body) : '';
  let answerMs = httpMs;
  if (activity.type !== 'invoke') {
    while (Date.now() - startedAt < waitMs) {
      const reply = repliesTo(bot.connector, activity)[0];
      if (reply) {
        text = textOf(reply.activity);
        answerMs = reply.at - startedAt;
        break;
      }
      await sleep(20);
    }
  }
  const typing = bot.connector.deliveries
    .slice(typingBefore)
    .filter((d) => d.conversationId === conversationId && d.activity.type === 'typing')
    .map((d) => d.at - startedAt);
  return { status: res.status, httpMs, body, text, answerMs, typing };
}

export type Row = TableEntityResult<Record<string, unknown>>;

/** Every row of one of the bot's tables, read directly. */
export async function rowsOf(bot: TavlaUnderTest, table: 'Organisation' | 'People' | 'Ideas' | 'Outbox' | 'Leases'): Promise<Row[]> {
  const rows: Row[] = [];
  for await (const row of bot.tables.client(table).listEntities<Record<string, unknown>>()) rows.push(row);
  return rows;
}

/** A row without its ETag and timestamp, to compare content before and after. */
export function content(row: Row): Record<string, unknown> {
  const { etag: _etag, timestamp: _timestamp, ...rest } = row as Row & { timestamp?: unknown };
  return rest;
}

/**
 * The idea form's data as "save mine anyway" sends it, after similar ideas were shown: these
 * suites are about storage, and the ideas they submit resemble the demo history's on purpose.
 */
export const SAVE_ANYWAY = { [SIMILAR_SHOWN]: '1' } as const;
