import { randomBytes } from 'node:crypto';
import { TableClient, TransactionAction, odata } from '@azure/data-tables';
import { DomainError } from '../domain/errors';
import { Idea } from '../domain/ideas';
import { AuditEntry, IdeaComment, IdeaRepository } from '../ports/ideaRepository';
import { assertEntityFits } from './entityLimits';
import {
  COUNTER_ROW,
  IDEA_RANGE,
  auditFromEntity,
  auditRange,
  auditToEntity,
  commentFromEntity,
  commentRange,
  commentToEntity,
  ideaFromEntity,
  ideaRow,
  ideaToEntity,
} from './ideaEntities';
import { guarded, isConflict, isNotFound, isPreconditionFailed } from './storageErrors';
import { TableStore } from './tableStore';

// Enough for a burst of simultaneous submissions in one unit; each lost race backs off a little.
const MAX_ATTEMPTS = 12;
const salt = () => randomBytes(3).toString('hex');
/** Jittered, so writers that collided do not collide again in lockstep. */
const backOff = (attempt: number) => new Promise((resolve) => setTimeout(resolve, Math.random() * 10 * attempt));
/** A lost race on the counter or the idea: another writer got there first; try again on fresh data. */
const lostRace = (error: unknown) => isPreconditionFailed(error) || isConflict(error);

export class IdeaTable implements IdeaRepository {
  private readonly client: TableClient;

  constructor(store: TableStore) {
    this.client = store.client('Ideas');
  }

  /** Two round trips: read the counter, then one transaction (counter + idea + history). */
  async create(unitId: string, build: (number: number) => Idea, audit: (idea: Idea) => AuditEntry): Promise<Idea> {
    for (let attempt = 1; ; attempt++) {
      const counter = await this.read(unitId, COUNTER_ROW);
      const number = (typeof counter?.last === 'number' ? counter.last : 0) + 1;
      const idea = build(number);
      const entity = ideaToEntity(idea);
      assertEntityFits(entity);
      const counterEntity = { partitionKey: unitId, rowKey: COUNTER_ROW, last: number };
      const actions: TransactionAction[] = [
        counter ? ['update', counterEntity, 'Replace', { etag: counter.etag }] : ['create', counterEntity],
        ['create', entity],
        ['create', auditToEntity(unitId, number, idea.version, audit(idea), salt())],
      ];
      try {
        await guarded(() => this.client.submitTransaction(actions));
        return idea;
      } catch (error) {
        if (!lostRace(error)) throw error;
        // The SDK retries a request whose response was lost; our own first write then looks like a lost race.
        const mine = await this.get(unitId, number);
        if (mine && mine.lastChange.id === idea.lastChange.id) return mine;
        if (attempt >= MAX_ATTEMPTS) throw new DomainError('conflict');
        await backOff(attempt);
      }
    }
  }

  async get(unitId: string, number: number): Promise<Idea | undefined> {
    const row = await this.read(unitId, ideaRow(number));
    return row ? ideaFromEntity(row) : undefined;
  }

  /** Two round trips: read the idea, then one transaction (idea under If-Match + history line). */
  async update(unitId: string, number: number, change: (current: Idea) => Idea, audit: (before: Idea, after: Idea) => AuditEntry): Promise<Idea> {
    for (let attempt = 1; ; attempt++) {
      const row = await this.read(unitId, ideaRow(number));
      if (!row) throw new DomainError('notFound');
      const before = ideaFromEntity(row);
      const after = change(before);
      if (after === before) return before;
      const entity = ideaToEntity(after);
      assertEntityFits(entity);
      try {
        await guarded(() =>
          this.client.submitTransaction([
            ['update', entity, 'Replace', { etag: row.etag }],
            ['create', auditToEntity(unitId, number, after.version, audit(before, after), salt())],
          ]),
        );
        return after;
      } catch (error) {
        if (!lostRace(error)) throw error;
        const fresh = await this.get(unitId, number);
        if (fresh && fresh.lastChange.id === after.lastChange.id) return fresh;
        if (attempt >= MAX_ATTEMPTS) throw new DomainError('conflict');
        await backOff(attempt);
      }
    }
  }

  async list(unitId: string): Promise<Idea[]> {
    const rows = await this.range(unitId, IDEA_RANGE);
    return rows.map(ideaFromEntity);
  }

  async addComment(unitId: string, number: number, comment: IdeaComment): Promise<void> {
    const entity = commentToEntity(unitId, number, comment, salt());
    assertEntityFits(entity);
    await guarded(() => this.client.createEntity(entity));
  }

  async comments(unitId: string, number: number, limit: number): Promise<IdeaComment[]> {
    const rows = await this.range(unitId, commentRange(number), limit);
    return rows.map(commentFromEntity);
  }

  async history(unitId: string, number: number): Promise<AuditEntry[]> {
    return (await this.range(unitId, auditRange(number))).map(auditFromEntity);
  }

  private async read(partitionKey: string, rowKey: string) {
    try {
      return await guarded(() => this.client.getEntity<Record<string, unknown>>(partitionKey, rowKey));
    } catch (error) {
      if (isNotFound(error)) return undefined;
      throw error;
    }
  }

  private range(partitionKey: string, range: { from: string; to: string }, limit?: number) {
    return guarded(async () => {
      const filter = odata`PartitionKey eq ${partitionKey} and RowKey ge ${range.from} and RowKey lt ${range.to}`;
      const rows = [];
      for await (const page of this.client.listEntities<Record<string, unknown>>({ queryOptions: { filter } }).byPage({ maxPageSize: limit ?? 1000 })) {
        rows.push(...page);
        if (limit && rows.length >= limit) return rows.slice(0, limit);
      }
      return rows;
    });
  }
}
