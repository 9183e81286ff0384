import { ConnectorClientOptions } from 'botframework-connector';
import { currentTurnBudget } from '../ports/turnBudget';
import { ConnectorHttpError, SingleTryHttpClient } from './connectorHttp';

/**
 * Replies within a turn fail fast. botbuilder's connector retries an unreachable serviceUrl for
 * 15–18 s per reply; here each reply is one request of at most REPLY_TIMEOUT_MS, and once one
 * reply of a turn has failed the rest of that turn's replies (the error message about the error,
 * say) are not tried at all. The edge logs the failure once, after the turn.
 */
export const REPLY_TIMEOUT_MS = 5_000;

type CompatHttpClient = NonNullable<ConnectorClientOptions['httpClient']>;
type CompatRequest = Parameters<CompatHttpClient['sendRequest']>[0];
type CompatResponse = Awaited<ReturnType<CompatHttpClient['sendRequest']>>;

class ReplyHttpClient implements CompatHttpClient {
  private readonly inner = new SingleTryHttpClient(REPLY_TIMEOUT_MS);

  async sendRequest(request: CompatRequest): Promise<CompatResponse> {
    const budget = currentTurnBudget();
    if (budget?.replyFailure) throw new ConnectorHttpError(undefined, undefined, undefined, 'not tried: an earlier reply in this turn could not be delivered');
    request.timeout = REPLY_TIMEOUT_MS;
    try {
      return await this.inner.sendRequest(request);
    } catch (error) {
      if (budget) budget.replyFailure ??= error instanceof Error ? error.message : String(error);
      throw error;
    }
  }
}

/** ConnectorClientOptions for the adapter that answers turns. */
export function replyConnectorClientOptions(): ConnectorClientOptions {
  return { httpClient: new ReplyHttpClient() };
}
