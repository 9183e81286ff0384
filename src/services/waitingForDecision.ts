import { LocalDate, localDate } from '../domain/dates';
import { OverdueItem, escalations, overdueItems } from '../domain/overdue';
import { Unit } from '../domain/organisation';
import { Person } from '../domain/people';
import { Clock } from '../ports/clock';
import { IdeaRepository } from '../ports/ideaRepository';
import { ApprovalInbox, ApprovalInboxView } from './benefits/approvalInbox';
import { OrganisationDirectory } from './organisationDirectory';

/** An item overdue beyond the escalation threshold in a unit this person leads. */
export interface EscalatedItem {
  readonly item: OverdueItem;
  readonly unit: Unit;
}

/** What waits for this person's decision, shown at the top of "my items". */
export interface WaitingView {
  readonly approvals: ApprovalInboxView;
  /** Most overdue first. */
  readonly escalated: readonly EscalatedItem[];
  readonly today: LocalDate;
}

/** A card lists at most this many escalated items; the board shows the rest. */
export const MAX_ESCALATED = 6;

/**
 * "Waiting for your decision": benefit approvals this person may decide, and the items of the
 * units they lead that are overdue beyond the threshold at which the daily reminders escalate
 * them to the leader. Their own items are left out: "my items" lists those already.
 */
export class WaitingForDecision {
  constructor(
    private readonly inbox: ApprovalInbox,
    private readonly ideas: IdeaRepository,
    private readonly directory: OrganisationDirectory,
    private readonly clock: Clock,
    private readonly rules: { readonly escalateAfterDays: number },
  ) {}

  /**
   * The approvals' queries, and one partition query per unit the person leads. "My items" reads
   * those units' ideas too (IdeaViews.myItems); a cheaper read of overdue items could serve both.
   */
  async forPerson(person: Person): Promise<WaitingView> {
    const { access, org } = await this.directory.accessOf(person);
    const today = localDate(this.clock.now(), org.settings.timeZone);
    const led = org.units.filter((unit) => access.leaderOf.has(unit.id));
    const [approvals, perUnit] = await Promise.all([
      this.inbox.ifAny(person),
      Promise.all(led.map(async (unit) => escalations(overdueItems(await this.ideas.live(unit.id), today), this.rules.escalateAfterDays).map((item) => ({ item, unit })))),
    ]);
    const me = person.aadObjectId.toLowerCase();
    const escalated = perUnit
      .flat()
      .filter(({ item }) => item.owner.id.toLowerCase() !== me)
      .sort((a, b) => b.item.daysOverdue - a.item.daysOverdue);
    return { approvals, escalated, today };
  }
}
