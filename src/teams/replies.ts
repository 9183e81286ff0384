import { CardFactory, MessageFactory, TurnContext } from 'botbuilder';
import { AdaptiveCardJson } from '../cards/renderer';

export async function sendCard(context: TurnContext, card: AdaptiveCardJson): Promise<void> {
  await context.sendActivity(MessageFactory.attachment(CardFactory.adaptiveCard(card)));
}

/**
 * Replaces the card everyone in the conversation sees (not only the person who clicked), e.g.
 * when a channel's set-up card turns into "linked to unit X".
 */
export async function replaceCardForEveryone(context: TurnContext, card: AdaptiveCardJson): Promise<void> {
  const id = context.activity.replyToId;
  if (!id) return;
  await context.updateActivity({ ...MessageFactory.attachment(CardFactory.adaptiveCard(card)), id });
}
