import { ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { IncomingMessage, Server, ServerResponse, createServer } from 'node:http';
import { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Activity, Attachment } from 'botbuilder';
import { Buffered, CONNECTOR_ACTIVITY, CONNECTOR_CREATE, forward, readBody, resolveMember, send } from '../../scripts/playgroundProxy';
import { DEMO_PEOPLE } from '../../src/services/demoOrganisation';
import {
  DemoPersonKey,
  PlaygroundConfig,
  buildPlaygroundConfig,
  playgroundLaunch,
  playgroundPeople,
  playgroundUserId,
  writePlaygroundConfig,
} from '../../scripts/playgroundConfig';

/**
 * The Microsoft 365 Agents Playground as a test fixture: its CLI in a child process on a free
 * port, configured with the demo people, driven through its HTTP API (what its web page calls).
 *
 * The Playground has no endpoint that lists a conversation's messages (the page gets them over a
 * websocket), and its chat API answers before the bot has even been called. So the fixture puts
 * a transparent recorder ("tap") on both sides of the bot: the Playground posts activities to the
 * bot through it (`--app-endpoint`), and the bot answers the Playground's connector through it
 * (`--service-url`). A turn is complete when the bot has answered the Playground's POST; every
 * reply the bot sent in that turn has passed the tap before then, so no waiting on timers.
 *
 * What goes through the Playground's chat API always comes from the config's current user with
 * `locale: en-US` (hard-coded in the Playground). For another language or another user the
 * fixture sends the same activity through the Playground's "custom activity" API instead, built
 * from the Playground's own template; the bot answers the Playground's connector either way.
 */

export type BotActivity = Partial<Activity>;

/** Something the bot sent to the Playground's connector during a turn. */
export interface Reply {
  /** POST: a new message; PUT: an update of message `activity.id`. */
  readonly method: 'POST' | 'PUT';
  readonly activity: BotActivity;
  /** The Playground's id for the message: the `replyToId` for an Action.Execute on its card. */
  readonly messageId?: string;
  /** The Playground connector's HTTP status for it. */
  readonly status: number;
}

/** One activity the Playground sent the bot, and everything that happened in that turn. */
export interface Turn {
  /** The activity as the bot received it. */
  readonly activity: BotActivity;
  /** The bot's HTTP status and body (the invoke response for an invoke). */
  readonly status: number;
  readonly body: unknown;
  readonly replies: readonly Reply[];
}

export interface SayOptions {
  /** The Teams language of the sender, e.g. nb-NO. Default en-US (what the Playground sends). */
  readonly locale?: string;
  /** Which demo person writes. Default the Playground's current user. */
  readonly user?: DemoPersonKey;
  /** Default the personal chat. */
  readonly conversationId?: string;
}

export type Route = 'chat' | 'customActivity';

export interface SayResult extends Turn {
  readonly via: Route;
}

export interface InvokeOptions extends SayOptions {
  /** The Playground's message id of the card (Reply.messageId). */
  readonly replyToId: string;
  readonly verb: string;
  /** The action's data merged with the card's input values, as Teams sends them. */
  readonly data?: Record<string, unknown>;
}

/** An Adaptive Card universal-action invoke response as the bot returns it. */
export interface CardInvokeResponse {
  readonly statusCode?: number;
  readonly type?: string;
  readonly value?: unknown;
}

export interface InvokeResult extends SayResult {
  readonly response: CardInvokeResponse | undefined;
}

export interface PlaygroundOptions {
  /** The bot's messaging endpoint, e.g. http://127.0.0.1:1234/api/messages. */
  readonly botEndpoint: string;
  /** The Playground's current user (default Kari Nilsen). */
  readonly currentUser?: DemoPersonKey;
  /** How long to wait for the Playground to start, or for one turn. Default 30 s. */
  readonly timeoutMs?: number;
}

export const ADAPTIVE_CARD = 'application/vnd.microsoft.card.adaptive';

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

function asActivity(value: unknown): BotActivity | undefined {
  return isRecord(value) && typeof value.type === 'string' ? (value as BotActivity) : undefined;
}

function parseJson(text: string): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/** The Adaptive Cards among an activity's attachments. */
export function adaptiveCards(activity: BotActivity): Record<string, unknown>[] {
  return (activity.attachments ?? [])
    .filter((a: Attachment) => a.contentType === ADAPTIVE_CARD)
    .map((a: Attachment) => a.content as unknown)
    .filter(isRecord);
}

interface RecordedTurn {
  readonly seq: number;
  readonly activity: BotActivity;
  readonly replies: (Reply & { readonly seq: number })[];
  done?: { status: number; body: unknown };
  claimed: boolean;
}

/** The bot asked the Playground's connector to open a conversation (a proactive 1:1 chat). */
export interface OpenedConversation {
  /** members[0].id as the bot sent it: a "29:" id or an Entra object id. */
  readonly memberId: string;
  /** The tap turned an Entra object id into the Playground user's "29:" id, as Teams would resolve it. */
  readonly resolvedByTap: boolean;
  readonly tenantId?: string;
  readonly status: number;
  /** The Playground's id for the new conversation. */
  readonly conversationId?: string;
}

/** A message the bot sent outside any turn (from its delivery worker). */
export interface ProactiveReply extends Reply {
  readonly conversationId: string;
}

export class Playground {
  private child?: ChildProcess;
  private tap?: Server;
  private exited?: string;
  private readonly turns: RecordedTurn[] = [];
  /** Conversations the bot opened through the Playground's connector, in order. */
  readonly opened: OpenedConversation[] = [];
  /** Messages the bot sent outside any turn, in order. */
  readonly proactive: ProactiveReply[] = [];
  private readonly waiters = new Set<() => void>();
  private seq = 0;
  private output = '';

  readonly config: PlaygroundConfig;
  /** The Playground's own address (its web page and API), e.g. http://127.0.0.1:41234. */
  url = '';
  private readonly dir: string;
  private readonly timeoutMs: number;

  private constructor(private readonly options: PlaygroundOptions) {
    this.config = buildPlaygroundConfig(options.currentUser);
    this.dir = mkdtempSync(join(tmpdir(), 'tavla-playground-'));
    this.timeoutMs = options.timeoutMs ?? 30_000;
  }

  /** Starts the Playground against `botEndpoint` and waits until it has loaded its config. */
  static async start(options: PlaygroundOptions): Promise<Playground> {
    const playground = new Playground(options);
    try {
      await playground.launch();
    } catch (error) {
      await playground.stop();
      throw error;
    }
    return playground;
  }

  /** The demo people the Playground knows (its config's users), current user first. */
  get people(): DemoPersonKey[] {
    return playgroundPeople(this.options.currentUser);
  }

  get personalChatId(): string {
    return this.config.personalChat.id;
  }

  /** Every turn recorded so far, oldest first (for debugging a failing test). */
  get allTurns(): Turn[] {
    return this.turns.filter((t) => t.done).map((t) => this.view(t));
  }

  private get logFile(): string {
    return join(this.dir, 'playground.log');
  }

  private async launch(): Promise<void> {
    this.tap = createServer((req, res) => {
      this.handleTap(req, res).catch((error: unknown) => {
        if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/plain' });
        res.end(error instanceof Error ? error.message : String(error));
      });
    });
    await new Promise<void>((resolve, reject) => {
      this.tap!.once('error', reject);
      this.tap!.listen(0, '127.0.0.1', () => resolve());
    });
    const tapUrl = `http://127.0.0.1:${(this.tap.address() as AddressInfo).port}`;

    writePlaygroundConfig(this.dir, this.config);
    const launch = playgroundLaunch({ appEndpoint: `${tapUrl}/bot`, port: 0, logFile: this.logFile, serviceUrl: `${tapUrl}/_connector`, exitWithParent: true });
    const child = spawn(launch.command, launch.args, { cwd: this.dir, env: launch.env, stdio: ['pipe', 'pipe', 'pipe'], detached: true });
    this.child = child;
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => this.onOutput(chunk));
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => this.onOutput(chunk));
    child.once('exit', (code, signal) => {
      this.exited = `the Playground exited (${signal ?? `code ${code}`})`;
      this.notify();
    });

    const port = await this.waitUntil('the Playground to listen', () => /Listening on (\d+)\r?\n/.exec(this.output)?.[1]);
    this.url = `http://127.0.0.1:${port}`;
    // The routes are mounted after the config file is read; an invalid file ends the process.
    await this.waitForHttp('/_debug/ping');
    const loaded = await this.request('GET', '/_internal/v1/config');
    const loadedConfig = isRecord(loaded) && isRecord(loaded.config) ? loaded.config : undefined;
    if (loadedConfig?.tenantId !== this.config.tenantId) {
      throw new Error(`the Playground did not load ${join(this.dir, '.m365agentsplayground.yml')}: ${JSON.stringify(loaded)}`);
    }
  }

  private onOutput(chunk: string): void {
    this.output += chunk;
    this.notify();
  }

  private async waitForHttp(path: string): Promise<void> {
    const deadline = Date.now() + this.timeoutMs;
    for (;;) {
      if (this.exited) throw this.failure(this.exited);
      try {
        const res = await fetch(this.url + path);
        await res.arrayBuffer();
        if (res.ok) return;
      } catch {
        // not yet listening
      }
      if (Date.now() > deadline) throw this.failure(`timed out waiting for ${path}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  /** Proxies the Playground -> bot and bot -> Playground traffic, recording turns and replies. */
  private async handleTap(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const method = req.method ?? 'GET';
    const path = req.url ?? '/';
    const body = await readBody(req);

    if (path === '/bot' || path.startsWith('/bot?')) {
      const activity = method === 'POST' ? asActivity(parseJson(body.toString('utf8'))) : undefined;
      const turn: RecordedTurn | undefined = activity ? { seq: ++this.seq, activity, replies: [], claimed: false } : undefined;
      if (turn) this.turns.push(turn);
      const answer = await forward(new URL(this.options.botEndpoint), method, req.headers, body).catch(
        (error: unknown): Buffered => ({ status: 502, headers: {}, body: Buffer.from(String(error)) }),
      );
      if (turn) {
        turn.done = { status: answer.status, body: parseJson(answer.body.toString('utf8')) };
        this.notify();
      }
      send(res, answer);
      return;
    }

    if (!this.url) throw new Error('the Playground is not listening yet');
    if (method === 'POST' && CONNECTOR_CREATE.test(path)) {
      const request = parseJson(body.toString('utf8'));
      // Playing Teams' part for the Playground's own users (see scripts/playgroundProxy.ts).
      const resolved = resolveMember(request, this.config);
      const answer = await forward(new URL(path, this.url), method, req.headers, resolved ? Buffer.from(JSON.stringify(resolved)) : body);
      this.recordOpened(request, answer, resolved !== undefined);
      send(res, answer);
      return;
    }
    const answer = await forward(new URL(path, this.url), method, req.headers, body);
    const match = CONNECTOR_ACTIVITY.exec(path);
    if (match && (method === 'POST' || method === 'PUT')) {
      const activity = asActivity(parseJson(body.toString('utf8')));
      if (activity) {
        const response = parseJson(answer.body.toString('utf8'));
        const messageId = isRecord(response) && typeof response.id === 'string' ? response.id : undefined;
        this.recordReply(decodeURIComponent(match[1]), {
          method,
          activity,
          status: answer.status,
          ...(messageId ? { messageId } : {}),
        });
      }
    }
    send(res, answer);
  }

  private recordReply(conversationId: string, reply: Reply): void {
    const open = this.turns.filter((t) => !t.done && t.activity.conversation?.id === conversationId);
    const turn = open.find((t) => reply.activity.replyToId !== undefined && t.activity.id === reply.activity.replyToId) ?? open[open.length - 1];
    if (turn) turn.replies.push({ ...reply, seq: ++this.seq });
    // A message outside any turn is proactive: the delivery worker's.
    else this.proactive.push({ ...reply, conversationId });
    this.notify();
  }

  private recordOpened(request: unknown, answer: Buffered, resolved: boolean): void {
    const members = isRecord(request) && Array.isArray(request.members) ? request.members : [];
    const first: unknown = members[0];
    const response = parseJson(answer.body.toString('utf8'));
    this.opened.push({
      memberId: isRecord(first) && typeof first.id === 'string' ? first.id : '',
      resolvedByTap: resolved,
      ...(isRecord(request) && typeof request.tenantId === 'string' ? { tenantId: request.tenantId } : {}),
      status: answer.status,
      ...(isRecord(response) && typeof response.id === 'string' ? { conversationId: response.id } : {}),
    });
    this.notify();
  }

  /** Waits for the first proactive message that `matches` (the delivery worker sends on its own time). */
  waitForProactive(what: string, matches: (reply: ProactiveReply) => boolean): Promise<ProactiveReply> {
    return this.waitUntil(what, () => this.proactive.find(matches));
  }

  private notify(): void {
    for (const waiter of [...this.waiters]) waiter();
  }

  /** Resolves with `check()`'s first defined value, re-checked whenever the tap or the child reports. */
  private waitUntil<T>(what: string, check: () => T | undefined): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const evaluate = () => {
        let value: T | undefined;
        try {
          value = check();
        } catch (error) {
          finish();
          reject(error instanceof Error ? error : new Error(String(error)));
          return;
        }
        if (value !== undefined) {
          finish();
          resolve(value);
        } else if (this.exited) {
          finish();
          reject(this.failure(`${this.exited} while waiting for ${what}`));
        }
      };
      const timer = setTimeout(() => {
        finish();
        reject(this.failure(`timed out after ${this.timeoutMs} ms waiting for ${what}`));
      }, this.timeoutMs);
      const finish = () => {
        clearTimeout(timer);
        this.waiters.delete(evaluate);
      };
      this.waiters.add(evaluate);
      evaluate();
    });
  }

  private failure(message: string): Error {
    const log = existsSync(this.logFile) ? readFileSync(this.logFile, 'utf8').split('\n').slice(-25).join('\n') : '(no log)';
    return new Error(`${message}\n--- Playground output ---\n${this.output}\n--- Playground log (${this.logFile}) ---\n${log}`);
  }

  /** Waits for the first unclaimed, completed turn after `after` that `matches`, and claims it. */
  private claimTurn(what: string, after: number, matches: (activity: BotActivity) => boolean): Promise<RecordedTurn> {
    return this.waitUntil(what, () => {
      const turn = this.turns.find((t) => t.seq > after && !t.claimed && matches(t.activity));
      if (!turn?.done) return undefined;
      turn.claimed = true;
      return turn;
    });
  }

  private view(turn: RecordedTurn): Turn {
    return {
      activity: turn.activity,
      status: turn.done?.status ?? 0,
      body: turn.done?.body,
      replies: turn.replies.map(({ method, activity, messageId, status }) => ({ method, activity, status, ...(messageId ? { messageId } : {}) })),
    };
  }

  /** Calls the Playground's API; throws with its error body on a non-2xx answer. */
  async request(method: 'GET' | 'POST', path: string, body?: unknown): Promise<unknown> {
    const res = await fetch(this.url + path, {
      method,
      ...(body === undefined ? {} : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`Playground ${method} ${path} answered ${res.status}: ${text}`);
    return parseJson(text);
  }

  private userId(user: DemoPersonKey | undefined): string {
    return user ? playgroundUserId(DEMO_PEOPLE[user]) : this.config.currentUser.id;
  }

  /**
   * The Playground's chat and invoke APIs send as its current user (anyone else is refused in the
   * personal chat) and always with locale en-US; anything else goes as a custom activity.
   */
  private viaChat(options: SayOptions): boolean {
    return (options.locale ?? 'en-US') === 'en-US' && this.userId(options.user) === this.config.currentUser.id;
  }

  /**
   * What the Playground's page does when a chat is opened: install the app in the personal chat.
   * The Playground sends the bot an installationUpdate and a conversationUpdate (the bot and the
   * user added), concurrently; resolves when both turns are complete, with the replies of both.
   */
  async installInPersonalChat(): Promise<{ turns: Turn[]; replies: Reply[] }> {
    const conversationId = this.personalChatId;
    const after = this.seq;
    await this.request('POST', `/_debug/conversation/${encodeURIComponent(conversationId)}/installation`, {});
    const inChat = (a: BotActivity) => a.conversation?.id === conversationId;
    const turns = await Promise.all([
      this.claimTurn('the installationUpdate turn', after, (a) => inChat(a) && a.type === 'installationUpdate'),
      this.claimTurn('the conversationUpdate turn', after, (a) => inChat(a) && a.type === 'conversationUpdate' && (a.membersAdded ?? []).some((m) => m.id === this.config.bot.id)),
    ]);
    const views = turns.map((t) => this.view(t));
    // The two turns run concurrently: list their replies in the order they reached the Playground.
    const replies = turns.flatMap((t, i) => t.replies.map((r, j) => ({ seq: r.seq, reply: views[i].replies[j] })));
    return { turns: views, replies: replies.sort((a, b) => a.seq - b.seq).map((r) => r.reply) };
  }

  /**
   * Sends `text` as a chat message and resolves with the bot's turn once it is complete. With the
   * default user and language it goes through the Playground's chat API, exactly as typed on its
   * page; otherwise as a custom activity from that user in that language.
   */
  async say(text: string, options: SayOptions = {}): Promise<SayResult> {
    const conversationId = options.conversationId ?? this.personalChatId;
    const after = this.seq;
    const fromId = this.userId(options.user);
    if (this.viaChat(options)) {
      await this.request('POST', `/_conversation/v1/conversations/${encodeURIComponent(conversationId)}/messages`, {
        from: { id: fromId },
        text,
        textFormat: 'plain',
      });
      const turn = await this.claimTurn(`the bot's answer to "${text}"`, after, (a) => a.type === 'message' && a.conversation?.id === conversationId && a.text === text);
      return { ...this.view(turn), via: 'chat' };
    }
    const activity = await this.customActivity(conversationId, options, { type: 'message', text, textFormat: 'plain' });
    const turn = this.view(await this.claimTurn(`the bot's answer to "${text}"`, after, (a) => a.id === activity.id));
    return { ...turn, via: 'customActivity' };
  }

  /**
   * Presses an Action.Execute button on card message `replyToId`. As the current user in en-US it
   * goes through the Playground's invoke API (which also updates the card its page shows);
   * otherwise as a custom invoke activity. `response` is the bot's invoke response.
   */
  async invoke(options: InvokeOptions): Promise<InvokeResult> {
    const conversationId = options.conversationId ?? this.personalChatId;
    const after = this.seq;
    const value = { action: { type: 'Action.Execute', verb: options.verb, data: options.data ?? {} }, trigger: 'manual' };
    const fromId = this.userId(options.user);
    let via: Route;
    let matches: (a: BotActivity) => boolean;
    if (this.viaChat(options)) {
      via = 'chat';
      await this.request('POST', '/_conversation/v1/invoke', {
        name: 'adaptiveCard/action',
        value,
        from: { id: fromId },
        conversation: { id: conversationId },
        replyToId: options.replyToId,
      });
      matches = (a) => a.type === 'invoke' && a.conversation?.id === conversationId && a.replyToId === options.replyToId;
    } else {
      via = 'customActivity';
      const activity = await this.customActivity(conversationId, options, {
        type: 'invoke',
        name: 'adaptiveCard/action',
        replyToId: options.replyToId,
        value,
      });
      matches = (a) => a.id === activity.id;
    }
    const turn = this.view(await this.claimTurn(`the bot's answer to the "${options.verb}" action`, after, matches));
    const response = isRecord(turn.body) ? (turn.body as CardInvokeResponse) : undefined;
    return { ...turn, via, response };
  }

  /** Builds an activity on the Playground's own template for the conversation and sends it. */
  private async customActivity(conversationId: string, options: SayOptions, fields: BotActivity): Promise<BotActivity> {
    const template = asActivity(await this.request('GET', `/_internal/v1/customActivities/template?conversationId=${encodeURIComponent(conversationId)}`));
    if (!template?.id) throw new Error('the Playground gave no activity template');
    const person = DEMO_PEOPLE[options.user ?? this.options.currentUser ?? 'kari'];
    const locale = options.locale ?? 'en-US';
    const activity: BotActivity = {
      ...template,
      ...fields,
      from: { id: playgroundUserId(person), name: person.name, aadObjectId: person.aadObjectId },
      locale,
      localTimezone: 'Europe/Oslo',
      entities: [{ type: 'clientInfo', locale, country: locale.slice(-2), platform: 'Web', timezone: 'Europe/Oslo' }],
      channelData: { tenant: { id: this.config.tenantId }, ...(fields.type === 'invoke' ? { source: { name: 'message' } } : {}) },
    };
    await this.request('POST', '/_internal/v1/customActivities', activity);
    return activity;
  }

  /** Stops the Playground (its whole process group) and the tap, and removes the temp dir. */
  async stop(): Promise<void> {
    const child = this.child;
    if (child?.pid && child.exitCode === null && child.signalCode === null) {
      const gone = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        child.kill('SIGTERM');
      }
      const timer = setTimeout(() => {
        try {
          process.kill(-child.pid!, 'SIGKILL');
        } catch {
          // already gone
        }
      }, 5_000);
      await gone;
      clearTimeout(timer);
    }
    if (this.tap?.listening) {
      this.tap.closeAllConnections();
      await new Promise<void>((resolve) => this.tap!.close(() => resolve()));
    }
    rmSync(this.dir, { recursive: true, force: true });
  }
}

export const startPlayground = (options: PlaygroundOptions) => Playground.start(options);
