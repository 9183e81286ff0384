import * as restify from 'restify';
import { DomainError } from '../../domain/errors';
import { parsePeriod } from '../../domain/reportPeriod';
import { parseScopeToken } from '../../domain/reportScope';
import { reportCsv } from '../../exports/reportCsv';
import { reportFileName } from '../../exports/reportNames';
import { reportWorkbook } from '../../exports/reportWorkbook';
import { Clock } from '../../ports/clock';
import { Logger } from '../../ports/logger';
import { ReportService } from '../../services/reports/reportService';
import { ReportLinks } from './reportLinks';

export interface ReportDownloadOptions {
  readonly links: ReportLinks;
  readonly reports: ReportService;
  readonly logger: Logger;
  readonly clock: Clock;
}

const CONTENT_TYPES = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
} as const;

/** Refusals carry a short JSON body and nothing about the inside, like the activity endpoint's. */
function refuse(res: restify.Response, status: number, error: string): void {
  res.setHeader('Cache-Control', 'no-store');
  res.send(status, { error });
}

/**
 * GET /reports/<token>: the report file a signed link names, built now from storage. Refused with
 * 403 when the link was tampered with (or is not one of ours), 410 when it expired, and 403 when
 * the person it names may no longer see the scope (access is checked again, from stored roles).
 * Logs carry the scope, period and format, never the token.
 */
export function reportDownload(options: ReportDownloadOptions) {
  return async (req: restify.Request, res: restify.Response): Promise<void> => {
    const raw = (req.params as Record<string, unknown> | undefined)?.token;
    const checked = options.links.check(typeof raw === 'string' ? raw : '');
    if (!checked.ok) {
      options.logger.info({ what: 'report download', reason: checked.reason }, 'report link refused');
      return checked.reason === 'expired' ? refuse(res, 410, 'This link has expired. Ask Tavla for the report again.') : refuse(res, 403, 'This link is not valid.');
    }
    const { claims } = checked;
    const scope = parseScopeToken(claims.scope);
    const period = parsePeriod(claims.period);
    if (!scope || !period) return refuse(res, 403, 'This link is not valid.');
    const fields = { what: 'report download', scope: claims.scope, period: claims.period, format: claims.format };
    try {
      const view = await options.reports.report({ aadObjectId: claims.personId, name: '' }, { scope, period });
      const body = claims.format === 'xlsx' ? await reportWorkbook(claims.locale, view, options.clock.now()) : reportCsv(claims.locale, view);
      res.writeHead(200, {
        'Content-Type': CONTENT_TYPES[claims.format],
        'Content-Length': body.length,
        'Content-Disposition': `attachment; filename="${reportFileName(view, claims.format)}"`,
        'Cache-Control': 'no-store',
        'X-Content-Type-Options': 'nosniff',
        'Referrer-Policy': 'no-referrer',
      });
      res.end(body);
      options.logger.info({ ...fields, bytes: body.length }, 'report downloaded');
    } catch (error) {
      if (error instanceof DomainError && error.code === 'forbidden') {
        options.logger.info({ ...fields, code: error.code }, 'report download refused');
        return refuse(res, 403, 'You may not see this report.');
      }
      if (error instanceof DomainError && error.code === 'notFound') return refuse(res, 404, 'This report no longer exists.');
      if (error instanceof DomainError && error.code === 'invalid') return refuse(res, 400, 'This period cannot be reported on.');
      if (error instanceof DomainError && error.code === 'storageUnavailable') return refuse(res, 503, 'Tavla cannot reach its storage right now. Try again in a minute.');
      options.logger.error({ ...fields, err: error instanceof Error ? error.message : String(error) }, 'report download failed');
      return refuse(res, 500, 'Something went wrong. Try again.');
    }
  };
}
