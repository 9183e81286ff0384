import { TurnContext } from 'botbuilder';
import { t } from '../../i18n';
import { AppDeps } from '../deps';
import { actor } from '../turn';

/** "stop reminders" / "start reminders": everyone decides for themselves, in any chat. */
export async function setReminders(context: TurnContext, deps: AppDeps, on: boolean): Promise<void> {
  const { person, locale } = actor(context);
  await deps.services.people.setReminders(person, on);
  await context.sendActivity(t(locale, on ? 'reminders.started' : 'reminders.stopped'));
}
