import { JWTPayload, decodeProtectedHeader, errors, jwtVerify } from 'jose';
import { isEntraObjectId } from '../../domain/ids';
import { displayName } from '../../domain/text';
import { SigningKey } from './signingKeys';
import { TabAuthError, TabAuthenticator, TabPrincipal, bearerToken } from './principal';

/**
 * Teams tab single sign-on: the page gets an Entra access token from authentication.getAuthToken()
 * and sends it as a bearer token. It is checked here as Microsoft's guidance on access tokens says:
 * RS256 signature by a key from Entra's key set, audience (the app id for v2 tokens, the
 * api://<domain>/botid-<app id> URI for v1 tokens), issuer (v2 or v1 form) bound to the token's own
 * tenant, a key shared by all tenants or one of that tenant's, the access_as_user scope, and the
 * tenant on the allow-list. The person is the `oid` claim; roles come from storage, not the token.
 */

export interface EntraTokenSettings {
  /** Accepted `aud` values. */
  readonly audiences: readonly string[];
  /** Tenants whose people may use the tab; production always has at least one. */
  readonly allowedTenantIds: readonly string[];
  /** Seconds of clock skew tolerated on exp and nbf. */
  readonly clockToleranceSeconds?: number;
  readonly now?: () => Date;
}

/** The scope Teams asks for in the tab's name (see docs/tab.md: Expose an API). */
export const TAB_SCOPE = 'access_as_user';

export const issuersFor = (tenantId: string): readonly string[] => [`https://login.microsoftonline.com/${tenantId}/v2.0`, `https://sts.windows.net/${tenantId}/`];

/**
 * Whether the key may sign for this issuer. A key set entry naming "{tenantid}" serves every
 * tenant; one naming a tenant's issuer serves only that tenant. v1 tokens (sts.windows.net) are
 * signed by the same shared keys, whose entries name the v2 template.
 */
export function keyServesIssuer(keyIssuer: string | undefined, tokenIssuer: string, tenantId: string): boolean {
  if (keyIssuer === undefined) return true;
  if (keyIssuer.includes('{tenantid}')) {
    return keyIssuer.replace('{tenantid}', tenantId) === tokenIssuer || tokenIssuer === `https://sts.windows.net/${tenantId}/`;
  }
  return keyIssuer === tokenIssuer;
}

const str = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

function principalOf(payload: JWTPayload, tenantId: string): TabPrincipal {
  const oid = str(payload.oid) ?? '';
  if (!isEntraObjectId(oid)) throw new TabAuthError(401, 'no oid');
  const login = str(payload.preferred_username) ?? str(payload.upn);
  const upn = login && /^[^\s@]+@[^\s@]+$/.test(login) && login.length <= 254 ? login.toLowerCase() : undefined;
  // Entra puts the display name in `name`; without it, the sign-in name is better than nothing.
  const name = displayName(str(payload.name) ?? upn ?? '');
  return { person: { aadObjectId: oid.toLowerCase(), name, ...(upn ? { upn } : {}) }, tenantId };
}

export function entraAuthenticator(keyOf: (kid: string) => Promise<SigningKey | undefined>, settings: EntraTokenSettings): TabAuthenticator {
  const allowed = new Set(settings.allowedTenantIds.map((t) => t.toLowerCase()));
  return async (authorization) => {
    const token = bearerToken(authorization);
    let header: ReturnType<typeof decodeProtectedHeader>;
    try {
      header = decodeProtectedHeader(token);
    } catch {
      throw new TabAuthError(401, 'malformed token');
    }
    if (header.alg !== 'RS256' || typeof header.kid !== 'string') throw new TabAuthError(401, `algorithm ${String(header.alg)} or key id not accepted`);
    const key = await keyOf(header.kid);
    if (!key) throw new TabAuthError(401, 'unknown signing key');
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, key.key, {
        algorithms: ['RS256'],
        audience: [...settings.audiences],
        clockTolerance: settings.clockToleranceSeconds ?? 60,
        requiredClaims: ['exp', 'iss', 'aud'],
        ...(settings.now ? { currentDate: settings.now() } : {}),
      }));
    } catch (error) {
      throw new TabAuthError(401, error instanceof errors.JOSEError ? error.code : 'token not verified');
    }
    const tenantId = (str(payload.tid) ?? '').toLowerCase();
    if (!isEntraObjectId(tenantId)) throw new TabAuthError(401, 'no tenant');
    const issuer = str(payload.iss) ?? '';
    // The issuer must be Entra's for the token's own tenant: a tenant cannot vouch for another.
    if (!issuersFor(tenantId).includes(issuer)) throw new TabAuthError(401, 'issuer does not match the tenant');
    if (!keyServesIssuer(key.issuer, issuer, tenantId)) throw new TabAuthError(401, 'key not valid for the issuer');
    const scopes = (str(payload.scp) ?? '').split(' ');
    if (!scopes.includes(TAB_SCOPE)) throw new TabAuthError(401, 'scope access_as_user missing');
    if (!allowed.has(tenantId)) throw new TabAuthError(403, 'tenant not allowed');
    return principalOf(payload, tenantId);
  };
}
