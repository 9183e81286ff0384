import { TableClient, TransactionAction } from '@azure/data-tables';
import { LocalDate } from '../domain/dates';
import { DomainError } from '../domain/errors';
import { IDEA_ORIGINS, Idea, peopleConcerned } from '../domain/ideas';
import { optionalText } from './entityValues';
import { WorkIndex } from '../ports/workIndex';
import { AuditEntry, IdeaComment, IdeaRepository, SubmittedIdea } from '../ports/ideaRepository';
import { assertEntityFits } from './entityLimits';
import { COUNTER_ROW, auditFromEntity, auditRange, auditToEntity, commentFromEntity, commentRange, commentToEntity, ideaFromEntity, ideaRow, ideaToEntity } from './ideaEntities';
import { LIVE_RANGE, dateRange, indexActions } from './ideaIndexes';
import { MAX_ATTEMPTS, backOff, listRange, lostRace, readEntity, salt, updateWithEtag, writtenEntity } from './etagUpdate';
import { KeyedQueue } from './keyedQueue';
import { guarded } from './storageErrors';
import { DamageReport, readableRows } from './storedJson';
import { TableStore } from './tableStore';

/** The unit's number counter as this instance last wrote or read it. */
interface KnownCounter {
  readonly last: number;
  readonly etag: string;
}

export class IdeaTable implements IdeaRepository {
  private readonly client: TableClient;
  /** Submissions into one unit take turns in this instance: no ETag collisions among them. */
  private readonly submissions = new KeyedQueue();
  private readonly counters = new Map<string, KnownCounter>();

  constructor(
    store: TableStore,
    private readonly report?: DamageReport,
    /** Told who each written idea concerns, so "my items" knows where to look. */
    private readonly workIndex?: WorkIndex,
  ) {
    this.client = store.client('Ideas');
  }

  private async noteConcerned(idea: Idea): Promise<Idea> {
    await this.workIndex?.note(peopleConcerned(idea), idea.unitId);
    return idea;
  }

  /**
   * One transaction (counter + idea + its index rows + history line), after one read of the counter
   * when this instance does not know it yet: one round trip for a unit it has numbered in before,
   * two otherwise. Another instance's submission in between shows as a 412: the counter is read
   * again and the next number tried, unseen by the person submitting.
   */
  create(unitId: string, build: (number: number) => Idea, audit: (idea: Idea) => AuditEntry): Promise<Idea> {
    return this.submissions.run(unitId, async () => {
      for (let attempt = 1; ; attempt++) {
        const counter = this.counters.get(unitId) ?? (await this.readCounter(unitId));
        const number = (counter?.last ?? 0) + 1;
        const idea = build(number);
        const entity = ideaToEntity(idea);
        const counterEntity = { partitionKey: unitId, rowKey: COUNTER_ROW, last: number };
        const actions: TransactionAction[] = [
          counter ? ['update', counterEntity, 'Replace', { etag: counter.etag }] : ['create', counterEntity],
          ['create', entity],
          ...indexActions(undefined, idea),
          ['create', auditToEntity(unitId, number, idea.version, audit(idea), salt())],
        ];
        actions.flatMap(writtenEntity).forEach(assertEntityFits);
        try {
          const response = await guarded(() => this.client.submitTransaction(actions));
          const etag = response.getResponseForEntity(COUNTER_ROW)?.etag;
          if (etag) this.counters.set(unitId, { last: number, etag });
          else this.counters.delete(unitId);
          return this.noteConcerned(idea);
        } catch (error) {
          this.counters.delete(unitId);
          if (!lostRace(error)) throw error;
          // The SDK retries a request whose response was lost; our own first write then looks like a lost race.
          const mine = await this.get(unitId, number);
          if (mine && mine.lastChange.id === idea.lastChange.id) return mine;
          if (attempt >= MAX_ATTEMPTS) throw new DomainError('conflict');
          await backOff(attempt);
        }
      }
    });
  }

  private async readCounter(unitId: string): Promise<KnownCounter | undefined> {
    const row = await readEntity(this.client, unitId, COUNTER_ROW);
    return row ? { last: typeof row.last === 'number' ? row.last : 0, etag: row.etag } : undefined;
  }

  async get(unitId: string, number: number): Promise<Idea | undefined> {
    const row = await readEntity(this.client, unitId, ideaRow(number));
    return row ? ideaFromEntity(row) : undefined;
  }

  /** Two round trips: read the idea, then one transaction (idea under If-Match, its index rows, history line). */
  async update(unitId: string, number: number, change: (current: Idea) => Idea, audit: (before: Idea, after: Idea) => AuditEntry): Promise<Idea> {
    const updated = await updateWithEtag(this.client, {
      partitionKey: unitId,
      rowKey: ideaRow(number),
      fromEntity: ideaFromEntity,
      toEntity: ideaToEntity,
      change,
      alongside: (before, after) => [auditToEntity(unitId, number, after.version, audit(before, after), salt())],
      indexes: indexActions,
      isMine: (fresh, after) => fresh.lastChange.id === after.lastChange.id,
    });
    return this.noteConcerned(updated);
  }

  async live(unitId: string): Promise<Idea[]> {
    return readableRows(await listRange(this.client, unitId, LIVE_RANGE), ideaFromEntity, this.report);
  }

  async closedBetween(unitId: string, from: LocalDate, to: LocalDate): Promise<Idea[]> {
    return readableRows(await listRange(this.client, unitId, dateRange('closed', from, to)), ideaFromEntity, this.report);
  }

  async submittedBetween(unitId: string, from: LocalDate, to: LocalDate): Promise<SubmittedIdea[]> {
    const rows = await listRange(this.client, unitId, dateRange('sub', from, to));
    return rows.map((row) => {
      const origin = IDEA_ORIGINS.find((o) => o === row.origin);
      const firstResponseAt = optionalText(row.firstResponseAt);
      return {
        unitId,
        number: Number(row.number),
        createdAt: String(row.createdAt ?? ''),
        submitterId: String(row.submitterId ?? ''),
        ...(origin ? { origin } : {}),
        ...(firstResponseAt ? { firstResponseAt } : {}),
      };
    });
  }

  async recordFirstResponse(unitId: string, number: number, at: string): Promise<void> {
    await updateWithEtag(this.client, {
      partitionKey: unitId,
      rowKey: ideaRow(number),
      fromEntity: ideaFromEntity,
      toEntity: ideaToEntity,
      // Unchanged when answered already: nothing is written.
      change: (current) => (current.firstResponseAt ? current : { ...current, firstResponseAt: at }),
      indexes: indexActions,
    });
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
