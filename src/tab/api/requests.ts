import { z } from 'zod';
import { DomainError } from '../../domain/errors';
import { isActionId, isIdeaNumber, isUnitId, isVersion } from '../../domain/ids';
import { CommentInput } from '../../domain/ideaForm';
import { IdeaCommand, IdeaOnCard } from '../../services/ideas/ideaChanges';
import { BadRequest } from './refusals';

/**
 * The tab's requests as typed commands. Ids in the path are checked by shape (unit slugs, idea
 * numbers): anything not shaped like one of ours is "not found" before storage is asked. Bodies
 * must have exactly the expected shape; their texts are checked by the domain as on the cards.
 */

const notFound = (): never => {
  throw new DomainError('notFound');
};

export function unitIdOf(params: Readonly<Record<string, string | undefined>>): string {
  const unitId = params.unitId ?? '';
  return isUnitId(unitId) ? unitId : notFound();
}

export interface IdeaRef {
  readonly unitId: string;
  readonly number: number;
}

export function ideaRefOf(params: Readonly<Record<string, string | undefined>>): IdeaRef {
  const unitId = unitIdOf(params);
  const text = params.number ?? '';
  const number = /^\d{1,7}$/.test(text) ? Number(text) : NaN;
  return isIdeaNumber(number) ? { unitId, number } : notFound();
}

/** ?page=n for history; absent means the first page. */
export function pageOf(query: URLSearchParams): number {
  const text = query.get('page');
  if (text === null) return 1;
  if (!/^\d{1,4}$/.test(text) || Number(text) < 1) throw new BadRequest('page');
  return Number(text);
}

/**
 * ?channel=<Teams channel id> from a channel tab's context, e.g. "19:abc@thread.tacv2". Only the
 * shape is checked; whether a unit is linked to it is decided from stored data.
 */
export function channelOf(query: URLSearchParams): string | undefined {
  const text = query.get('channel');
  if (text === null || text === '') return undefined;
  if (!/^\d{2}:[A-Za-z0-9_.@=;-]{1,400}$/.test(text)) throw new BadRequest('channel');
  return text;
}

const version = z.number().int().refine(isVersion);
const shortText = z.string().max(2000);
const choice = z.string().max(64);

const changeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('move'), version, to: choice, reason: shortText.optional() }).strict(),
  z.object({ kind: z.literal('assign'), version, ownerId: choice.optional(), dueDate: choice.optional() }).strict(),
  z.object({ kind: z.literal('prioritise'), version, effort: choice, impact: choice }).strict(),
  z.object({ kind: z.literal('completeAction'), version, actionId: z.number().int().refine(isActionId) }).strict(),
]);

export interface ChangeCommand {
  readonly target: IdeaOnCard;
  readonly command: IdeaCommand;
}

/** A change from the tab: the idea, the version the page showed, and what to do, as the cards would. */
export function changeOf(ref: IdeaRef, body: unknown): ChangeCommand {
  const parsed = changeSchema.safeParse(body);
  if (!parsed.success) throw new BadRequest('change');
  const change = parsed.data;
  const target = { ...ref, version: change.version };
  switch (change.kind) {
    case 'move':
      return { target, command: { kind: 'move', to: change.to, ...(change.reason !== undefined ? { reason: change.reason } : {}) } };
    case 'assign':
      return { target, command: { kind: 'assign', ownerId: change.ownerId ?? '', dueDate: change.dueDate ?? '' } };
    case 'prioritise':
      return { target, command: { kind: 'prioritise', effort: change.effort, impact: change.impact } };
    case 'completeAction':
      return { target, command: { kind: 'completeAction', actionId: change.actionId } };
  }
}

const commentSchema = z.object({ text: z.string().max(8000) }).strict();

export function commentOf(body: unknown): CommentInput {
  const parsed = commentSchema.safeParse(body);
  if (!parsed.success) throw new BadRequest('comment');
  return { text: parsed.data.text };
}
