import { TurnContext } from 'botbuilder';
import { chooseScheduleUnitCard, meetingScheduleCard, scheduleSummary } from '../../cards/meetingCards';
import { AdaptiveCardJson } from '../../cards/renderer';
import { ValidationError } from '../../domain/errors';
import { Locale } from '../../domain/locale';
import { t } from '../../i18n';
import { AppDeps } from '../deps';
import { logRefusal, refusalNotice } from '../refusals';
import { errorText } from '../errorText';
import { CardData } from '../commands/cardData';
import { cardErrors } from '../commands/cardForm';
import { unitIdOf } from '../commands/refs';
import { SCHEDULE_FORM, SCHEDULE_INPUTS, scheduleOf } from '../commands/scheduleCommands';
import { answerInteractor } from '../invokeAnswer';
import { sendCard } from '../replies';
import { actor, turnInfo } from '../turn';

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
  return async (context: TurnContext, _state: unknown, raw: unknown): Promise<AdaptiveCardJson> => {
    const { locale } = turnInfo(context);
    try {
      const data = CardData.of(raw);
      const unitId = unitIdOf(data, data.token('unitChoice') ? 'unitChoice' : 'unitId');
      const { person } = actor(context);
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
  return async (context: TurnContext, _state: unknown, raw: unknown): Promise<AdaptiveCardJson> => {
    const { locale } = turnInfo(context);
    const data = CardData.of(raw);
    try {
      const unitId = unitIdOf(data);
      const { person } = actor(context);
      try {
        const { unit } = await deps.services.meetingSchedules.save(person, unitId, scheduleOf(data));
        const summary = unit.schedule ? scheduleSummary(locale, unit.schedule) : '';
        return answerInteractor(context, meetingScheduleCard(locale, unit, { note: t(locale, 'schedule.saved', { summary }), noteColor: 'Good' }));
      } catch (error) {
        if (!(error instanceof ValidationError)) throw error;
        const { unit } = await deps.services.meetingSchedules.view(person, unitId);
        return answerInteractor(
          context,
          meetingScheduleCard(locale, unit, { note: t(locale, 'error.invalid'), noteColor: 'Attention', errors: cardErrors(locale, error, SCHEDULE_FORM), values: data.typed(SCHEDULE_INPUTS) }),
        );
      }
    } catch (error) {
      logRefusal(deps.logger, 'schedule.save', error);
      return answerInteractor(context, refusalCard(locale, error));
    }
  };
}
