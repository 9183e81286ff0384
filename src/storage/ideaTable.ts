import { TableClient, TransactionAction } from '@azure/data-tables';
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
import { MAX_ATTEMPTS, backOff, listRange, lostRace, readEntity, salt, updateWithEtag } from './etagUpdate';
import { guarded } from './storageErrors';
import { DamageReport, readableRows } from './storedJson';
import { TableStore } from './tableStore';

export class IdeaTable implements IdeaRepository {
  private readonly client: TableClient;

  constructor(
    store: TableStore,
    private readonly report?: DamageReport,
  ) {
    this.client = store.client('Ideas');
  }

  /** Two round trips: read the counter, then one transaction (counter + idea + history). */
  async create(unitId: string, build: (number: number) => Idea, audit: (idea: Idea) => AuditEntry): Promise<Idea> {
    for (let attempt = 1; ; attempt++) {
      const counter = await readEntity(this.client, unitId, COUNTER_ROW);
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
    const row = await readEntity(this.client, unitId, ideaRow(number));
    return row ? ideaFromEntity(row) : undefined;
  }

  /** Two round trips: read the idea, then one transaction (idea under If-Match + history line). */
  update(unitId: string, number: number, change: (current: Idea) => Idea, audit: (before: Idea, after: Idea) => AuditEntry): Promise<Idea> {
    return updateWithEtag(this.client, {
      partitionKey: unitId,
      rowKey: ideaRow(number),
      fromEntity: ideaFromEntity,
      toEntity: ideaToEntity,
      change,
      alongside: (before, after) => [auditToEntity(unitId, number, after.version, audit(before, after), salt())],
      isMine: (fresh, after) => fresh.lastChange.id === after.lastChange.id,
    });
  }

  async list(unitId: string): Promise<Idea[]> {
    const rows = await listRange(this.client, unitId, IDEA_RANGE);
    return readableRows(rows, ideaFromEntity, this.report);
  }

  async addComment(unitId: string, number: number, comment: IdeaComment): Promise<void> {
    const entity = commentToEntity(unitId, number, comment, salt());
    assertEntityFits(entity);
    await guarded(() => this.client.createEntity(entity));
  }

  async comments(unitId: string, number: number, limit: number): Promise<IdeaComment[]> {
    const rows = await listRange(this.client, unitId, commentRange(number), limit);
    return rows.map(commentFromEntity);
  }

  async history(unitId: string, number: number): Promise<AuditEntry[]> {
    return (await listRange(this.client, unitId, auditRange(number))).map(auditFromEntity);
  }
}
