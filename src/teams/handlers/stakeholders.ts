import { TurnContext } from 'botbuilder';
import { ItemCardOptions } from '../../cards/ideaCards';
import { stakeholderAskCard, stakeholderLine, stakeholdersFormCard } from '../../cards/learningCards';
import { AdaptiveCardJson } from '../../cards/renderer';
import { DomainError, ValidationError } from '../../domain/errors';
import { isClosed, shortId } from '../../domain/ideas';
import { stakeholderChoices } from '../../domain/stakeholders';
import { findUnit } from '../../domain/organisation';
import { t } from '../../i18n';
import { ItemView } from '../../services/ideas/ideaViews';
import { CardData } from '../commands/cardData';
import { listedForm, problemsText } from '../commands/cardForm';
import { ideaRefOf, unitIdOf } from '../commands/refs';
import { AppDeps } from '../deps';
import { answerInteractor } from '../invokeAnswer';
import { actor, turnInfo } from '../turn';
import { logRefusal, refusalNotice } from '../refusals';
import { freshItemCard, refusal } from './ideaItem';

const STAKEHOLDER_FORM = listedForm({ stakeholders: { label: 'stakeholders.label' } });

/**
 * The item card's part about other units: who of the affected units has answered, the button for
 * those who may name them, and the practice the idea adopts.
 */
export async function stakeholderOptions(context: TurnContext, deps: AppDeps, view: ItemView): Promise<Pick<ItemCardOptions, 'stakeholders' | 'canNameStakeholders' | 'adoptedFrom'>> {
  const { locale, org } = actor(context);
  const lines = await deps.services.learning.stakeholders.lines(org, view.idea);
  const { standing, idea, unit } = view;
  const mayName = (standing.leads || standing.owns || standing.submitted) && !isClosed(idea.status) && stakeholderChoices(org, unit).length > 0;
  const original = idea.adoptedFrom && findUnit(org, idea.adoptedFrom.unitId);
  return {
    ...(lines?.units.length ? { stakeholders: stakeholderLine(locale, lines) } : {}),
    canNameStakeholders: mayName,
    ...(original && idea.adoptedFrom ? { adoptedFrom: t(locale, 'tried.adoptedFrom', { id: shortId(original.code, idea.adoptedFrom.number), unit: original.name }) } : {}),
  };
}

/** stakeholders.form: choosing the units the idea affects. */
export function showStakeholdersForm(deps: AppDeps) {
  return async (context: TurnContext, _state: unknown, raw: unknown): Promise<AdaptiveCardJson> => {
    try {
      const { locale, person } = actor(context);
      const { idea, unit, choices } = await deps.services.learning.stakeholders.choices(person, ideaRefOf(CardData.of(raw)));
      return answerInteractor(context, stakeholdersFormCard(locale, idea, unit, choices));
    } catch (error) {
      return refusal(context, deps, 'stakeholders.form', error);
    }
  };
}

/** stakeholders.save: the units named; newly named ones are asked; the idea's card again. */
export function saveStakeholders(deps: AppDeps) {
  return async (context: TurnContext, _state: unknown, raw: unknown): Promise<AdaptiveCardJson> => {
    const data = CardData.of(raw);
    try {
      const { locale, person } = actor(context);
      const key = ideaRefOf(data);
      try {
        await deps.services.learning.stakeholders.name({ ...person, teamsId: context.activity.from.id }, key, { stakeholders: data.list('stakeholders') });
        return answerInteractor(context, await freshItemCard(context, deps, key.unitId, key.number, { note: t(locale, 'stakeholders.saved'), noteColor: 'Good' }));
      } catch (error) {
        if (!(error instanceof ValidationError)) throw error;
        const { idea, unit, choices } = await deps.services.learning.stakeholders.choices(person, key);
        return answerInteractor(context, stakeholdersFormCard(locale, idea, unit, choices, problemsText(locale, error, STAKEHOLDER_FORM)));
      }
    } catch (error) {
      return refusal(context, deps, 'stakeholders.save', error);
    }
  };
}

/** stakeholder.answer: an affected unit's leader comments; the card thanks them and closes its comment box. */
export function answerAsStakeholder(deps: AppDeps) {
  return async (context: TurnContext, _state: unknown, raw: unknown): Promise<AdaptiveCardJson> => {
    const data = CardData.of(raw);
    try {
      const { locale, person } = actor(context);
      const key = ideaRefOf(data);
      const stakeholderUnitId = unitIdOf(data, 'stakeholderUnitId');
      const service = deps.services.learning.stakeholders;
      try {
        const view = await service.answer({ ...person, teamsId: context.activity.from.id }, key, stakeholderUnitId, { text: data.text('comment') }, (unit, text) => t(locale, 'stakeholders.commentPrefix', { unit: unit.name, text }));
        const note = t(locale, 'stakeholders.thanks', { id: shortId(view.unit.code, view.idea.number), unit: view.unit.name });
        return answerInteractor(context, stakeholderAskCard(locale, { ...view, canAnswer: false, note, noteColor: 'Good' }));
      } catch (error) {
        if (!(error instanceof ValidationError)) throw error;
        const view = await service.view(person, key, stakeholderUnitId);
        return answerInteractor(context, stakeholderAskCard(locale, { ...view, note: t(locale, 'stakeholders.commentRequired'), noteColor: 'Attention', comment: data.text('comment') ?? '' }));
      }
    } catch (error) {
      const words = stakeholderWords(context, data, error);
      if (!words) return refusal(context, deps, 'stakeholder.answer', error);
      logRefusal(deps.logger, 'stakeholder.answer', error);
      return answerInteractor(context, refusalNotice(turnInfo(context).locale, words));
    }
  };
}

/** A refusal in the stakeholder's words: the idea is closed, or the unit is not theirs to answer for. */
function stakeholderWords(context: TurnContext, data: CardData, error: unknown): string | undefined {
  if (!(error instanceof DomainError) || (error.code !== 'conflict' && error.code !== 'forbidden')) return undefined;
  const { locale, org } = turnInfo(context);
  if (error.code === 'forbidden') return t(locale, 'stakeholders.notYours', { unit: findUnit(org, data.token('stakeholderUnitId') ?? '')?.name ?? '' });
  const unit = findUnit(org, data.token('unitId') ?? '');
  return t(locale, 'stakeholders.closed', { id: unit ? shortId(unit.code, data.wholeNumber('number') ?? 0) : '' });
}
