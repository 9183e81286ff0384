import { Activity, CloudAdapter, ConversationParameters, ConversationReference, TurnContext } from 'botbuilder';
import { RequestGate, RequestScope } from '../ports/messageSender';
import { ConnectorHttpError } from './connectorHttp';

/** One connector call's result: the raw error is kept so callers can read its status and code. */
export type CallResult = { readonly ok: true } | { readonly ok: false; readonly error: unknown; readonly scope: RequestScope };

/** The HTTP status and the connector's error code of a failed call, whichever client made it. */
export function statusAndCode(error: unknown): { readonly status?: number; readonly code?: string } {
  if (error instanceof ConnectorHttpError) return { ...(error.status !== undefined ? { status: error.status } : {}), ...(error.code ? { code: error.code } : {}) };
  const shaped = (typeof error === 'object' && error !== null ? error : {}) as { statusCode?: unknown; code?: unknown };
  return { ...(typeof shaped.statusCode === 'number' ? { status: shaped.statusCode } : {}), ...(typeof shaped.code === 'string' ? { code: shaped.code } : {}) };
}

/**
 * The two Bot Connector requests proactive delivery makes, each behind the rate limiter: post into
 * a conversation, and open (create or get back) a personal chat and post into it.
 *
 * Errors are caught inside the turn callback on purpose: on an adapter shared with the teams-ai
 * Application, an error escaping the callback goes to app.error (onTurnError), which logs it and
 * lets continueConversationAsync resolve as if the message had been sent.
 */
export class ConnectorCalls {
  constructor(
    private readonly adapter: CloudAdapter,
    private readonly botAppId: string,
  ) {}

  async post(reference: Partial<ConversationReference>, scope: RequestScope, activity: Partial<Activity>, gate: RequestGate): Promise<CallResult> {
    let result: CallResult | undefined;
    try {
      await this.adapter.continueConversationAsync(this.botAppId, reference, async (context) => {
        result = await this.sendIn(context, scope, activity, gate);
      });
    } catch (error) {
      result ??= { ok: false, error, scope };
    }
    return result ?? { ok: false, error: new Error('the adapter did not run the send'), scope };
  }

  /**
   * Opens the 1:1 chat with `memberId` (a "29:" id, or an Entra object id once the app is installed
   * for that user), tells `opened` its id, then posts into it. `created` is set when the chat was
   * opened, so a failure can be told apart: refused to open, or refused the message.
   */
  async openAndPost(request: {
    readonly serviceUrl: string;
    readonly tenantId: string;
    readonly memberId: string;
    readonly activity: Partial<Activity>;
    readonly gate: RequestGate;
    readonly opened: (conversationId: string) => Promise<void>;
  }): Promise<{ readonly created?: string; readonly result: CallResult }> {
    const { serviceUrl, tenantId, memberId, activity, gate } = request;
    const parameters: ConversationParameters = {
      isGroup: false,
      members: [{ id: memberId, name: '' }],
      tenantId,
      channelData: { tenant: { id: tenantId } },
      bot: { id: this.botAppId, name: '' },
    };
    let scope: RequestScope = { tenantId };
    let created: string | undefined;
    let result: CallResult | undefined;
    // Creating a chat is a request against the tenant's rate like any other.
    const permit = await gate.begin(scope);
    try {
      await this.adapter.createConversationAsync(this.botAppId, 'msteams', serviceUrl, '', parameters, async (context) => {
        permit.done();
        created = context.activity.conversation.id;
        scope = { tenantId, conversationId: created };
        await request.opened(created);
        result = await this.sendIn(context, scope, activity, gate);
      });
    } catch (error) {
      result ??= { ok: false, error, scope };
    } finally {
      permit.done();
    }
    return { ...(created ? { created } : {}), result: result ?? { ok: false, error: new Error('the adapter did not run the send'), scope } };
  }

  private async sendIn(context: TurnContext, scope: RequestScope, activity: Partial<Activity>, gate: RequestGate): Promise<CallResult> {
    const permit = await gate.begin(scope);
    try {
      await context.sendActivity(activity);
      return { ok: true };
    } catch (error) {
      return { ok: false, error, scope };
    } finally {
      permit.done();
    }
  }
}
