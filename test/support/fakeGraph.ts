import { IncomingMessage, Server, ServerResponse, createServer } from 'node:http';
import { AddressInfo } from 'node:net';

/** One request to the fake Graph, as it arrived. */
export interface GraphRequest {
  readonly method: string;
  readonly path: string;
  readonly authorization?: string;
  readonly contentType?: string;
  readonly body: unknown;
}

export interface GraphAnswer {
  readonly status: number;
  readonly code?: string;
  readonly retryAfter?: string;
}

/**
 * Microsoft Graph's "Install app for user" on 127.0.0.1, for tests:
 * POST /v1.0/users/{id}/teamwork/installedApps with {"teamsApp@odata.bind": "<base>/appCatalogs/teamsApps/<id>"}
 * answers 201 (installed; `onInstall` is told, e.g. to let the fake connector open chats) or 409
 * when it already is, 401 without a bearer token, 400 for a body that binds no catalog app, and
 * whatever was scripted first.
 */
export class FakeGraph {
  readonly requests: GraphRequest[] = [];
  readonly installed = new Set<string>();
  onInstall: (userId: string, catalogAppId: string) => void = () => undefined;
  private readonly scripted: GraphAnswer[] = [];

  private constructor(
    private readonly server: Server,
    /** What GRAPH_BASE_URL would be: http://127.0.0.1:<port>/v1.0 */
    readonly baseUrl: string,
  ) {}

  static async start(): Promise<FakeGraph> {
    let graph: FakeGraph | undefined;
    const server = createServer((request, response) => {
      graph!.handle(request, response).catch((error: unknown) => {
        response.writeHead(500, { 'content-type': 'application/json' });
        response.end(JSON.stringify({ error: { code: 'FakeFailure', message: String(error) } }));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    graph = new FakeGraph(server, `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1.0`);
    return graph;
  }

  /** The next install requests get these answers, in order. */
  script(...answers: GraphAnswer[]): void {
    this.scripted.push(...answers);
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    const body: unknown = text ? JSON.parse(text) : undefined;
    const path = request.url ?? '';
    this.requests.push({
      method: request.method ?? '',
      path,
      ...(request.headers.authorization ? { authorization: request.headers.authorization } : {}),
      ...(request.headers['content-type'] ? { contentType: request.headers['content-type'] } : {}),
      body,
    });
    const answer = (status: number, code?: string, headers: Record<string, string> = {}) => {
      response.writeHead(status, { 'content-type': 'application/json', ...headers });
      response.end(status === 201 ? '' : JSON.stringify({ error: { code: code ?? 'Error', message: 'fake Graph' } }));
    };
    const route = /^\/v1\.0\/users\/([^/]+)\/teamwork\/installedApps$/.exec(path);
    if (request.method !== 'POST' || !route) return answer(404, 'NotFound');
    if (!request.headers.authorization?.startsWith('Bearer ')) return answer(401, 'InvalidAuthenticationToken');
    const bind = (body as Record<string, unknown> | undefined)?.['teamsApp@odata.bind'];
    const catalog = typeof bind === 'string' ? new RegExp(`^${this.baseUrl.replace(/[.]/g, '\\.')}/appCatalogs/teamsApps/([^/]+)$`).exec(bind) : null;
    if (!catalog) return answer(400, 'BadRequest');
    const scripted = this.scripted.shift();
    if (scripted) return answer(scripted.status, scripted.code, scripted.retryAfter ? { 'retry-after': scripted.retryAfter } : {});
    const userId = decodeURIComponent(route[1]!);
    if (this.installed.has(userId)) return answer(409, 'Conflict');
    this.installed.add(userId);
    this.onInstall(userId, decodeURIComponent(catalog[1]!));
    return answer(201);
  }
}
