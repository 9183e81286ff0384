import { TurnContext } from 'botbuilder';
import { AdaptiveCardJson } from '../../cards/renderer';
import { digestCard } from '../../cards/rhythmCards';
import { DomainError } from '../../domain/errors';
import { Locale } from '../../domain/locale';
import { t } from '../../i18n';
import { DigestRequest } from '../../services/rhythm/digestOnDemand';
import { CardData } from '../commands/cardData';
import { digestRequestOf } from '../commands/digestCommands';
import { AppDeps } from '../deps';
import { errorText } from '../errorText';
import { answerInteractor } from '../invokeAnswer';
import { logRefusal, refusalNotice } from '../refusals';
import { sendCard } from '../replies';
import { actor, turnInfo } from '../turn';

/**
 * The weekly digest on demand: the same card the Monday job sends, for the last full week or this
 * week so far, in the language of the person who asks (the Monday card goes out in each
 * recipient's stored language).
 */

/** Someone without a digest is told who gets one; other failures get the usual text. */
const refusalText = (locale: Locale, error: unknown): string =>
  error instanceof DomainError && error.code === 'forbidden' ? t(locale, 'digestNow.notRecipient') : errorText(locale, error);

async function card(context: TurnContext, deps: AppDeps, request: DigestRequest): Promise<AdaptiveCardJson> {
  const { locale, person } = actor(context);
  const { view, week, others } = await deps.services.digestOnDemand.forPerson(person, request);
  return digestCard(locale, view, { onDemand: { week, others } });
}

/** "ukerapport" / "ugerapport" / "digest": the widest digest the person receives, for the last full week. */
export async function showDigest(context: TurnContext, deps: AppDeps): Promise<void> {
  try {
    await sendCard(context, await card(context, deps, { week: 'last' }));
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    logRefusal(deps.logger, 'digest', error);
    await context.sendActivity(refusalText(turnInfo(context).locale, error));
  }
}

/** digest.show {scope, scopeId, week}: another week or another of the person's digests, for the presser only. */
export function digestShow(deps: AppDeps) {
  return async (context: TurnContext, _state: unknown, raw: unknown): Promise<AdaptiveCardJson> => {
    try {
      return answerInteractor(context, await card(context, deps, digestRequestOf(CardData.of(raw))));
    } catch (error) {
      logRefusal(deps.logger, 'digest.show', error);
      const { locale } = turnInfo(context);
      return answerInteractor(context, refusalNotice(locale, refusalText(locale, error)));
    }
  };
}
