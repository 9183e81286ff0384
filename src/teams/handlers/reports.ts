import { TurnContext } from 'botbuilder';
import { CUSTOM_PERIOD, ReportDownloads, reportCard, reportFormCard } from '../../cards/reportCards';
import { AdaptiveCardJson } from '../../cards/renderer';
import { ValidationError } from '../../domain/errors';
import { Locale } from '../../domain/locale';
import { unitForChannel } from '../../domain/organisation';
import { parsePeriod } from '../../domain/reportPeriod';
import { scopeToken } from '../../domain/reportScope';
import { t } from '../../i18n';
import { ReportView } from '../../services/reports/reportService';
import { AppDeps } from '../deps';
import { errorText } from '../errorText';
import { CardData } from '../commands/cardData';
import { cardErrors } from '../commands/cardForm';
import { REPORT_FORM, REPORT_FORM_INPUTS, reportRequestOf } from '../commands/reportCommands';
import { answerInteractor } from '../invokeAnswer';
import { logRefusal, refusalNotice } from '../refusals';
import { sendCard } from '../replies';
import { actor, turnInfo } from '../turn';

/**
 * Reports in Teams: "rapport" / "report" opens a form for the period and scope; "Show report"
 * answers with the figures, charts and download links, to the person who pressed only (the links
 * are theirs). Who may see which scope is decided by the service from stored roles.
 */

const refusalText = (locale: Locale, error: unknown): string => errorText(locale, error, t(locale, 'report.forbidden'));

interface FormExtra {
  readonly values?: Partial<Record<(typeof REPORT_FORM_INPUTS)[number], string>>;
  readonly error?: string;
  readonly errors?: Readonly<Record<string, string>>;
}

/** The form for this person: the scopes they may report on, the channel's unit first when asked in one. */
async function formFor(context: TurnContext, deps: AppDeps, extra: FormExtra = {}): Promise<AdaptiveCardJson | undefined> {
  const { locale, person } = actor(context);
  const { today, org, scopes } = await deps.services.reports.choices(person);
  if (!scopes.length) return undefined;
  const channelUnit = unitForChannel(org, context.activity.conversation?.id ?? '');
  const inChannel = channelUnit && scopes.find((s) => s.scope.kind === 'unit' && s.scope.unitId === channelUnit.id);
  const values = { ...(inChannel ? { scope: scopeToken(inChannel.scope) } : {}), ...extra.values };
  // A custom period carried back on a button shows as "other dates" with its two dates.
  const custom = values.period ? parsePeriod(values.period) : undefined;
  const shown = custom?.kind === 'custom' ? { ...values, period: CUSTOM_PERIOD, from: custom.from, to: custom.to } : values;
  return reportFormCard(locale, { today, scopes, values: shown, ...(extra.error ? { error: extra.error } : {}), ...(extra.errors ? { errors: extra.errors } : {}) });
}

/** "rapport" / "report": the form, or a word on why there is nothing to report on. */
export async function showReportForm(context: TurnContext, deps: AppDeps): Promise<void> {
  const { locale } = actor(context);
  const card = await formFor(context, deps);
  if (card) await sendCard(context, card);
  else await context.sendActivity(t(locale, 'report.noScopes'));
}

/** report.form {period?, scope?}: the form again, for the person who pressed only. */
export function reportForm(deps: AppDeps) {
  return async (context: TurnContext, _state: unknown, raw: unknown): Promise<AdaptiveCardJson> => {
    const { locale } = turnInfo(context);
    try {
      const data = CardData.of(raw);
      const card = await formFor(context, deps, { values: data.typed(REPORT_FORM_INPUTS) });
      return answerInteractor(context, card ?? refusalNotice(locale, t(locale, 'report.noScopes')));
    } catch (error) {
      logRefusal(deps.logger, 'report.form', error);
      return answerInteractor(context, refusalNotice(locale, refusalText(locale, error)));
    }
  };
}

/** Download links signed for this person and this report, in their language. */
function downloadsFor(deps: AppDeps, personId: string, locale: Locale, view: ReportView): ReportDownloads {
  const links = deps.reportLinks;
  if (!links) return { minutes: 0 };
  const claims = { personId, scope: scopeToken(view.scope), period: view.period.token, locale };
  const xlsx = links.link({ ...claims, format: 'xlsx' });
  const csv = links.link({ ...claims, format: 'csv' });
  return { ...(xlsx ? { xlsx } : {}), ...(csv ? { csv } : {}), minutes: links.minutes };
}

/**
 * report.show {period, from?, to?, scope}: the report for the person who pressed only. A form with
 * problems comes back with what was chosen and each problem next to its input; a scope the person
 * may not see is refused in words.
 */
export function reportShow(deps: AppDeps) {
  return async (context: TurnContext, _state: unknown, raw: unknown): Promise<AdaptiveCardJson> => {
    const { locale } = turnInfo(context);
    const data = CardData.of(raw);
    try {
      const { person } = actor(context);
      try {
        const view = await deps.services.reports.report(person, reportRequestOf(data));
        return answerInteractor(context, reportCard(locale, view, downloadsFor(deps, person.aadObjectId, locale, view)));
      } catch (error) {
        if (!(error instanceof ValidationError)) throw error;
        logRefusal(deps.logger, 'report.show', error);
        const form = await formFor(context, deps, { values: data.typed(REPORT_FORM_INPUTS), error: t(locale, 'error.invalid'), errors: cardErrors(locale, error, REPORT_FORM) });
        return answerInteractor(context, form ?? refusalNotice(locale, t(locale, 'report.noScopes')));
      }
    } catch (error) {
      logRefusal(deps.logger, 'report.show', error);
      return answerInteractor(context, refusalNotice(locale, refusalText(locale, error)));
    }
  };
}
