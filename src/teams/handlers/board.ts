import { TurnContext } from 'botbuilder';
import { boardCard, chooseUnitCard, closedIdeasCard, myItemsCard } from '../../cards/boardCards';
import { AdaptiveCardJson } from '../../cards/renderer';
import { DomainError } from '../../domain/errors';
import { Locale } from '../../domain/locale';
import { t } from '../../i18n';
import { AppDeps } from '../deps';
import { logRefusal, refusalNotice } from '../refusals';
import { errorText } from '../errorText';
import { CardData } from '../commands/cardData';
import { unitIdOf } from '../commands/refs';
import { answerInteractor } from '../invokeAnswer';
import { sendCard } from '../replies';
import { actor, turnInfo } from '../turn';

/** Card data comes back as strings or numbers; anything odd means page 1 (the domain clamps the rest). */
const pageOf = (data: CardData): number => data.number('page') ?? 1;

/** A refusal names who may see a board; other failures get the usual text. */
const refusalText = (locale: Locale, error: unknown): string => errorText(locale, error, t(locale, 'board.forbidden'));

function refusalCard(locale: Locale, error: unknown): AdaptiveCardJson {
  return refusalNotice(locale, refusalText(locale, error));
}


/**
 * "tavle" / "board": the channel's unit, or the person's only unit, as a new message; someone in
 * several units first chooses; someone in none is told so.
 */
export async function showBoard(context: TurnContext, deps: AppDeps): Promise<void> {
  const { locale, person } = actor(context);
  try {
    const choice = await deps.services.ideaViews.whichBoard(person, context.activity.conversation.id);
    if (choice.kind === 'unit') {
      await sendCard(context, boardCard(locale, await deps.services.ideaViews.board(person, choice.unitId, 1)));
    } else if (choice.units.length) {
      await sendCard(context, chooseUnitCard(locale, choice.units));
    } else {
      await context.sendActivity(t(locale, 'board.notInUnit'));
    }
  } catch (error) {
    // Outages and bugs go to the app's usual handling; a refusal says who may see the board.
    if (!(error instanceof DomainError)) throw error;
    logRefusal(deps.logger, 'board', error);
    await context.sendActivity(refusalText(locale, error));
  }
}

/** "mine" / "my items": everything the person owns or submitted, across units, overdue first. */
export async function showMyItems(context: TurnContext, deps: AppDeps): Promise<void> {
  const { locale, person } = actor(context);
  await sendCard(context, myItemsCard(locale, await deps.services.ideaViews.myItems(person)));
}

/**
 * board.show {unitId, page?}: a page of the board for the person who pressed only. The board is
 * often a shared channel message; paging through it must not change what everyone else sees.
 */
export function boardShow(deps: AppDeps) {
  return async (context: TurnContext, _state: unknown, raw: unknown): Promise<AdaptiveCardJson> => {
    const { locale } = turnInfo(context);
    try {
      const data = CardData.of(raw);
      const unitId = unitIdOf(data);
      const { person } = actor(context);
      return answerInteractor(context, boardCard(locale, await deps.services.ideaViews.board(person, unitId, pageOf(data))));
    } catch (error) {
      logRefusal(deps.logger, 'board.show', error);
      return answerInteractor(context, refusalCard(locale, error));
    }
  };
}

/** board.closed {unitId, page?}: the quarter's done and rejected ideas, for the person who pressed only. */
export function boardClosed(deps: AppDeps) {
  return async (context: TurnContext, _state: unknown, raw: unknown): Promise<AdaptiveCardJson> => {
    const { locale } = turnInfo(context);
    try {
      const data = CardData.of(raw);
      const unitId = unitIdOf(data);
      const { person } = actor(context);
      return answerInteractor(context, closedIdeasCard(locale, await deps.services.ideaViews.closedThisQuarter(person, unitId, pageOf(data))));
    } catch (error) {
      logRefusal(deps.logger, 'board.closed', error);
      return answerInteractor(context, refusalCard(locale, error));
    }
  };
}

/** mine.show {page?}: "my items" again, fresh, for the person who pressed only. */
export function myItemsShow(deps: AppDeps) {
  return async (context: TurnContext, _state: unknown, raw: unknown): Promise<AdaptiveCardJson> => {
    const { locale } = turnInfo(context);
    try {
      const { person } = actor(context);
      return answerInteractor(context, myItemsCard(locale, await deps.services.ideaViews.myItems(person), pageOf(CardData.of(raw))));
    } catch (error) {
      logRefusal(deps.logger, 'mine.show', error);
      return answerInteractor(context, refusalCard(locale, error));
    }
  };
}
