import { Activity, CardFactory, CloudAdapter, ConversationParameters, ConversationReference, MessageFactory, TurnContext } from 'botbuilder';
import { ConnectorClientOptions } from 'botframework-connector';
import { Clock, systemClock } from '../ports/clock';
import { Logger, silentLogger } from '../ports/logger';
import { DeliveryMessage, MessageSender, RequestGate, RequestScope, SendOutcome } from '../ports/messageSender';
import { PeopleRepository, PersonRecord } from '../ports/peopleRepository';

/*
 * Retries happen in one place: the delivery worker.
 *
 * botframework-connector 4.23.3 builds its ConnectorClient on @azure/core-client, whose default
 * pipeline has a retry policy (core-rest-pipeline defaultRetryPolicy, 3 retries) that
 *   - retries 429 and 503 when they carry Retry-After (throttlingRetryStrategy), sleeping inside the
 *     call and resending without asking our rate limiter;
 *   - retries 408 and every 5xx except 501/505, and network errors (ECONNRESET, ETIMEDOUT, ...),
 *     with exponential backoff from 1 s (exponentialRetryStrategy), i.e. a send can silently become
 *     four sends, and a POST whose answer was lost is posted again.
 * ServiceClientContext does not pass retry options on, and the factory that CloudAdapter uses
 * overwrites `requestPolicyFactories`, but it does pass `httpClient` on. The retry policy only
 * retries a RestError or a response; anything else thrown by the HTTP client goes straight to the
 * caller. So {@link outboxConnectorClientOptions} installs an HTTP client (Node's fetch) that throws
 * a {@link ConnectorHttpError} for every non-2xx answer and every network failure: the SDK makes
 * exactly one request per call, and the worker decides about retries, through the rate limiter.
 * Use an adapter built with these options for proactive sends only (replies in a turn keep the SDK's
 * own behaviour).
 */

type CompatHttpClient = NonNullable<ConnectorClientOptions['httpClient']>;
type CompatRequest = Parameters<CompatHttpClient['sendRequest']>[0];
type CompatResponse = Awaited<ReturnType<CompatHttpClient['sendRequest']>>;
type CompatHeaders = CompatResponse['headers'];

/** A connector request that did not succeed: its status (none when there was no answer) and Retry-After. */
export class ConnectorHttpError extends Error {
  constructor(
    readonly status: number | undefined,
    readonly retryAfter: string | undefined,
    /** The connector's error code (e.g. "ConversationNotFound"), when it sent one. */
    readonly code: string | undefined,
    message: string,
  ) {
    super(message);
    this.name = 'ConnectorHttpError';
  }
}

class ResponseHeaders implements CompatHeaders {
  private readonly map = new Map<string, { name: string; value: string }>();

  constructor(entries: Iterable<[string, string]> = []) {
    for (const [name, value] of entries) this.set(name, value);
  }
  set(name: string, value: string | number): void {
    this.map.set(name.toLowerCase(), { name, value: String(value) });
  }
  get(name: string): string | undefined {
    return this.map.get(name.toLowerCase())?.value;
  }
  contains(name: string): boolean {
    return this.map.has(name.toLowerCase());
  }
  remove(name: string): boolean {
    return this.map.delete(name.toLowerCase());
  }
  rawHeaders(): Record<string, string> {
    return this.toJson({ preserveCase: true });
  }
  headersArray(): { name: string; value: string }[] {
    return [...this.map.values()];
  }
  headerNames(): string[] {
    return this.headersArray().map((h) => h.name);
  }
  headerValues(): string[] {
    return this.headersArray().map((h) => h.value);
  }
  clone(): ResponseHeaders {
    return new ResponseHeaders(this.headersArray().map((h): [string, string] => [h.name, h.value]));
  }
  toJson(options: { preserveCase?: boolean } = {}): Record<string, string> {
    return Object.fromEntries(this.headersArray().map((h) => [options.preserveCase ? h.name : h.name.toLowerCase(), h.value]));
  }
}

const errorCodeOf = (body: string): string | undefined => {
  try {
    const parsed = JSON.parse(body) as { error?: { code?: unknown } };
    return typeof parsed.error?.code === 'string' ? parsed.error.code : undefined;
  } catch {
    return undefined;
  }
};

/** The connector's HTTP client without any retries (see the comment at the top). */
export class SingleTryHttpClient implements CompatHttpClient {
  constructor(private readonly timeoutMs = 30_000) {}

  async sendRequest(request: CompatRequest): Promise<CompatResponse> {
    const body: unknown = request.body;
    let response: Response;
    let text: string;
    try {
      response = await fetch(request.url, {
        method: request.method,
        headers: request.headers.rawHeaders(),
        ...(typeof body === 'string' || body instanceof Uint8Array ? { body } : body === undefined || body === null ? {} : { body: JSON.stringify(body) }),
        signal: AbortSignal.timeout(request.timeout > 0 ? request.timeout : this.timeoutMs),
      });
      text = await response.text();
    } catch (error) {
      const cause = error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : '';
      throw new ConnectorHttpError(undefined, undefined, undefined, `no answer from the connector (${error instanceof Error ? error.message : String(error)}${cause})`);
    }
    if (!response.ok) {
      const code = errorCodeOf(text);
      throw new ConnectorHttpError(response.status, response.headers.get('retry-after') ?? undefined, code, `connector answered ${response.status}${code ? ` ${code}` : ''}`);
    }
    return { request, status: response.status, headers: new ResponseHeaders(response.headers), bodyAsText: text };
  }
}

/** ConnectorClientOptions for the adapter that sends the outbox: one request per call, no SDK retries. */
export function outboxConnectorClientOptions(): ConnectorClientOptions {
  return { httpClient: new SingleTryHttpClient() };
}

/** Retry-After is either delay-seconds or an HTTP date (RFC 9110 §10.2.3). Milliseconds from `now`. */
export function parseRetryAfter(value: string | null | undefined, now: Date): number | undefined {
  const trimmed = value?.trim();
  if (!trimmed) return undefined;
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now.getTime());
}

/** Status and Retry-After from our ConnectorHttpError, or from the SDK's RestError (adapter without our options). */
function failureOf(error: unknown, scope: RequestScope, now: Date): Extract<SendOutcome, { ok: false }> {
  if (error instanceof ConnectorHttpError) {
    const retryAfterMs = parseRetryAfter(error.retryAfter, now);
    return { ok: false, ...(error.status !== undefined ? { status: error.status } : {}), ...(retryAfterMs !== undefined ? { retryAfterMs } : {}), scope, error: error.message };
  }
  const shaped = (typeof error === 'object' && error !== null ? error : {}) as { statusCode?: unknown; code?: unknown; message?: unknown; response?: { headers?: { get?: (name: string) => string | undefined } } };
  const status = typeof shaped.statusCode === 'number' ? shaped.statusCode : undefined;
  const retryAfterMs = parseRetryAfter(shaped.response?.headers?.get?.('retry-after'), now);
  const message = typeof shaped.message === 'string' ? shaped.message : String(error);
  const code = typeof shaped.code === 'string' ? ` ${shaped.code}` : '';
  return { ok: false, ...(status !== undefined ? { status } : {}), ...(retryAfterMs !== undefined ? { retryAfterMs } : {}), scope, error: (status ? `connector answered ${status}${code}` : message).slice(0, 300) };
}

const permanent = (error: string): SendOutcome => ({ ok: false, permanent: true, error });

export interface ConnectorSenderOptions {
  readonly clock?: Clock;
  readonly logger?: Logger;
  /** Put the outbox key in the activity's channelData (tavlaOutboxKey), so a duplicate is recognisable downstream. Default true. */
  readonly tagWithKey?: boolean;
  /** When a stored 1:1 conversation answers 404, open a new one and send there (once per try). Default true. */
  readonly recreateMissingChat?: boolean;
}

/**
 * Sends outbox messages through the Bot Connector with a CloudAdapter: into a channel conversation,
 * or 1:1 to a person (opening the personal chat first when the bot has none yet, and remembering it
 * in the person's record). Every connector request asks the gate (rate limiter) first. Failures are
 * reported with their HTTP status and Retry-After; nothing is retried here.
 *
 * Errors are caught inside the turn callback on purpose: on an adapter shared with the teams-ai
 * Application, an error escaping the callback goes to app.error (onTurnError), which logs it and
 * lets continueConversationAsync resolve as if the message had been sent.
 */
export class ConnectorSender implements MessageSender {
  private readonly clock: Clock;
  private readonly logger: Logger;
  private readonly tagWithKey: boolean;
  private readonly recreateMissingChat: boolean;

  constructor(
    /** Built with {@link outboxConnectorClientOptions}, so the SDK does not retry on its own. */
    private readonly adapter: CloudAdapter,
    private readonly botAppId: string,
    private readonly people: PeopleRepository,
    options: ConnectorSenderOptions = {},
  ) {
    this.clock = options.clock ?? systemClock;
    this.logger = options.logger ?? silentLogger;
    this.tagWithKey = options.tagWithKey ?? true;
    this.recreateMissingChat = options.recreateMissingChat ?? true;
  }

  async send(message: DeliveryMessage, gate: RequestGate): Promise<SendOutcome> {
    const activity = this.activityFor(message);
    const { target } = message;
    if (target.kind === 'channel') {
      const reference: Partial<ConversationReference> = {
        channelId: 'msteams',
        serviceUrl: target.serviceUrl,
        conversation: { id: target.conversationId, isGroup: true, conversationType: 'channel', tenantId: target.tenantId, name: '' },
      };
      return this.post(reference, { tenantId: target.tenantId, conversationId: target.conversationId }, activity, gate);
    }
    let person: PersonRecord | undefined;
    try {
      person = await this.people.get(target.aadObjectId);
    } catch (error) {
      return { ok: false, error: `people lookup failed: ${error instanceof Error ? error.message : String(error)}`.slice(0, 300) };
    }
    if (!person) return permanent(`no person record for ${target.aadObjectId}`);
    if (!person.serviceUrl) return permanent(`person ${target.aadObjectId} has no serviceUrl yet (never seen by the bot)`);
    const tenantId = person.tenantId ?? '';
    if (person.personalConversationId) {
      const reference: Partial<ConversationReference> = {
        channelId: 'msteams',
        serviceUrl: person.serviceUrl,
        conversation: { id: person.personalConversationId, isGroup: false, conversationType: 'personal', tenantId, name: '' },
      };
      const outcome = await this.post(reference, { tenantId, conversationId: person.personalConversationId }, activity, gate);
      if (outcome.ok || outcome.status !== 404 || !this.recreateMissingChat || !person.teamsUserId) return outcome;
      // The stored 1:1 chat is gone: open a new one below (same try).
    }
    if (!person.teamsUserId) return permanent(`person ${target.aadObjectId} has no Teams user id to open a 1:1 chat`);
    return this.openChatAndPost(person, person.serviceUrl, tenantId, person.teamsUserId, activity, gate);
  }

  private activityFor(message: DeliveryMessage): Partial<Activity> {
    const activity = MessageFactory.attachment(CardFactory.adaptiveCard(message.card));
    if (this.tagWithKey) activity.channelData = { tavlaOutboxKey: message.key };
    return activity;
  }

  /** One POST into an existing conversation. */
  private async post(reference: Partial<ConversationReference>, scope: RequestScope, activity: Partial<Activity>, gate: RequestGate): Promise<SendOutcome> {
    let failure: unknown;
    let sent = false;
    try {
      await this.adapter.continueConversationAsync(this.botAppId, reference, async (context) => {
        ({ sent, failure } = await this.sendIn(context, scope, activity, gate));
      });
    } catch (error) {
      failure ??= error;
    }
    if (sent) return { ok: true };
    return failureOf(failure ?? new Error('the adapter did not run the send'), scope, this.clock.now());
  }

  /** Creates the 1:1 conversation (a request against the tenant's rate), remembers it, then posts into it. */
  private async openChatAndPost(person: PersonRecord, serviceUrl: string, tenantId: string, teamsUserId: string, activity: Partial<Activity>, gate: RequestGate): Promise<SendOutcome> {
    const parameters: ConversationParameters = {
      isGroup: false,
      members: [{ id: teamsUserId, name: '' }],
      tenantId,
      channelData: { tenant: { id: tenantId } },
      bot: { id: this.botAppId, name: '' },
    };
    const createScope: RequestScope = { tenantId };
    let scope: RequestScope = createScope;
    let failure: unknown;
    let sent = false;
    const permit = await gate.begin(createScope);
    try {
      await this.adapter.createConversationAsync(this.botAppId, 'msteams', serviceUrl, '', parameters, async (context) => {
        permit.done();
        const conversationId = context.activity.conversation.id;
        scope = { tenantId, conversationId };
        try {
          await this.people.save({ ...person, personalConversationId: conversationId });
        } catch (error) {
          // Send anyway: Teams answers the same 1:1 conversation for the same user next time.
          this.logger.warn({ aadObjectId: person.aadObjectId, err: error instanceof Error ? error.message : String(error) }, 'could not remember the new 1:1 chat');
        }
        ({ sent, failure } = await this.sendIn(context, scope, activity, gate));
      });
    } catch (error) {
      failure ??= error;
    } finally {
      permit.done();
    }
    if (sent) return { ok: true };
    return failureOf(failure ?? new Error('the adapter did not run the send'), scope, this.clock.now());
  }

  private async sendIn(context: TurnContext, scope: RequestScope, activity: Partial<Activity>, gate: RequestGate): Promise<{ sent: boolean; failure?: unknown }> {
    const permit = await gate.begin(scope);
    try {
      await context.sendActivity(activity);
      return { sent: true };
    } catch (error) {
      return { sent: false, failure: error };
    } finally {
      permit.done();
    }
  }
}
