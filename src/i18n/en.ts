import { enBenefits } from './en/benefits';
import { enBoard } from './en/board';
import { enCommon } from './en/common';
import { enIdeas } from './en/ideas';
import { enMeetings } from './en/meetings';
import { enReports } from './en/reports';
import { enRevision } from './en/revision';
import { enFba } from './en/fba';
import { enReach } from './en/reach';
import { enInbox } from './en/inbox';
import { enOnDemand } from './en/onDemand';
import { enRhythm } from './en/rhythm';
import { enSetup } from './en/setup';
import { enTab } from './en/tab';
import { enGoals } from './en/goals';
import { enLearning } from './en/learning';
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
  ...enReports,
  ...enRevision,
  ...enFba,
  ...enReach,
  ...enInbox,
  ...enOnDemand,
  ...enTab,
  ...enGoals,
  ...enLearning,
} as const satisfies Record<string, Message>;
