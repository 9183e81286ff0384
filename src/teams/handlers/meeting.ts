import { TurnContext } from 'botbuilder';
import { meetingLogCard, meetingPromptCard } from '../../cards/meetingCards';
import { AdaptiveCardJson } from '../../cards/renderer';
import { DomainError, ValidationError } from '../../domain/errors';
import { shortId } from '../../domain/ideas';
import { Locale } from '../../domain/locale';
import { Unit } from '../../domain/organisation';
import { t } from '../../i18n';
import { formatDate, formatTime } from '../../i18n/format';
import { StaleCardError } from '../../services/ideas/ideaErrors';
import { DecisionResult } from '../../services/rhythm/meetings';
import { AppDeps } from '../deps';
import { logRefusal, refusalNotice } from '../refusals';
import { errorText } from '../errorText';
import { CardData } from '../commands/cardData';
import { cardErrors, problemsText } from '../commands/cardForm';
import { MEETING_FORM, MEETING_INPUTS, QUICK_DECISION_FORM, meetingLogOf } from '../commands/meetingCommands';
import { MeetingRef, meetingRefOf } from '../commands/refs';
import { answerInteractor } from '../invokeAnswer';
import { replaceCardForEveryone } from '../replies';
import { actor, turnInfo } from '../turn';

/** Why a quick decision was refused, in the words of the idea card. */
function refusalReason(locale: Locale, error: unknown): string {
  if (error instanceof StaleCardError) return t(locale, 'meeting.ideaChanged', { name: error.current.lastChange.by.name });
  if (error instanceof ValidationError) return problemsText(locale, error, QUICK_DECISION_FORM);
  if (error instanceof DomainError && error.code === 'forbidden') return t(locale, 'meeting.decisionForbidden');
  return errorText(locale, error);
}

function refusedLines(locale: Locale, unit: Unit, results: readonly DecisionResult[]): string[] {
  return results.filter((r) => r.error).map((r) => t(locale, 'meeting.refusedLine', { id: shortId(unit.code, r.asked.ideaNumber), reason: refusalReason(locale, r.error) }));
}

/** A refusal; a meeting not yet come says from when it can be logged, one long past that it cannot be any more. */
function refusalCard(locale: Locale, error: unknown, date: string | undefined): AdaptiveCardJson {
  const dateIssue = error instanceof ValidationError ? error.issues.find((i) => i.field === 'date') : undefined;
  const text =
    dateIssue?.problem === 'outOfRange' && date
      ? t(locale, 'meeting.futureDate', { date: formatDate(locale, date) })
      : dateIssue?.problem === 'pastDate'
        ? t(locale, 'meeting.tooOld', { years: Number(dateIssue.params?.years ?? 1) })
        : errorText(locale, error, t(locale, 'meeting.forbidden'));
  return refusalNotice(locale, text);
}

/** Runs a meeting verb; a refusal (or card data about no meeting of ours) answers with a short notice. */
function meetingVerb(deps: AppDeps, verb: string, answer: (context: TurnContext, meeting: MeetingRef, data: CardData) => Promise<AdaptiveCardJson>) {
  return async (context: TurnContext, _state: unknown, raw: unknown): Promise<AdaptiveCardJson> => {
    const { locale } = turnInfo(context);
    const data = CardData.of(raw);
    let meeting: MeetingRef | undefined;
    try {
      meeting = meetingRefOf(data);
      return answerInteractor(context, await answer(context, meeting, data));
    } catch (error) {
      logRefusal(deps.logger, verb, error);
      return answerInteractor(context, refusalCard(locale, error, meeting?.date));
    }
  };
}

/** meeting.logForm {unitId, date}: the log form, for the person who pressed only. */
export const meetingLogForm = (deps: AppDeps) =>
  meetingVerb(deps, 'meeting.logForm', async (context, { unitId, date }) => {
    const { locale, person } = actor(context);
    return meetingLogCard(locale, await deps.services.meetings.form(person, unitId, date));
  });

/** meeting.show {unitId, date}: back from the form to the agenda, for the person who pressed only. */
export const meetingShow = (deps: AppDeps) =>
  meetingVerb(deps, 'meeting.show', async (context, { unitId, date }) => {
    const { locale, person } = actor(context);
    return meetingPromptCard(locale, await deps.services.meetings.prompt(person, unitId, date));
  });

/**
 * meeting.log {unitId, date, version, inputs}: the log is stored, the quick decisions are made, and
 * the prompt in the channel says for everyone how the meeting went. A form with problems comes back
 * with the input kept; a log someone else wrote first is shown with who and when.
 */
export const meetingLog = (deps: AppDeps) =>
  meetingVerb(deps, 'meeting.log', async (context, { unitId, date, version }, data) => {
    const { locale, person, org } = actor(context);
    const language = org.settings.language;
    try {
      const outcome = await deps.services.meetings.log(
        { ...person, teamsId: context.activity.from.id },
        { unitId, date, version, form: meetingLogOf(data), decisionReason: t(language, 'meeting.decisionReason', { date: formatDate(language, date) }) },
      );
      const { view } = outcome;
      if (outcome.kind === 'saved') {
        // The prompt is the unit's shared card: everyone in the channel sees that it is logged.
        // The log is stored either way; a failed update must not tell the person it was not.
        await replaceCardForEveryone(context, meetingPromptCard(language, view)).catch((error: unknown) => {
          deps.logger.warn({ verb: 'meeting.log', unitId, date, err: error instanceof Error ? error.message : String(error) }, 'could not update the prompt for everyone');
        });
        const refused = refusedLines(locale, view.unit, outcome.results);
        const note = refused.length ? [t(locale, 'meeting.saved'), t(locale, 'meeting.refusedHeading'), ...refused].join('\n\n') : t(locale, 'meeting.saved');
        return meetingPromptCard(locale, view, { note, noteColor: refused.length ? 'Warning' : 'Good' });
      }
      const who = t(locale, 'meeting.changedBy', { name: outcome.current.loggedBy.name, time: formatTime(locale, outcome.current.loggedAt, view.settings.timeZone) });
      const made = outcome.results.some((r) => r.applied) ? ` ${t(locale, 'meeting.staleDecisions')}` : '';
      return meetingPromptCard(locale, view, { note: `${who}${made}`, noteColor: 'Attention' });
    } catch (error) {
      if (!(error instanceof ValidationError) || error.issues.some((i) => i.field === 'date')) throw error;
      const view = await deps.services.meetings.form(person, unitId, date);
      return meetingLogCard(locale, view, { note: t(locale, 'error.invalid'), noteColor: 'Attention', errors: cardErrors(locale, error, MEETING_FORM), values: data.typed(MEETING_INPUTS), version });
    }
  });
