import { Locale } from '../domain/locale';

export const COMMANDS = ['status', 'help', 'idea', 'board', 'mine', 'benefits', 'whoami', 'setup', 'stopReminders', 'startReminders', 'schedule', 'approvals', 'digest', 'report', 'revision', 'fishbone'] as const;
export type Command = (typeof COMMANDS)[number];

/**
 * The words that start each command, per language. The first word of each list is the one shown
 * in help. Every language's words are understood whatever the user's locale, because people mix.
 */
export const COMMAND_WORDS: Readonly<Record<Locale, Readonly<Record<Command, readonly string[]>>>> = {
  en: {
    status: ['status', 'pipeline'],
    help: ['help', '?', 'commands'],
    idea: ['idea', 'new idea', 'propose'],
    board: ['board', 'improvement board'],
    mine: ['my items', 'mine', 'my'],
    benefits: ['benefits', 'gains'],
    whoami: ['who am i', 'whoami', 'me'],
    setup: ['setup', 'set up'],
    stopReminders: ['stop reminders'],
    startReminders: ['start reminders'],
    schedule: ['schedule', 'meeting schedule'],
    report: ['report', 'reports'],
    revision: ['revision', 'half-yearly revision', 'gemba'],
    fishbone: ['fishbone', 'fishbone analysis', 'fba'],
    approvals: ['approvals', 'my approvals'],
    digest: ['digest', 'weekly digest'],
  },
  nb: {
    status: ['status', 'utsendinger'],
    help: ['hjelp', 'kommandoer'],
    idea: ['idé', 'ide', 'nytt forslag', 'forslag', 'forbedringsforslag'],
    board: ['tavle', 'tavla', 'forbedringstavle'],
    mine: ['mine', 'mine saker', 'mitt'],
    benefits: ['gevinster', 'gevinst'],
    whoami: ['hvem er jeg', 'meg'],
    setup: ['oppsett', 'sett opp'],
    stopReminders: ['stopp påminnelser', 'stop påminnelser'],
    startReminders: ['start påminnelser'],
    schedule: ['møteplan', 'tavlemøteplan'],
    report: ['rapport', 'rapporter'],
    revision: ['revisjon', 'halvårlig revisjon', 'gemba'],
    fishbone: ['fiskebein', 'fiskebeinsanalyse', 'fba'],
    approvals: ['godkjenninger', 'mine godkjenninger'],
    digest: ['ukerapport', 'ukesrapport'],
  },
  da: {
    status: ['status', 'udsendelser'],
    help: ['hjælp', 'kommandoer'],
    idea: ['idé', 'ide', 'nyt forslag', 'forslag', 'forbedringsforslag'],
    board: ['tavle', 'forbedringstavle'],
    mine: ['mine', 'mine sager'],
    benefits: ['gevinster', 'gevinst'],
    whoami: ['hvem er jeg', 'mig'],
    setup: ['opsætning', 'opsæt'],
    stopReminders: ['stop påmindelser'],
    startReminders: ['start påmindelser'],
    schedule: ['mødeplan', 'tavlemødeplan'],
    report: ['rapport', 'rapporter'],
    revision: ['revision', 'halvårlig revision', 'gemba'],
    fishbone: ['fiskeben', 'fiskebensanalyse', 'fba'],
    approvals: ['godkendelser', 'mine godkendelser'],
    digest: ['ugerapport', 'ugens rapport'],
  },
};

export interface ParsedCommand {
  readonly command: Command;
  /** What followed the command word, e.g. the title in "idé Færre vaktbytter". */
  readonly rest: string;
}

/** Longest phrases first, so "my items" wins over "my" and "mine sager" over "mine". */
const PHRASES: readonly { phrase: string; command: Command }[] = Object.values(COMMAND_WORDS)
  .flatMap((words) => Object.entries(words).flatMap(([command, phrases]) => phrases.map((phrase) => ({ phrase, command: command as Command }))))
  .sort((a, b) => b.phrase.length - a.phrase.length);

/** Only these commands take text after the command word; the rest must be the whole message. */
const TAKES_TEXT: ReadonlySet<Command> = new Set<Command>(['idea']);

/** Recognises a command at the start of a message, in any of the three languages. */
export function parseCommand(text: string): ParsedCommand | undefined {
  const cleaned = text.normalize('NFC').trim().replace(/^\/+/, '').replace(/\s+/g, ' ');
  const lower = cleaned.toLowerCase();
  const bare = lower === '?' ? lower : lower.replace(/[.!?]+$/, '');
  for (const { phrase, command } of PHRASES) {
    if (bare === phrase) return { command, rest: '' };
    if (TAKES_TEXT.has(command) && (lower.startsWith(`${phrase} `) || lower.startsWith(`${phrase}:`))) {
      return { command, rest: cleaned.slice(phrase.length).replace(/^[:\s]+/, '').trim() };
    }
  }
  return undefined;
}
