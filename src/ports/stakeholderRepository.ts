import { PersonName } from '../domain/ideas';
import { StakeholderAnswer } from '../domain/stakeholders';

/** Which units were asked about an idea, and which answered: rows beside the idea, in its unit's partition. */
export interface StakeholderRepository {
  /** Notes the units as asked; returns those not asked before (only they get a card). */
  ask(unitId: string, number: number, stakeholderUnitIds: readonly string[], at: string): Promise<string[]>;
  /** Notes the stakeholder unit's answer (the latest one counts). */
  answer(unitId: string, number: number, stakeholderUnitId: string, at: string, by: PersonName): Promise<void>;
  /** One range query bounded by the idea. */
  answers(unitId: string, number: number): Promise<StakeholderAnswer[]>;
}
