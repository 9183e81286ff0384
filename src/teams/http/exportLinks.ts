import { z } from 'zod';
import { GUID_PATTERN } from '../../domain/ids';
import { LOCALES, Locale } from '../../domain/locale';
import { LinkKind, LinkSigner, SIGNED_TOKEN_MAX, SignedLinkCheck } from './signedLinks';
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

export type ExportLinkCheck = SignedLinkCheck<Omit<ExportLinkClaims, 'expiresAt'>>;

/** Longer than any token we sign; anything longer is refused unread. */
export const EXPORT_TOKEN_MAX = SIGNED_TOKEN_MAX;

/** Ledger CSV files: `<base>/exports/ledger/<token>`. */
const LEDGER_LINK: LinkKind<Omit<ExportLinkClaims, 'expiresAt'>> = {
  version: 'l1',
  path: '/exports/ledger',
  toPayload: (claims) => ({ p: claims.personId, s: claims.scope, t: claims.period, l: claims.locale, e: claims.expiresAt }),
  payload: z
    .object({
      p: z.string().regex(GUID_PATTERN),
      s: z.string().min(1).max(200),
      t: z.enum(LEDGER_EXPORT_PERIODS),
      l: z.enum(LOCALES),
      e: z.number().int().positive(),
    })
    .transform((p) => ({ personId: p.p, scope: p.s, period: p.t, locale: p.l, expiresAt: p.e })),
};

/** Download links for the ledger's CSV, signed by the bot's one link signer. */
export class ExportLinks {
  constructor(private readonly signer: LinkSigner) {}

  get minutes(): number {
    return this.signer.minutes;
  }

  /** A link valid for the signer's minutes from now; undefined when downloads are off. */
  link(claims: Omit<ExportLinkClaims, 'expiresAt'>): string | undefined {
    return this.signer.link(LEDGER_LINK, claims);
  }

  token(claims: ExportLinkClaims): string {
    return this.signer.token(LEDGER_LINK, claims);
  }

  check(token: string): ExportLinkCheck {
    return this.signer.check(LEDGER_LINK, token);
  }
}
