import { TableClient } from '@azure/data-tables';
import { PersonName } from '../domain/ideas';
import { StakeholderAnswer } from '../domain/stakeholders';
import { StakeholderRepository } from '../ports/stakeholderRepository';
import { optionalText } from './entityValues';
import { listRange } from './etagUpdate';
import { checkedKey } from './keys';
import { guarded, isConflict } from './storageErrors';
import { TableStore } from './tableStore';

const pad = (n: number) => String(n).padStart(7, '0');
/** `stake|<idea>|<stakeholder unit>`, beside the idea in its unit's partition. */
const stakeRow = (number: number, stakeholderUnitId: string) => checkedKey('stake', pad(number), stakeholderUnitId);
const stakeRange = (number: number) => ({ from: `stake|${pad(number)}|`, to: `stake|${pad(number)}|~` });

export class StakeholderTable implements StakeholderRepository {
  private readonly client: TableClient;

  constructor(store: TableStore) {
    this.client = store.client('Ideas');
  }

  async ask(unitId: string, number: number, stakeholderUnitIds: readonly string[], at: string): Promise<string[]> {
    const asked: string[] = [];
    for (const stakeholderUnitId of stakeholderUnitIds) {
      try {
        await guarded(() => this.client.createEntity({ partitionKey: unitId, rowKey: stakeRow(number, stakeholderUnitId), stakeholderUnitId, askedAt: at }));
        asked.push(stakeholderUnitId);
      } catch (error) {
        // Asked before (or by a retried request of our own): no second card.
        if (!isConflict(error)) throw error;
      }
    }
    return asked;
  }

  async answer(unitId: string, number: number, stakeholderUnitId: string, at: string, by: PersonName): Promise<void> {
    await guarded(() => this.client.upsertEntity({ partitionKey: unitId, rowKey: stakeRow(number, stakeholderUnitId), stakeholderUnitId, answeredAt: at, answeredById: by.id, answeredByName: by.name }, 'Merge'));
  }

  async answers(unitId: string, number: number): Promise<StakeholderAnswer[]> {
    const rows = await listRange(this.client, unitId, stakeRange(number));
    return rows.map((row) => {
      const answeredAt = optionalText(row.answeredAt);
      return { unitId: String(row.stakeholderUnitId ?? ''), ...(answeredAt ? { answeredAt } : {}) };
    });
  }
}
