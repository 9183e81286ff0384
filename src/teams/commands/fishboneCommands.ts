import { causeInput, fbaActionInputs } from '../../cards/fishboneInputs';
import { DomainError } from '../../domain/errors';
import { CauseInput, ConclusionInput, MAX_FISHBONE_ACTIONS, actionField, causeField } from '../../domain/fishbone';
import { FISHBONE_CATEGORIES } from '../../domain/ideas';
import { TextKey, t } from '../../i18n';
import { fishboneLabel } from '../../cards/labels';
import { CardData } from './cardData';
import { CardForm } from './cardForm';
import { unitIdOf, versionOf } from './refs';

/** The fishbone cards: which analysis a button is about, the causes typed, and the conclusion form. */

const ANALYSIS_ID = /^\d{4}-\d{2}-\d{2}-[A-Za-z0-9]{1,12}$/;

export interface FishboneRef {
  readonly unitId: string;
  readonly id: string;
}

export function fishboneRefOf(data: CardData): FishboneRef {
  const unitId = unitIdOf(data);
  const id = data.token('id') ?? '';
  if (!ANALYSIS_ID.test(id)) throw new DomainError('notFound');
  return { unitId, id };
}

/** What a suggestion's button carries: why the analysis is started. */
export const reasonOf = (data: CardData): 'stagnation' | 'request' => (data.token('reason') === 'stagnation' ? 'stagnation' : 'request');

export const CAUSE_INPUTS = FISHBONE_CATEGORIES.map(causeInput);

export function causesOf(data: CardData): CauseInput {
  return Object.fromEntries(FISHBONE_CATEGORIES.map((category) => [category, data.text(causeInput(category)) ?? '']));
}

/** Problems with causes go next to their category; one about all of them above the categories. */
export const CAUSES_FORM: CardForm = {
  slot: (field) => {
    const category = FISHBONE_CATEGORIES.find((c) => causeField(c) === field);
    return category ? causeInput(category) : 'causes';
  },
  label: (locale, field) => {
    const category = FISHBONE_CATEGORIES.find((c) => causeField(c) === field);
    return category ? fishboneLabel(locale, category) : t(locale, 'fba.question');
  },
  message: (locale, issue) => {
    if (issue.field !== 'causes') return undefined;
    return issue.problem === 'outOfRange' ? t(locale, 'fba.tooManyCauses', { max: Number(issue.params?.max ?? 0) }) : t(locale, 'fba.causesRequired');
  },
};

const ROWS = Array.from({ length: MAX_FISHBONE_ACTIONS }, (_, i) => i + 1);
const PARTS = ['text', 'ownerId', 'dueDate'] as const;
const inputOf = (n: number, part: (typeof PARTS)[number]): string => {
  const ids = fbaActionInputs(n);
  return { text: ids.text, ownerId: ids.owner, dueDate: ids.due }[part];
};

export const CONCLUDE_INPUTS = ['mainCauseIds', 'outcome', ...ROWS.flatMap((n) => PARTS.map((part) => inputOf(n, part)))];

export function conclusionOf(data: CardData): { version: number; input: ConclusionInput } {
  return {
    version: versionOf(data),
    input: {
      mainCauseIds: data.list('mainCauseIds'),
      outcome: data.text('outcome'),
      actions: ROWS.map((n) => ({ text: data.text(inputOf(n, 'text')), ownerId: data.text(inputOf(n, 'ownerId')), dueDate: data.text(inputOf(n, 'dueDate')) })),
    },
  };
}

function actionPart(field: string): { n: number; part: (typeof PARTS)[number] } | undefined {
  for (const n of ROWS) {
    const part = PARTS.find((p) => actionField(n, p) === field);
    if (part) return { n, part };
  }
  return undefined;
}

const LABELS: Readonly<Record<string, TextKey>> = { mainCauseIds: 'fba.mainCausesLabel', outcome: 'fba.outcomeLabel', ownerId: 'fba.actionOwnerLabel', dueDate: 'fba.actionDueLabel' };

export const CONCLUDE_FORM: CardForm = {
  slot: (field) => {
    const action = actionPart(field);
    return action ? inputOf(action.n, action.part) : field;
  },
  label: (locale, field) => {
    const action = actionPart(field);
    if (action?.part === 'text') return t(locale, 'fba.actionTextLabel', { n: action.n });
    const key = LABELS[action?.part ?? field];
    return key ? t(locale, key) : field;
  },
};
