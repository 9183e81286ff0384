import { TurnContext } from 'botbuilder';
import { chooseScheduleUnitCard, meetingScheduleCard, scheduleSummary } from '../../cards/meetingCards';
import { AdaptiveCardJson } from '../../cards/renderer';
import { DomainError, FieldIssue, ValidationError } from '../../domain/errors';
import { Locale } from '../../domain/locale';
import { MAX_PAUSES, PAUSE_ORDER } from '../../domain/scheduleForm';
import { TextKey, t } from '../../i18n';
import { AppDeps } from '../deps';
import { logRefusal, refusalNotice } from '../refusals';
import { errorText } from '../errorText';
import { answerInteractor } from '../invokeAnswer';
import { sendCard } from '../replies';
import { actor, turnInfo } from '../turn';

type Data = Readonly<Record<string, unknown>>;

const INPUTS = ['weekdays', 'time', ...Array.from({ length: MAX_PAUSES }, (_, i) => [`pause${i + 1}From`, `pause${i + 1}To`]).flat()];

/** "Time is required.", or "Pause 2 ends before it starts." */
export function scheduleFieldMessages(locale: Locale, error: ValidationError): Record<string, string> {
  const label = (field: string): string => {
    const pause = /^pause(\d)(From|To)$/.exec(field);
    if (pause) return t(locale, pause[2] === 'From' ? 'schedule.pauseFromLabel' : 'schedule.pauseToLabel', { n: Number(pause[1]) });
    const keys: Readonly<Record<string, TextKey>> = { weekdays: 'schedule.weekdaysLabel', time: 'schedule.timeLabel' };
    return keys[field] ? t(locale, keys[field]) : field;
  };
  const message = (issue: FieldIssue) =>
    issue.params?.rule === PAUSE_ORDER ? t(locale, 'schedule.pauseOrder', { n: Number(issue.params.n) }) : t(locale, `field.${issue.problem}`, { field: label(issue.field), ...issue.params });
  const messages: Record<string, string> = {};
  for (const issue of error.issues) messages[issue.field] ??= message(issue);
  return messages;
}

function typedValues(data: Data): Record<string, string> {
  return Object.fromEntries(INPUTS.flatMap((key) => (typeof data[key] === 'string' ? [[key, data[key] as string]] : [])));
}

const refusalText = (locale: Locale, error: unknown): string => errorText(locale, error, t(locale, 'schedule.forbidden'));

function refusalCard(locale: Locale, error: unknown): AdaptiveCardJson {
  return refusalNotice(locale, refusalText(locale, error));
}


/**
 * "schedule" / "møteplan" / "mødeplan": in a unit's channel, that unit's schedule; elsewhere the
 * unit the person leads, or a choice. The form goes to those who may change it; anyone else in the
 * unit's channel is told the schedule.
 */
export async function showSchedule(context: TurnContext, deps: AppDeps): Promise<void> {
  const { locale, person } = actor(context);
  const choice = await deps.services.meetingSchedules.which(person, context.activity.conversation.id);
  switch (choice.kind) {
    case 'unit': {
      const { unit } = choice;
      if (choice.canManage) return sendCard(context, meetingScheduleCard(locale, unit));
      await context.sendActivity(
        unit.schedule ? t(locale, 'schedule.readOnly', { unit: unit.name, summary: scheduleSummary(locale, unit.schedule) }) : t(locale, 'schedule.readOnlyNone', { unit: unit.name }),
      );
      return;
    }
    case 'choose':
      return sendCard(context, chooseScheduleUnitCard(locale, choice.units));
    case 'none':
      await context.sendActivity(t(locale, 'schedule.noUnits'));
  }
}

/** schedule.form {unitId | unitChoice}: the unit's schedule form, for the person who pressed only. */
export function scheduleForm(deps: AppDeps) {
  return async (context: TurnContext, _state: unknown, data: Data): Promise<AdaptiveCardJson> => {
    const { locale } = turnInfo(context);
    try {
      const { person } = actor(context);
      const unitId = [data.unitChoice, data.unitId].find((v): v is string => typeof v === 'string' && v !== '') ?? '';
      if (!unitId) throw new DomainError('notFound');
      const { unit } = await deps.services.meetingSchedules.view(person, unitId);
      return answerInteractor(context, meetingScheduleCard(locale, unit));
    } catch (error) {
      logRefusal(deps.logger, 'schedule.form', error);
      return answerInteractor(context, refusalCard(locale, error));
    }
  };
}

/** schedule.save {unitId, weekdays, time, pause<n>From/To}: checked, stored, and the form shows "Saved". */
export function scheduleSave(deps: AppDeps) {
  return async (context: TurnContext, _state: unknown, data: Data): Promise<AdaptiveCardJson> => {
    const { locale } = turnInfo(context);
    const unitId = typeof data.unitId === 'string' ? data.unitId : '';
    try {
      const { person } = actor(context);
      if (!unitId) throw new DomainError('notFound');
      try {
        const { unit } = await deps.services.meetingSchedules.save(person, unitId, data);
        const summary = unit.schedule ? scheduleSummary(locale, unit.schedule) : '';
        return answerInteractor(context, meetingScheduleCard(locale, unit, { note: t(locale, 'schedule.saved', { summary }), noteColor: 'Good' }));
      } catch (error) {
        if (!(error instanceof ValidationError)) throw error;
        const { unit } = await deps.services.meetingSchedules.view(person, unitId);
        return answerInteractor(
          context,
          meetingScheduleCard(locale, unit, { note: t(locale, 'error.invalid'), noteColor: 'Attention', errors: scheduleFieldMessages(locale, error), values: typedValues(data) }),
        );
      }
    } catch (error) {
      logRefusal(deps.logger, 'schedule.save', error);
      return answerInteractor(context, refusalCard(locale, error));
    }
  };
}
