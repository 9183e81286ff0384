import { TurnContext } from 'botbuilder';
import { fishboneCard, fishboneConcludeCard, fishboneStartCard, fishboneUnitsCard } from '../../cards/fishboneCards';
import { AdaptiveCardJson } from '../../cards/renderer';
import { localDate } from '../../domain/dates';
import { DomainError, ValidationError } from '../../domain/errors';
import { shortId } from '../../domain/ideas';
import { Locale } from '../../domain/locale';
import { unitForChannel } from '../../domain/organisation';
import { plural, t } from '../../i18n';
import { formatDate } from '../../i18n/format';
import { isChannel } from '../activityInfo';
import { AppDeps } from '../deps';
import { errorText } from '../errorText';
import { CardData } from '../commands/cardData';
import { cardErrors } from '../commands/cardForm';
import { CAUSES_FORM, CAUSE_INPUTS, CONCLUDE_FORM, CONCLUDE_INPUTS, causesOf, conclusionOf, fishboneRefOf, reasonOf } from '../commands/fishboneCommands';
import { unitIdOf } from '../commands/refs';
import { answerInteractor } from '../invokeAnswer';
import { logRefusal, refusalNotice } from '../refusals';
import { replaceCardForEveryone, sendCard } from '../replies';
import { actor, turnInfo } from '../turn';

/**
 * The fishbone analysis in Teams: "fiskebein" / "fishbone" shows the unit's analysis (or offers to
 * start one); the staff add causes from the card in their channel; the facilitators conclude it.
 */

const refusalText = (locale: Locale, error: unknown): string => errorText(locale, error, t(locale, 'fba.forbidden'));

/** The unit's analysis, or the card that offers to start one. */
async function unitCard(context: TurnContext, deps: AppDeps, unitId: string): Promise<AdaptiveCardJson> {
  const { locale, person } = actor(context);
  const latest = await deps.services.fishbones.latest(person, unitId);
  if (latest) return fishboneCard(locale, latest);
  const { unit, mayStart } = await deps.services.fishbones.mayStart(person, unitId);
  return fishboneStartCard(locale, unit, mayStart);
}

/** "fiskebein" / "fiskeben" / "fishbone": the channel's unit, or the only one, or a choice. */
export async function showFishbone(context: TurnContext, deps: AppDeps): Promise<void> {
  const { locale, person, org } = actor(context);
  try {
    const units = await deps.services.fishbones.units(person);
    const channelUnit = unitForChannel(org, context.activity.conversation?.id ?? '');
    const unit = units.find((u) => u.id === channelUnit?.id) ?? (units.length === 1 ? units[0] : undefined);
    if (unit) return sendCard(context, await unitCard(context, deps, unit.id));
    if (units.length) return sendCard(context, fishboneUnitsCard(locale, units));
    await context.sendActivity(t(locale, 'fba.noUnits'));
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    logRefusal(deps.logger, 'fishbone', error);
    await context.sendActivity(refusalText(locale, error));
  }
}

/** Runs a fishbone verb; a refusal answers with a short notice. */
function fishboneVerb(deps: AppDeps, verb: string, answer: (context: TurnContext, data: CardData) => Promise<AdaptiveCardJson>) {
  return async (context: TurnContext, _state: unknown, raw: unknown): Promise<AdaptiveCardJson> => {
    const { locale } = turnInfo(context);
    try {
      return answerInteractor(context, await answer(context, CardData.of(raw)));
    } catch (error) {
      logRefusal(deps.logger, verb, error);
      return answerInteractor(context, refusalNotice(locale, refusalText(locale, error)));
    }
  };
}

/** fishbone.open {unitId}: from the choice of units. */
export const fishboneOpen = (deps: AppDeps) => fishboneVerb(deps, 'fishbone.open', (context, data) => unitCard(context, deps, unitIdOf(data)));

/** fishbone.start {unitId, reason?}: starts one, and the staff are asked in the unit's channel. */
export const fishboneStart = (deps: AppDeps) =>
  fishboneVerb(deps, 'fishbone.start', async (context, data) => {
    const { locale, person } = actor(context);
    const { view, posted, started } = await deps.services.fishbones.start({ ...person, teamsId: context.activity.from.id }, unitIdOf(data), reasonOf(data));
    const note = !started ? t(locale, 'fba.alreadyUnderWay') : posted ? t(locale, 'fba.postedInChannel') : t(locale, 'fba.noChannel');
    return fishboneCard(locale, view, { note, noteColor: started ? 'Good' : 'Default' });
  });

/** fishbone.show {unitId, id}. */
export const fishboneShow = (deps: AppDeps) =>
  fishboneVerb(deps, 'fishbone.show', async (context, data) => {
    const { locale, person } = actor(context);
    const { unitId, id } = fishboneRefOf(data);
    return fishboneCard(locale, await deps.services.fishbones.view(person, unitId, id));
  });

/**
 * fishbone.add {unitId, id, cause_<category>}: the causes typed are added. The presser gets the
 * card with a thank-you; in a channel the shared card shows every cause so far to everyone.
 */
export const fishboneAdd = (deps: AppDeps) =>
  fishboneVerb(deps, 'fishbone.add', async (context, data) => {
    const { locale, person, org } = actor(context);
    const { unitId, id } = fishboneRefOf(data);
    try {
      const { view, added } = await deps.services.fishbones.addCauses({ ...person, teamsId: context.activity.from.id }, unitId, id, causesOf(data));
      if (isChannel(context.activity)) {
        const shared = fishboneCard(org.settings.language, { ...view, canFacilitate: false, canAdd: true });
        await replaceCardForEveryone(context, shared).catch((error: unknown) => {
          deps.logger.warn({ verb: 'fishbone.add', unitId, err: error instanceof Error ? error.message : String(error) }, 'could not update the analysis for everyone');
        });
      }
      return fishboneCard(locale, view, { note: plural(locale, 'fba.added', added), noteColor: 'Good' });
    } catch (error) {
      const view = await deps.services.fishbones.view(person, unitId, id);
      if (error instanceof ValidationError) {
        const errors = cardErrors(locale, error, CAUSES_FORM);
        return fishboneCard(locale, view, { values: data.typed(CAUSE_INPUTS), errors, ...(errors.causes ? { error: errors.causes } : {}) });
      }
      if (error instanceof DomainError && error.code === 'staleCard') return fishboneCard(locale, view, { note: t(locale, 'fba.stale'), noteColor: 'Attention' });
      throw error;
    }
  });

/** fishbone.concludeForm {unitId, id}: the facilitators' form. */
export const fishboneConcludeForm = (deps: AppDeps) =>
  fishboneVerb(deps, 'fishbone.concludeForm', async (context, data) => {
    const { locale, person } = actor(context);
    const { unitId, id } = fishboneRefOf(data);
    const view = await deps.services.fishbones.view(person, unitId, id);
    if (!view.canFacilitate) throw new DomainError('forbidden');
    return view.analysis.status === 'collecting' ? fishboneConcludeCard(locale, view) : fishboneCard(locale, view);
  });

/** fishbone.conclude {unitId, id, version, inputs}: main causes, conclusion, and actions on the board. */
export const fishboneConclude = (deps: AppDeps) =>
  fishboneVerb(deps, 'fishbone.conclude', async (context, data) => {
    const { locale, person, org } = actor(context);
    const { unitId, id } = fishboneRefOf(data);
    const { version, input } = conclusionOf(data);
    const language = org.settings.language;
    try {
      const view = await deps.services.fishbones.conclude({ ...person, teamsId: context.activity.from.id }, unitId, id, {
        version,
        input,
        ideaTitle: t(language, 'fba.ideaTitle', { date: formatDate(language, localDate(deps.clock.now(), org.settings.timeZone)) }),
      });
      const { ideaNumber } = view.analysis;
      const note = ideaNumber !== undefined ? t(locale, 'fba.concludedSaved', { id: shortId(view.unit.code, ideaNumber) }) : t(locale, 'fba.concludedNoActions');
      return fishboneCard(locale, view, { note, noteColor: 'Good' });
    } catch (error) {
      const view = await deps.services.fishbones.view(person, unitId, id);
      if (error instanceof ValidationError) {
        return fishboneConcludeCard(locale, view, { note: t(locale, 'error.invalid'), noteColor: 'Attention', values: data.typed(CONCLUDE_INPUTS), errors: cardErrors(locale, error, CONCLUDE_FORM) });
      }
      if (error instanceof DomainError && error.code === 'staleCard') return fishboneCard(locale, view, { note: t(locale, 'fba.stale'), noteColor: 'Attention' });
      throw error;
    }
  });
