import { unitsVisibleTo } from '../../domain/access';
import { LocalDate } from '../../domain/dates';
import { DomainError } from '../../domain/errors';
import { OverdueItem, escalations, itemKey, itemOfKey, overdueItems, remindersByOwner, snoozeUntil } from '../../domain/overdue';
import { Unit, findUnit } from '../../domain/organisation';
import { Person, objectIdsOf } from '../../domain/people';
import { IdeaRepository } from '../../ports/ideaRepository';
import { PeopleRepository } from '../../ports/peopleRepository';
import { ReminderStateRepository } from '../../ports/reminderStateRepository';
import { WorkIndex } from '../../ports/workIndex';
import { OrganisationDirectory } from '../organisationDirectory';

export interface ReminderRules {
  /** No one is reminded of the same item more often than this. */
  readonly everyDays: number;
  /** Items overdue this long go to the unit leader as well. */
  readonly escalateAfterDays: number;
}

export const DEFAULT_REMINDER_RULES: ReminderRules = { everyDays: 3, escalateAfterDays: 14 };

export interface ItemInUnit extends OverdueItem {
  readonly unit: Unit;
}

/** One reminder card for one person: every overdue item of theirs that is due for a reminder. */
export interface OwnerReminder {
  readonly ownerId: string;
  readonly items: readonly ItemInUnit[];
}

/** One card for a unit leader: the unit's items overdue beyond the threshold, told once per item. */
export interface LeaderEscalation {
  readonly leaderId: string;
  readonly unit: Unit;
  readonly items: readonly ItemInUnit[];
}

/**
 * Who should be reminded of what today. Reads each unit's live work and reminder bookkeeping (two
 * queries per unit, bounded by work in progress); people who turned reminders off are left out.
 */
export class OverdueReminders {
  constructor(
    private readonly ideas: IdeaRepository,
    private readonly states: ReminderStateRepository,
    private readonly people: PeopleRepository,
    private readonly directory: OrganisationDirectory,
    private readonly workIndex: WorkIndex,
    private readonly rules: ReminderRules = DEFAULT_REMINDER_RULES,
  ) {}

  async due(today: LocalDate): Promise<{ reminders: OwnerReminder[]; escalations: LeaderEscalation[] }> {
    const org = await this.directory.snapshot();
    const perUnit = await Promise.all(
      org.units.map(async (unit) => {
        const [ideas, states] = await Promise.all([this.ideas.live(unit.id), this.states.forUnit(unit.id)]);
        const items = overdueItems(ideas, today).map((item): ItemInUnit => ({ ...item, unit }));
        // Bookkeeping of items whose ideas left live work is dropped, so it stays bounded too.
        const live = new Set(ideas.map((idea) => idea.number));
        const stale = [...states.keys()].map(itemOfKey).filter((item) => !live.has(item.ideaNumber));
        if (stale.length) await this.states.forget(stale);
        return { unit, items, states };
      }),
    );
    const allStates = new Map(perUnit.flatMap(({ states }) => [...states]));
    const allItems = perUnit.flatMap(({ items }) => items);
    const byOwner = remindersByOwner(allItems, allStates, today, this.rules.everyDays);
    const reminders: OwnerReminder[] = [];
    for (const [ownerId, items] of byOwner) {
      const record = await this.people.get(ownerId);
      if (!record?.remindersOff) reminders.push({ ownerId, items: items as ItemInUnit[] });
    }
    const leaderEscalations = perUnit.flatMap(({ unit, items, states }) => {
      const fresh = escalations(items, this.rules.escalateAfterDays).filter((item) => !states.get(itemKey(item))?.escalatedOn) as ItemInUnit[];
      if (!fresh.length) return [];
      return objectIdsOf(unit.leaders, org.aliases).map((leaderId) => ({ leaderId, unit, items: fresh }));
    });
    return { reminders, escalations: leaderEscalations };
  }

  /** Everything overdue that this person owns, in the units they have something in: the reminder card's content. */
  async ownedBy(person: Person, today: LocalDate): Promise<ItemInUnit[]> {
    const { access, org } = await this.directory.accessOf(person);
    const visible = new Map(unitsVisibleTo(access, org).map((unit) => [unit.id, unit]));
    const units = (await this.workIndex.unitsOf(person.aadObjectId)).flatMap((id) => visible.get(id) ?? []);
    const lists = await Promise.all(units.map(async (unit) => overdueItems(await this.ideas.live(unit.id), today).map((item): ItemInUnit => ({ ...item, unit }))));
    return lists.flat().filter((item) => item.owner.id === person.aadObjectId).sort((a, b) => b.daysOverdue - a.daysOverdue);
  }

  async recordSent(reminders: readonly OwnerReminder[], leaderEscalations: readonly LeaderEscalation[], today: LocalDate): Promise<void> {
    await this.states.recordReminded(reminders.flatMap((r) => r.items), today);
    await this.states.recordEscalated(leaderEscalations.flatMap((e) => e.items), today);
  }

  /** "Snooze a week" from the reminder card: only the item's owner may. */
  async snooze(person: Person, item: Pick<OverdueItem, 'unitId' | 'ideaNumber' | 'actionId'>, today: LocalDate): Promise<LocalDate> {
    // Only a unit of ours has a partition to read.
    if (!findUnit(await this.directory.snapshot(), item.unitId)) throw new DomainError('notFound');
    const idea = await this.ideas.get(item.unitId, item.ideaNumber);
    if (!idea) throw new DomainError('notFound');
    const owner = item.actionId === undefined ? idea.owner : idea.actions.find((a) => a.id === item.actionId)?.owner;
    if (owner?.id !== person.aadObjectId) throw new DomainError('forbidden');
    const until = snoozeUntil(today);
    await this.states.snooze(item, until);
    return until;
  }
}
