import { Server, createServer } from 'node:http';
import { AddressInfo } from 'node:net';
import { JWK, KeyLike, SignJWT, exportJWK, generateKeyPair } from 'jose';

interface Key {
  readonly kid: string;
  readonly privateKey: KeyLike;
  readonly jwk: JWK;
}

async function key(kid: string, issuer?: string): Promise<Key> {
  const { privateKey, publicKey } = await generateKeyPair('RS256');
  return { kid, privateKey, jwk: { ...(await exportJWK(publicKey)), kid, kty: 'RSA', use: 'sig', ...(issuer ? { issuer } : {}) } };
}

export interface EntraClaims {
  readonly tid: string;
  readonly aud: string;
  readonly oid?: string;
  readonly name?: string;
  readonly preferredUsername?: string;
  /** Defaults to the v2 issuer of `tid`. */
  readonly iss?: string;
  readonly scp?: string;
  readonly expiresIn?: number;
  /** 'shared': signs for every tenant; 'otherTenant': a key of another tenant's; 'unpublished': a key not in the set, under a published key's id. */
  readonly key?: 'shared' | 'otherTenant' | 'unpublished';
}

export const OTHER_KEY_TENANT = '77777777-2222-4333-8444-555555555555';

/**
 * A stand-in for Microsoft Entra ID on 127.0.0.1: the tenant-independent OpenID metadata, a key
 * set whose entries carry an `issuer` as Entra's do (a shared key with the {tenantid} template, a
 * key of one tenant's), and access tokens as Teams' getAuthToken returns them.
 */
export class EntraIssuer {
  requests = 0;

  private constructor(
    private readonly server: Server,
    readonly metadataUrl: string,
    private readonly shared: Key,
    private readonly otherTenant: Key,
    private readonly unpublished: Key,
  ) {}

  static async start(): Promise<EntraIssuer> {
    const shared = await key('shared-key', 'https://login.microsoftonline.com/{tenantid}/v2.0');
    const otherTenant = await key('tenant-key', `https://login.microsoftonline.com/${OTHER_KEY_TENANT}/v2.0`);
    const unpublished = await key('shared-key');
    let base = '';
    let issuer: EntraIssuer | undefined;
    const server = createServer((req, res) => {
      if (issuer) issuer.requests++;
      res.setHeader('content-type', 'application/json');
      if (req.url === '/common/v2.0/.well-known/openid-configuration') {
        res.end(JSON.stringify({ issuer: 'https://login.microsoftonline.com/{tenantid}/v2.0', jwks_uri: `${base}/common/discovery/v2.0/keys`, id_token_signing_alg_values_supported: ['RS256'] }));
      } else if (req.url === '/common/discovery/v2.0/keys') {
        res.end(JSON.stringify({ keys: [shared.jwk, otherTenant.jwk] }));
      } else {
        res.statusCode = 404;
        res.end('{}');
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    issuer = new EntraIssuer(server, `${base}/common/v2.0/.well-known/openid-configuration`, shared, otherTenant, unpublished);
    return issuer;
  }

  stop(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  async token(claims: EntraClaims): Promise<string> {
    const signer = claims.key === 'otherTenant' ? this.otherTenant : claims.key === 'unpublished' ? this.unpublished : this.shared;
    const now = Math.floor(Date.now() / 1000);
    return new SignJWT({
      tid: claims.tid,
      oid: claims.oid ?? '00000000-0000-4000-8000-000000000004',
      name: claims.name ?? 'Kari Nilsen',
      preferred_username: claims.preferredUsername ?? 'kari.nilsen@demo.tavla.example',
      scp: claims.scp ?? 'access_as_user',
      ver: (claims.iss ?? '').includes('sts.windows.net') ? '1.0' : '2.0',
    })
      .setProtectedHeader({ alg: 'RS256', kid: signer.kid, typ: 'JWT' })
      .setIssuer(claims.iss ?? `https://login.microsoftonline.com/${claims.tid}/v2.0`)
      .setAudience(claims.aud)
      .setIssuedAt(now - 60)
      .setNotBefore(now - 60)
      .setExpirationTime(now + (claims.expiresIn ?? 3600))
      .sign(signer.privateKey);
  }
}
