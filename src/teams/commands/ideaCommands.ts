import { fishboneInput, whyInput } from '../../cards/formInputs';
import { fishboneLabel } from '../../cards/labels';
import { NO_GOAL } from '../../cards/goalCards';
import { DomainError, ValidationError } from '../../domain/errors';
import { isUnitId } from '../../domain/ids';
import { CommentInput, IdeaInput, fishboneField, whyField } from '../../domain/ideaForm';
import { FISHBONE_CATEGORIES, FishboneCategory, MAX_WHYS } from '../../domain/ideas';
import { t } from '../../i18n';
import { IdeaCommand } from '../../services/ideas/ideaChanges';
import { CardData } from './cardData';
import { CardForm, listedForm } from './cardForm';
import { actionIdOf } from './refs';

/** The idea form and the item card: their card data as typed commands, and their problems back on the card. */

// ---------------------------------------------------------------------------------------------
// The idea form

/** The form's inputs, kept as typed when the form comes back with problems. */
export const IDEA_FORM_INPUTS = ['unitId', 'title', 'situation', 'proposal', 'type', 'wastes', 'benefitAreas', 'ownerId', 'dueDate', 'sourceUrl', 'goalId', 'stakeholders'] as const;

export interface IdeaSubmissionCommand {
  /** The unit chosen on the form, or the one it was made for. */
  readonly unitId?: string;
  readonly idea: IdeaInput;
  /** The Teams message the idea was saved from. */
  readonly sourceUrl?: string;
}

/** A link back to a Teams message: https only, and of a sane length. */
const MAX_URL_CHARS = 2048;
const sourceUrlOf = (text: string | undefined): string | undefined => (text && /^https:\/\/[^\s\u0000-\u001f\u007f-\u009f]+$/.test(text) && text.length <= MAX_URL_CHARS ? text : undefined);

export function ideaSubmissionOf(data: CardData): IdeaSubmissionCommand {
  const unitId = data.token('unitId') || data.token('fixedUnitId');
  // The unit is a choice on the form: one that is not shaped like a unit id was not offered.
  if (unitId && !isUnitId(unitId)) throw new ValidationError([{ field: 'unitId', problem: 'unknownOption' }]);
  const sourceUrl = sourceUrlOf(data.token('sourceUrl'));
  return {
    ...(unitId ? { unitId } : {}),
    idea: {
      title: data.text('title'),
      situation: data.text('situation'),
      proposal: data.text('proposal'),
      type: data.text('type'),
      wastes: data.list('wastes'),
      benefitAreas: data.list('benefitAreas'),
      ownerId: data.text('ownerId'),
      dueDate: data.text('dueDate'),
      ...(data.token('goalId') ? { goalId: data.token('goalId') } : {}),
      // Optional, and only on forms that offer it.
      ...(data.list('stakeholders').length ? { stakeholders: data.list('stakeholders') } : {}),
    },
    ...(sourceUrl ? { sourceUrl } : {}),
  };
}

export const IDEA_FORM: CardForm = listedForm({
  unitId: { label: 'ideaForm.unitLabel' },
  title: { label: 'ideaForm.titleLabel' },
  situation: { label: 'ideaForm.situationLabel' },
  proposal: { label: 'ideaForm.proposalLabel' },
  type: { label: 'ideaForm.typeLabel' },
  wastes: { label: 'ideaForm.wastesLabel' },
  benefitAreas: { label: 'ideaForm.benefitLabel' },
  ownerId: { label: 'ideaForm.ownerLabel' },
  dueDate: { label: 'ideaForm.dueLabel' },
  goalId: { label: 'goals.ideaLabel' },
  stakeholders: { label: 'stakeholders.label' },
});

// ---------------------------------------------------------------------------------------------
// The item card

/** The item card's inputs, kept as typed when a change comes back with problems. */
export const ITEM_INPUTS = ['to', 'reason', 'effort', 'impact', 'ownerId', 'dueDate', 'actionText', 'actionOwnerId', 'actionDueDate', 'comment'] as const;

/** A verb of the item card: how it reads its inputs, and where its problems are shown. */
export interface IdeaChangeVerb {
  readonly verb: string;
  readonly command: (data: CardData) => IdeaCommand;
  readonly form: CardForm;
}

const MOVE_FORM = listedForm({ to: { label: 'item.moveTo', slot: 'status' }, reason: { label: 'item.reasonLabel' } });
const PRIORITY_FORM = listedForm({ effort: { label: 'item.effortLabel' }, impact: { label: 'item.impactLabel' } });
const ASSIGN_FORM = listedForm({ ownerId: { label: 'item.owner' }, dueDate: { label: 'item.due' } });
const ACTION_FORM = listedForm({
  text: { label: 'item.actionTextLabel', slot: 'actionText' },
  ownerId: { label: 'item.actionOwnerLabel', slot: 'actionOwnerId' },
  dueDate: { label: 'item.actionDueLabel', slot: 'actionDueDate' },
});
const GOAL_LINK_FORM = listedForm({ goalId: { label: 'goals.ideaLabel' } });

/** The goal chosen on the item card; "no goal" (or nothing chosen) unlinks the idea. */
function linkGoalOf(data: CardData): IdeaCommand {
  const goalId = data.token('goalId');
  return { kind: 'linkGoal', ...(goalId && goalId !== NO_GOAL ? { goalId } : {}) };
}
export const COMMENT_FORM = listedForm({ text: { label: 'item.commentLabel', slot: 'comment' } });

/** Root-cause notes share one message slot under the notes; each problem names its note. */
const ROOT_CAUSE_FORM: CardForm = {
  slot: () => 'rootCause',
  label: (locale, field) => {
    const why = Array.from({ length: MAX_WHYS }, (_, i) => i + 1).find((n) => whyField(n) === field);
    if (why) return t(locale, 'item.whyLabel', { n: why });
    const category = FISHBONE_CATEGORIES.find((c) => fishboneField(c) === field);
    return category ? fishboneLabel(locale, category) : field;
  },
};

function rootCauseOf(data: CardData): IdeaCommand {
  const fishbone: Partial<Record<FishboneCategory, string>> = {};
  for (const category of FISHBONE_CATEGORIES) {
    const note = data.text(fishboneInput(category));
    if (note) fishbone[category] = note;
  }
  return { kind: 'rootCause', whys: Array.from({ length: MAX_WHYS }, (_, i) => data.text(whyInput(i + 1)) ?? ''), fishbone };
}

/** Ticking off needs an action item: a card without one is about nothing we know. */
function completeActionOf(data: CardData): IdeaCommand {
  const actionId = actionIdOf(data);
  if (actionId === undefined) throw new DomainError('notFound');
  return { kind: 'completeAction', actionId };
}

export const IDEA_CHANGE_VERBS: readonly IdeaChangeVerb[] = [
  { verb: 'idea.move', command: (data) => ({ kind: 'move', to: data.text('to') ?? '', reason: data.text('reason') }), form: MOVE_FORM },
  { verb: 'idea.prioritise', command: (data) => ({ kind: 'prioritise', effort: data.text('effort'), impact: data.text('impact') }), form: PRIORITY_FORM },
  { verb: 'idea.assign', command: (data) => ({ kind: 'assign', ownerId: data.text('ownerId'), dueDate: data.text('dueDate') }), form: ASSIGN_FORM },
  {
    verb: 'idea.addAction',
    command: (data) => ({ kind: 'addAction', text: data.text('actionText'), ownerId: data.text('actionOwnerId'), dueDate: data.text('actionDueDate') }),
    form: ACTION_FORM,
  },
  { verb: 'idea.completeAction', command: completeActionOf, form: ACTION_FORM },
  { verb: 'idea.rootCause', command: rootCauseOf, form: ROOT_CAUSE_FORM },
  { verb: 'idea.linkGoal', command: linkGoalOf, form: GOAL_LINK_FORM },
];

export const commentOf = (data: CardData): CommentInput => ({ text: data.text('comment') });
