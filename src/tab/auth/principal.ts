import { Person } from '../../domain/people';

/** Who a tab request is from, as its token says; roles are decided later, from stored data. */
export interface TabPrincipal {
  readonly person: Person;
  /** The Entra tenant (production); absent for a local demo sign-in. */
  readonly tenantId?: string;
}

/**
 * A request that is not signed in well enough. 401 for a missing, malformed, expired or forged
 * token; 403 for a genuine token from a tenant that is not allowed. `why` is for the log only.
 */
export class TabAuthError extends Error {
  constructor(
    readonly status: 401 | 403,
    readonly why: string,
  ) {
    super(why);
    this.name = 'TabAuthError';
  }
}

/** Checks the Authorization header of a tab request; throws TabAuthError when it does not sign anyone in. */
export type TabAuthenticator = (authorization: string) => Promise<TabPrincipal>;

/** Tokens are a few KB at most; anything longer is not one. */
export const MAX_AUTHORIZATION_CHARS = 8 * 1024;

/** The token of "Bearer <token>", or a 401. */
export function bearerToken(authorization: string): string {
  if (authorization.length > MAX_AUTHORIZATION_CHARS) throw new TabAuthError(401, 'authorization header too long');
  const match = /^Bearer ([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*)$/i.exec(authorization.trim());
  if (!match) throw new TabAuthError(401, 'no bearer token');
  return match[1];
}
