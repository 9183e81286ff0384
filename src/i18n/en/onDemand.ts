import { Message } from '../message';

/** English: the weekly digest on demand, and "send now" on the delivery status. The reference for this part of nb and da (checked by the compiler). */
export const enOnDemand = {
  'help.command.digest': 'your weekly digest, now (leaders)',
  'digestNow.periodSoFar': '{from} – {to} (so far)',
  'digestNow.thisWeek': 'This week so far',
  'digestNow.lastWeek': 'Last week',
  'digestNow.notRecipient': 'The weekly digest is for unit leaders, service-area leaders, the executive group and Lean coaches, so there is none for you.',

  'sendNow.heading': 'Send now',
  'sendNow.intro': "Runs today's job at once. Each goes out once a day: what was already sent today is not sent again.",
  'sendNow.unitLabel': 'Unit',
  'sendNow.unitRequired': 'Choose a unit.',
  'sendNow.prompt': 'Send the meeting prompt now',
  'sendNow.reminders': "Send today's reminders now",
  'sendNow.noChannels': 'No unit has a linked channel yet, so there is no meeting prompt to send.',
  'sendNow.queued': { one: 'Sent now: {count} message is queued for delivery.', other: 'Sent now: {count} messages are queued for delivery.' },
  'sendNow.alreadyDone': 'Already done today: Tavla sends it once a day.',
  'sendNow.alreadyDoneAt': 'Already done today, at {time}: Tavla sends it once a day.',
  'sendNow.nothing': 'Nothing to send right now.',
  'sendNow.noChannel': '{unit} has no linked channel, so its meeting prompt cannot be posted.',
} as const satisfies Record<string, Message>;
