import { TurnContext } from 'botbuilder';
import { itemCard, ItemCardOptions, staleNote } from '../../cards/ideaCards';
import { ItemCardData } from '../../cards/models';
import { AdaptiveCardJson } from '../../cards/renderer';
import { DomainError, ValidationError } from '../../domain/errors';
import { TextKey, t } from '../../i18n';
import { IdeaCommand } from '../../services/ideas/ideaChanges';
import { StaleCardError } from '../../services/ideas/ideaErrors';
import { AppDeps } from '../deps';
import { refusalNotice } from '../refusals';
import { errorText, fieldMessages } from '../errorText';
import { answerInteractor } from '../invokeAnswer';
import { actor, turnInfo } from '../turn';

type Data = Readonly<Record<string, unknown>>;

const FIELD_LABELS: Readonly<Record<string, TextKey>> = {
  status: 'item.moveTo',
  reason: 'item.reasonLabel',
  effort: 'item.effortLabel',
  impact: 'item.impactLabel',
  ownerId: 'item.owner',
  dueDate: 'item.due',
  actionText: 'item.actionTextLabel',
  actionOwnerId: 'item.actionOwnerLabel',
  actionDueDate: 'item.actionDueLabel',
  comment: 'item.commentLabel',
};

const INPUTS = ['to', 'reason', 'effort', 'impact', 'ownerId', 'dueDate', 'actionText', 'actionOwnerId', 'actionDueDate', 'comment'] as const;

/** Which idea a card action is about. Card data comes back as strings; anything odd is "not found". */
function target(data: Data): { unitId: string; number: number; version: number } {
  const unitId = typeof data.unitId === 'string' ? data.unitId : '';
  const number = Number(data.number);
  const version = Number(data.version);
  if (!unitId || !Number.isInteger(number) || number < 1) throw new DomainError('notFound');
  return { unitId, number, version: Number.isInteger(version) ? version : 0 };
}

function typedValues(data: Data): Partial<ItemCardData['values']> {
  return Object.fromEntries(INPUTS.flatMap((key) => (typeof data[key] === 'string' ? [[key, data[key]]] : []))) as Partial<ItemCardData['values']>;
}

async function freshItemCard(context: TurnContext, deps: AppDeps, unitId: string, number: number, options: ItemCardOptions = {}): Promise<AdaptiveCardJson> {
  const { locale, person } = actor(context);
  const view = await deps.services.ideaViews.item(person, unitId, number);
  return itemCard(locale, view, options);
}

/** A short refusal when not even the idea can be shown (gone, or not yours to see). */
function refusalCard(context: TurnContext, error: unknown): AdaptiveCardJson {
  // Not actor(): the refusal may be that Teams did not say who acted.
  const { locale } = turnInfo(context);
  return refusalNotice(locale, errorText(locale, error));
}

/** idea.open / idea.refresh: the item card as this person may see and act on it. */
export function openIdea(deps: AppDeps) {
  return async (context: TurnContext, _state: unknown, data: Data): Promise<AdaptiveCardJson> => {
    try {
      const { unitId, number } = target(data);
      return answerInteractor(context, await freshItemCard(context, deps, unitId, number));
    } catch (error) {
      return answerInteractor(context, refusalCard(context, error));
    }
  };
}

/**
 * A change from the item card. Success shows the fresh card with "Saved"; a stale card shows the
 * current version and who changed it; a refusal keeps the typed inputs and names the problems.
 */
export function changeIdea(deps: AppDeps, toCommand: (data: Data) => IdeaCommand) {
  return async (context: TurnContext, _state: unknown, data: Data): Promise<AdaptiveCardJson> => {
    const { locale, person, org } = actor(context);
    let ref: ReturnType<typeof target>;
    try {
      ref = target(data);
    } catch (error) {
      return answerInteractor(context, refusalCard(context, error));
    }
    try {
      await deps.services.ideaChanges.apply({ ...person, teamsId: context.activity.from.id }, ref, toCommand(data));
      return answerInteractor(context, await freshItemCard(context, deps, ref.unitId, ref.number, { note: t(locale, 'item.saved'), noteColor: 'Good' }));
    } catch (error) {
      const options: ItemCardOptions =
        error instanceof StaleCardError
          ? { note: staleNote(locale, error.current, org.settings.timeZone), noteColor: 'Attention' }
          : error instanceof ValidationError
            ? { note: t(locale, 'error.invalid'), noteColor: 'Attention', errors: fieldMessages(locale, error, FIELD_LABELS), values: typedValues(data) }
            : { note: errorText(locale, error), noteColor: 'Attention', values: typedValues(data) };
      try {
        return answerInteractor(context, await freshItemCard(context, deps, ref.unitId, ref.number, options));
      } catch (viewError) {
        return answerInteractor(context, refusalCard(context, viewError));
      }
    }
  };
}

export function commentOnIdea(deps: AppDeps) {
  return async (context: TurnContext, _state: unknown, data: Data): Promise<AdaptiveCardJson> => {
    const { locale, person } = actor(context);
    try {
      const { unitId, number } = target(data);
      try {
        await deps.services.ideaChanges.comment({ ...person, teamsId: context.activity.from.id }, { unitId, number }, data);
        return answerInteractor(context, await freshItemCard(context, deps, unitId, number, { note: t(locale, 'item.commented'), noteColor: 'Good' }));
      } catch (error) {
        const errors = error instanceof ValidationError ? fieldMessages(locale, error, FIELD_LABELS) : {};
        const note = error instanceof ValidationError ? t(locale, 'error.invalid') : errorText(locale, error);
        return answerInteractor(context, await freshItemCard(context, deps, unitId, number, { note, noteColor: 'Attention', errors, values: typedValues(data) }));
      }
    } catch (error) {
      return answerInteractor(context, refusalCard(context, error));
    }
  };
}

/** Card verbs that change an idea, and how each reads its inputs into a command. */
export const IDEA_CHANGE_VERBS: readonly [string, (data: Data) => IdeaCommand][] = [
  ['idea.move', (data) => ({ kind: 'move', to: typeof data.to === 'string' ? data.to : '', fields: data })],
  ['idea.prioritise', (data) => ({ kind: 'prioritise', fields: data })],
  ['idea.assign', (data) => ({ kind: 'assign', fields: data })],
  ['idea.addAction', (data) => ({ kind: 'addAction', fields: data })],
  ['idea.completeAction', (data) => ({ kind: 'completeAction', actionId: Number(data.actionId) })],
  ['idea.rootCause', (data) => ({ kind: 'rootCause', fields: data })],
];
