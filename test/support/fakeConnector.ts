import { IncomingMessage, Server, ServerResponse, createServer } from 'node:http';
import { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { Clock } from '../../src/ports/clock';
import { RateWindow, Sleep, TEAMS_CONVERSATION_WINDOWS, realSleep } from '../../src/scheduler/rateLimiter';

/**
 * Time that runs `factor` times faster than the wall clock, shared by the pipeline and the fake
 * connector in a test: a Retry-After of 1 s or a 45 s lease takes 1/factor of that in real time,
 * and every party agrees on what time it is.
 */
export class ScaledTime implements Clock {
  private readonly realStart = performance.now();
  private readonly start: number;

  constructor(
    readonly factor: number,
    start: Date = new Date(),
  ) {
    this.start = start.getTime();
  }

  now(): Date {
    return new Date(Math.floor(this.start + (performance.now() - this.realStart) * this.factor));
  }

  readonly sleep: Sleep = (ms, signal) => realSleep(ms / this.factor, signal);
}

export interface ScriptedAnswer {
  readonly status: number;
  /** Raw Retry-After header value, e.g. "2" or an HTTP date. */
  readonly retryAfter?: string;
  readonly code?: string;
}

export interface FakeConnectorOptions {
  readonly clock?: Clock;
  readonly tenantPerSecond?: number;
  readonly conversationWindows?: readonly RateWindow[];
  /** Retry-After on a 429 for exceeding a limit: seconds until a slot frees (default), an HTTP date, or none. */
  readonly limitRetryAfter?: 'seconds' | 'date' | 'none';
  /** Share of sends (activity POSTs) answered 429 with Retry-After `throttleRetryAfterSeconds` (default 1). */
  readonly throttleShare?: number;
  readonly throttleRetryAfterSeconds?: number;
  /** Share of sends answered with `serverErrorStatus` (default 503, no Retry-After). */
  readonly serverErrorShare?: number;
  readonly serverErrorStatus?: number;
  readonly random?: () => number;
  /** Keep each delivered activity (default true); the benchmark keeps only conversation, key and time. */
  readonly keepActivities?: boolean;
  /**
   * Network round-trip time to simulate, in real milliseconds: half of it passes before a request
   * arrives (and is counted against the limits), half before its answer reaches the bot.
   */
  readonly roundTripMs?: number;
}

export interface Delivery {
  readonly conversationId: string;
  readonly tenantId: string;
  /** The outbox key from channelData.tavlaOutboxKey, when present. */
  readonly key?: string;
  readonly activity: Record<string, unknown>;
  /** The Authorization header the bot sent, when it sent one. */
  readonly authorization?: string;
  /** Arrival time, by the fake's clock. */
  readonly at: number;
}

/** A request to open a 1:1 chat, as the fake received it. */
export interface CreateRequest {
  /** members[0].id: a "29:" id, or an Entra object id. */
  readonly memberId: string;
  readonly tenantId?: string;
  readonly channelDataTenantId?: string;
  readonly status: number;
}

export interface RequestLogEntry {
  readonly method: string;
  readonly path: string;
  readonly conversationId?: string;
  readonly key?: string;
  readonly status: number;
  readonly at: number;
}

interface Json {
  [key: string]: unknown;
}

/** Arrival times in a sliding window log: "at most `limit` in any `windowMs`", checked at arrival. */
class ArrivalLog {
  private readonly arrivals: number[] = [];
  private readonly longest: number;

  constructor(private readonly windows: readonly RateWindow[]) {
    this.longest = Math.max(...windows.map((w) => w.windowMs));
  }

  /** Records the arrival; returns ms until it would have been allowed (0 when within the limits). */
  arrive(now: number): number {
    while (this.arrivals.length && this.arrivals[0]! <= now - this.longest) this.arrivals.shift();
    let wait = 0;
    for (const { limit, windowMs } of this.windows) {
      const inWindow = this.arrivals.filter((t) => t > now - windowMs);
      if (inWindow.length >= limit) wait = Math.max(wait, inWindow[inWindow.length - limit]! + windowMs - now);
    }
    this.arrivals.push(now);
    return wait;
  }
}

/**
 * A Bot Connector on 127.0.0.1 for tests and the benchmark: creates 1:1 conversations, accepts
 * activities (POST, and PUT for updates) and records them with the outbox key they carry. It
 * enforces Teams' limits as the service would, by answering 429: per tenant (default 50 requests
 * in any second) and per conversation (7 per 1 s, 8 per 2 s, 60 per 30 s), counting every request
 * that arrives. It can also answer a share of sends with 429 or 5xx, or follow a script.
 */
export class FakeConnector {
  readonly deliveries: Delivery[] = [];
  readonly log: RequestLogEntry[] = [];
  readonly stats = { requests: 0, created: 0, limited: 0, injected429: 0, injected5xx: 0, scripted: 0, updates: 0 };
  /** Conversations that answer 404 ConversationNotFound (e.g. a deleted 1:1 chat). */
  readonly goneConversations = new Set<string>();
  /**
   * Members (Entra object ids or "29:" ids) for whom the app is not installed: opening a 1:1 chat
   * with them answers `notInstalledAnswer` (Teams documents 403 ForbiddenOperationException, "Bot
   * isn't installed in user's personal scope"), until {@link install} is called for them.
   */
  readonly notInstalled = new Set<string>();
  notInstalledAnswer: ScriptedAnswer = { status: 403, code: 'ForbiddenOperationException' };
  /** Conversations whose user blocked the bot: every post answers 403 ConversationBlockedByUser. */
  readonly blockedConversations = new Set<string>();
  /** Every request to open a 1:1 chat. */
  readonly creates: CreateRequest[] = [];
  private readonly refusalsLeft = new Map<string, number>();
  private readonly scripts: { match: (conversationId: string, key: string | undefined) => boolean; answers: ScriptedAnswer[] }[] = [];
  private readonly tenants = new Map<string, ArrivalLog>();
  private readonly conversations = new Map<string, ArrivalLog>();
  private readonly clock: Clock;
  private readonly random: () => number;
  private nextActivity = 0;

  private constructor(
    private readonly server: Server,
    readonly serviceUrl: string,
    private readonly options: FakeConnectorOptions,
  ) {
    this.clock = options.clock ?? { now: () => new Date() };
    this.random = options.random ?? Math.random;
  }

  static async start(options: FakeConnectorOptions = {}): Promise<FakeConnector> {
    let connector: FakeConnector | undefined;
    const server = createServer((request, response) => {
      connector!.handle(request, response).catch((error: unknown) => {
        response.writeHead(500, { 'content-type': 'application/json' });
        response.end(JSON.stringify({ error: { code: 'FakeFailure', message: String(error) } }));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    connector = new FakeConnector(server, `http://127.0.0.1:${port}/`, options);
    return connector;
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** The next sends matching get these answers, in order (then normal service resumes). */
  script(match: { readonly conversationId?: string; readonly key?: string }, answers: readonly ScriptedAnswer[]): void {
    this.scripts.push({
      match: (conversationId, key) => (match.conversationId === undefined || match.conversationId === conversationId) && (match.key === undefined || match.key === key),
      answers: [...answers],
    });
  }

  /**
   * The app was installed for this member (e.g. through Graph): chats can be opened with them, after
   * `stillRefused` more refusals (an installation takes a moment to reach every Teams service).
   */
  install(memberId: string, stillRefused = 0): void {
    if (stillRefused > 0) this.refusalsLeft.set(memberId, stillRefused);
    else this.notInstalled.delete(memberId);
  }

  /** How many times each outbox key was delivered. */
  deliveredKeys(): Map<string, number> {
    const counts = new Map<string, number>();
    for (const delivery of this.deliveries) if (delivery.key) counts.set(delivery.key, (counts.get(delivery.key) ?? 0) + 1);
    return counts;
  }

  /** Deliveries beyond the first, per key. */
  duplicates(): number {
    return [...this.deliveredKeys().values()].reduce((sum, n) => sum + n - 1, 0);
  }

  /** The most requests seen in any window of `windowMs` for one tenant or conversation, from the log (for assertions). */
  maxInWindow(windowMs: number, by: (entry: RequestLogEntry) => string | undefined): number {
    const groups = new Map<string, number[]>();
    for (const entry of this.log) {
      const group = by(entry);
      if (group !== undefined) groups.set(group, [...(groups.get(group) ?? []), entry.at]);
    }
    let max = 0;
    for (const times of groups.values()) {
      times.sort((a, b) => a - b);
      let first = 0;
      for (let last = 0; last < times.length; last++) {
        while (times[last]! - times[first]! >= windowMs) first++;
        max = Math.max(max, last - first + 1);
      }
    }
    return max;
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const halfTrip = (this.options.roundTripMs ?? 0) / 2;
    let now = this.clock.now().getTime();
    const path = (request.url ?? '').split('?')[0] ?? '';
    const body = await readJson(request);
    if (halfTrip > 0) {
      await realSleep(halfTrip);
      now = this.clock.now().getTime();
    }
    this.stats.requests++;
    const answer = (status: number, payload: Json, headers: Record<string, string> = {}, detail: { conversationId?: string; key?: string } = {}) => {
      this.log.push({ method: request.method ?? '', path, status, at: now, ...detail });
      const send = () => {
        response.writeHead(status, { 'content-type': 'application/json', ...headers });
        response.end(JSON.stringify(payload));
      };
      if (halfTrip > 0) setTimeout(send, halfTrip);
      else send();
    };

    if (request.method === 'POST' && /^\/v3\/conversations\/?$/.test(path)) {
      const tenantId = tenantOf(body);
      const limited = this.limit(now, tenantId, undefined);
      if (limited) return answer(429, throttledBody(), limited);
      const members = Array.isArray(body.members) ? (body.members as Json[]) : [];
      const member = typeof members[0]?.id === 'string' ? (members[0].id as string) : '';
      const channelTenant = ((body.channelData ?? {}) as { tenant?: { id?: unknown } }).tenant?.id;
      const create = (status: number) =>
        this.creates.push({ memberId: member, status, ...(typeof body.tenantId === 'string' ? { tenantId: body.tenantId } : {}), ...(typeof channelTenant === 'string' ? { channelDataTenantId: channelTenant } : {}) });
      if (!member) return answer(400, { error: { code: 'BadArgument', message: 'members[0].id is required' } });
      if (this.notInstalled.has(member)) {
        const left = this.refusalsLeft.get(member);
        if (left !== undefined && left <= 1) {
          this.refusalsLeft.delete(member);
          this.notInstalled.delete(member);
        } else if (left !== undefined) this.refusalsLeft.set(member, left - 1);
        create(this.notInstalledAnswer.status);
        return answer(this.notInstalledAnswer.status, { error: { code: this.notInstalledAnswer.code ?? 'Forbidden', message: "Bot isn't installed in user's personal scope" } });
      }
      create(201);
      this.stats.created++;
      // Teams answers with the same 1:1 conversation for the same user and bot.
      return answer(201, { id: `a:1on1-${member}` });
    }

    const match = /^\/v3\/conversations\/([^/]+)\/activities(?:\/([^/]+))?\/?$/.exec(path);
    if (!match || (request.method !== 'POST' && request.method !== 'PUT')) return answer(404, { error: { code: 'NotFound', message: `no route ${request.method} ${path}` } });
    const conversationId = decodeURIComponent(match[1]!);
    const channelData = (body.channelData ?? {}) as Json;
    const key = typeof channelData.tavlaOutboxKey === 'string' ? channelData.tavlaOutboxKey : undefined;
    const detail = { conversationId, ...(key ? { key } : {}) };
    const tenantId = tenantOf(body);
    const limited = this.limit(now, tenantId, conversationId);
    if (limited) return answer(429, throttledBody(), limited, detail);
    if (this.goneConversations.has(conversationId)) return answer(404, { error: { code: 'ConversationNotFound', message: 'Conversation not found.' } }, {}, detail);
    if (this.blockedConversations.has(conversationId)) return answer(403, { error: { code: 'ConversationBlockedByUser', message: 'User blocked the conversation with the bot.' } }, {}, detail);
    const script = this.scripts.find((s) => s.answers.length && s.match(conversationId, key));
    const scripted = script?.answers.shift();
    if (scripted) {
      this.stats.scripted++;
      return answer(scripted.status, { error: { code: scripted.code ?? 'Scripted', message: 'scripted answer' } }, scripted.retryAfter !== undefined ? { 'retry-after': scripted.retryAfter } : {}, detail);
    }
    if (request.method === 'POST') {
      const roll = this.random();
      const throttleShare = this.options.throttleShare ?? 0;
      if (roll < throttleShare) {
        this.stats.injected429++;
        return answer(429, throttledBody(), { 'retry-after': String(this.options.throttleRetryAfterSeconds ?? 1) }, detail);
      }
      if (roll < throttleShare + (this.options.serverErrorShare ?? 0)) {
        this.stats.injected5xx++;
        return answer(this.options.serverErrorStatus ?? 503, { error: { code: 'ServiceError', message: 'injected' } }, {}, detail);
      }
    }
    const id = match[2] && request.method === 'PUT' ? match[2] : `activity-${++this.nextActivity}`;
    if (request.method === 'PUT') this.stats.updates++;
    else {
      const authorization = request.headers.authorization;
      this.deliveries.push({ conversationId, tenantId, ...(key ? { key } : {}), ...(authorization ? { authorization } : {}), activity: this.options.keepActivities === false ? {} : body, at: now });
    }
    return answer(request.method === 'PUT' ? 200 : 201, { id }, {}, detail);
  }

  /** Counts the arrival against the tenant and conversation; the 429 headers when a limit is exceeded. */
  private limit(now: number, tenantId: string, conversationId: string | undefined): Record<string, string> | undefined {
    let tenant = this.tenants.get(tenantId);
    if (!tenant) this.tenants.set(tenantId, (tenant = new ArrivalLog([{ limit: this.options.tenantPerSecond ?? 50, windowMs: 1000 }])));
    let wait = tenant.arrive(now);
    if (conversationId) {
      let conversation = this.conversations.get(conversationId);
      if (!conversation) this.conversations.set(conversationId, (conversation = new ArrivalLog(this.options.conversationWindows ?? TEAMS_CONVERSATION_WINDOWS)));
      wait = Math.max(wait, conversation.arrive(now));
    }
    if (wait <= 0) return undefined;
    this.stats.limited++;
    switch (this.options.limitRetryAfter ?? 'seconds') {
      case 'none':
        return {};
      case 'date':
        return { 'retry-after': new Date(now + wait + 1000).toUTCString() };
      case 'seconds':
        return { 'retry-after': String(Math.max(1, Math.ceil(wait / 1000))) };
    }
  }
}

function tenantOf(body: Json): string {
  const conversation = (body.conversation ?? {}) as Json;
  const channelData = (body.channelData ?? {}) as Json;
  const tenant = (channelData.tenant ?? {}) as Json;
  for (const candidate of [conversation.tenantId, body.tenantId, tenant.id]) if (typeof candidate === 'string' && candidate) return candidate;
  return 'unknown-tenant';
}

const throttledBody = (): Json => ({ error: { code: 'ThrottledRequests', message: 'Too many requests' } });

async function readJson(request: IncomingMessage): Promise<Json> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  if (!text) return {};
  const parsed = JSON.parse(text) as unknown;
  return typeof parsed === 'object' && parsed !== null ? (parsed as Json) : {};
}
