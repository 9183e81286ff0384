import { randomBytes } from 'node:crypto';
import { TableClient, odata } from '@azure/data-tables';
import { Benefit } from '../domain/benefits';
import { DomainError } from '../domain/errors';
import { Idea } from '../domain/ideas';
import { BenefitKey, BenefitRepository } from '../ports/benefitRepository';
import { AuditEntry } from '../ports/ideaRepository';
import { BENEFIT_RANGE, benefitFromEntity, benefitRow, benefitToEntity } from './benefitEntities';
import { assertEntityFits } from './entityLimits';
import { auditToEntity, ideaFromEntity, ideaRow, ideaToEntity } from './ideaEntities';
import { guarded, isConflict, isNotFound, isPreconditionFailed } from './storageErrors';
import { TableStore } from './tableStore';

const MAX_ATTEMPTS = 8;
/** Benefit history lines sort after the idea's own lines of the same instant. */
const BENEFIT_SEQUENCE_OFFSET = 1_000_000;
const salt = () => randomBytes(3).toString('hex');
const lostRace = (error: unknown) => isPreconditionFailed(error) || isConflict(error);
const backOff = (attempt: number) => new Promise((resolve) => setTimeout(resolve, Math.random() * 10 * attempt));

/** Benefit registrations, stored in the Ideas table beside their idea (same unit partition). */
export class BenefitTable implements BenefitRepository {
  private readonly client: TableClient;

  constructor(store: TableStore) {
    this.client = store.client('Ideas');
  }

  /** Two round trips: read the idea, then one transaction (idea + registration + history). */
  async register(unitId: string, ideaNumber: number, build: (id: string, idea: Idea) => Benefit, markIdea: (idea: Idea) => Idea, audit: AuditEntry) {
    const id = `${Date.now().toString(36).padStart(9, '0')}${salt()}`;
    for (let attempt = 1; ; attempt++) {
      const row = await this.read(unitId, ideaRow(ideaNumber));
      if (!row) throw new DomainError('notFound');
      const before = ideaFromEntity(row);
      const benefit = build(id, before);
      const idea = markIdea(before);
      const entities = [ideaToEntity(idea), benefitToEntity(benefit)];
      entities.forEach(assertEntityFits);
      try {
        await guarded(() =>
          this.client.submitTransaction([
            ['update', entities[0], 'Replace', { etag: row.etag }],
            ['create', entities[1]],
            ['create', auditToEntity(unitId, ideaNumber, idea.version, audit, salt())],
          ]),
        );
        return { benefit, idea };
      } catch (error) {
        if (!lostRace(error)) throw error;
        // A retried request whose first attempt went through finds its own registration.
        const mine = await this.get({ unitId, ideaNumber, id });
        if (mine) return { benefit: mine, idea: (await this.readIdea(unitId, ideaNumber)) ?? idea };
        if (attempt >= MAX_ATTEMPTS) throw new DomainError('conflict');
        await backOff(attempt);
      }
    }
  }

  async get(key: BenefitKey): Promise<Benefit | undefined> {
    const row = await this.read(key.unitId, benefitRow(key.ideaNumber, key.id));
    return row ? benefitFromEntity(row) : undefined;
  }

  /** Two round trips: read, then one transaction (registration under If-Match + history line). */
  async update(key: BenefitKey, change: (current: Benefit) => Benefit, audit: (after: Benefit) => AuditEntry): Promise<Benefit> {
    for (let attempt = 1; ; attempt++) {
      const row = await this.read(key.unitId, benefitRow(key.ideaNumber, key.id));
      if (!row) throw new DomainError('notFound');
      const before = benefitFromEntity(row);
      const after = change(before);
      if (after === before) return before;
      const entity = benefitToEntity(after);
      assertEntityFits(entity);
      try {
        await guarded(() =>
          this.client.submitTransaction([
            ['update', entity, 'Replace', { etag: row.etag }],
            ['create', auditToEntity(key.unitId, key.ideaNumber, BENEFIT_SEQUENCE_OFFSET + after.version, audit(after), salt())],
          ]),
        );
        return after;
      } catch (error) {
        if (!lostRace(error)) throw error;
        const fresh = await this.get(key);
        if (fresh && fresh.lastChangeId === after.lastChangeId) return fresh;
        if (attempt >= MAX_ATTEMPTS) throw new DomainError('conflict');
        await backOff(attempt);
      }
    }
  }

  async listForUnit(unitId: string): Promise<Benefit[]> {
    return guarded(async () => {
      const filter = odata`PartitionKey eq ${unitId} and RowKey ge ${BENEFIT_RANGE.from} and RowKey lt ${BENEFIT_RANGE.to}`;
      const found: Benefit[] = [];
      for await (const row of this.client.listEntities<Record<string, unknown>>({ queryOptions: { filter } })) found.push(benefitFromEntity(row));
      return found;
    });
  }

  private async readIdea(unitId: string, ideaNumber: number): Promise<Idea | undefined> {
    const row = await this.read(unitId, ideaRow(ideaNumber));
    return row ? ideaFromEntity(row) : undefined;
  }

  private async read(partitionKey: string, rowKey: string) {
    try {
      return await guarded(() => this.client.getEntity<Record<string, unknown>>(partitionKey, rowKey));
    } catch (error) {
      if (isNotFound(error)) return undefined;
      throw error;
    }
  }
}
