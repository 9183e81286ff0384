import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { Clock } from '../../ports/clock';

/** Longer than any token we sign; anything longer is refused unread. */
export const SIGNED_TOKEN_MAX = 1024;
const BASE64URL = /^[A-Za-z0-9_-]+$/;

/**
 * What one kind of download link says, and where it leads: its version tag (part of what is
 * signed, so a token of one kind is never read as another), its route, and how its claims are
 * written into and read back from the short JSON payload.
 */
export interface LinkKind<Claims> {
  readonly version: string;
  /** The route before the token, e.g. "/reports". */
  readonly path: string;
  toPayload(claims: Claims & { readonly expiresAt: number }): Record<string, unknown>;
  /** Reads the payload back; the schema refuses anything we did not write. */
  readonly payload: z.ZodType<Claims & { readonly expiresAt: number }, z.ZodTypeDef, unknown>;
}

export type SignedLinkCheck<Claims> = { readonly ok: true; readonly claims: Claims & { readonly expiresAt: number } } | { readonly ok: false; readonly reason: 'invalid' | 'expired' };

/**
 * Signed, short-lived download links, one signer for every kind (report files, ledger CSV):
 * `<base><path>/<version>.<payload>.<signature>`, the payload being the claims as base64url JSON
 * and the signature an HMAC-SHA256 of version and payload under one configured key. A changed
 * character anywhere breaks the signature; an old link is refused by its expiry. A link only
 * says what was asked for: the download route checks that the person may still see it.
 */
export class LinkSigner {
  private readonly key: Buffer;

  constructor(
    secret: string,
    /** Where browsers reach the bot; undefined turns downloads off. Read per link: local mode learns its port at start. */
    private readonly baseUrl: () => string | undefined,
    private readonly clock: Clock,
    readonly minutes = 15,
  ) {
    this.key = Buffer.from(secret, 'utf8');
  }

  /** A link for the claims, valid for `minutes` from now; undefined when downloads are off. */
  link<C>(kind: LinkKind<C>, claims: C): string | undefined {
    const base = this.baseUrl();
    if (!base) return undefined;
    return `${base}${kind.path}/${this.token(kind, { ...claims, expiresAt: this.clock.now().getTime() + this.minutes * 60_000 })}`;
  }

  token<C>(kind: LinkKind<C>, claims: C & { readonly expiresAt: number }): string {
    const payload = Buffer.from(JSON.stringify(kind.toPayload(claims)), 'utf8').toString('base64url');
    return `${kind.version}.${payload}.${this.sign(kind.version, payload)}`;
  }

  check<C>(kind: LinkKind<C>, token: string): SignedLinkCheck<C> {
    const parts = token.length <= SIGNED_TOKEN_MAX ? token.split('.') : [];
    if (parts.length !== 3 || parts[0] !== kind.version || !BASE64URL.test(parts[1]!) || !BASE64URL.test(parts[2]!)) return { ok: false, reason: 'invalid' };
    const [, payload, signature] = parts as [string, string, string];
    // Compared as written, not as decoded: base64url ignores the low bits of its last character,
    // so two spellings decode alike, and only the one we signed is ours.
    const expected = Buffer.from(this.sign(kind.version, payload), 'utf8');
    const given = Buffer.from(signature, 'utf8');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: 'invalid' };
    let claims: C & { readonly expiresAt: number };
    try {
      const result = kind.payload.safeParse(JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')));
      if (!result.success) return { ok: false, reason: 'invalid' };
      claims = result.data;
    } catch {
      return { ok: false, reason: 'invalid' };
    }
    if (claims.expiresAt <= this.clock.now().getTime()) return { ok: false, reason: 'expired' };
    return { ok: true, claims };
  }

  private sign(version: string, payload: string): string {
    return createHmac('sha256', this.key).update(`${version}.${payload}`).digest('base64url');
  }
}
