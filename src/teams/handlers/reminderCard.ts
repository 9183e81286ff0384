import { TurnContext } from 'botbuilder';
import { reminderCard } from '../../cards/rhythmCards';
import { AdaptiveCardJson } from '../../cards/renderer';
import { localDate } from '../../domain/dates';
import { DomainError, ValidationError } from '../../domain/errors';
import { t } from '../../i18n';
import { formatDate } from '../../i18n/format';
import { IdeaCommand } from '../../services/ideas/ideaChanges';
import { AppDeps } from '../deps';
import { errorText } from '../errorText';
import { CardData } from '../commands/cardData';
import { cardErrors } from '../commands/cardForm';
import { REMINDER_FORM, ReminderItem, itemInputOf, reminderItemOf } from '../commands/reminderCommands';
import { logRefusal, refusalNotice } from '../refusals';
import { answerInteractor } from '../invokeAnswer';
import { actor } from '../turn';

/** The reminder card again, with what is overdue now and a note about what just happened. */
async function freshReminder(context: TurnContext, deps: AppDeps, note: string, good: boolean): Promise<AdaptiveCardJson> {
  const { locale, person, org } = actor(context);
  const today = localDate(deps.clock.now(), org.settings.timeZone);
  const items = await deps.services.overdueReminders.ownedBy(person, today);
  return reminderCard(locale, items, { today, org, note, noteColor: good ? 'Good' : 'Attention' });
}

type Action = (context: TurnContext, deps: AppDeps, item: ReminderItem, data: CardData) => Promise<string>;

/** Runs one reminder button; success and refusal both answer with the fresh reminder card. */
function reminderVerb(deps: AppDeps, action: Action) {
  return async (context: TurnContext, _state: unknown, raw: unknown): Promise<AdaptiveCardJson> => {
    const { locale } = actor(context);
    const data = CardData.of(raw);
    let item: ReminderItem;
    try {
      item = reminderItemOf(data);
    } catch (error) {
      // Not about an item of ours: answered before anything is read.
      logRefusal(deps.logger, 'reminder', error);
      return answerInteractor(context, refusalNotice(locale, errorText(locale, error)));
    }
    let note: string;
    let good = true;
    try {
      note = await action(context, deps, item, data);
    } catch (error) {
      good = false;
      if (!(error instanceof ValidationError)) logRefusal(deps.logger, 'reminder', error);
      note = error instanceof ValidationError ? Object.values(cardErrors(locale, error, REMINDER_FORM)).join(' ') : errorText(locale, error);
    }
    return answerInteractor(context, await freshReminder(context, deps, note, good));
  };
}

async function change(context: TurnContext, deps: AppDeps, item: ReminderItem, command: IdeaCommand): Promise<string> {
  const { person } = actor(context);
  const { idea } = await deps.services.ideaChanges.apply({ ...person, teamsId: context.activity.from.id }, { unitId: item.unitId, number: item.ideaNumber }, command);
  return item.actionId === undefined ? idea.title : (idea.actions.find((a) => a.id === item.actionId)?.text ?? idea.title);
}

const markDone: Action = async (context, deps, item) => {
  if (item.actionId === undefined) throw new DomainError('notFound');
  const text = await change(context, deps, item, { kind: 'completeAction', actionId: item.actionId });
  return t(actor(context).locale, 'reminder.doneNote', { text });
};

const rescheduleItem: Action = async (context, deps, item, data) => {
  const dueDate = itemInputOf(data) ?? '';
  const text = await change(context, deps, item, { kind: 'reschedule', ...(item.actionId !== undefined ? { actionId: item.actionId } : {}), dueDate });
  return t(actor(context).locale, 'reminder.rescheduledNote', { text, date: formatDate(actor(context).locale, String(dueDate).slice(0, 10)) });
};

const handOverItem: Action = async (context, deps, item, data) => {
  const { locale, person } = actor(context);
  const ownerId = itemInputOf(data) ?? '';
  const { idea } = await deps.services.ideaChanges.apply({ ...person, teamsId: context.activity.from.id }, { unitId: item.unitId, number: item.ideaNumber }, { kind: 'handOver', ...(item.actionId !== undefined ? { actionId: item.actionId } : {}), ownerId });
  const handed = item.actionId === undefined ? { text: idea.title, name: idea.owner?.name ?? '' } : { text: idea.actions.find((a) => a.id === item.actionId)?.text ?? '', name: idea.actions.find((a) => a.id === item.actionId)?.owner?.name ?? '' };
  return t(locale, 'reminder.handedOverNote', handed);
};

const snooze: Action = async (context, deps, item) => {
  const { locale, person, org } = actor(context);
  const today = localDate(deps.clock.now(), org.settings.timeZone);
  const until = await deps.services.overdueReminders.snooze(person, item, today);
  const items = await deps.services.overdueReminders.ownedBy(person, today);
  const text = items.find((i) => i.unitId === item.unitId && i.ideaNumber === item.ideaNumber && i.actionId === item.actionId)?.text ?? '';
  return t(locale, 'reminder.snoozedNote', { text, date: formatDate(locale, until) });
};

/** The reminder card's buttons: mark done, new due date, hand over, snooze a week. */
export const REMINDER_VERBS: readonly [string, Action][] = [
  ['reminder.done', markDone],
  ['reminder.reschedule', rescheduleItem],
  ['reminder.handOver', handOverItem],
  ['reminder.snooze', snooze],
];

export const reminderHandler = reminderVerb;
