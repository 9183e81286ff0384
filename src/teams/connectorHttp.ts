import { ConnectorClientOptions } from 'botframework-connector';
import { parseRetryAfter } from '../domain/retryAfter';
import { RequestScope, SendOutcome } from '../ports/messageSender';

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

/**
 * The connector's error code: `{"error":{"code":"ConversationBlockedByUser",...}}`, or the
 * `subCode` Teams documents for a blocked or uninstalled bot, which comes as JSON inside a
 * string: `{"errorCode":209,"message":"{\"subCode\": \"MessageWritesBlocked\", ...}"}`.
 */
const errorCodeOf = (body: string): string | undefined => {
  try {
    const parsed = JSON.parse(body) as { error?: { code?: unknown } };
    if (typeof parsed.error?.code === 'string') return parsed.error.code;
  } catch {
    // Not JSON: look for a subCode below.
  }
  return /subCode\\?"\s*:\s*\\?"(\w{1,60})/.exec(body)?.[1];
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

// Kept exported here: tests and older callers import it from the connector's HTTP module.
export { parseRetryAfter };

/** Status and Retry-After from our ConnectorHttpError, or from the SDK's RestError (adapter without our options). */
export function failureOf(error: unknown, scope: RequestScope, now: Date): Extract<SendOutcome, { ok: false }> {
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
