import { AddressInfo } from 'node:net';
import * as restify from 'restify';
import { Application, TeamsAdapter, TurnState } from '@microsoft/teams-ai';
import { Logger } from '../ports/logger';
import { tenantOf } from './activityInfo';

export interface BotServerOptions {
  readonly adapter: TeamsAdapter;
  readonly app: Application<TurnState>;
  readonly allowedTenantIds: readonly string[];
  readonly logger: Logger;
}

/** Teams activities are small; a card submission with long texts stays far below this. */
const MAX_BODY_BYTES = 512 * 1024;

export interface RunningServer {
  readonly url: string;
  readonly port: number;
  close(): Promise<void>;
}

/** The HTTP endpoint Teams (or the Agents Playground) posts activities to: POST /api/messages. */
export function createBotServer(options: BotServerOptions): restify.Server {
  const server = restify.createServer({ name: 'tavla', handleUncaughtExceptions: false });
  server.use(restify.plugins.bodyParser({ maxBodySize: MAX_BODY_BYTES, mapParams: false, rejectUnknown: true }));

  server.post('/api/messages', async (req: restify.Request, res: restify.Response) => {
    const activity = req.body as { type?: unknown; channelData?: unknown; conversation?: { tenantId?: string } } | undefined;
    if (!activity || typeof activity !== 'object' || typeof activity.type !== 'string') {
      res.send(400, { error: 'Body must be a Bot Framework activity' });
      return;
    }
    // Bot Framework authentication proves the request came through the Bot Service, not from
    // which tenant: the allow-list is ours to enforce.
    const tenant = tenantOf(activity as Parameters<typeof tenantOf>[0]);
    if (options.allowedTenantIds.length && (!tenant || !options.allowedTenantIds.includes(tenant))) {
      options.logger.warn({ tenant }, 'refused activity from a tenant not on the allow-list');
      res.send(403, { error: 'Tenant not allowed' });
      return;
    }
    await options.adapter.process(req, res, (context) => options.app.run(context).then(() => undefined));
  });

  // The Agents Playground (and some load balancers) probe the endpoint with HEAD.
  server.head('/api/messages', async (_req: restify.Request, res: restify.Response) => {
    res.send(200);
  });

  server.get('/health', async (_req: restify.Request, res: restify.Response) => {
    res.send(200, { status: 'ok' });
  });

  server.on('restifyError', (_req: restify.Request, _res: restify.Response, error: Error, callback: () => void) => {
    options.logger.warn({ err: error.message }, 'request rejected');
    callback();
  });
  return server;
}

export function listen(server: restify.Server, host: string, port: number): Promise<RunningServer> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const address = server.address() as AddressInfo;
      resolve({
        url: `http://${host.includes(':') ? `[${host}]` : host}:${address.port}`,
        port: address.port,
        close: () => new Promise<void>((done) => server.close(() => done())),
      });
    });
  });
}
