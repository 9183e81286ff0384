import { Activity, ActivityTypes, TurnContext } from 'botbuilder';
import * as restify from 'restify';
import { localeFromTag } from '../../domain/locale';
import { t } from '../../i18n';
import { Logger } from '../../ports/logger';
import { TurnBudget, withinTurnBudget } from '../../ports/turnBudget';
import { TavlaAdapter, serviceUrlClaim } from '../adapter';
import { tenantAllowed } from '../activityInfo';
import { checkActivityShape, claimedTenant } from './activityShape';
import { BodyLimits, readJsonBody, refuseByHeaders } from './requestBody';

export interface ActivityEndpointOptions {
  readonly adapter: TavlaAdapter;
  /** The turn: the Application plus its fallbacks (see turnLogic in app.ts). */
  readonly logic: (context: TurnContext) => Promise<void>;
  readonly allowedTenantIds: readonly string[];
  readonly logger: Logger;
  /** Production requires a token whose serviceurl claim names the activity's serviceUrl. */
  readonly mode: 'local' | 'production';
}

/** Teams activities are small; a card submission with long texts stays far below this. */
export const BODY_LIMITS: BodyLimits = { maxBytes: 512 * 1024, timeoutMs: 10_000 };
/** The Bot Framework waits 15 s for an answer; the turn's I/O must end before that. */
export const TURN_BUDGET_MS = 12_000;
const AUTHENTICATION_TIMEOUT_MS = 5_000;
const MAX_AUTHORIZATION_HEADER = 8 * 1024;

type Refusal = { readonly status: number; readonly error: string; readonly bodyUnread?: boolean };

/** Refusals carry a short JSON body and nothing about the inside. */
function refuse(res: restify.Response, refusal: Refusal): void {
  // The rest of an unread body is not worth keeping the connection for.
  if (refusal.bodyUnread) res.header('Connection', 'close');
  res.send(refusal.status, { error: refusal.error });
}

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

const isLoopbackUrl = (value: string): boolean => {
  const host = new URL(value).hostname;
  return host === 'localhost' || host === '[::1]' || /^127\.\d+\.\d+\.\d+$/.test(host);
};

/**
 * POST /api/messages, in the order that tells an anonymous caller nothing and costs it the least:
 * size and encoding (headers) -> authentication (headers) -> body (bounded) -> activity shape ->
 * the token's serviceurl claim -> tenant allow-list -> the turn, within its time budget.
 * Every refusal is a 4xx; nothing a caller sends produces a 5xx or reaches the process's exit.
 */
export function activityEndpoint(options: ActivityEndpointOptions) {
  const { adapter, logger } = options;
  return async (req: restify.Request, res: restify.Response): Promise<void> => {
    const startedAt = Date.now();
    try {
      const byHeaders = refuseByHeaders(req, BODY_LIMITS);
      if (byHeaders) return refuse(res, { ...byHeaders, bodyUnread: true });

      const authorization = req.headers.authorization ?? '';
      if (authorization.length > MAX_AUTHORIZATION_HEADER) return refuse(res, { status: 401, error: 'Unauthorized', bodyUnread: true });
      let authenticated: Awaited<ReturnType<TavlaAdapter['authenticate']>>;
      try {
        authenticated = await withTimeout(adapter.authenticate(authorization), AUTHENTICATION_TIMEOUT_MS);
      } catch (error) {
        // botbuilder throws a mix of AuthenticationErrors and plain errors (alg none, HS256, bad
        // signatures, unreachable metadata); all of them mean the same to the caller.
        logger.info({ status: 401, why: error instanceof Error ? error.message : 'authentication failed' }, 'request refused');
        return refuse(res, { status: 401, error: 'Unauthorized', bodyUnread: true });
      }

      const body = await readJsonBody(req, BODY_LIMITS);
      if (!body.ok) return refuse(res, { status: body.status, error: body.error, bodyUnread: true });
      const activity = checkActivityShape(body.value);
      if (!activity) return refuse(res, { status: 400, error: 'Body must be a Bot Framework activity' });

      if (options.mode === 'production') {
        // Replies go to the activity's serviceUrl: only where the Bot Framework said it came from.
        if (serviceUrlClaim(authenticated) !== activity.serviceUrl) return refuse(res, { status: 401, error: 'Unauthorized' });
      } else if (!isLoopbackUrl(activity.serviceUrl)) {
        return refuse(res, { status: 400, error: 'Local mode answers only to a serviceUrl on loopback' });
      }

      const tenant = claimedTenant(activity);
      if (!tenantAllowed(options.allowedTenantIds, tenant)) {
        logger.warn({ status: 403, tenant }, 'activity from a tenant not on the allow-list');
        return refuse(res, { status: 403, error: 'Tenant not allowed' });
      }

      await answerTurn(options, res, authenticated, activity as unknown as Activity, { deadline: startedAt + TURN_BUDGET_MS });
    } catch (error) {
      logger.error({ err: error instanceof Error ? error.message : String(error) }, 'request failed at the edge');
      if (!res.headersSent) refuse(res, { status: 400, error: 'Request could not be handled' });
    }
  };
}

async function answerTurn(options: ActivityEndpointOptions, res: restify.Response, authenticated: Parameters<TavlaAdapter['runTurn']>[0], activity: Activity, budget: TurnBudget): Promise<void> {
  const { logger } = options;
  try {
    const answer = await withinTurnBudget(budget, () => options.adapter.runTurn(authenticated, activity, options.logic));
    const status = answer?.status ?? 200;
    if (status >= 500) {
      // Only a fault of ours gets here (turnLogic answers every invoke); the caller still gets no 5xx.
      logger.error({ type: activity.type, name: activity.name, status }, 'turn produced a server error; answered 200');
      res.send(200);
    } else if (answer?.body !== undefined) {
      res.send(status, answer.body);
    } else {
      res.send(status);
    }
  } catch (error) {
    logger.error({ type: activity.type, name: activity.name, err: error instanceof Error ? error.message : String(error) }, 'turn failed before the bot could answer');
    const locale = localeFromTag(activity.locale, 'en');
    if (activity.type === ActivityTypes.Invoke) res.send(200, { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: t(locale, 'error.unexpected') });
    else res.send(200);
  } finally {
    if (budget.replyFailure) logger.warn({ type: activity.type, name: activity.name, conversation: activity.conversation?.id, err: budget.replyFailure }, 'reply could not be delivered');
  }
}
