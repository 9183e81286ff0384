import { TurnContext } from 'botbuilder';
import { renderCard } from '../../cards/renderer';
import { Locale } from '../../domain/locale';
import { TextKey, t } from '../../i18n';
import { COMMAND_WORDS, Command } from '../../i18n/commandWords';
import { sendCard } from '../replies';
import { turnInfo } from '../turn';

const DESCRIPTIONS: readonly [Command | 'reminders', TextKey][] = [
  ['idea', 'help.command.idea'],
  ['board', 'help.command.board'],
  ['mine', 'help.command.mine'],
  ['benefits', 'help.command.benefits'],
  ['approvals', 'help.command.approvals'],
  ['digest', 'help.command.digest'],
  ['schedule', 'help.command.schedule'],
  ['report', 'help.command.report'],
  ['revision', 'help.command.revision'],
  ['fishbone', 'help.command.fishbone'],
  ['whoami', 'help.command.whoami'],
  ['setup', 'help.command.setup'],
  ['reminders', 'help.command.reminders'],
  ['help', 'help.command.help'],
];

function commandWord(locale: Locale, command: Command | 'reminders'): string {
  const words = COMMAND_WORDS[locale];
  return command === 'reminders' ? `${words.stopReminders[0]} / ${words.startReminders[0]}` : words[command][0];
}

export function helpCard(locale: Locale, lead?: string) {
  return renderCard('help', locale, {
    ...(lead ? { lead } : {}),
    commands: DESCRIPTIONS.map(([command, key]) => ({ word: commandWord(locale, command), text: t(locale, key) })),
  });
}

export async function showHelp(context: TurnContext): Promise<void> {
  await sendCard(context, helpCard(turnInfo(context).locale));
}

/** Anything we do not understand gets a short help card that quotes what was written. */
export async function answerUnknown(context: TurnContext): Promise<void> {
  const { locale } = turnInfo(context);
  const text = (context.activity.text ?? '').trim();
  const quoted = text.length > 60 ? `${text.slice(0, 57)}...` : text;
  await sendCard(context, helpCard(locale, text ? t(locale, 'help.unknown', { text: quoted }) : undefined));
}
