import { IncomingHttpHeaders, IncomingMessage, Server, ServerResponse, createServer, request } from 'node:http';
import { AddressInfo } from 'node:net';
import { PlaygroundConfig } from './playgroundConfig';

/**
 * Standing in for Teams between the bot and the Microsoft 365 Agents Playground (local mode only).
 *
 * Teams resolves an Entra object id in `members[0].id` of a new conversation to its user (when the
 * app is installed for them); the Playground does not: it opens a chat for any id, then answers
 * 500 UserNotFound to every message in it, because it knows its users only by their "29:" ids. So
 * the bot's connector calls pass through here, and an object id of one of the Playground's users
 * becomes that user's "29:" id on its way in. Everything else passes unchanged. `npm start` and the
 * end-to-end test (test/support/playground.ts) use the same pieces.
 */

export interface Buffered {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  readonly body: Buffer;
}

export const CONNECTOR_ACTIVITY = /^\/_connector\/v3\/conversations\/([^/]+)\/activities(?:\/([^/]+))?$/;
export const CONNECTOR_CREATE = /^\/_connector\/v3\/conversations\/?$/;

export function readBody(message: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    message.on('data', (chunk: Buffer) => chunks.push(chunk));
    message.on('end', () => resolve(Buffer.concat(chunks)));
    message.on('error', reject);
  });
}

export function forward(target: URL, method: string, headers: IncomingHttpHeaders, body: Buffer): Promise<Buffered> {
  const outgoing: IncomingHttpHeaders = { ...headers, host: target.host, 'content-length': String(body.length) };
  delete outgoing.connection;
  delete outgoing['transfer-encoding'];
  return new Promise((resolve, reject) => {
    const req = request(target, { method, headers: outgoing }, (res) => {
      readBody(res).then((data) => resolve({ status: res.statusCode ?? 502, headers: res.headers, body: data }), reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

export function send(res: ServerResponse, answer: Buffered): void {
  const headers: IncomingHttpHeaders = { ...answer.headers, 'content-length': String(answer.body.length) };
  delete headers.connection;
  delete headers['transfer-encoding'];
  delete headers['keep-alive'];
  res.writeHead(answer.status, headers);
  res.end(answer.body);
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The conversation request with its first member's object id replaced by that Playground user's id; undefined when nothing changed. */
export function resolveMember(requestBody: unknown, config: Pick<PlaygroundConfig, 'currentUser' | 'users'>): Record<string, unknown> | undefined {
  const members = isRecord(requestBody) && Array.isArray(requestBody.members) ? requestBody.members : [];
  const first: unknown = members[0];
  const id = isRecord(first) && typeof first.id === 'string' ? first.id.toLowerCase() : undefined;
  const user = [config.currentUser, ...config.users].find((u) => u.aadObjectId.toLowerCase() === id);
  if (!isRecord(requestBody) || !isRecord(first) || !user) return undefined;
  return { ...requestBody, members: [{ ...first, id: user.id }, ...members.slice(1)] };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

export interface ConnectorShim {
  /** What the Playground must put in its activities as serviceUrl. */
  readonly serviceUrl: string;
  /** Where to forward to, once the Playground listens. */
  setTarget(playgroundUrl: string): void;
  stop(): Promise<void>;
}

/** For `npm start`: the bot's connector calls go through here to the Playground, object ids resolved. */
export async function startConnectorShim(config: Pick<PlaygroundConfig, 'currentUser' | 'users'>): Promise<ConnectorShim> {
  let target: string | undefined;
  const server: Server = createServer((req, res) => {
    void (async () => {
      const body = await readBody(req);
      if (!target) return send(res, { status: 503, headers: {}, body: Buffer.from('{"error":"the Playground is not listening yet"}') });
      const path = req.url ?? '/';
      const resolved = req.method === 'POST' && CONNECTOR_CREATE.test(path) ? resolveMember(parseJson(body.toString('utf8')), config) : undefined;
      send(res, await forward(new URL(path, target), req.method ?? 'GET', req.headers, resolved ? Buffer.from(JSON.stringify(resolved)) : body));
    })().catch((error: unknown) => send(res, { status: 502, headers: {}, body: Buffer.from(JSON.stringify({ error: String(error) })) }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    serviceUrl: `${url}/_connector`,
    setTarget: (playgroundUrl) => {
      target = playgroundUrl;
    },
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
