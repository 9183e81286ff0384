import { enBenefits } from './en/benefits';
import { enBoard } from './en/board';
import { enCommon } from './en/common';
import { enIdeas } from './en/ideas';
import { enMeetings } from './en/meetings';
import { enReach } from './en/reach';
import { enRhythm } from './en/rhythm';
import { enSetup } from './en/setup';
import { enTab } from './en/tab';
import { Message } from './message';

/**
 * English: the reference catalog. nb and da must have exactly these keys (checked by the compiler).
 * Assembled from the parts in ./en; a key in two parts would be silently overridden (test/i18n/catalog.test.ts guards it).
 */
export const en = {
  ...enCommon,
  ...enSetup,
  ...enIdeas,
  ...enBoard,
  ...enBenefits,
  ...enMeetings,
  ...enRhythm,
  ...enReach,
  ...enTab,
} as const satisfies Record<string, Message>;
