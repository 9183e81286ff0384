import { Message } from '../message';

/** English: the improvement board and my items. The reference for this part of nb and da (checked by the compiler). */
export const enBoard = {
  'board.title': 'Improvement board – {unit}',
  'board.empty': 'Nothing needs attention. Propose the next idea!',
  'board.open': 'Open',
  'board.newIdea': 'New idea',
  'board.page': 'Page {page} of {pages}',
  'board.next': 'Next',
  'board.previous': 'Previous',
  'board.chooseUnit': "Which unit's board do you want to see?",
  'board.show': 'Show board',
  'board.noOwner': 'no owner',
  'board.dueOn': 'due {date}',
  'board.overdueTag': 'OVERDUE',
  'board.benefitMissingTag': 'BENEFIT MISSING',
  'board.notInUnit': 'You are not in any unit yet, so there is no board to show.',
  'board.refresh': 'Refresh',
  'board.forbidden': 'Only people in the unit and those who lead or support it can see its board.',
  'mine.title': 'My items',
  'mine.empty': 'Nothing is waiting for you. Well done!',
  'mine.open': 'Open',
  'mine.refresh': 'Refresh',
} as const satisfies Record<string, Message>;
