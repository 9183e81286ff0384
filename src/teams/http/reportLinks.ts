import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { GUID_PATTERN } from '../../domain/ids';
import { LOCALES, Locale } from '../../domain/locale';
import { Clock } from '../../ports/clock';

export const REPORT_FORMATS = ['xlsx', 'csv'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** What a download link grants: this person, this report, this format, until then. */
export interface ReportLinkClaims {
  /** The person's Entra object id: access is checked again for them at download. */
  readonly personId: string;
  /** The scope as a token ("unit:<id>", "area:<id>", "organisation"). */
  readonly scope: string;
  /** The period as a token ("2026Q3", ...). */
  readonly period: string;
  readonly format: ReportFormat;
  /** The language of the file's headers. */
  readonly locale: Locale;
  /** Milliseconds since the epoch. */
  readonly expiresAt: number;
}

export type LinkCheck = { readonly ok: true; readonly claims: ReportLinkClaims } | { readonly ok: false; readonly reason: 'invalid' | 'expired' };

const VERSION = 'r1';
/** Longer than any token we sign; anything longer is refused unread. */
export const REPORT_TOKEN_MAX = 1024;
const BASE64URL = /^[A-Za-z0-9_-]+$/;

/** The payload as written: short keys keep the link short. */
const payloadSchema = z.object({
  p: z.string().regex(GUID_PATTERN),
  s: z.string().min(1).max(200),
  t: z.string().min(1).max(40),
  f: z.enum(REPORT_FORMATS),
  l: z.enum(LOCALES),
  e: z.number().int().positive(),
});

/**
 * Signed, short-lived download links: `<base>/reports/<token>`, where the token is the claims as
 * base64url JSON and an HMAC-SHA256 of them under a key from configuration. A changed character
 * anywhere breaks the signature; an old link is refused by its expiry. The link only says what was
 * asked for: the server checks at download that the person may still see the scope.
 */
export class ReportLinks {
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
  link(claims: Omit<ReportLinkClaims, 'expiresAt'>): string | undefined {
    const base = this.baseUrl();
    if (!base) return undefined;
    return `${base}/reports/${this.token({ ...claims, expiresAt: this.clock.now().getTime() + this.minutes * 60_000 })}`;
  }

  token(claims: ReportLinkClaims): string {
    const payload = Buffer.from(
      JSON.stringify({ p: claims.personId, s: claims.scope, t: claims.period, f: claims.format, l: claims.locale, e: claims.expiresAt }),
      'utf8',
    ).toString('base64url');
    return `${VERSION}.${payload}.${this.sign(payload)}`;
  }

  check(token: string): LinkCheck {
    const parts = token.length <= REPORT_TOKEN_MAX ? token.split('.') : [];
    if (parts.length !== 3 || parts[0] !== VERSION || !BASE64URL.test(parts[1]) || !BASE64URL.test(parts[2])) return { ok: false, reason: 'invalid' };
    const [, payload, signature] = parts;
    const expected = Buffer.from(this.sign(payload), 'base64url');
    const given = Buffer.from(signature, 'base64url');
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
    return { ok: true, claims: { personId: parsed.p, scope: parsed.s, period: parsed.t, format: parsed.f, locale: parsed.l, expiresAt: parsed.e } };
  }

  private sign(payload: string): string {
    return createHmac('sha256', this.key).update(`${VERSION}.${payload}`).digest('base64url');
  }
}
