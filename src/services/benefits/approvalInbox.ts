import { Access } from '../../domain/access';
import { decidesOnBenefits, decisionRight, isOwnRegistration, unitsToDecide } from '../../domain/benefitRules';
import { Benefit } from '../../domain/benefits';
import { LocalDate, localDate } from '../../domain/dates';
import { DomainError } from '../../domain/errors';
import { Idea } from '../../domain/ideas';
import { OrganisationSettings, OrganisationSnapshot, Unit } from '../../domain/organisation';
import { Person } from '../../domain/people';
import { BenefitRepository } from '../../ports/benefitRepository';
import { Clock } from '../../ports/clock';
import { IdeaRepository } from '../../ports/ideaRepository';
import { OrganisationDirectory } from '../organisationDirectory';

/** One realized gain waiting for this person's decision, with the idea it belongs to. */
export interface ApprovalEntry {
  readonly benefit: Benefit;
  readonly idea: Idea;
  readonly unit: Unit;
}

/** A leader's approvals: the oldest first, as many as a card shows, and how many there are in all. */
export interface ApprovalInboxView {
  readonly entries: readonly ApprovalEntry[];
  readonly total: number;
  /** Pending registrations this person made themselves: someone else decides those. */
  readonly ownPending: number;
  readonly today: LocalDate;
  readonly settings: OrganisationSettings;
}

/** A card lists this many; deciding them brings up the next. */
export const INBOX_SIZE = 10;

/**
 * A leader's inbox of benefit approvals (the pull side of the approval requests): the realized
 * gains of the units whose service area they lead (every unit for an administrator) that wait for a
 * decision, never their own registrations. One pending query per unit they decide for, and one
 * point read per listed idea.
 */
export class ApprovalInbox {
  constructor(
    private readonly ideas: IdeaRepository,
    private readonly benefits: BenefitRepository,
    private readonly directory: OrganisationDirectory,
    private readonly clock: Clock,
  ) {}

  /** The inbox; refuses someone who decides on no benefit at all, so they can be told who does. */
  async forPerson(person: Person, size = INBOX_SIZE): Promise<ApprovalInboxView> {
    const { access, org } = await this.directory.accessOf(person);
    if (!decidesOnBenefits(access)) throw new DomainError('forbidden');
    return this.read(access, org, size);
  }

  /** The same, empty for someone who decides on nothing: for "my items", which everyone sees. */
  async ifAny(person: Person, size = INBOX_SIZE): Promise<ApprovalInboxView> {
    const { access, org } = await this.directory.accessOf(person);
    if (!decidesOnBenefits(access)) return { entries: [], total: 0, ownPending: 0, today: this.today(org), settings: org.settings };
    return this.read(access, org, size);
  }

  /** How many wait for this person: no idea is read. */
  async count(person: Person): Promise<number> {
    const { access, org } = await this.directory.accessOf(person);
    if (!decidesOnBenefits(access)) return 0;
    return (await this.pending(access, org)).decide.length;
  }

  private async read(access: Access, org: OrganisationSnapshot, size: number): Promise<ApprovalInboxView> {
    const { decide, own } = await this.pending(access, org);
    const shown = decide.slice(0, size);
    const ideas = await Promise.all(shown.map(({ benefit }) => this.ideas.get(benefit.unitId, benefit.ideaNumber)));
    const entries = shown.flatMap((entry, i) => {
      const idea = ideas[i];
      return idea ? [{ ...entry, idea }] : [];
    });
    return { entries, total: decide.length, ownPending: own, today: this.today(org), settings: org.settings };
  }

  /** Pending registrations in the units this person decides for, oldest registration first. */
  private async pending(access: Access, org: OrganisationSnapshot): Promise<{ decide: { benefit: Benefit; unit: Unit }[]; own: number }> {
    const perUnit = await Promise.all(unitsToDecide(access, org).map(async (unit) => (await this.benefits.pendingApprovals(unit.id)).map((benefit) => ({ benefit, unit }))));
    const all = perUnit.flat();
    const decide = all
      .filter(({ benefit, unit }) => decisionRight(access, unit, benefit) === 'decides')
      .sort((a, b) => a.benefit.createdAt.localeCompare(b.benefit.createdAt) || a.benefit.id.localeCompare(b.benefit.id));
    return { decide, own: all.filter(({ benefit }) => isOwnRegistration(benefit, access.person.aadObjectId)).length };
  }

  private today(org: OrganisationSnapshot): LocalDate {
    return localDate(this.clock.now(), org.settings.timeZone);
  }
}
