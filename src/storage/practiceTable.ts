import { TableClient } from '@azure/data-tables';
import { IdeaRef } from '../domain/ideas';
import { PracticeSuggestion, SuggestionReason, WhereElseAnswer } from '../domain/practice';
import { Adoption, PracticeRepository } from '../ports/practiceRepository';
import { assertEntityFits } from './entityLimits';
import { optionalText } from './entityValues';
import { listRange, lostRace, readEntity } from './etagUpdate';
import { checkedKey } from './keys';
import { guarded, isConflict, isNotFound } from './storageErrors';
import { TableStore } from './tableStore';

/**
 * "Where else?" rows in the Ideas table, each in the partition whose reads it serves:
 * - `where|<n>` beside the original idea: asked once, and the leader's answer;
 * - `tried|<unit>|<n>` in the receiving unit: a pending offer, read by its digest, deleted when
 *   adopted or declined (so the read follows pending offers, not history);
 * - `spread|<n>|<unit>` beside the original idea: an adoption, read by reports.
 */
const pad = (n: number) => String(n).padStart(7, '0');
const whereRow = (number: number) => checkedKey('where', pad(number));
const triedRow = (from: IdeaRef) => checkedKey('tried', from.unitId, pad(from.number));
const TRIED_RANGE = { from: 'tried|', to: 'tried|~' } as const;
const spreadRow = (number: number, unitId: string) => checkedKey('spread', pad(number), unitId);
const SPREAD_RANGE = { from: 'spread|', to: 'spread|~' } as const;
/** Pending offers read for one digest: a unit that never acts on them does not make its digest read more. */
const MAX_PENDING_READ = 50;
const ANSWERS: readonly WhereElseAnswer[] = ['yes', 'no'];
const REASONS: readonly SuggestionReason[] = ['similar', 'kind'];

export class PracticeTable implements PracticeRepository {
  private readonly client: TableClient;

  constructor(store: TableStore) {
    this.client = store.client('Ideas');
  }

  async markAsked(idea: IdeaRef, at: string): Promise<boolean> {
    try {
      await guarded(() => this.client.createEntity({ partitionKey: idea.unitId, rowKey: whereRow(idea.number), askedAt: at }));
      return true;
    } catch (error) {
      if (isConflict(error)) return false;
      throw error;
    }
  }

  async answer(idea: IdeaRef, answer: WhereElseAnswer, at: string): Promise<{ answer: WhereElseAnswer; first: boolean }> {
    const row = await readEntity(this.client, idea.unitId, whereRow(idea.number));
    const given = ANSWERS.find((a) => a === row?.answer);
    if (given) return { answer: given, first: false };
    const entity = { partitionKey: idea.unitId, rowKey: whereRow(idea.number), answer, answeredAt: at };
    try {
      await guarded(() => (row ? this.client.updateEntity(entity, 'Merge', { etag: row.etag }) : this.client.createEntity(entity)));
      return { answer, first: true };
    } catch (error) {
      if (!lostRace(error)) throw error;
      // Someone answered in between: theirs stands.
      const fresh = await readEntity(this.client, idea.unitId, whereRow(idea.number));
      const theirs = ANSWERS.find((a) => a === fresh?.answer);
      return theirs ? { answer: theirs, first: false } : { answer, first: true };
    }
  }

  async suggest(unitId: string, suggestion: PracticeSuggestion): Promise<void> {
    const entity = {
      partitionKey: unitId,
      rowKey: triedRow(suggestion.from),
      fromUnitId: suggestion.from.unitId,
      fromNumber: suggestion.from.number,
      title: suggestion.title,
      proposal: suggestion.proposal ?? null,
      realizedHours: suggestion.realized.hours,
      realizedMoney: suggestion.realized.money,
      realizedOther: suggestion.realized.other,
      reason: suggestion.reason,
      suggestedAt: suggestion.suggestedAt,
    };
    assertEntityFits(entity);
    try {
      await guarded(() => this.client.createEntity(entity));
    } catch (error) {
      if (!isConflict(error)) throw error;
    }
  }

  async pending(unitId: string, limit: number): Promise<PracticeSuggestion[]> {
    const rows = await listRange(this.client, unitId, TRIED_RANGE, MAX_PENDING_READ);
    return rows
      .map((row) => suggestionOf(row))
      .sort((a, b) => b.suggestedAt.localeCompare(a.suggestedAt))
      .slice(0, limit);
  }

  async suggestion(unitId: string, from: IdeaRef): Promise<PracticeSuggestion | undefined> {
    const row = await readEntity(this.client, unitId, triedRow(from));
    return row ? suggestionOf(row) : undefined;
  }

  async withdraw(unitId: string, from: IdeaRef): Promise<void> {
    try {
      await guarded(() => this.client.deleteEntity(unitId, triedRow(from)));
    } catch (error) {
      // Already withdrawn (adopted or declined by someone else just now): nothing left to do.
      if (!isNotFound(error)) throw error;
    }
  }

  async recordAdoption(from: IdeaRef, title: string, unitId: string, at: string): Promise<void> {
    await guarded(() => this.client.upsertEntity({ partitionKey: from.unitId, rowKey: spreadRow(from.number, unitId), number: from.number, title, unitId, at }, 'Replace'));
  }

  async adoptionsOf(unitId: string): Promise<Adoption[]> {
    const rows = await listRange(this.client, unitId, SPREAD_RANGE);
    return rows.map((row) => ({ number: Number(row.number), title: String(row.title ?? ''), unitId: String(row.unitId ?? ''), at: String(row.at ?? '') }));
  }
}

function suggestionOf(row: Record<string, unknown>): PracticeSuggestion {
  const proposal = optionalText(row.proposal);
  return {
    from: { unitId: String(row.fromUnitId ?? ''), number: Number(row.fromNumber) },
    title: String(row.title ?? ''),
    ...(proposal ? { proposal } : {}),
    realized: { hours: Number(row.realizedHours ?? 0), money: Number(row.realizedMoney ?? 0), other: Number(row.realizedOther ?? 0) },
    reason: REASONS.find((r) => r === row.reason) ?? 'kind',
    suggestedAt: String(row.suggestedAt ?? ''),
  };
}
