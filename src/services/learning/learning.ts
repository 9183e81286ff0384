import { SimilarIdeas } from './similarIdeas';
import { LiveIdeaIndex } from './liveIdeaIndex';
import { Stakeholders } from './stakeholders';
import { WhereElse } from './whereElse';

/** Learning between units: similar ideas at submission, stakeholders, and "where else?". */
export interface LearningServices {
  /** This instance's index of ideas by their words; main.ts starts its build after start-up. */
  readonly index: LiveIdeaIndex;
  readonly similar: SimilarIdeas;
  readonly stakeholders: Stakeholders;
  readonly whereElse: WhereElse;
}
