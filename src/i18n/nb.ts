import { Catalog } from './catalog';
import { nbBenefits } from './nb/benefits';
import { nbBoard } from './nb/board';
import { nbCommon } from './nb/common';
import { nbIdeas } from './nb/ideas';
import { nbMeetings } from './nb/meetings';
import { nbReports } from './nb/reports';
import { nbRevision } from './nb/revision';
import { nbFba } from './nb/fba';
import { nbReach } from './nb/reach';
import { nbInbox } from './nb/inbox';
import { nbOnDemand } from './nb/onDemand';
import { nbRhythm } from './nb/rhythm';
import { nbSetup } from './nb/setup';
import { nbTab } from './nb/tab';
import { nbGoals } from './nb/goals';
import { nbLearning } from './nb/learning';

/**
 * Norsk bokmål.
 * Assembled from the parts in ./nb; each part has exactly the keys of its English part (checked by the compiler).
 */
export const nb: Catalog = {
  ...nbCommon,
  ...nbSetup,
  ...nbIdeas,
  ...nbBoard,
  ...nbBenefits,
  ...nbMeetings,
  ...nbRhythm,
  ...nbReports,
  ...nbRevision,
  ...nbFba,
  ...nbReach,
  ...nbInbox,
  ...nbOnDemand,
  ...nbTab,
  ...nbGoals,
  ...nbLearning,
};
