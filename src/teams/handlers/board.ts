import { TurnContext } from 'botbuilder';
import { boardCard, chooseUnitCard, closedIdeasCard, myItemsCard } from '../../cards/boardCards';
import { waitingCardData } from '../../cards/inboxCards';
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

/** "My items" for this person: what waits for their decision first, then their own items. */
async function myItems(context: TurnContext, deps: AppDeps, page: number): Promise<AdaptiveCardJson> {
  const { locale, person } = actor(context);
  const [items, waiting] = await Promise.all([deps.services.ideaViews.myItems(person), deps.services.waitingForDecision.forPerson(person)]);
  return myItemsCard(locale, items, page, undefined, waitingCardData(locale, waiting));
}

/**
 * "mine" / "my items": for leaders, the approvals and long-overdue items waiting for their
 * decision; then everything the person owns or submitted, across units, overdue first.
 */
export async function showMyItems(context: TurnContext, deps: AppDeps): Promise<void> {
  await sendCard(context, await myItems(context, deps, 1));
}

/**
 * A card action about one unit's board ({unitId, page?}), answered to the person who pressed only:
 * the board is often a shared channel message, and paging through it must not change what
 * everyone else sees.
 */
function unitBoardAction(deps: AppDeps, verb: string, cardFor: (context: TurnContext, unitId: string, page: number) => Promise<AdaptiveCardJson>) {
  return async (context: TurnContext, _state: unknown, raw: unknown): Promise<AdaptiveCardJson> => {
    const { locale } = turnInfo(context);
    try {
      const data = CardData.of(raw);
      return answerInteractor(context, await cardFor(context, unitIdOf(data), pageOf(data)));
    } catch (error) {
      logRefusal(deps.logger, verb, error);
      return answerInteractor(context, refusalCard(locale, error));
    }
  };
}

/** board.show: a page of the board. */
export const boardShow = (deps: AppDeps) =>
  unitBoardAction(deps, 'board.show', async (context, unitId, page) => {
    const { locale, person } = actor(context);
    return boardCard(locale, await deps.services.ideaViews.board(person, unitId, page));
  });

/** board.closed: the quarter's done and rejected ideas. */
export const boardClosed = (deps: AppDeps) =>
  unitBoardAction(deps, 'board.closed', async (context, unitId, page) => {
    const { locale, person } = actor(context);
    return closedIdeasCard(locale, await deps.services.ideaViews.closedThisQuarter(person, unitId, page));
  });

/** mine.show {page?}: "my items" again, fresh, for the person who pressed only. */
export function myItemsShow(deps: AppDeps) {
  return async (context: TurnContext, _state: unknown, raw: unknown): Promise<AdaptiveCardJson> => {
    const { locale } = turnInfo(context);
    try {
      return answerInteractor(context, await myItems(context, deps, pageOf(CardData.of(raw))));
    } catch (error) {
      logRefusal(deps.logger, 'mine.show', error);
      return answerInteractor(context, refusalCard(locale, error));
    }
  };
}
