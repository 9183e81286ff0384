import { Catalog } from './catalog';
import { daBenefits } from './da/benefits';
import { daBoard } from './da/board';
import { daCommon } from './da/common';
import { daIdeas } from './da/ideas';
import { daMeetings } from './da/meetings';
import { daReports } from './da/reports';
import { daRevision } from './da/revision';
import { daFba } from './da/fba';
import { daReach } from './da/reach';
import { daInbox } from './da/inbox';
import { daOnDemand } from './da/onDemand';
import { daRhythm } from './da/rhythm';
import { daSetup } from './da/setup';
import { daTab } from './da/tab';
import { daGoals } from './da/goals';
import { daLearning } from './da/learning';

/**
 * Dansk.
 * Assembled from the parts in ./da; each part has exactly the keys of its English part (checked by the compiler).
 */
export const da: Catalog = {
  ...daCommon,
  ...daSetup,
  ...daIdeas,
  ...daBoard,
  ...daBenefits,
  ...daMeetings,
  ...daRhythm,
  ...daReports,
  ...daRevision,
  ...daFba,
  ...daReach,
  ...daInbox,
  ...daOnDemand,
  ...daTab,
  ...daGoals,
  ...daLearning,
};
