import { z } from 'zod';
import { GUID_PATTERN } from '../../domain/ids';
import { LOCALES, Locale } from '../../domain/locale';
import { LinkKind, LinkSigner, SIGNED_TOKEN_MAX, SignedLinkCheck } from './signedLinks';

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

export type LinkCheck = SignedLinkCheck<Omit<ReportLinkClaims, 'expiresAt'>>;

/** Longer than any token we sign; anything longer is refused unread. */
export const REPORT_TOKEN_MAX = SIGNED_TOKEN_MAX;

/** Report files: `<base>/reports/<token>`, the payload in short keys to keep the link short. */
const REPORT_LINK: LinkKind<Omit<ReportLinkClaims, 'expiresAt'>> = {
  version: 'r1',
  path: '/reports',
  toPayload: (claims) => ({ p: claims.personId, s: claims.scope, t: claims.period, f: claims.format, l: claims.locale, e: claims.expiresAt }),
  payload: z
    .object({
      p: z.string().regex(GUID_PATTERN),
      s: z.string().min(1).max(200),
      t: z.string().min(1).max(40),
      f: z.enum(REPORT_FORMATS),
      l: z.enum(LOCALES),
      e: z.number().int().positive(),
    })
    .transform((p) => ({ personId: p.p, scope: p.s, period: p.t, format: p.f, locale: p.l, expiresAt: p.e })),
};

/** Download links for report files, signed by the bot's one link signer. */
export class ReportLinks {
  constructor(private readonly signer: LinkSigner) {}

  get minutes(): number {
    return this.signer.minutes;
  }

  /** A link for the claims, valid for the signer's minutes from now; undefined when downloads are off. */
  link(claims: Omit<ReportLinkClaims, 'expiresAt'>): string | undefined {
    return this.signer.link(REPORT_LINK, claims);
  }

  token(claims: ReportLinkClaims): string {
    return this.signer.token(REPORT_LINK, claims);
  }

  check(token: string): LinkCheck {
    return this.signer.check(REPORT_LINK, token);
  }
}
