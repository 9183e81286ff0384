import { checkInput, followUpInputs } from '../../cards/revisionInputs';
import { DomainError } from '../../domain/errors';
import { Locale } from '../../domain/locale';
import { GEMBA_CHECKS, MAX_FOLLOW_UPS, followUpField, revisionRound } from '../../domain/revision';
import { TextKey, t } from '../../i18n';
import { RecordRevision } from '../../services/leadership/revisions';
import { CardData } from './cardData';
import { CardForm } from './cardForm';
import { versionOf } from './refs';

/** The revision card's Gemba form: its card data as a typed record, and its problems back next to their inputs. */

const ROWS = Array.from({ length: MAX_FOLLOW_UPS }, (_, i) => i + 1);
const PARTS = ['text', 'ownerId', 'dueDate'] as const;
const inputOf = (n: number, part: (typeof PARTS)[number]): string => {
  const ids = followUpInputs(n);
  return { text: ids.text, ownerId: ids.owner, dueDate: ids.due }[part];
};

/** The form's inputs, kept as typed when it comes back with problems. */
export const REVISION_INPUTS = ['visitedOn', 'participantIds', 'otherParticipants', 'observations', ...GEMBA_CHECKS.map(checkInput), ...ROWS.flatMap((n) => PARTS.map((part) => inputOf(n, part)))];

/** revision.save {round, version, inputs}; the round must be a month ("2026-09"), or the card is not one of ours. */
export function revisionRecordOf(data: CardData, ideaTitle: (round: string) => string): RecordRevision {
  const round = data.token('round') ?? '';
  if (!revisionRound(round)) throw new DomainError('notFound');
  return {
    round,
    version: versionOf(data),
    ideaTitle: ideaTitle(round),
    form: {
      visitedOn: data.text('visitedOn'),
      participantIds: data.list('participantIds'),
      otherParticipants: data.text('otherParticipants'),
      observations: data.text('observations'),
      checks: GEMBA_CHECKS.filter((check) => data.token(checkInput(check)) === 'true'),
      followUps: ROWS.map((n) => ({ text: data.text(inputOf(n, 'text')), ownerId: data.text(inputOf(n, 'ownerId')), dueDate: data.text(inputOf(n, 'dueDate')) })),
    },
  };
}

const LABELS: Readonly<Record<string, TextKey>> = {
  visitedOn: 'revision.visitedOnLabel',
  participantIds: 'revision.participantsLabel',
  otherParticipants: 'revision.otherParticipantsLabel',
  observations: 'revision.observationsLabel',
  checks: 'revision.checklistHeading',
  ownerId: 'revision.followUpOwnerLabel',
  dueDate: 'revision.followUpDueLabel',
};

function followUpPart(field: string): { n: number; part: (typeof PARTS)[number] } | undefined {
  for (const n of ROWS) {
    const part = PARTS.find((p) => followUpField(n, p) === field);
    if (part) return { n, part };
  }
  return undefined;
}

export const REVISION_FORM: CardForm = {
  slot: (field) => {
    const point = followUpPart(field);
    return point ? inputOf(point.n, point.part) : field;
  },
  label: (locale: Locale, field) => {
    const point = followUpPart(field);
    if (point?.part === 'text') return t(locale, 'revision.followUpTextLabel', { n: point.n });
    const key = LABELS[point?.part ?? field];
    return key ? t(locale, key) : field;
  },
};
