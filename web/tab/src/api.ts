import type { RefusalDto } from '../../../src/tab/contract';
import { locale, tr } from './i18n';

/** A refusal from the tab's API (or no answer at all: status 0), with its message in the user's language. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly refusal: RefusalDto,
  ) {
    super(refusal.message);
    this.name = 'ApiError';
  }
}

export interface Api {
  get<T>(path: string): Promise<T>;
  post<T>(path: string, body: unknown): Promise<T>;
}

/**
 * Calls /tab/api with the signed-in person's token. A 401 asks the host for a token once more and
 * tries again (Teams renews it; a local session cannot be renewed and stays refused).
 */
export function createApi(token: (renew: boolean) => Promise<string>): Api {
  async function call<T>(method: 'GET' | 'POST', path: string, body?: unknown, renew = false): Promise<T> {
    // A host that cannot give a token (Teams single sign-on not set up) says so itself: not "unreachable".
    const bearer = await token(renew);
    let res: Response;
    try {
      res = await fetch(`/tab/api${path}`, {
        method,
        headers: {
          authorization: `Bearer ${bearer}`,
          'accept-language': locale(),
          accept: 'application/json',
          ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        },
        ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
        cache: 'no-store',
      });
    } catch {
      throw new ApiError(0, { error: 'unreachable', message: tr('tab.unreachable') });
    }
    if (res.status === 401 && !renew) return call<T>(method, path, body, true);
    const json = (await res.json().catch(() => undefined)) as unknown;
    if (!res.ok) {
      const refusal = json as Partial<RefusalDto> | undefined;
      throw new ApiError(res.status, { ...refusal, error: refusal?.error ?? 'failed', message: refusal?.message ?? tr('error.unexpected') });
    }
    return json as T;
  }
  return { get: (path) => call('GET', path), post: (path, body) => call('POST', path, body) };
}
