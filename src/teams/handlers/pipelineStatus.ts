import { TurnContext } from 'botbuilder';
import { pipelineStatusCard } from '../../cards/rhythmCards';
import { AdaptiveCardJson } from '../../cards/renderer';
import { t } from '../../i18n';
import { AppDeps } from '../deps';
import { errorText } from '../errorText';
import { answerInteractor } from '../invokeAnswer';
import { sendCard } from '../replies';
import { actor } from '../turn';

async function statusCard(context: TurnContext, deps: AppDeps): Promise<AdaptiveCardJson> {
  const { person, locale, org } = actor(context);
  return pipelineStatusCard(locale, await deps.services.pipelineStatus.status(person), org.settings.timeZone);
}

/** "status": administrators see the delivery pipeline; anyone else is told who may. */
export async function showPipelineStatus(context: TurnContext, deps: AppDeps): Promise<void> {
  try {
    await sendCard(context, await statusCard(context, deps));
  } catch (error) {
    const { locale } = actor(context);
    await context.sendActivity(errorText(locale, error, t(locale, 'status.onlyAdmins')));
  }
}

/** The card's refresh button. */
export function refreshPipelineStatus(deps: AppDeps) {
  return async (context: TurnContext): Promise<AdaptiveCardJson> => answerInteractor(context, await statusCard(context, deps));
}
