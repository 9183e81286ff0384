import { LocalDate, addDays, daysBetween } from './dates';
import { Idea, PersonName, isActionOverdue, isClosed, isIdeaOverdue } from './ideas';

/** One overdue thing someone owns: an idea past its due date, or one of its action items. */
export interface OverdueItem {
  readonly unitId: string;
  readonly ideaNumber: number;
  /** Undefined for the idea itself. */
  readonly actionId?: number;
  readonly ideaTitle: string;
  /** The idea's title, or the action item's text. */
  readonly text: string;
  readonly owner: PersonName;
  readonly dueDate: LocalDate;
  readonly daysOverdue: number;
}

/** Per item: when its owner was last reminded, and until when they snoozed it. */
export interface ReminderState {
  readonly lastRemindedOn?: LocalDate;
  readonly snoozedUntil?: LocalDate;
}

export const itemKey = (item: Pick<OverdueItem, 'unitId' | 'ideaNumber' | 'actionId'>): string => `${item.unitId}|${item.ideaNumber}|${item.actionId ?? 0}`;

/** The item an itemKey names. */
export function itemOfKey(key: string): Pick<OverdueItem, 'unitId' | 'ideaNumber' | 'actionId'> {
  const [action, idea, ...unit] = key.split('|').reverse();
  const actionId = Number(action);
  return { unitId: unit.reverse().join('|'), ideaNumber: Number(idea), ...(actionId ? { actionId } : {}) };
}

/** Everything overdue that has an owner: items without one are flagged to leaders by the digest. */
export function overdueItems(ideas: readonly Idea[], today: LocalDate): OverdueItem[] {
  return ideas.flatMap((idea) => {
    const items: OverdueItem[] = [];
    if (idea.owner && idea.dueDate && isIdeaOverdue(idea, today)) {
      items.push({ unitId: idea.unitId, ideaNumber: idea.number, ideaTitle: idea.title, text: idea.title, owner: idea.owner, dueDate: idea.dueDate, daysOverdue: daysBetween(idea.dueDate, today) });
    }
    if (!isClosed(idea.status) || idea.status === 'done') {
      for (const action of idea.actions) {
        if (action.owner && action.dueDate && isActionOverdue(action, today)) {
          items.push({ unitId: idea.unitId, ideaNumber: idea.number, actionId: action.id, ideaTitle: idea.title, text: action.text, owner: action.owner, dueDate: action.dueDate, daysOverdue: daysBetween(action.dueDate, today) });
        }
      }
    }
    return items;
  });
}

/** Not snoozed, and not reminded within the last `everyDays` days. */
export function reminderDue(state: ReminderState | undefined, today: LocalDate, everyDays: number): boolean {
  if (state?.snoozedUntil && state.snoozedUntil >= today) return false;
  return !state?.lastRemindedOn || daysBetween(state.lastRemindedOn, today) >= everyDays;
}

/** One reminder per owner, listing every item due for a reminder, most overdue first. */
export function remindersByOwner(items: readonly OverdueItem[], states: ReadonlyMap<string, ReminderState>, today: LocalDate, everyDays: number): Map<string, OverdueItem[]> {
  const byOwner = new Map<string, OverdueItem[]>();
  for (const item of items) {
    if (!reminderDue(states.get(itemKey(item)), today, everyDays)) continue;
    byOwner.set(item.owner.id, [...(byOwner.get(item.owner.id) ?? []), item]);
  }
  for (const list of byOwner.values()) list.sort((a, b) => b.daysOverdue - a.daysOverdue);
  return byOwner;
}

/** Items overdue longer than the threshold go to the unit leader as well. */
export function escalations(items: readonly OverdueItem[], thresholdDays: number): OverdueItem[] {
  return items.filter((item) => item.daysOverdue >= thresholdDays);
}

export const snoozeUntil = (today: LocalDate): LocalDate => addDays(today, 7);
