import { JWK, KeyLike, importJWK } from 'jose';
import { z } from 'zod';

/**
 * Entra's signing keys, found through an OpenID metadata document's jwks_uri and kept for a day
 * (Microsoft rotates them and advises checking about every 24 hours). A token signed with a key
 * not seen yet makes the set be read again, at most once per cooldown, so a stream of forged key
 * ids cannot turn into a stream of requests to Microsoft.
 */

export interface SigningKey {
  readonly kid: string;
  readonly key: KeyLike | Uint8Array;
  /**
   * The issuer the key may sign for, when the key set says: a template with "{tenantid}" for a
   * key shared by every tenant, or one tenant's issuer for a key of its own.
   */
  readonly issuer?: string;
}

export interface SigningKeyOptions {
  readonly maxAgeMs: number;
  readonly refreshCooldownMs: number;
  readonly timeoutMs: number;
}

export const DEFAULT_KEY_OPTIONS: SigningKeyOptions = { maxAgeMs: 24 * 3600_000, refreshCooldownMs: 5 * 60_000, timeoutMs: 5_000 };

const metadataSchema = z.object({ jwks_uri: z.string().url() }).passthrough();
const keySetSchema = z.object({
  keys: z.array(z.object({ kid: z.string().min(1).max(256), kty: z.string(), use: z.string().optional(), issuer: z.string().max(512).optional() }).passthrough()).max(200),
});

const isLoopback = (host: string) => host === 'localhost' || host === '[::1]' || /^127\.\d+\.\d+\.\d+$/.test(host);

/** Keys come over https; plain http only from a test issuer on loopback. */
function checkedUrl(value: string): URL {
  const url = new URL(value);
  if (url.protocol === 'https:' || (url.protocol === 'http:' && isLoopback(url.hostname))) return url;
  throw new Error('key set URL must use https');
}

async function getJson(url: URL, timeoutMs: number): Promise<unknown> {
  const res = await fetch(url, { signal: AbortSignal.timeout(timeoutMs), redirect: 'error', headers: { accept: 'application/json' } });
  if (!res.ok) throw new Error(`${url.host} answered ${res.status}`);
  return res.json() as Promise<unknown>;
}

/** The key set could not be read and no usable key is known: an outage, not the caller's fault. */
export class SigningKeysUnavailable extends Error {
  constructor(cause: unknown) {
    super(`signing keys unavailable: ${cause instanceof Error ? cause.message : String(cause)}`);
    this.name = 'SigningKeysUnavailable';
  }
}

export class OpenIdSigningKeys {
  private keys = new Map<string, SigningKey>();
  private readAt = Number.NEGATIVE_INFINITY;
  private triedAt = Number.NEGATIVE_INFINITY;
  private loading?: Promise<void>;

  constructor(
    private readonly metadataUrl: string,
    private readonly options: SigningKeyOptions = DEFAULT_KEY_OPTIONS,
    private readonly now: () => number = Date.now,
  ) {}

  /**
   * The key with this id. The set is read again when it is a day old or the id is new, but not
   * more often than the cooldown allows; when reading fails, the keys already known still serve.
   */
  async key(kid: string): Promise<SigningKey | undefined> {
    const now = this.now();
    const wanted = now - this.readAt > this.options.maxAgeMs || !this.keys.has(kid);
    if (wanted && (this.loading || now - this.triedAt >= this.options.refreshCooldownMs)) {
      try {
        await this.refresh();
      } catch (error) {
        if (!this.keys.has(kid)) throw new SigningKeysUnavailable(error);
      }
    }
    return this.keys.get(kid);
  }

  private refresh(): Promise<void> {
    // Concurrent requests share one read.
    this.triedAt = this.now();
    this.loading ??= this.read().finally(() => {
      this.loading = undefined;
    });
    return this.loading;
  }

  private async read(): Promise<void> {
    const metadata = metadataSchema.parse(await getJson(checkedUrl(this.metadataUrl), this.options.timeoutMs));
    const set = keySetSchema.parse(await getJson(checkedUrl(metadata.jwks_uri), this.options.timeoutMs));
    const keys = new Map<string, SigningKey>();
    for (const jwk of set.keys) {
      if (jwk.kty !== 'RSA' || (jwk.use !== undefined && jwk.use !== 'sig')) continue;
      const { issuer, ...publicJwk } = jwk;
      keys.set(jwk.kid, { kid: jwk.kid, key: await importJWK(publicJwk as JWK, 'RS256'), ...(issuer ? { issuer } : {}) });
    }
    this.keys = keys;
    this.readAt = this.now();
  }
}
