import { Message } from '../message';

/** English: linking a channel to a unit. The reference for this part of nb and da (checked by the compiler). */
export const enSetup = {
  'setup.title': 'Set up Tavla in this channel',
  'setup.intro': "Link this channel to a unit. Tavla will post the unit's board-meeting prompts, ideas and reminders here.",
  'setup.linkHeading': 'Link to an existing unit',
  'setup.unitLabel': 'Unit',
  'setup.unitPlaceholder': 'Choose a unit',
  'setup.linkButton': 'Link channel',
  'setup.createHeading': 'Or create a new unit',
  'setup.nameLabel': 'Name of the new unit',
  'setup.namePlaceholder': 'e.g. Home care north',
  'setup.areaLabel': 'Service area',
  'setup.areaPlaceholder': 'Choose a service area',
  'setup.createButton': 'Create unit and link',
  'setup.noUnits': 'There are no units yet. Create the first one below.',
  'setup.noAreas': 'There are no service areas yet. An administrator must import the organisation first (npm run org -- import).',
  'setup.whoCan': 'Only an administrator, a service-area leader or a unit leader can set up a channel.',
  'setup.linkedTitle': 'This channel belongs to {unit}',
  'setup.linkedText': 'Linked by {name}. {members} in the team were added as members of the unit.',
  'setup.linkedAlready': 'This channel is already linked to {unit}.',
  'setup.members': { one: '{count} person', other: '{count} people' },
  'setup.welcomeChat': 'Hi, I am Tavla. I help your unit keep its improvement work going.',
} as const satisfies Record<string, Message>;
