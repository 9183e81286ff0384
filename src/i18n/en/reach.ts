import { Message } from '../message';

/** English: reaching people who cannot get a personal chat, and the administrators' list of them. */
export const enReach = {
  'reach.mentionIntro': '{name}, this is for you. Tavla could not send it to you in a personal chat: add Tavla under Apps in Teams to get messages like this there.',
  'reach.someone': 'Colleague',
  'reach.heading': 'Not reachable in a personal chat ({count})',
  'reach.line': '{name} – {reason} (since {at})',
  'reach.more': { one: 'and {count} more', other: 'and {count} more' },
  'reach.hint': 'Messages for them go to their unit channel with an @mention where the unit has one. They are reachable again as soon as they write to Tavla.',
  'reach.reason.blocked': 'blocked or removed Tavla',
  'reach.reason.notInstalled': 'Tavla is not installed for them',
  'reach.reason.noServiceUrl': 'nobody in their organisation has written to Tavla yet',
} as const satisfies Record<string, Message>;
