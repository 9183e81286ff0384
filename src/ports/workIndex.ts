/**
 * Which units a person has something in (an idea they submitted or own, an action item they own),
 * so that "my items" and a person's reminder card read only those units' live work, not every unit
 * the person may see. Kept loosely: a unit listed here with nothing left in it is forgotten when
 * "my items" finds it empty.
 */
export interface WorkIndex {
  /** These people have something in the unit. Costs nothing when this instance already knows it. */
  note(personIds: readonly string[], unitId: string): Promise<void>;
  /** One query. */
  unitsOf(personId: string): Promise<string[]>;
  /** The person has nothing left in the unit. */
  forget(personId: string, unitId: string): Promise<void>;
}
