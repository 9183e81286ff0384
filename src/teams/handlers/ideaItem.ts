import { TurnContext } from 'botbuilder';
import { itemCard, ItemCardOptions, staleNote } from '../../cards/ideaCards';
import { AdaptiveCardJson } from '../../cards/renderer';
import { ValidationError } from '../../domain/errors';
import { t } from '../../i18n';
import { StaleCardError } from '../../services/ideas/ideaErrors';
import { CardData } from '../commands/cardData';
import { CardForm, cardErrors } from '../commands/cardForm';
import { COMMENT_FORM, ITEM_INPUTS, IdeaChangeVerb, commentOf } from '../commands/ideaCommands';
import { ideaOnCardOf, ideaRefOf } from '../commands/refs';
import { AppDeps } from '../deps';
import { logRefusal, refusalNotice } from '../refusals';
import { errorText } from '../errorText';
import { answerInteractor } from '../invokeAnswer';
import { actor, turnInfo } from '../turn';
import { stakeholderOptions } from './stakeholders';

/** The item card's verbs, each with how it reads its data: routed one by one in app.ts. */
export { IDEA_CHANGE_VERBS } from '../commands/ideaCommands';

export async function freshItemCard(context: TurnContext, deps: AppDeps, unitId: string, number: number, options: ItemCardOptions = {}): Promise<AdaptiveCardJson> {
  const { locale, person } = actor(context);
  const view = await deps.services.ideaViews.item(person, unitId, number);
  return itemCard(locale, view, { ...(await stakeholderOptions(context, deps, view)), ...options });
}

/** A short refusal when not even the idea can be shown (gone, not yours to see, or not an idea at all). */
export function refusal(context: TurnContext, deps: AppDeps, verb: string, error: unknown): Promise<AdaptiveCardJson> {
  // Not actor(): the refusal may be that Teams did not say who acted.
  const { locale } = turnInfo(context);
  logRefusal(deps.logger, verb, error);
  return answerInteractor(context, refusalNotice(locale, errorText(locale, error)));
}

/** The item card again with a problem: a stale card shows who changed it, a form keeps what was typed. */
function problemOptions(context: TurnContext, error: unknown, form: CardForm, data: CardData): ItemCardOptions {
  const { locale, org } = actor(context);
  if (error instanceof StaleCardError) return { note: staleNote(locale, error.current, org.settings.timeZone), noteColor: 'Attention' };
  const values = data.typed(ITEM_INPUTS);
  if (error instanceof ValidationError) return { note: t(locale, 'error.invalid'), noteColor: 'Attention', errors: cardErrors(locale, error, form), values };
  return { note: errorText(locale, error), noteColor: 'Attention', values };
}

/** idea.open / idea.refresh: the item card as this person may see and act on it. */
export function openIdea(deps: AppDeps) {
  return async (context: TurnContext, _state: unknown, raw: unknown): Promise<AdaptiveCardJson> => {
    try {
      const { unitId, number } = ideaRefOf(CardData.of(raw));
      return answerInteractor(context, await freshItemCard(context, deps, unitId, number));
    } catch (error) {
      return refusal(context, deps, 'idea.open', error);
    }
  };
}

/**
 * A change from the item card. Success shows the fresh card with "Saved"; a stale card shows the
 * current version and who changed it; a refusal keeps the typed inputs and names the problems.
 * Card data that is not about one of our ideas is refused before any storage call.
 */
export function changeIdea(deps: AppDeps, { verb, command: commandOf, form }: IdeaChangeVerb) {
  return async (context: TurnContext, _state: unknown, raw: unknown): Promise<AdaptiveCardJson> => {
    const data = CardData.of(raw);
    let parsed: { ref: ReturnType<typeof ideaOnCardOf>; command: ReturnType<typeof commandOf> };
    try {
      parsed = { ref: ideaOnCardOf(data), command: commandOf(data) };
    } catch (error) {
      return refusal(context, deps, verb, error);
    }
    const { ref, command } = parsed;
    try {
      const { locale, person } = actor(context);
      await deps.services.ideaChanges.apply({ ...person, teamsId: context.activity.from.id }, ref, command);
      return answerInteractor(context, await freshItemCard(context, deps, ref.unitId, ref.number, { note: t(locale, 'item.saved'), noteColor: 'Good' }));
    } catch (error) {
      if (!(error instanceof ValidationError) && !(error instanceof StaleCardError)) logRefusal(deps.logger, verb, error);
      try {
        return answerInteractor(context, await freshItemCard(context, deps, ref.unitId, ref.number, problemOptions(context, error, form, data)));
      } catch (viewError) {
        return refusal(context, deps, verb, viewError);
      }
    }
  };
}

export function commentOnIdea(deps: AppDeps) {
  return async (context: TurnContext, _state: unknown, raw: unknown): Promise<AdaptiveCardJson> => {
    const data = CardData.of(raw);
    try {
      const { locale, person } = actor(context);
      const { unitId, number } = ideaRefOf(data);
      try {
        await deps.services.ideaChanges.comment({ ...person, teamsId: context.activity.from.id }, { unitId, number }, commentOf(data));
        return answerInteractor(context, await freshItemCard(context, deps, unitId, number, { note: t(locale, 'item.commented'), noteColor: 'Good' }));
      } catch (error) {
        if (!(error instanceof ValidationError)) logRefusal(deps.logger, 'idea.comment', error);
        return answerInteractor(context, await freshItemCard(context, deps, unitId, number, problemOptions(context, error, COMMENT_FORM, data)));
      }
    } catch (error) {
      return refusal(context, deps, 'idea.comment', error);
    }
  };
}
