import { TableClient, TransactionAction } from '@azure/data-tables';
import { LocalDate } from '../domain/dates';
import { Benefit } from '../domain/benefits';
import { DomainError } from '../domain/errors';
import { Idea } from '../domain/ideas';
import { BenefitKey, BenefitRepository } from '../ports/benefitRepository';
import { AuditEntry } from '../ports/ideaRepository';
import { benefitFromEntity, benefitRow, benefitToEntity, ideaBenefitRange } from './benefitEntities';
import { LIVE_BENEFIT_RANGE, benefitIndexActions, datedBenefitRange } from './benefitIndexes';
import { assertEntityFits } from './entityLimits';
import { auditToEntity, ideaFromEntity, ideaRow, ideaToEntity } from './ideaEntities';
import { indexActions } from './ideaIndexes';
import { MAX_ATTEMPTS, Stored, backOff, listRange, lostRace, readEntity, salt, updateWithEtag, writtenEntity } from './etagUpdate';
import { guarded } from './storageErrors';
import { DamageReport, readableRows } from './storedJson';
import { TableStore } from './tableStore';

/** Benefit history lines sort after the idea's own lines of the same instant. */
const BENEFIT_SEQUENCE_OFFSET = 1_000_000;

/** Benefit registrations, stored in the Ideas table beside their idea (same unit partition). */
export class BenefitTable implements BenefitRepository {
  private readonly client: TableClient;
  /** The rows registrations were read from, so an update of one just read need not read it again. */
  private readonly rowsRead = new WeakMap<Benefit, Stored>();

  constructor(
    store: TableStore,
    private readonly report?: DamageReport,
  ) {
    this.client = store.client('Ideas');
  }

  /** Two round trips: read the idea, then one transaction (idea + registration + their index rows + history). */
  async register(unitId: string, ideaNumber: number, build: (id: string, idea: Idea) => Benefit, markIdea: (idea: Idea) => Idea, audit: AuditEntry) {
    const id = `${Date.now().toString(36).padStart(9, '0')}${salt()}`;
    for (let attempt = 1; ; attempt++) {
      const row = await readEntity(this.client, unitId, ideaRow(ideaNumber));
      if (!row) throw new DomainError('notFound');
      const before = ideaFromEntity(row);
      const benefit = build(id, before);
      const idea = markIdea(before);
      const actions: TransactionAction[] = [
        ['update', ideaToEntity(idea), 'Replace', { etag: row.etag }],
        ...indexActions(before, idea),
        ['create', benefitToEntity(benefit)],
        ...benefitIndexActions(undefined, benefit),
        ['create', auditToEntity(unitId, ideaNumber, idea.version, audit, salt())],
      ];
      actions.flatMap(writtenEntity).forEach(assertEntityFits);
      try {
        await guarded(() => this.client.submitTransaction(actions));
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
    const row = await readEntity(this.client, key.unitId, benefitRow(key.ideaNumber, key.id));
    return row ? benefitFromEntity(row) : undefined;
  }

  /** Two round trips: read, then one transaction (registration under If-Match + history line); one when `current` was read here. */
  update(key: BenefitKey, change: (current: Benefit) => Benefit, audit: (after: Benefit) => AuditEntry, current?: Benefit): Promise<Benefit> {
    const alreadyRead = current && this.rowsRead.get(current);
    return updateWithEtag(this.client, {
      alreadyRead: alreadyRead && alreadyRead.rowKey === benefitRow(key.ideaNumber, key.id) && alreadyRead.partitionKey === key.unitId ? alreadyRead : undefined,
      partitionKey: key.unitId,
      rowKey: benefitRow(key.ideaNumber, key.id),
      fromEntity: benefitFromEntity,
      toEntity: benefitToEntity,
      change,
      alongside: (_before, after) => [auditToEntity(key.unitId, key.ideaNumber, BENEFIT_SEQUENCE_OFFSET + after.version, audit(after), salt())],
      indexes: benefitIndexActions,
      isMine: (fresh, after) => fresh.lastChangeId === after.lastChangeId,
    });
  }

  private readonly remembered = (row: Stored): Benefit => {
    const benefit = benefitFromEntity(row);
    this.rowsRead.set(benefit, row);
    return benefit;
  };

  async live(unitId: string): Promise<Benefit[]> {
    return readableRows(await listRange(this.client, unitId, LIVE_BENEFIT_RANGE), benefitFromEntity, this.report);
  }

  async forIdea(unitId: string, ideaNumber: number): Promise<Benefit[]> {
    return readableRows(await listRange(this.client, unitId, ideaBenefitRange(ideaNumber)), this.remembered, this.report);
  }

  async registeredBetween(unitId: string, from: LocalDate, to: LocalDate): Promise<Benefit[]> {
    return readableRows(await listRange(this.client, unitId, datedBenefitRange(from, to)), benefitFromEntity, this.report);
  }

  /** A pending approval is live: the live rows, filtered (they are in registration order by idea). */
  async pendingApprovals(unitId: string): Promise<Benefit[]> {
    return (await this.live(unitId)).filter((benefit) => benefit.approval === 'pending').sort((a, b) => a.registeredOn.localeCompare(b.registeredOn) || a.id.localeCompare(b.id));
  }

  private async readIdea(unitId: string, ideaNumber: number): Promise<Idea | undefined> {
    const row = await readEntity(this.client, unitId, ideaRow(ideaNumber));
    return row ? ideaFromEntity(row) : undefined;
  }
}
