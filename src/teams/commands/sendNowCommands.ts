import { ManualRun } from '../../ports/jobTrigger';
import { CardData } from './cardData';
import { unitIdOf } from './refs';

/** The status card's "send now" buttons; the unit comes from the card's unit choice. */

export const PROMPT_UNIT_INPUT = 'promptUnitId';

/** pipeline.sendPrompt: undefined when no unit was chosen (Teams normally stops that on the card). */
export function promptRunOf(data: CardData): ManualRun | undefined {
  if (!data.token(PROMPT_UNIT_INPUT)) return undefined;
  return { job: 'prompt', unitId: unitIdOf(data, PROMPT_UNIT_INPUT) };
}

export const REMINDER_RUN: ManualRun = { job: 'reminder' };
