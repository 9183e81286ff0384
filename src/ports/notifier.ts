import { Idea } from '../domain/ideas';
import { Unit } from '../domain/organisation';

/** Things Tavla tells people without being asked; the Teams adapter turns each into a card. */
export type Notification =
  /** A new idea, shown in its unit's channel. */
  | { readonly kind: 'ideaSubmitted'; readonly idea: Idea; readonly unit: Unit }
  /** The submitter hears that their idea was parked or rejected, and why. */
  | { readonly kind: 'ideaStopped'; readonly idea: Idea; readonly unit: Unit };

export interface Notifier {
  toPerson(aadObjectId: string, notification: Notification): Promise<void>;
  toUnitChannel(unit: Unit, notification: Notification): Promise<void>;
}
