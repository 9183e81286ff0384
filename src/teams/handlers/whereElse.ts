import { TurnContext } from 'botbuilder';
import { whereElseCard } from '../../cards/learningCards';
import { AdaptiveCardJson, renderCard } from '../../cards/renderer';
import { DomainError } from '../../domain/errors';
import { IdeaRef, shortId } from '../../domain/ideas';
import { plural, t } from '../../i18n';
import { CardData } from '../commands/cardData';
import { ideaRefOf, unitIdOf } from '../commands/refs';
import { AppDeps } from '../deps';
import { answerInteractor } from '../invokeAnswer';
import { actor } from '../turn';
import { freshItemCard, refusal } from './ideaItem';

/** The original practice a digest's offer is about. */
const fromOf = (data: CardData): IdeaRef => ideaRefOf(CardData.of({ unitId: data.token('fromUnitId'), number: data.token('fromNumber') }));

/** whereElse.yes / whereElse.no: the unit leader's answer; the card says what happened and closes. */
export function answerWhereElse(deps: AppDeps, yes: boolean) {
  const verb = yes ? 'whereElse.yes' : 'whereElse.no';
  return async (context: TurnContext, _state: unknown, raw: unknown): Promise<AdaptiveCardJson> => {
    try {
      const { locale, person, org } = actor(context);
      const outcome = await deps.services.learning.whereElse.answer(person, ideaRefOf(CardData.of(raw)), yes);
      const note = outcome.answer === 'no' ? t(locale, 'whereElse.notShared') : outcome.offered ? plural(locale, 'whereElse.shared', outcome.offered) : t(locale, 'whereElse.sharedNone');
      return answerInteractor(context, whereElseCard(locale, { ...outcome, settings: org.settings, note, noteColor: 'Good', answered: true }));
    } catch (error) {
      return refusal(context, deps, verb, error);
    }
  };
}

/** A press on a digest's "tried elsewhere" offer: the receiving unit and the original practice, parsed at the border. */
type OfferAction = (context: TurnContext, offer: { readonly unitId: string; readonly from: IdeaRef }) => Promise<AdaptiveCardJson>;

function offerHandler(deps: AppDeps, verb: string, act: OfferAction) {
  return async (context: TurnContext, _state: unknown, raw: unknown): Promise<AdaptiveCardJson> => {
    const data = CardData.of(raw);
    try {
      return await act(context, { unitId: unitIdOf(data), from: fromOf(data) });
    } catch (error) {
      return gone(context, deps, verb, error);
    }
  };
}

/** tried.adopt: the practice becomes a new idea on the unit's own board, linked to the original. */
export function adoptPractice(deps: AppDeps) {
  return offerHandler(deps, 'tried.adopt', async (context, { unitId, from }) => {
    const { locale, person } = actor(context);
    const { idea, unit, original } = await deps.services.learning.whereElse.adopt({ ...person, teamsId: context.activity.from.id }, unitId, from);
    const note = t(locale, 'tried.adopted', { id: shortId(unit.code, idea.number), original: shortId(original.code, from.number) });
    return answerInteractor(context, await freshItemCard(context, deps, unit.id, idea.number, { note, noteColor: 'Good' }));
  });
}

/** tried.dismiss: "not for us": no longer offered to the unit. */
export function dismissPractice(deps: AppDeps) {
  return offerHandler(deps, 'tried.dismiss', async (context, { unitId, from }) => {
    const { locale, person } = actor(context);
    const { unit, original } = await deps.services.learning.whereElse.dismiss(person, unitId, from);
    return answerInteractor(context, renderCard('notice', locale, { title: t(locale, 'tried.heading'), text: t(locale, 'tried.dismissed', { id: shortId(original.code, from.number), unit: unit.name }), tone: 'good' }));
  });
}

/** An offer already adopted or declined (the digest card is older than that) is said so plainly. */
function gone(context: TurnContext, deps: AppDeps, verb: string, error: unknown): Promise<AdaptiveCardJson> {
  if (error instanceof DomainError && error.code === 'conflict') {
    const { locale } = actor(context);
    return answerInteractor(context, renderCard('notice', locale, { title: t(locale, 'tried.heading'), text: t(locale, 'tried.gone'), tone: 'default' }));
  }
  return refusal(context, deps, verb, error);
}
