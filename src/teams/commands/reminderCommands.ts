import { REMINDER_INPUT_PATTERN } from '../../cards/formInputs';
import { CardData } from './cardData';
import { listedForm } from './cardForm';
import { actionIdOf, ideaRefOf } from './refs';

/** The reminder card's buttons: which item, and the value of the item's own input. */

export interface ReminderItem {
  readonly unitId: string;
  readonly ideaNumber: number;
  /** Undefined when the item is the idea itself. */
  readonly actionId?: number;
}

export function reminderItemOf(data: CardData): ReminderItem {
  const { unitId, number } = ideaRefOf(data);
  const actionId = actionIdOf(data);
  return { unitId, ideaNumber: number, ...(actionId !== undefined ? { actionId } : {}) };
}

/** Each item on the card has its own inputs; the button says which one it uses (see formInputs.ts). */
export function itemInputOf(data: CardData): string | undefined {
  const input = data.token('input') ?? '';
  return REMINDER_INPUT_PATTERN.test(input) ? data.text(input) : undefined;
}

export const REMINDER_FORM = listedForm({ dueDate: { label: 'reminder.newDueDate' }, ownerId: { label: 'reminder.handOverTo' } });
