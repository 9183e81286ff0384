import { ActivityTypes, TurnContext } from 'botbuilder';
import { AdaptiveCardJson } from '../cards/renderer';

/**
 * Answers an Action.Execute with a card for the person who clicked only.
 *
 * teams-ai replaces the message for everyone whenever the returned card has a `refresh` section.
 * A personal view (an item opened from a shared board, say) must not overwrite what the rest of
 * the channel sees, so the invoke response is sent here and teams-ai then leaves it alone.
 */
export async function answerInteractor(context: TurnContext, card: AdaptiveCardJson): Promise<AdaptiveCardJson> {
  await context.sendActivity({
    type: ActivityTypes.InvokeResponse,
    value: { status: 200, body: { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: card } },
  });
  return card;
}
