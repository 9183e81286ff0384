import { TableClient, TransactionAction } from '@azure/data-tables';
import { DomainError } from '../domain/errors';
import { Goal } from '../domain/goals';
import { GoalRepository } from '../ports/goalRepository';
import { assertEntityFits } from './entityLimits';
import { MAX_ATTEMPTS, backOff, lostRace, readEntity } from './etagUpdate';
import { goalFromEntity, goalRow, goalToEntity } from './goalEntities';
import { ORG_PARTITION } from './organisationEntities';
import { guarded, isConflict } from './storageErrors';
import { TableStore } from './tableStore';

/** A card changes a handful of goals at most (a goal and those below it); a transaction holds 100. */
const MAX_GOALS_PER_CHANGE = 100;

export class GoalTable implements GoalRepository {
  private readonly client: TableClient;

  constructor(store: TableStore) {
    this.client = store.client('Organisation');
  }

  async create(goal: Goal, checkParent?: (parent: Goal) => void): Promise<void> {
    const entity = goalToEntity(goal);
    assertEntityFits(entity);
    const taken = () => new DomainError('conflict', { goal: goal.id });
    if (!goal.parentId || !checkParent) {
      await guarded(() => this.client.createEntity(entity)).catch((error: unknown) => {
        throw isConflict(error) ? taken() : error;
      });
      return;
    }
    for (let attempt = 1; ; attempt++) {
      const parent = await readEntity(this.client, ORG_PARTITION, goalRow(goal.parentId));
      if (!parent) throw new DomainError('notFound', { goal: goal.parentId });
      checkParent(goalFromEntity(parent));
      // An empty merge under the parent's ETag: the new goal is written only if the parent is unchanged.
      const actions: TransactionAction[] = [
        ['create', entity],
        ['update', { partitionKey: ORG_PARTITION, rowKey: parent.rowKey }, 'Merge', { etag: parent.etag }],
      ];
      try {
        await guarded(() => this.client.submitTransaction(actions));
        return;
      } catch (error) {
        if (!lostRace(error)) throw error;
        if (await readEntity(this.client, ORG_PARTITION, goalRow(goal.id))) throw taken();
        if (attempt >= MAX_ATTEMPTS) throw new DomainError('conflict');
        await backOff(attempt);
      }
    }
  }

  async update(goalIds: readonly string[], change: (current: readonly Goal[]) => readonly Goal[]): Promise<Goal[]> {
    if (goalIds.length > MAX_GOALS_PER_CHANGE) throw new DomainError('invalid', { goals: goalIds.length });
    for (let attempt = 1; ; attempt++) {
      const rows = await Promise.all(goalIds.map((id) => readEntity(this.client, ORG_PARTITION, goalRow(id))));
      if (rows.some((row) => !row)) throw new DomainError('notFound');
      const stored = rows.map((row) => ({ goal: goalFromEntity(row!), etag: row!.etag }));
      const after = change(stored.map((s) => s.goal));
      if (!after.length) return [];
      const actions = after.map((goal): TransactionAction => {
        const etag = stored.find((s) => s.goal.id === goal.id)?.etag;
        // Only goals that were read may be written: everything else is a fault in the caller.
        if (!etag) throw new Error(`goal ${goal.id} was not read for this change`);
        const entity = goalToEntity(goal);
        assertEntityFits(entity);
        return ['update', entity, 'Replace', { etag }];
      });
      try {
        await guarded(() => this.client.submitTransaction(actions));
        return [...after];
      } catch (error) {
        if (!lostRace(error)) throw error;
        if (attempt >= MAX_ATTEMPTS) throw new DomainError('conflict');
        await backOff(attempt);
      }
    }
  }
}
