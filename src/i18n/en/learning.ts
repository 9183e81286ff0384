import { Message } from '../message';

/** English: learning between units (similar ideas, stakeholders, "where else?"). The reference for nb and da. */
export const enLearning = {
  'similar.heading': 'Others have had this idea',
  'similar.intro': 'Before "{title}" is saved: these ideas look like yours. Open one, join it, or save yours anyway.',
  'similar.facts': '{unit} · {status} · {gain}',
  'similar.noGain': 'no realized gain yet',
  'similar.gain': 'realized {gain} per year',
  'similar.open': 'Open',
  'similar.join': 'We have the same problem',
  'similar.submitAnyway': 'Save mine anyway',
  'similar.sameProblem': 'We have the same problem in {unit}.',
  'similar.sameProblemNoUnit': 'We have the same problem.',
  'similar.joined': 'You joined {id}: your comment is on the idea, and yours was not saved.',
} as const satisfies Record<string, Message>;
