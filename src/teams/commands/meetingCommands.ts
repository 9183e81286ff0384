import { decisionInputs } from '../../cards/formInputs';
import { Locale } from '../../domain/locale';
import { DecisionInput, MAX_DECISIONS, MeetingInput, decisionField } from '../../domain/meetings';
import { TextKey, t } from '../../i18n';
import { CardData } from './cardData';
import { CardForm } from './cardForm';

/** The meeting log form: its card data as a typed log, and its problems back next to their inputs. */

const DECISION_PARTS = ['idea', 'status', 'ownerId', 'dueDate'] as const satisfies readonly (keyof DecisionInput)[];

/** Which input of decision row `n` holds each part of a decision. */
const inputOf = (n: number, part: keyof DecisionInput): string => {
  const ids = decisionInputs(n);
  return { idea: ids.idea, status: ids.status, ownerId: ids.owner, dueDate: ids.due }[part];
};

const ROWS = Array.from({ length: MAX_DECISIONS }, (_, i) => i + 1);

/** The form's inputs, kept as typed when it comes back with problems. */
export const MEETING_INPUTS = ['held', 'reason', 'attendees', 'notes', ...ROWS.flatMap((n) => DECISION_PARTS.map((part) => inputOf(n, part)))];

export function meetingLogOf(data: CardData): MeetingInput {
  return {
    held: data.text('held'),
    reason: data.text('reason'),
    attendees: data.text('attendees'),
    notes: data.text('notes'),
    decisions: ROWS.map((n) => ({
      idea: data.text(inputOf(n, 'idea')),
      status: data.text(inputOf(n, 'status')),
      ownerId: data.text(inputOf(n, 'ownerId')),
      dueDate: data.text(inputOf(n, 'dueDate')),
    })),
  };
}

/** The domain field of a decision part, read back: `decisions.2.dueDate` is row 2, part dueDate. */
function decisionPart(field: string): { n: number; part: keyof DecisionInput } | undefined {
  for (const n of ROWS) {
    const part = DECISION_PARTS.find((p) => decisionField(n, p) === field);
    if (part) return { n, part };
  }
  return undefined;
}

/**
 * Labels of the log form's fields, and of the idea fields a quick decision goes through (the idea
 * rules report by `to`, `ownerId` and `dueDate`, the names of the item card's commands).
 */
const LABELS: Readonly<Record<string, TextKey>> = {
  held: 'meeting.heldLabel',
  reason: 'meeting.reasonLabel',
  attendees: 'meeting.attendeesLabel',
  notes: 'meeting.notesLabel',
  status: 'meeting.statusLabel',
  to: 'meeting.statusLabel',
  ownerId: 'meeting.ownerLabel',
  dueDate: 'meeting.dueLabel',
};

function label(locale: Locale, field: string): string {
  const decision = decisionPart(field);
  if (decision?.part === 'idea') return t(locale, 'meeting.decisionLabel', { n: decision.n });
  const key = LABELS[decision?.part ?? field];
  return key ? t(locale, key) : field;
}

export const MEETING_FORM: CardForm = {
  slot: (field) => {
    const decision = decisionPart(field);
    return decision ? inputOf(decision.n, decision.part) : field;
  },
  label,
};

/** A quick decision refused by the idea rules names its field by the item card's words. */
export const QUICK_DECISION_FORM: CardForm = { slot: (field) => field, label };
