import { Benefit, Totals } from '../domain/benefits';
import { BenefitStory } from '../domain/benefitStory';
import { Idea } from '../domain/ideas';
import { Unit } from '../domain/organisation';

/** Things Tavla tells people without being asked; the Teams adapter turns each into a card. */
export type Notification =
  /** A new idea, shown in its unit's channel. */
  | { readonly kind: 'ideaSubmitted'; readonly idea: Idea; readonly unit: Unit }
  /** The submitter hears that their idea was parked or rejected, and why. */
  | { readonly kind: 'ideaStopped'; readonly idea: Idea; readonly unit: Unit }
  /** A TOL is asked to approve a measured benefit (again, as a weekly reminder, when `reminder`), with its plan and measurements. */
  | { readonly kind: 'approvalRequested'; readonly benefit: Benefit; readonly story?: BenefitStory; readonly idea: Idea; readonly unit: Unit; readonly reminder: boolean }
  /** The submitter hears the TOL's decision. */
  | { readonly kind: 'benefitDecided'; readonly benefit: Benefit; readonly story?: BenefitStory; readonly idea: Idea; readonly unit: Unit }
  /** The owner of a benefit plan is asked to measure its indicator. */
  | { readonly kind: 'followUpDue'; readonly benefit: Benefit; readonly story?: BenefitStory; readonly idea: Idea; readonly unit: Unit; readonly months: number }
  /** A leader of a unit the idea affects is asked for a word before it is planned (silo risk). */
  | { readonly kind: 'stakeholderAsked'; readonly idea: Idea; readonly unit: Unit; readonly stakeholder: Unit }
  /** The leader of the unit of a done idea with an approved realized gain: could it help elsewhere? */
  | { readonly kind: 'whereElse'; readonly idea: Idea; readonly unit: Unit; readonly realized: Totals };

export interface Notifier {
  toPerson(aadObjectId: string, notification: Notification): Promise<void>;
  toUnitChannel(unit: Unit, notification: Notification): Promise<void>;
}

/** Tells nobody anything: for writing history that already happened (the local demo). */
export const silentNotifier: Notifier = { toPerson: async () => {}, toUnitChannel: async () => {} };
