import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { GUID_PATTERN } from '../../domain/ids';
import { LOCALES, Locale } from '../../domain/locale';
import { Clock } from '../../ports/clock';
import { LEDGER_EXPORT_PERIODS, LedgerExportPeriod } from '../../services/benefits/ledgerExport';

/** What a ledger download link grants: this person, this ledger, this period, until then. */
export interface ExportLinkClaims {
  /** The person's Entra object id: access is checked again for them at download. */
  readonly personId: string;
  /** The ledger: "unit:<id>", "area:<id>" or "organisation". */
  readonly scope: string;
  readonly period: LedgerExportPeriod;
  /** The language of the file's headers and its number format. */
  readonly locale: Locale;
  /** Milliseconds since the epoch. */
  readonly expiresAt: number;
}

export type ExportLinkCheck = { readonly ok: true; readonly claims: ExportLinkClaims } | { readonly ok: false; readonly reason: 'invalid' | 'expired' };

const VERSION = 'l1';
/** Longer than any token we sign; anything longer is refused unread. */
export const EXPORT_TOKEN_MAX = 1024;
const BASE64URL = /^[A-Za-z0-9_-]+$/;

const payloadSchema = z.object({
  p: z.string().regex(GUID_PATTERN),
  s: z.string().min(1).max(200),
  t: z.enum(LEDGER_EXPORT_PERIODS),
  l: z.enum(LOCALES),
  e: z.number().int().positive(),
});

/**
 * Signed, short-lived download links for ledger CSV files: `<base>/exports/ledger/<token>`, the
 * token being the claims as base64url JSON and an HMAC-SHA256 of them under a configured key. A
 * changed character breaks the signature; an old link is refused by its expiry. The link only
 * names what was asked for: the server checks at download that the person may still see it.
 * (Kept apart from any other download route so the two can become one signer later.)
 */
export class ExportLinks {
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

  /** A link valid for `minutes` from now; undefined when downloads are off. */
  link(claims: Omit<ExportLinkClaims, 'expiresAt'>): string | undefined {
    const base = this.baseUrl();
    if (!base) return undefined;
    return `${base}/exports/ledger/${this.token({ ...claims, expiresAt: this.clock.now().getTime() + this.minutes * 60_000 })}`;
  }

  token(claims: ExportLinkClaims): string {
    const payload = Buffer.from(JSON.stringify({ p: claims.personId, s: claims.scope, t: claims.period, l: claims.locale, e: claims.expiresAt }), 'utf8').toString('base64url');
    return `${VERSION}.${payload}.${this.sign(payload)}`;
  }

  check(token: string): ExportLinkCheck {
    const parts = token.length <= EXPORT_TOKEN_MAX ? token.split('.') : [];
    if (parts.length !== 3 || parts[0] !== VERSION || !BASE64URL.test(parts[1]) || !BASE64URL.test(parts[2])) return { ok: false, reason: 'invalid' };
    const [, payload, signature] = parts;
    // Compared as written, not as decoded: base64url ignores the low bits of its last character,
    // so two spellings decode alike, and only the one we signed is ours.
    const expected = Buffer.from(this.sign(payload), 'utf8');
    const given = Buffer.from(signature, 'utf8');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: 'invalid' };
    let parsed: z.infer<typeof payloadSchema>;
    try {
      const result = payloadSchema.safeParse(JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')));
      if (!result.success) return { ok: false, reason: 'invalid' };
      parsed = result.data;
    } catch {
      return { ok: false, reason: 'invalid' };
    }
    if (parsed.e <= this.clock.now().getTime()) return { ok: false, reason: 'expired' };
    return { ok: true, claims: { personId: parsed.p, scope: parsed.s, period: parsed.t, locale: parsed.l, expiresAt: parsed.e } };
  }

  private sign(payload: string): string {
    return createHmac('sha256', this.key).update(`${VERSION}.${payload}`).digest('base64url');
  }
}
