import { TurnContext } from 'botbuilder';
import { meetingLogCard, meetingPromptCard } from '../../cards/meetingCards';
import { AdaptiveCardJson } from '../../cards/renderer';
import { DomainError, FieldIssue, ValidationError } from '../../domain/errors';
import { shortId } from '../../domain/ideas';
import { Locale } from '../../domain/locale';
import { MAX_DECISIONS, decisionFields } from '../../domain/meetings';
import { Unit } from '../../domain/organisation';
import { TextKey, t } from '../../i18n';
import { formatDate, formatTime } from '../../i18n/format';
import { StaleCardError } from '../../services/ideas/ideaErrors';
import { DecisionResult } from '../../services/rhythm/meetings';
import { AppDeps } from '../deps';
import { logRefusal, refusalNotice } from '../refusals';
import { errorText } from '../errorText';
import { answerInteractor } from '../invokeAnswer';
import { replaceCardForEveryone } from '../replies';
import { actor, turnInfo } from '../turn';

type Data = Readonly<Record<string, unknown>>;

const DECISION_INPUTS = Array.from({ length: MAX_DECISIONS }, (_, i) => Object.values(decisionFields(i + 1))).flat();
const INPUTS = ['held', 'reason', 'attendees', 'notes', ...DECISION_INPUTS];

/** Which meeting a card action is about. Card data comes back as strings; anything odd is "not found". */
function meetingRef(data: Data): { unitId: string; date: string; version: number } {
  const unitId = typeof data.unitId === 'string' ? data.unitId : '';
  const date = typeof data.date === 'string' ? data.date : '';
  const version = Number(data.version ?? 0);
  if (!unitId || !date) throw new DomainError('notFound');
  return { unitId, date, version: Number.isInteger(version) && version >= 0 ? version : 0 };
}

function typedValues(data: Data): Record<string, string> {
  return Object.fromEntries(INPUTS.flatMap((key) => (typeof data[key] === 'string' || typeof data[key] === 'number' ? [[key, String(data[key])]] : [])));
}

/** Labels of the log form's inputs, and of the idea inputs a quick decision goes through. */
function label(locale: Locale, field: string): string {
  const decision = /^decision(\d)(Idea|Status|Owner|Due)$/.exec(field);
  if (decision?.[2] === 'Idea') return t(locale, 'meeting.decisionLabel', { n: Number(decision[1]) });
  const keys: Readonly<Record<string, TextKey>> = {
    held: 'meeting.heldLabel',
    reason: 'meeting.reasonLabel',
    attendees: 'meeting.attendeesLabel',
    notes: 'meeting.notesLabel',
    Status: 'meeting.statusLabel',
    Owner: 'meeting.ownerLabel',
    Due: 'meeting.dueLabel',
    status: 'meeting.statusLabel',
    ownerId: 'meeting.ownerLabel',
    dueDate: 'meeting.dueLabel',
  };
  const key = keys[decision?.[2] ?? field];
  return key ? t(locale, key) : field;
}

const fieldText = (locale: Locale, issue: FieldIssue): string => t(locale, `field.${issue.problem}`, { field: label(locale, issue.field), ...issue.params });

function fieldMessages(locale: Locale, error: ValidationError): Record<string, string> {
  const messages: Record<string, string> = {};
  for (const issue of error.issues) messages[issue.field] ??= fieldText(locale, issue);
  return messages;
}

/** Why a quick decision was refused, in the words of the idea card. */
function refusalReason(locale: Locale, error: unknown): string {
  if (error instanceof StaleCardError) return t(locale, 'meeting.ideaChanged', { name: error.current.lastChange.by.name });
  if (error instanceof ValidationError) return error.issues.map((issue) => fieldText(locale, issue)).join(' ');
  if (error instanceof DomainError && error.code === 'forbidden') return t(locale, 'meeting.decisionForbidden');
  return errorText(locale, error);
}

function refusedLines(locale: Locale, unit: Unit, results: readonly DecisionResult[]): string[] {
  return results.filter((r) => r.error).map((r) => t(locale, 'meeting.refusedLine', { id: shortId(unit.code, r.asked.ideaNumber), reason: refusalReason(locale, r.error) }));
}

/** A refusal; a meeting not yet come (the date in `data`) says from when it can be logged. */
function refusalCard(locale: Locale, error: unknown, data: Data): AdaptiveCardJson {
  const future = error instanceof ValidationError && error.issues.some((i) => i.field === 'date') && typeof data.date === 'string';
  const text = future ? t(locale, 'meeting.futureDate', { date: formatDate(locale, String(data.date)) }) : errorText(locale, error, t(locale, 'meeting.forbidden'));
  return refusalNotice(locale, text);
}


/** meeting.logForm {unitId, date}: the log form, for the person who pressed only. */
export function meetingLogForm(deps: AppDeps) {
  return async (context: TurnContext, _state: unknown, data: Data): Promise<AdaptiveCardJson> => {
    const { locale } = turnInfo(context);
    try {
      const { person } = actor(context);
      const { unitId, date } = meetingRef(data);
      return answerInteractor(context, meetingLogCard(locale, await deps.services.meetings.form(person, unitId, date)));
    } catch (error) {
      logRefusal(deps.logger, 'meeting.logForm', error);
      return answerInteractor(context, refusalCard(locale, error, data));
    }
  };
}

/** meeting.show {unitId, date}: back from the form to the agenda, for the person who pressed only. */
export function meetingShow(deps: AppDeps) {
  return async (context: TurnContext, _state: unknown, data: Data): Promise<AdaptiveCardJson> => {
    const { locale } = turnInfo(context);
    try {
      const { person } = actor(context);
      const { unitId, date } = meetingRef(data);
      return answerInteractor(context, meetingPromptCard(locale, await deps.services.meetings.prompt(person, unitId, date)));
    } catch (error) {
      logRefusal(deps.logger, 'meeting.show', error);
      return answerInteractor(context, refusalCard(locale, error, data));
    }
  };
}

/**
 * meeting.log {unitId, date, version, inputs}: the log is stored, the quick decisions are made, and
 * the prompt in the channel says for everyone how the meeting went. A form with problems comes back
 * with the input kept; a log someone else wrote first is shown with who and when.
 */
export function meetingLog(deps: AppDeps) {
  return async (context: TurnContext, _state: unknown, data: Data): Promise<AdaptiveCardJson> => {
    const { locale } = turnInfo(context);
    try {
      const { person, org } = actor(context);
      const { unitId, date, version } = meetingRef(data);
      const language = org.settings.language;
      try {
        const outcome = await deps.services.meetings.log(
          { ...person, teamsId: context.activity.from.id },
          { unitId, date, version, fields: data, decisionReason: t(language, 'meeting.decisionReason', { date: formatDate(language, date) }) },
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
          return answerInteractor(context, meetingPromptCard(locale, view, { note, noteColor: refused.length ? 'Warning' : 'Good' }));
        }
        const who = t(locale, 'meeting.changedBy', { name: outcome.current.loggedBy.name, time: formatTime(locale, outcome.current.loggedAt, view.settings.timeZone) });
        const made = outcome.results.some((r) => r.applied) ? ` ${t(locale, 'meeting.staleDecisions')}` : '';
        return answerInteractor(context, meetingPromptCard(locale, view, { note: `${who}${made}`, noteColor: 'Attention' }));
      } catch (error) {
        if (!(error instanceof ValidationError) || error.issues.some((i) => i.field === 'date')) throw error;
        const view = await deps.services.meetings.form(person, unitId, date);
        return answerInteractor(context, meetingLogCard(locale, view, { note: t(locale, 'error.invalid'), noteColor: 'Attention', errors: fieldMessages(locale, error), values: typedValues(data), version }));
      }
    } catch (error) {
      logRefusal(deps.logger, 'meeting.log', error);
      return answerInteractor(context, refusalCard(locale, error, data));
    }
  };
}
