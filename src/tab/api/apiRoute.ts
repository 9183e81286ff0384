import * as restify from 'restify';
import { Locale, localeFromTag } from '../../domain/locale';
import { BodyLimits, readJsonBody, refuseByHeaders } from '../../http/requestBody';
import { Logger } from '../../ports/logger';
import { OrganisationDirectory } from '../../services/organisationDirectory';
import { SigningKeysUnavailable } from '../auth/signingKeys';
import { TabAuthError, TabAuthenticator, TabPrincipal } from '../auth/principal';
import { RefusalDto } from '../contract';
import { refusalOf } from './refusals';

/** A tab request, authenticated, with its parts still to be parsed by the route. */
export interface ApiRequest {
  readonly principal: TabPrincipal;
  /** The user's language: the page says (Teams' or the address's), else the organisation's. */
  readonly locale: Locale;
  readonly params: Readonly<Record<string, string | undefined>>;
  readonly query: URLSearchParams;
  /** The JSON body of a POST; undefined for a GET. */
  readonly body: unknown;
}

export interface ApiAnswer {
  readonly status?: number;
  readonly body: unknown;
}

export interface ApiRouteDeps {
  readonly authenticate: TabAuthenticator;
  readonly directory: OrganisationDirectory;
  readonly logger: Logger;
}

/** A change or a comment is a few KB; a page never sends more. */
export const TAB_BODY_LIMITS: BodyLimits = { maxBytes: 32 * 1024, timeoutMs: 10_000 };
const AUTHENTICATION_TIMEOUT_MS = 5_000;

function sendJson(res: restify.Response, status: number, body: unknown, closeConnection = false): void {
  res.header('Cache-Control', 'no-store');
  res.header('X-Content-Type-Options', 'nosniff');
  if (closeConnection) res.header('Connection', 'close');
  res.send(status, body);
}

/** The first language the page asks for: the page sets Accept-Language to Teams' locale or its ?locale=. */
function askedLanguage(req: restify.Request): string | undefined {
  const header = req.headers['accept-language'];
  return typeof header === 'string' ? header.split(',')[0]?.split(';')[0]?.trim().slice(0, 35) : undefined;
}

async function authenticated(deps: ApiRouteDeps, req: restify.Request): Promise<TabPrincipal> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new SigningKeysUnavailable('no answer in time')), AUTHENTICATION_TIMEOUT_MS);
  });
  try {
    return await Promise.race([deps.authenticate(req.headers.authorization ?? ''), timeout]);
  } catch (error) {
    // Anything but a decision about the token itself is an outage in checking it.
    if (error instanceof TabAuthError || error instanceof SigningKeysUnavailable) throw error;
    throw new SigningKeysUnavailable(error);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * One route of the tab's API, in the order that tells an anonymous caller nothing and costs it
 * the least: the token (headers only) -> the body, bounded -> the route parses its parts into a
 * typed command and calls the services -> JSON. Every failure is a short JSON answer (refusals.ts).
 */
export function apiRoute(deps: ApiRouteDeps, name: string, handler: (request: ApiRequest) => Promise<ApiAnswer>, options: { readonly body?: boolean } = {}) {
  return async (req: restify.Request, res: restify.Response): Promise<void> => {
    let locale: Locale = localeFromTag(askedLanguage(req), 'en');
    let bodyUnread = options.body === true;
    try {
      const principal = await authenticated(deps, req);
      locale = localeFromTag(askedLanguage(req), (await deps.directory.snapshot()).settings.language);
      let body: unknown;
      if (options.body) {
        const byHeaders = refuseByHeaders(req, TAB_BODY_LIMITS);
        if (byHeaders) return sendJson(res, byHeaders.status, { error: 'badRequest', message: byHeaders.error } satisfies RefusalDto, true);
        const read = await readJsonBody(req, TAB_BODY_LIMITS);
        if (!read.ok) return sendJson(res, read.status, { error: 'badRequest', message: read.error } satisfies RefusalDto, true);
        bodyUnread = false;
        body = read.value;
      }
      const query = new URL(req.url ?? '/', 'http://tab').searchParams;
      const answer = await handler({ principal, locale, params: (req.params ?? {}) as Record<string, string | undefined>, query, body });
      sendJson(res, answer.status ?? 200, answer.body);
    } catch (error) {
      const refusal = refusalOf(locale, error);
      const fields = { route: name, status: refusal.status, code: refusal.body.error, unitId: req.params?.unitId, number: req.params?.number };
      if (refusal.fault) deps.logger.error({ ...fields, err: error instanceof Error ? error.message : String(error) }, 'tab request failed');
      else deps.logger.info({ ...fields, ...(error instanceof TabAuthError ? { why: error.why } : {}) }, 'tab request refused');
      if (!res.headersSent) sendJson(res, refusal.status, refusal.body, bodyUnread);
    }
  };
}
