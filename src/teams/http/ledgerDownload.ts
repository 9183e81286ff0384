import * as restify from 'restify';
import { DomainError } from '../../domain/errors';
import { isSlug } from '../../domain/ids';
import { ledgerCsv, ledgerCsvName } from '../../exports/ledgerCsv';
import { Logger } from '../../ports/logger';
import { LedgerScope } from '../../services/benefits/benefitLedger';
import { LedgerExport } from '../../services/benefits/ledgerExport';
import { ExportLinks } from './exportLinks';

export interface LedgerDownloadOptions {
  readonly links: ExportLinks;
  readonly exports: LedgerExport;
  readonly logger: Logger;
}

/** "unit:<id>", "area:<id>", "organisation": the ledger a link names. */
export function scopeToken(scope: LedgerScope): string {
  return scope.kind === 'organisation' ? 'organisation' : scope.kind === 'unit' ? `unit:${scope.unitId}` : `area:${scope.areaId}`;
}

export function parseScopeToken(token: string): LedgerScope | undefined {
  if (token === 'organisation') return { kind: 'organisation' };
  const [kind, id] = token.split(':');
  if (!id || !isSlug(id)) return undefined;
  return kind === 'unit' ? { kind: 'unit', unitId: id } : kind === 'area' ? { kind: 'area', areaId: id } : undefined;
}

/** Refusals carry a short JSON body and nothing about the inside, like the activity endpoint's. */
function refuse(res: restify.Response, status: number, error: string): void {
  res.setHeader('Cache-Control', 'no-store');
  res.send(status, { error });
}

/**
 * GET /exports/ledger/<token>: the ledger CSV a signed link names, built now from storage. 403 when
 * the link was tampered with (or is not one of ours), 410 when it expired, 403 when the person it
 * names may no longer see the ledger (checked again from stored roles). Logs never carry the token.
 */
export function ledgerDownload(options: LedgerDownloadOptions) {
  return async (req: restify.Request, res: restify.Response): Promise<void> => {
    const raw = (req.params as Record<string, unknown> | undefined)?.token;
    const checked = options.links.check(typeof raw === 'string' ? raw : '');
    if (!checked.ok) {
      options.logger.info({ what: 'ledger download', reason: checked.reason }, 'ledger link refused');
      return checked.reason === 'expired' ? refuse(res, 410, 'This link has expired. Ask Tavla for the file again.') : refuse(res, 403, 'This link is not valid.');
    }
    const { claims } = checked;
    const scope = parseScopeToken(claims.scope);
    if (!scope) return refuse(res, 403, 'This link is not valid.');
    const fields = { what: 'ledger download', scope: claims.scope, period: claims.period };
    try {
      const view = await options.exports.rows({ aadObjectId: claims.personId, name: '' }, scope, claims.period);
      const body = ledgerCsv(claims.locale, view);
      res.writeHead(200, {
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Length': body.length,
        'Content-Disposition': `attachment; filename="${ledgerCsvName(view)}"`,
        'Cache-Control': 'no-store',
        'X-Content-Type-Options': 'nosniff',
        'Referrer-Policy': 'no-referrer',
      });
      res.end(body);
      options.logger.info({ ...fields, bytes: body.length }, 'ledger downloaded');
    } catch (error) {
      if (error instanceof DomainError && error.code === 'forbidden') {
        options.logger.info({ ...fields, code: error.code }, 'ledger download refused');
        return refuse(res, 403, 'You may not see this ledger.');
      }
      if (error instanceof DomainError && error.code === 'notFound') return refuse(res, 404, 'This ledger no longer exists.');
      if (error instanceof DomainError && error.code === 'storageUnavailable') return refuse(res, 503, 'Tavla cannot reach its storage right now. Try again in a minute.');
      options.logger.error({ ...fields, err: error instanceof Error ? error.message : String(error) }, 'ledger download failed');
      return refuse(res, 500, 'Something went wrong. Try again.');
    }
  };
}
