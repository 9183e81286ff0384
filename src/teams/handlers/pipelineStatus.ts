import { TurnContext } from 'botbuilder';
import { SendNowCardOptions, pipelineStatusCard } from '../../cards/rhythmCards';
import { AdaptiveCardJson } from '../../cards/renderer';
import { Locale } from '../../domain/locale';
import { plural, t } from '../../i18n';
import { formatTime } from '../../i18n/format';
import { ManualRun } from '../../ports/jobTrigger';
import { SendNowResult, promptableUnits } from '../../services/sendNow';
import { CardData } from '../commands/cardData';
import { REMINDER_RUN, promptRunOf } from '../commands/sendNowCommands';
import { AppDeps } from '../deps';
import { errorText } from '../errorText';
import { answerInteractor } from '../invokeAnswer';
import { logRefusal, refusalNotice } from '../refusals';
import { sendCard } from '../replies';
import { actor, turnInfo } from '../turn';

type Note = Pick<SendNowCardOptions, 'note' | 'noteColor' | 'unitId'>;

async function statusCard(context: TurnContext, deps: AppDeps, note: Note = {}): Promise<AdaptiveCardJson> {
  const { person, locale, org } = actor(context);
  const status = await deps.services.pipelineStatus.status(person);
  const units = promptableUnits(org).map((unit) => ({ title: unit.name, value: unit.id }));
  return pipelineStatusCard(locale, status, org.settings.timeZone, { units, ...note });
}

/** "status": administrators see the delivery pipeline; anyone else is told who may. */
export async function showPipelineStatus(context: TurnContext, deps: AppDeps): Promise<void> {
  try {
    await sendCard(context, await statusCard(context, deps));
  } catch (error) {
    const { locale } = actor(context);
    await context.sendActivity(errorText(locale, error, t(locale, 'status.onlyAdmins')));
  }
}

/** The card's refresh button. */
export function refreshPipelineStatus(deps: AppDeps) {
  return async (context: TurnContext): Promise<AdaptiveCardJson> => answerInteractor(context, await statusCard(context, deps));
}

function resultNote(locale: Locale, result: SendNowResult, timeZone: string): Note {
  switch (result.kind) {
    case 'queued':
      return { note: plural(locale, 'sendNow.queued', result.count), noteColor: 'Good' };
    case 'nothing':
      return { note: t(locale, 'sendNow.nothing'), noteColor: 'Default' };
    case 'alreadyDone':
      return { note: result.at ? t(locale, 'sendNow.alreadyDoneAt', { time: formatTime(locale, result.at.toISOString(), timeZone) }) : t(locale, 'sendNow.alreadyDone'), noteColor: 'Warning' };
    case 'noChannel':
      return { note: t(locale, 'sendNow.noChannel', { unit: result.unit }), noteColor: 'Attention' };
  }
}

/**
 * pipeline.sendPrompt {promptUnitId} / pipeline.sendReminders: runs today's job now, once per
 * period like the scheduler; answers with the status card and what happened at its top.
 */
export function sendNowFromStatus(deps: AppDeps, which: 'prompt' | 'reminder') {
  const verb = `pipeline.send.${which}`;
  return async (context: TurnContext, _state: unknown, raw: unknown): Promise<AdaptiveCardJson> => {
    const { locale } = turnInfo(context);
    try {
      const { person, org } = actor(context);
      const run: ManualRun | undefined = which === 'prompt' ? promptRunOf(CardData.of(raw)) : REMINDER_RUN;
      if (!run) return answerInteractor(context, await statusCard(context, deps, { note: t(locale, 'sendNow.unitRequired'), noteColor: 'Attention' }));
      const result = await deps.sendNow.run(person, run);
      const unitId = run.job === 'prompt' ? run.unitId : undefined;
      return answerInteractor(context, await statusCard(context, deps, { ...resultNote(locale, result, org.settings.timeZone), ...(unitId ? { unitId } : {}) }));
    } catch (error) {
      logRefusal(deps.logger, verb, error);
      return answerInteractor(context, refusalNotice(locale, errorText(locale, error, t(locale, 'status.onlyAdmins'))));
    }
  };
}
