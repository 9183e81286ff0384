import { TurnContext } from 'botbuilder';
import { approvalInboxCard } from '../../cards/inboxCards';
import { AdaptiveCardJson } from '../../cards/renderer';
import { DomainError } from '../../domain/errors';
import { Locale } from '../../domain/locale';
import { t } from '../../i18n';
import { AppDeps } from '../deps';
import { errorText } from '../errorText';
import { answerInteractor } from '../invokeAnswer';
import { logRefusal, refusalNotice } from '../refusals';
import { sendCard } from '../replies';
import { actor, turnInfo } from '../turn';

/**
 * A leader's inbox of benefit approvals: the list of realized gains waiting for their decision,
 * oldest first. Each opens the same approval card the request brought (verb benefit.refresh),
 * with approve, reject and ask for changes; who may decide is checked again on every press.
 */

/** Someone who decides on no benefit is told who does; other failures get the usual text. */
const refusalText = (locale: Locale, error: unknown): string =>
  error instanceof DomainError && error.code === 'forbidden' ? t(locale, 'inbox.notApprover') : errorText(locale, error);

async function inboxCard(context: TurnContext, deps: AppDeps): Promise<AdaptiveCardJson> {
  const { locale, person } = actor(context);
  return approvalInboxCard(locale, await deps.services.approvalInbox.forPerson(person));
}

/** "godkjenninger" / "godkendelser" / "approvals": the list, as a new message in the chat. */
export async function showApprovals(context: TurnContext, deps: AppDeps): Promise<void> {
  try {
    await sendCard(context, await inboxCard(context, deps));
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    logRefusal(deps.logger, 'approvals', error);
    await context.sendActivity(refusalText(turnInfo(context).locale, error));
  }
}

/** approvals.show: the list again, fresh, for the person who pressed (from the ledger, "my items" or a decided card). */
export function approvalsShow(deps: AppDeps) {
  return async (context: TurnContext): Promise<AdaptiveCardJson> => {
    try {
      return answerInteractor(context, await inboxCard(context, deps));
    } catch (error) {
      logRefusal(deps.logger, 'approvals.show', error);
      const { locale } = turnInfo(context);
      return answerInteractor(context, refusalNotice(locale, refusalText(locale, error)));
    }
  };
}
