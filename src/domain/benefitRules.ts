import { Access, isAdministrator } from './access';
import { addMonths, LocalDate } from './dates';
import { DomainError, ValidationError } from './errors';
import { countedOnApproval } from './benefitGain';
import { Benefit, Decision } from './benefits';
import { PersonName } from './ideas';
import { OrganisationSnapshot, Unit } from './organisation';

/** Only a service-area leader (TOL) of the unit's area, or an administrator, decides on a benefit. */
export function canDecide(access: Access, unit: Pick<Unit, 'serviceAreaId'>): boolean {
  return isAdministrator(access) || access.serviceAreaLeaderOf.has(unit.serviceAreaId);
}

/** Decides on benefits somewhere: an administrator, or the leader of at least one service area. */
export const decidesOnBenefits = (access: Access): boolean => isAdministrator(access) || access.serviceAreaLeaderOf.size > 0;

/** The units whose registrations this person decides on: all for an administrator, else their areas' units. */
export function unitsToDecide(access: Access, org: OrganisationSnapshot): Unit[] {
  return isAdministrator(access) ? [...org.units] : org.units.filter((unit) => access.serviceAreaLeaderOf.has(unit.serviceAreaId));
}

/**
 * Whether this person decides on this registration: a TOL of the area or an administrator does,
 * unless they registered it themselves; then another TOL or an administrator decides.
 */
export type DecisionRight = 'decides' | 'notApprover' | 'ownRegistration';

export const isOwnRegistration = (benefit: Pick<Benefit, 'submittedBy'>, personId: string): boolean => benefit.submittedBy.id.toLowerCase() === personId.toLowerCase();

export function decisionRight(access: Access, unit: Pick<Unit, 'serviceAreaId'>, benefit: Pick<Benefit, 'submittedBy'>): DecisionRight {
  if (!canDecide(access, unit)) return 'notApprover';
  return isOwnRegistration(benefit, access.person.aadObjectId) ? 'ownRegistration' : 'decides';
}

/** Refused because the person registered the gain themselves: the message says who decides instead. */
export class OwnRegistrationError extends DomainError {
  constructor() {
    super('forbidden', { reason: 'ownRegistration' });
    this.name = 'OwnRegistrationError';
  }
}

/** A decided registration cannot be decided again; carries the decision that stands. */
export class AlreadyDecidedError extends DomainError {
  constructor(readonly current: Benefit) {
    super('staleCard');
    this.name = 'AlreadyDecidedError';
  }
}

export interface DecisionChange {
  readonly id: string;
  readonly by: PersonName;
  readonly at: string;
}

/**
 * The TOL's decision on a realized benefit. Rejecting or asking for changes needs a comment, so
 * the submitter knows what to do. Only a pending registration can be decided. Approving a
 * measurement of a plan records what it adds to the realized total, given the plan's measurements
 * approved before it (see countedOnApproval).
 */
export function decide(benefit: Benefit, outcome: Decision, comment: string | undefined, allowed: boolean, change: DecisionChange, approvedBefore: readonly Benefit[] = []): Benefit {
  // Nobody approves their own gain, whatever their role. Someone who may not decide at all hears
  // that first: for them, who decides is the useful answer.
  if (!allowed) throw new DomainError('forbidden');
  if (isOwnRegistration(benefit, change.by.id)) throw new OwnRegistrationError();
  if (benefit.approval !== 'pending') throw new AlreadyDecidedError(benefit);
  if (outcome !== 'approved' && !comment) throw new ValidationError([{ field: 'comment', problem: 'required' }]);
  const counted = outcome === 'approved' && benefit.planId ? { counted: countedOnApproval(benefit, approvedBefore.filter((b) => b.id !== benefit.id && b.planId === benefit.planId && b.approval === 'approved')) } : {};
  return {
    ...benefit,
    ...counted,
    approval: outcome,
    decision: { by: change.by, at: change.at, outcome, ...(comment ? { comment } : {}) },
    updatedAt: change.at,
    version: benefit.version + 1,
    lastChangeId: change.id,
  };
}

const WEEK_MS = 7 * 24 * 3600 * 1000;

/** A pending approval is sent again when a week has passed since it last went out; at most weekly. */
export function approvalReminderDue(benefit: Pick<Benefit, 'approval' | 'approvalRequestedAt'>, now: Date): boolean {
  if (benefit.approval !== 'pending' || !benefit.approvalRequestedAt) return false;
  return now.getTime() - new Date(benefit.approvalRequestedAt).getTime() >= WEEK_MS;
}

/**
 * Follow-up measurements due for a benefit plan: each configured interval (months after the idea
 * was done) that has arrived and was not reminded of yet. Measurements need no follow-up.
 */
export function followUpsDue(benefit: Pick<Benefit, 'stage' | 'followUpsSent' | 'approval'>, doneOn: LocalDate | undefined, today: LocalDate, intervals: readonly number[]): number[] {
  if (benefit.stage !== 'identified' || benefit.approval === 'rejected' || !doneOn) return [];
  return intervals.filter((months) => !benefit.followUpsSent.includes(months) && addMonths(doneOn, months) <= today);
}
