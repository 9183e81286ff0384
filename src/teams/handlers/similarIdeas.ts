import { TurnContext } from 'botbuilder';
import { SIMILAR_NUMBER, SIMILAR_SHOWN, SIMILAR_UNIT, ideaFromElsewhereCard, similarIdeasCard } from '../../cards/learningCards';
import { AdaptiveCardJson } from '../../cards/renderer';
import { shortId } from '../../domain/ideas';
import { findUnit } from '../../domain/organisation';
import { t } from '../../i18n';
import { CardData } from '../commands/cardData';
import { IDEA_FORM_INPUTS, IdeaSubmissionCommand, ideaSubmissionOf } from '../commands/ideaCommands';
import { IdeaRef, ideaRefOf } from '../commands/refs';
import { AppDeps } from '../deps';
import { answerInteractor } from '../invokeAnswer';
import { sendCard } from '../replies';
import { actor } from '../turn';
import { isPersonalChat } from '../activityInfo';
import { freshItemCard, refusal } from './ideaItem';
import { IdeaFromElsewhere } from '../../services/learning/similarIdeas';
import { formSetting, buildIdeaForm } from './ideaForm';

/** The form's inputs as they came, to carry on every action of the similar-ideas card. */
const FORM_KEYS = [...IDEA_FORM_INPUTS, 'fixedUnitId'] as const;

/** The similar idea an action of the card is about. */
const similarRefOf = (data: CardData): IdeaRef => ideaRefOf(CardData.of({ unitId: data.token(SIMILAR_UNIT), number: data.token(SIMILAR_NUMBER) }));

/**
 * Before an idea from the form is saved: the similar-ideas card, or undefined to save it as
 * always, when no idea is similar enough or the person already saw them ("save mine anyway").
 * The form is checked first, so a form with problems comes back with them, not with suggestions.
 */
export async function similarBeforeSaving(context: TurnContext, deps: AppDeps, data: CardData, command: IdeaSubmissionCommand): Promise<AdaptiveCardJson | undefined> {
  if (data.token(SIMILAR_SHOWN)) return undefined;
  const { locale, person, org } = actor(context);
  const title = command.idea.title ?? '';
  const suggestions = await deps.services.learning.similar.like(person, { title, situation: command.idea.situation, proposal: command.idea.proposal });
  if (!suggestions.length) return undefined;
  await deps.services.ideaSubmission.check(person, command);
  return similarIdeasCard(locale, title, suggestions, data.typed(FORM_KEYS), org.settings);
}

/**
 * The similar idea as this person may see it: the item card for its own unit's people, a summary
 * (what, where, status, realized gain) for everyone else in the organisation.
 */
async function similarIdeaCard(context: TurnContext, deps: AppDeps, ref: IdeaRef, options: { note?: string; seen?: IdeaFromElsewhere } = {}): Promise<AdaptiveCardJson> {
  const { locale, person, org } = actor(context);
  const seen = options.seen ?? (await deps.services.learning.similar.read(person, ref));
  if (!seen.member) return ideaFromElsewhereCard(locale, seen, org.settings, options.note);
  return freshItemCard(context, deps, ref.unitId, ref.number, options.note ? { note: options.note, noteColor: 'Good' } : {});
}

/**
 * similar.open: in the person's own chat, the similar idea as a card of its own, and the
 * suggestions stay, draft and all. Elsewhere (a channel) a new message would show the idea to
 * everyone there, so only the person who pressed sees it, in place of the suggestions.
 */
export function openSimilar(deps: AppDeps) {
  return async (context: TurnContext, _state: unknown, raw: unknown): Promise<AdaptiveCardJson> => {
    const data = CardData.of(raw);
    try {
      const card = await similarIdeaCard(context, deps, similarRefOf(data));
      if (!isPersonalChat(context.activity)) return answerInteractor(context, card);
      await sendCard(context, card);
      const again = await similarBeforeSaving(context, deps, data, ideaSubmissionOf(data));
      const form = async () => buildIdeaForm(context, deps, await formSetting(context, deps), { values: data.typed(FORM_KEYS) });
      return answerInteractor(context, again ?? (await form()));
    } catch (error) {
      return refusal(context, deps, 'similar.open', error);
    }
  };
}

/**
 * similar.join: "we have the same problem" on the similar idea, in the person's language and
 * under their name, naming the unit they were writing for, whichever unit the idea is in. Their own
 * idea is not saved.
 */
export function joinSimilar(deps: AppDeps) {
  return async (context: TurnContext, _state: unknown, raw: unknown): Promise<AdaptiveCardJson> => {
    const data = CardData.of(raw);
    try {
      const { locale, person, org } = actor(context);
      const { unitId, number } = similarRefOf(data);
      const ownUnitId = data.token('unitId') || data.token('fixedUnitId');
      const ownUnit = ownUnitId ? findUnit(org, ownUnitId) : undefined;
      const text = ownUnit ? t(locale, 'similar.sameProblem', { unit: ownUnit.name }) : t(locale, 'similar.sameProblemNoUnit');
      const seen = await deps.services.learning.similar.join({ ...person, teamsId: context.activity.from.id }, { unitId, number }, text);
      const note = t(locale, 'similar.joined', { id: shortId(seen.unit.code, number) });
      return answerInteractor(context, await similarIdeaCard(context, deps, { unitId, number }, { note, ...(seen.member ? {} : { seen }) }));
    } catch (error) {
      return refusal(context, deps, 'similar.join', error);
    }
  };
}
