import { AddressInfo, Socket } from 'node:net';
import { Logger } from '../ports/logger';
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

/** What Node's HTTP parser found wrong with a request, as the status its own handler would answer. */
function parserRefusal(error: NodeJS.ErrnoException): { status: number; reason: string; error: string } {
  switch (error.code) {
    case 'HPE_HEADER_OVERFLOW':
      return { status: 431, reason: 'Request Header Fields Too Large', error: 'Request headers too large' };
    case 'ERR_HTTP_REQUEST_TIMEOUT':
      return { status: 408, reason: 'Request Timeout', error: 'Request not received in time' };
    default:
      return { status: 400, reason: 'Bad Request', error: 'Malformed HTTP request' };
  }
}

/**
 * Requests Node's parser refuses before any route sees them (broken framing, conflicting lengths,
 * oversized headers) are answered like every other refusal: a short JSON body and nothing more.
 * Node's default answer has an empty body. Nothing is written if an answer is already under way.
 */
function answerParserErrors(server: restify.Server, logger: Logger): void {
  server.server.on('clientError', (error: NodeJS.ErrnoException, socket: Socket) => {
    if (error.code === 'ECONNRESET' || !socket.writable || socket.bytesWritten > 0) {
      socket.destroy();
      return;
    }
    const refusal = parserRefusal(error);
    logger.info({ status: refusal.status, code: error.code }, 'request refused by the HTTP parser');
    const body = JSON.stringify({ error: refusal.error });
    socket.end(`HTTP/1.1 ${refusal.status} ${refusal.reason}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`);
  });
}

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
  answerParserErrors(server, options.logger);

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
