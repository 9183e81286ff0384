import { Server, createServer } from 'node:http';
import { AddressInfo } from 'node:net';

let shared: Promise<FakeManagedIdentity> | undefined;

/**
 * App Service's managed-identity endpoint on 127.0.0.1 (the IDENTITY_ENDPOINT / IDENTITY_HEADER
 * protocol), so a bot with BOT_TYPE=UserAssignedMSI gets its outbound token without a network.
 */
export class FakeManagedIdentity {
  readonly requests: { resource?: string; clientId?: string }[] = [];

  private constructor(
    private readonly server: Server,
    readonly endpoint: string,
    readonly header: string,
    readonly accessToken: string,
  ) {}

  static async start(): Promise<FakeManagedIdentity> {
    const header = 'identity-header-for-tests';
    const accessToken = 'managed-identity-access-token';
    let identity: FakeManagedIdentity | undefined;
    const server = createServer((req, res) => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      res.setHeader('content-type', 'application/json');
      if (req.headers['x-identity-header'] !== header) {
        res.statusCode = 401;
        res.end('{"error":"missing X-IDENTITY-HEADER"}');
        return;
      }
      const resource = url.searchParams.get('resource') ?? undefined;
      const clientId = url.searchParams.get('client_id') ?? undefined;
      identity?.requests.push({ resource, clientId });
      res.end(
        JSON.stringify({
          access_token: accessToken,
          expires_on: String(Math.floor(Date.now() / 1000) + 3600),
          resource,
          token_type: 'Bearer',
          client_id: clientId,
        }),
      );
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    identity = new FakeManagedIdentity(server, `http://127.0.0.1:${(server.address() as AddressInfo).port}/msi/token`, header, accessToken);
    return identity;
  }

  /**
   * The one endpoint for the whole test run. MSAL picks the managed-identity source (and its
   * endpoint, from IDENTITY_ENDPOINT) once per process and keeps it in a static, so every test that
   * uses a managed identity must talk to the same endpoint; test/support/hooks.ts stops it at the end.
   */
  static shared(): Promise<FakeManagedIdentity> {
    shared ??= FakeManagedIdentity.start();
    return shared;
  }

  static async stopShared(): Promise<void> {
    const running = shared;
    shared = undefined;
    await (await running)?.stop();
  }

  stop(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
