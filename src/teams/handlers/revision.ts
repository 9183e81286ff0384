import { TurnContext } from 'botbuilder';
import { monthLabel, revisionCard, revisionUnitsCard } from '../../cards/revisionCards';
import { AdaptiveCardJson } from '../../cards/renderer';
import { DomainError, ValidationError } from '../../domain/errors';
import { shortId } from '../../domain/ideas';
import { Locale } from '../../domain/locale';
import { unitForChannel } from '../../domain/organisation';
import { t } from '../../i18n';
import { isChannel } from '../activityInfo';
import { AppDeps } from '../deps';
import { errorText } from '../errorText';
import { CardData } from '../commands/cardData';
import { cardErrors } from '../commands/cardForm';
import { unitIdOf } from '../commands/refs';
import { REVISION_FORM, REVISION_INPUTS, revisionRecordOf } from '../commands/revisionCommands';
import { answerInteractor } from '../invokeAnswer';
import { logRefusal, refusalNotice } from '../refusals';
import { sendCard } from '../replies';
import { actor, turnInfo } from '../turn';

/**
 * The half-yearly revision in Teams: "revisjon" / "revision" opens a unit's revision card (or a
 * choice of units); the service-area leader or the Lean coach records the Gemba visit on it. Every
 * card action is answered to the person who pressed only.
 */

const refusalText = (locale: Locale, error: unknown): string => errorText(locale, error, t(locale, 'revision.forbidden'));

/** "revisjon" / "revision": the channel's unit, or the only one, or a choice. */
export async function showRevision(context: TurnContext, deps: AppDeps): Promise<void> {
  const { locale, person, org } = actor(context);
  try {
    const units = await deps.services.revisions.units(person);
    const channelUnit = unitForChannel(org, context.activity.conversation?.id ?? '');
    const unit = units.find((u) => u.id === channelUnit?.id) ?? (units.length === 1 ? units[0] : undefined);
    // A channel's message is everyone's: there the card opens for the person who presses only.
    if (unit && isChannel(context.activity)) return sendCard(context, revisionUnitsCard(locale, [unit]));
    if (unit) return sendCard(context, revisionCard(locale, await deps.services.revisions.view(person, unit.id)));
    if (units.length) return sendCard(context, revisionUnitsCard(locale, units));
    await context.sendActivity(t(locale, 'revision.noUnits'));
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    logRefusal(deps.logger, 'revision', error);
    await context.sendActivity(refusalText(locale, error));
  }
}

/** revision.show {unitId}: the unit's revision card. */
export function revisionShow(deps: AppDeps) {
  return async (context: TurnContext, _state: unknown, raw: unknown): Promise<AdaptiveCardJson> => {
    const { locale } = turnInfo(context);
    try {
      const unitId = unitIdOf(CardData.of(raw));
      const { person } = actor(context);
      return answerInteractor(context, revisionCard(locale, await deps.services.revisions.view(person, unitId)));
    } catch (error) {
      logRefusal(deps.logger, 'revision.show', error);
      return answerInteractor(context, refusalNotice(locale, refusalText(locale, error)));
    }
  };
}

/**
 * revision.save {unitId, round, version, inputs}: records the visit; its follow-up points become
 * action items on the board. Problems come back next to their inputs with what was typed; a record
 * someone else saved first is shown as it stands.
 */
export function revisionSave(deps: AppDeps) {
  return async (context: TurnContext, _state: unknown, raw: unknown): Promise<AdaptiveCardJson> => {
    const { locale } = turnInfo(context);
    const data = CardData.of(raw);
    try {
      const unitId = unitIdOf(data);
      const { person, org } = actor(context);
      // The follow-up idea is named in the organisation's language: it is on everyone's board.
      const language = org.settings.language;
      const command = revisionRecordOf(data, (round) => t(language, 'revision.ideaTitle', { month: monthLabel(language, `${round}-01`) }));
      try {
        const outcome = await deps.services.revisions.record({ ...person, teamsId: context.activity.from.id }, unitId, command);
        const { view } = outcome;
        const followUp = view.record?.followUp;
        if (outcome.kind === 'saved') {
          const note = followUp ? t(locale, 'revision.saved', { id: shortId(view.unit.code, followUp.ideaNumber) }) : t(locale, 'revision.savedNoPoints');
          return answerInteractor(context, revisionCard(locale, view, { note, noteColor: 'Good' }));
        }
        const conflict = t(locale, 'revision.conflict', { name: view.record?.recordedBy.name ?? '' });
        const points = outcome.addedTo ? ` ${t(locale, 'revision.conflictPoints', { id: shortId(view.unit.code, outcome.addedTo) })}` : '';
        return answerInteractor(context, revisionCard(locale, view, { note: `${conflict}${points}`, noteColor: 'Attention' }));
      } catch (error) {
        if (!(error instanceof ValidationError)) throw error;
        logRefusal(deps.logger, 'revision.save', error);
        const view = await deps.services.revisions.view(person, unitId);
        return answerInteractor(context, revisionCard(locale, view, { note: t(locale, 'error.invalid'), noteColor: 'Attention', values: data.typed(REVISION_INPUTS), errors: cardErrors(locale, error, REVISION_FORM) }));
      }
    } catch (error) {
      logRefusal(deps.logger, 'revision.save', error);
      return answerInteractor(context, refusalNotice(locale, refusalText(locale, error)));
    }
  };
}
