import { TurnContext } from 'botbuilder';
import { goalFormCard, goalFormMessage, goalsCard } from '../../cards/goalCards';
import { TextColor } from '../../cards/models';
import { AdaptiveCardJson } from '../../cards/renderer';
import { DomainError, ValidationError } from '../../domain/errors';
import { GoalOwner, findGoal, goalVersion } from '../../domain/goals';
import { Locale } from '../../domain/locale';
import { unitForChannel } from '../../domain/organisation';
import { plural, t } from '../../i18n';
import { AppDeps } from '../deps';
import { cardVerb } from '../cardVerb';
import { errorText } from '../errorText';
import { CardData } from '../commands/cardData';
import { cardErrors } from '../commands/cardForm';
import { GOAL_FORM, GOAL_INPUTS, goalInputOf, goalOwnerOf, shownGoalOf } from '../commands/goalCommands';
import { logRefusal } from '../refusals';
import { sendCard } from '../replies';
import { actor, turnInfo } from '../turn';

/** A refusal names who sets which goals; other failures get the usual text. */
const refusalText = (locale: Locale, error: unknown): string => errorText(locale, error, t(locale, 'goals.forbidden'));

const FORM = { ...GOAL_FORM, message: goalFormMessage };

type Note = { readonly text: string; readonly color: TextColor };

/** The goals card of one owner, fresh, with a note on top (what was saved, or why not). */
async function goalsCardFor(context: TurnContext, deps: AppDeps, owner: GoalOwner | undefined, note?: Note): Promise<AdaptiveCardJson> {
  const { locale, person } = actor(context);
  const view = await deps.services.goalViews.forOwner(person, owner);
  return goalsCard(locale, { ...view, settings: view.org.settings }, note);
}

/**
 * "mål" / "goals": the goals of the channel's unit, or the person's own unit (the organisation's
 * for someone in none), each with the chain up to the organisation's goal and what serves it;
 * the other owners the person has to do with are a button away.
 */
export async function showGoals(context: TurnContext, deps: AppDeps): Promise<void> {
  const { locale, org } = turnInfo(context);
  try {
    const unit = unitForChannel(org, context.activity.conversation.id);
    await sendCard(context, await goalsCardFor(context, deps, unit ? { level: 'unit', ownerId: unit.id } : undefined));
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    logRefusal(deps.logger, 'goals', error);
    await context.sendActivity(refusalText(locale, error));
  }
}

/** A goals card action, answered to the person who pressed only; a refusal comes back as a notice. */
const goalAction = (deps: AppDeps, verb: string, answer: (context: TurnContext, data: CardData) => Promise<AdaptiveCardJson>) => cardVerb(deps, verb, refusalText, answer);

/** goals.show {level, ownerId}: another owner's goals, or the same again. */
export const goalsShow = (deps: AppDeps) => goalAction(deps, 'goals.show', (context, data) => goalsCardFor(context, deps, goalOwnerOf(data)));

/** goals.form {level, ownerId, goalId?, version?}: the form for a new goal, or for the goal as the card showed it. */
export const goalsForm = (deps: AppDeps) =>
  goalAction(deps, 'goals.form', async (context, data) => {
    const { locale, person } = actor(context);
    const owner = goalOwnerOf(data) ?? { level: 'organisation' };
    const shown = shownGoalOf(data);
    const view = await deps.services.goalViews.forOwner(person, owner, { figures: false });
    if (!view.canSet) throw new DomainError('forbidden');
    const goal = shown ? findGoal(view.org.goals, shown.goalId) : undefined;
    if (shown && !goal) throw new DomainError('notFound');
    if (goal?.closed) return goalsCardFor(context, deps, owner, { text: t(locale, 'error.staleCard'), color: 'Attention' });
    const stale = goal && shown && goalVersion(goal) !== shown.version;
    return goalFormCard(locale, { owner, ownerName: view.name, ...(goal ? { goal } : {}), parents: view.parents, ...(stale ? { note: { text: t(locale, 'error.staleCard'), color: 'Attention' } } : {}) });
  });

/** goals.save {level, ownerId, goalId?, version?, title, measure, target, parentId}: stored, and the goals card says so. */
export const goalsSave = (deps: AppDeps) =>
  goalAction(deps, 'goals.save', async (context, data) => {
    const { locale, person } = actor(context);
    const owner = goalOwnerOf(data) ?? { level: 'organisation' };
    const shown = shownGoalOf(data);
    const input = goalInputOf(data);
    try {
      const saved = shown ? await deps.services.goalSetting.edit(person, shown, input) : await deps.services.goalSetting.add(person, owner, input);
      return goalsCardFor(context, deps, owner, { text: t(locale, 'goals.saved', { title: saved.title }), color: 'Good' });
    } catch (error) {
      if (error instanceof ValidationError) {
        const view = await deps.services.goalViews.forOwner(person, owner, { figures: false });
        const goal = shown ? findGoal(view.org.goals, shown.goalId) : undefined;
        return goalFormCard(locale, {
          owner,
          ownerName: view.name,
          ...(goal ? { goal } : {}),
          parents: view.parents,
          values: data.typed(GOAL_INPUTS),
          errors: cardErrors(locale, error, FORM),
          note: { text: t(locale, 'error.invalid'), color: 'Attention' },
        });
      }
      // Someone changed or closed the goal since the card was made: show the goals as they are now.
      if (error instanceof DomainError && (error.code === 'staleCard' || error.code === 'conflict')) {
        return goalsCardFor(context, deps, owner, { text: errorText(locale, error), color: 'Attention' });
      }
      throw error;
    }
  });

/** goals.close {level, ownerId, goalId, version}: the goal and its breakdown closed; the goals card says how many. */
export const goalsClose = (deps: AppDeps) =>
  goalAction(deps, 'goals.close', async (context, data) => {
    const { locale, person } = actor(context);
    const owner = goalOwnerOf(data) ?? { level: 'organisation' };
    const shown = shownGoalOf(data);
    if (!shown) throw new DomainError('notFound');
    try {
      const [goal, ...below] = await deps.services.goalSetting.close(person, shown);
      const text = below.length ? plural(locale, 'goals.closedBreakdown', below.length, { title: goal.title }) : t(locale, 'goals.closedOne', { title: goal.title });
      return goalsCardFor(context, deps, owner, { text, color: 'Good' });
    } catch (error) {
      if (error instanceof DomainError && (error.code === 'staleCard' || error.code === 'conflict')) {
        return goalsCardFor(context, deps, owner, { text: errorText(locale, error), color: 'Attention' });
      }
      throw error;
    }
  });
