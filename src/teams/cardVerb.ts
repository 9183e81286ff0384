import { TurnContext } from 'botbuilder';
import { AdaptiveCardJson } from '../cards/renderer';
import { Locale } from '../domain/locale';
import { CardData } from './commands/cardData';
import { AppDeps } from './deps';
import { answerInteractor } from './invokeAnswer';
import { logRefusal, refusalNotice } from './refusals';
import { turnInfo } from './turn';

/**
 * A card verb answered to the person who pressed only: its data read at the border, and a refusal
 * or failure answered with a short notice in the person's language (`refusalText` says who may).
 */
export function cardVerb(deps: AppDeps, verb: string, refusalText: (locale: Locale, error: unknown) => string, answer: (context: TurnContext, data: CardData) => Promise<AdaptiveCardJson>) {
  return async (context: TurnContext, _state: unknown, raw: unknown): Promise<AdaptiveCardJson> => {
    const { locale } = turnInfo(context);
    try {
      return answerInteractor(context, await answer(context, CardData.of(raw)));
    } catch (error) {
      logRefusal(deps.logger, verb, error);
      return answerInteractor(context, refusalNotice(locale, refusalText(locale, error)));
    }
  };
}
