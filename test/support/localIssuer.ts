import { Server, createServer } from 'node:http';
import { AddressInfo } from 'node:net';
import { JWK, KeyLike, SignJWT, exportJWK, generateKeyPair } from 'jose';

/** The issuer the Bot Framework Service signs its tokens with. */
export const BOT_FRAMEWORK_ISSUER = 'https://api.botframework.com';

interface SigningKey {
  readonly kid: string;
  readonly privateKey: KeyLike;
  readonly jwk: JWK;
}

async function signingKey(kid: string, endorsements?: readonly string[]): Promise<SigningKey> {
  const { privateKey, publicKey } = await generateKeyPair('RS256');
  const jwk = { ...(await exportJWK(publicKey)), kid, kty: 'RSA', use: 'sig', ...(endorsements ? { endorsements: [...endorsements] } : {}) };
  return { kid, privateKey, jwk };
}

export interface TokenClaims {
  readonly iss?: string;
  readonly aud?: string;
  readonly serviceurl?: string;
  /** Seconds relative to now. */
  readonly expiresIn?: number;
  readonly notBeforeIn?: number;
}

/**
 * A stand-in for the Bot Framework's token service on 127.0.0.1: an OpenID metadata document whose
 * jwks_uri lists keys made in the test (one endorsed for msteams, one endorsed only for another
 * channel), and tokens signed with them, well-formed or broken in a chosen way.
 */
export class LocalIssuer {
  private constructor(
    private readonly server: Server,
    readonly metadataUrl: string,
    private readonly teamsKey: SigningKey,
    private readonly otherChannelKey: SigningKey,
    private readonly unpublishedKey: SigningKey,
  ) {}

  static async start(): Promise<LocalIssuer> {
    const teamsKey = await signingKey('teams-key', ['msteams']);
    const otherChannelKey = await signingKey('webchat-key', ['webchat']);
    const unpublishedKey = await signingKey('teams-key');
    let base = '';
    const server = createServer((req, res) => {
      res.setHeader('content-type', 'application/json');
      if (req.url === '/v1/.well-known/openidconfiguration') {
        res.end(JSON.stringify({ issuer: BOT_FRAMEWORK_ISSUER, jwks_uri: `${base}/v1/keys`, id_token_signing_alg_values_supported: ['RS256'] }));
      } else if (req.url === '/v1/keys') {
        res.end(JSON.stringify({ keys: [teamsKey.jwk, otherChannelKey.jwk] }));
      } else {
        res.statusCode = 404;
        res.end('{}');
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    return new LocalIssuer(server, `${base}/v1/.well-known/openidconfiguration`, teamsKey, otherChannelKey, unpublishedKey);
  }

  stop(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  /** A token as the Bot Framework would send it, with `claims` changed; signed by the chosen key. */
  async token(claims: TokenClaims & { readonly key?: 'teams' | 'otherChannel' | 'unpublished' }): Promise<string> {
    const key = claims.key === 'otherChannel' ? this.otherChannelKey : claims.key === 'unpublished' ? this.unpublishedKey : this.teamsKey;
    const now = Math.floor(Date.now() / 1000);
    const payload: Record<string, unknown> = {};
    if (claims.serviceurl !== undefined) payload.serviceurl = claims.serviceurl;
    let jwt = new SignJWT(payload)
      .setProtectedHeader({ alg: 'RS256', kid: key.kid, typ: 'JWT' })
      .setIssuedAt(now - 60)
      .setNotBefore(now + (claims.notBeforeIn ?? -60))
      .setExpirationTime(now + (claims.expiresIn ?? 3600));
    if (claims.iss !== '') jwt = jwt.setIssuer(claims.iss ?? BOT_FRAMEWORK_ISSUER);
    if (claims.aud !== undefined) jwt = jwt.setAudience(claims.aud);
    return jwt.sign(key.privateKey);
  }
}

const base64url = (value: object | string) => Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');

/** An unsigned token ("alg": "none") carrying valid-looking claims. */
export function unsignedToken(claims: Record<string, unknown>): string {
  return `${base64url({ alg: 'none', typ: 'JWT' })}.${base64url(claims)}.`;
}

/** A token signed with HS256 and a secret of the attacker's choosing. */
export async function hs256Token(claims: Record<string, unknown>): Promise<string> {
  return new SignJWT(claims).setProtectedHeader({ alg: 'HS256', kid: 'teams-key' }).sign(new TextEncoder().encode('attacker-chosen-secret-attacker-chosen'));
}
