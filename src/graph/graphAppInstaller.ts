import { parseRetryAfter } from '../domain/retryAfter';
import { AppInstaller, InstallOutcome } from '../ports/appInstaller';
import { Clock, systemClock } from '../ports/clock';
import { GraphTokenSource } from './graphToken';

export interface GraphAppInstallerOptions {
  /** GRAPH_BASE_URL, e.g. https://graph.microsoft.com/v1.0 (no trailing slash). */
  readonly baseUrl: string;
  /** TEAMS_APP_CATALOG_ID: the app's id in the organisation's app catalog (not the manifest id, unless from the Teams Store). */
  readonly catalogAppId: string;
  readonly token: GraphTokenSource;
  readonly clock?: Clock;
  readonly timeoutMs?: number;
}

const graphErrorCode = (body: string): string | undefined => {
  try {
    const code = (JSON.parse(body) as { error?: { code?: unknown } }).error?.code;
    return typeof code === 'string' ? code.slice(0, 60) : undefined;
  } catch {
    return undefined;
  }
};

/** Throttling, timeouts and server faults pass; anything else (401, 403, 404, 400) needs a person to act. */
const transient = (status: number): boolean => status === 408 || status === 429 || status >= 500;

/**
 * Installs Tavla in a person's personal scope through Microsoft Graph ("Install app for user"):
 *   POST {graph}/users/{aadObjectId}/teamwork/installedApps
 *   {"teamsApp@odata.bind": "{graph}/appCatalogs/teamsApps/{catalogAppId}"}
 * 201 Created: installed; 409 Conflict: it already was (Company Communicator treats it the same).
 * Needs the application permission TeamsAppInstallation.ReadWriteSelfForUser.All, granted by an
 * administrator, and the app published to the organisation's catalog (or the Teams Store).
 */
export class GraphAppInstaller implements AppInstaller {
  private readonly clock: Clock;

  constructor(private readonly options: GraphAppInstallerOptions) {
    this.clock = options.clock ?? systemClock;
  }

  async installFor(tenantId: string, aadObjectId: string): Promise<InstallOutcome> {
    const { baseUrl, catalogAppId } = this.options;
    let token: string;
    try {
      token = await this.options.token(tenantId);
    } catch (error) {
      // A refused credential (4xx from Entra ID) will be refused again; a network fault may pass.
      const status = typeof error === 'object' && error !== null ? (error as { statusCode?: unknown }).statusCode : undefined;
      const refused = typeof status === 'number' && status >= 400 && status < 500;
      return { ok: false, permanent: refused, error: `no Graph token (${error instanceof Error ? error.name : 'error'}${typeof status === 'number' ? ` ${status}` : ''})` };
    }
    let response: Response;
    let text: string;
    try {
      response = await fetch(`${baseUrl}/users/${encodeURIComponent(aadObjectId)}/teamwork/installedApps`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ 'teamsApp@odata.bind': `${baseUrl}/appCatalogs/teamsApps/${encodeURIComponent(catalogAppId)}` }),
        signal: AbortSignal.timeout(this.options.timeoutMs ?? 15_000),
      });
      text = await response.text();
    } catch (error) {
      return { ok: false, permanent: false, error: `no answer from Microsoft Graph (${error instanceof Error ? error.name : 'error'})` };
    }
    if (response.status === 409) return { ok: true, already: true };
    if (response.ok) return { ok: true, already: false };
    const code = graphErrorCode(text);
    const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'), this.clock.now());
    return {
      ok: false,
      permanent: !transient(response.status),
      status: response.status,
      ...(retryAfterMs !== undefined ? { retryAfterMs } : {}),
      error: `Graph answered ${response.status}${code ? ` ${code}` : ''}`,
    };
  }
}
