import { LocalDate } from '../domain/dates';
import { OverdueItem, ReminderState } from '../domain/overdue';

export interface ReminderStateRepository {
  /**
   * Reminder state of the unit's items, by `itemKey`: one range query. Bounded by live work, since
   * the reminder job forgets the state of items whose ideas left it.
   */
  forUnit(unitId: string): Promise<Map<string, ReminderState & { readonly escalatedOn?: LocalDate }>>;
  /** The owners were reminded of these items today. */
  recordReminded(items: readonly OverdueItem[], on: LocalDate): Promise<void>;
  /** The unit leaders were told about these long-overdue items. */
  recordEscalated(items: readonly OverdueItem[], on: LocalDate): Promise<void>;
  /** Bookkeeping no longer needed: the items' ideas left live work. */
  forget(items: readonly Pick<OverdueItem, 'unitId' | 'ideaNumber' | 'actionId'>[]): Promise<void>;
  /** The owner asked not to be reminded of this item until `until`. */
  snooze(item: Pick<OverdueItem, 'unitId' | 'ideaNumber' | 'actionId'>, until: LocalDate): Promise<void>;
}
