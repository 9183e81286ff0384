import { AddressInfo } from 'node:net';
import * as restify from 'restify';
import { ActivityEndpointOptions, activityEndpoint } from './http/activityEndpoint';
import { ReportDownloadOptions, reportDownload } from './http/reportDownload';
import { SIGNED_TOKEN_MAX } from './http/signedLinks';
import { LedgerDownloadOptions, ledgerDownload } from './http/ledgerDownload';

export type BotServerOptions = ActivityEndpointOptions & {
  /** Serves report files through signed links (GET /reports/<token>); absent, there is no such route. */
  readonly reportDownloads?: ReportDownloadOptions;
  /** Ledger CSV downloads through signed links; without it the route does not exist. */
  readonly ledgerDownloads?: LedgerDownloadOptions;
};

export interface RunningServer {
  readonly url: string;
  readonly port: number;
  close(): Promise<void>;
}

/** Slow clients are cut off: headers within 10 s, the whole request within 20 s. */
const HEADERS_TIMEOUT_MS = 10_000;
const REQUEST_TIMEOUT_MS = 20_000;

/**
 * The HTTP endpoint Teams (or the Agents Playground) posts activities to: POST /api/messages.
 * No body parser is installed: the activity endpoint reads the body itself, after authentication
 * (see http/activityEndpoint.ts for the order and the reasons).
 */
export function createBotServer(options: BotServerOptions): restify.Server {
  // Signed download tokens are a few hundred characters, and the router's default limit for a
  // parameter is 100. Longer tokens reach the link check too, so every bad link gets the same refusal.
  const server = restify.createServer({ name: 'tavla', handleUncaughtExceptions: false, maxParamLength: 8 * SIGNED_TOKEN_MAX });
  server.server.headersTimeout = HEADERS_TIMEOUT_MS;
  server.server.requestTimeout = REQUEST_TIMEOUT_MS;

  server.post('/api/messages', activityEndpoint(options));

  // The Agents Playground (and some load balancers) probe the endpoint with HEAD.
  server.head('/api/messages', async (_req: restify.Request, res: restify.Response) => {
    res.send(200);
  });

  if (options.reportDownloads) server.get('/reports/:token', reportDownload(options.reportDownloads));
  if (options.ledgerDownloads) server.get('/exports/ledger/:token', ledgerDownload(options.ledgerDownloads));

  server.get('/health', async (_req: restify.Request, res: restify.Response) => {
    res.send(200, { status: 'ok' });
  });

  server.on('restifyError', (_req: restify.Request, _res: restify.Response, error: Error & { statusCode?: number }, callback: () => void) => {
    options.logger.info({ status: error.statusCode }, 'request rejected by the router');
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
