import { Totals, totalsFor } from '../../domain/benefits';
import { DomainError } from '../../domain/errors';
import { checkComment } from '../../domain/ideaForm';
import { Idea, IdeaRef, IdeaStatus } from '../../domain/ideas';
import { canView, learnsAcrossUnits, offeredToOtherUnits, standingOf } from '../../domain/ideaRules';
import { Unit, findUnit } from '../../domain/organisation';
import { Person } from '../../domain/people';
import { displayName } from '../../domain/text';
import { BenefitRepository } from '../../ports/benefitRepository';
import { Clock } from '../../ports/clock';
import { IdeaRepository } from '../../ports/ideaRepository';
import { SearchText } from '../../ports/ideaSearch';
import { OrganisationDirectory } from '../organisationDirectory';
import { IdeaChanges } from '../ideas/ideaChanges';
import { LiveIdeaIndex } from './liveIdeaIndex';

/** At most this many similar ideas are shown before an idea is saved. */
export const MAX_SUGGESTIONS = 3;
/** Hits read from the index before those the person may not see are left out. */
const CANDIDATES = 20;
const ALL_TIME = { from: '0000-01-01', to: '9999-12-31' } as const;

export interface SimilarIdea {
  readonly unit: Unit;
  readonly number: number;
  readonly title: string;
  readonly status: IdeaStatus;
  /** Approved realized gains, per year. */
  readonly realized: Totals;
}

/**
 * A similar idea as one person may see it: a member of its unit gets the item card with its
 * actions (read by the item view); anyone else a summary with its realized gain.
 */
export type IdeaFromElsewhere =
  | { readonly member: true; readonly idea: Idea; readonly unit: Unit }
  | { readonly member: false; readonly idea: Idea; readonly unit: Unit; readonly realized: Totals };

/**
 * Ideas like the one being written, from across the organisation (learning between units): only
 * open and done ones (the index keeps no others), at most three, each with its unit, status and
 * realized gain (one read of the idea's registrations per idea shown). Someone outside the idea's
 * unit sees a summary and can join it; the board stays with the unit (see learnsAcrossUnits).
 */
export class SimilarIdeas {
  constructor(
    private readonly index: LiveIdeaIndex,
    private readonly ideas: IdeaRepository,
    private readonly benefits: BenefitRepository,
    private readonly directory: OrganisationDirectory,
    private readonly changes: IdeaChanges,
    private readonly clock: Clock,
  ) {}

  async like(person: Person, text: SearchText, limit = MAX_SUGGESTIONS): Promise<SimilarIdea[]> {
    const hits = this.index.similar(text, CANDIDATES);
    if (!hits.length) return [];
    const { access, org } = await this.directory.accessOf(person);
    if (!learnsAcrossUnits(access, org)) return [];
    const shown = hits.flatMap((hit) => {
      const unit = findUnit(org, hit.unitId);
      return unit && offeredToOtherUnits(hit) ? [{ ...hit, unit }] : [];
    }).slice(0, limit);
    return Promise.all(
      shown.map(async (hit) => ({
        unit: hit.unit,
        number: hit.number,
        title: hit.title,
        status: hit.status,
        realized: totalsFor(await this.benefits.forIdea(hit.unitId, hit.number), ALL_TIME.from, ALL_TIME.to).realized,
      })),
    );
  }

  /** One similar idea, in full for its unit's people, as a summary for the rest of the organisation. */
  async read(person: Person, ref: IdeaRef): Promise<IdeaFromElsewhere> {
    const { access, org } = await this.directory.accessOf(person);
    const unit = findUnit(org, ref.unitId);
    if (!unit) throw new DomainError('notFound');
    const idea = await this.ideas.get(ref.unitId, ref.number);
    if (!idea) throw new DomainError('notFound');
    if (canView(standingOf(access, unit, idea))) return { member: true, idea, unit };
    if (!learnsAcrossUnits(access, org) || !offeredToOtherUnits(idea)) throw new DomainError('forbidden');
    // Only the summary shows the gain: one range query bounded by the idea.
    const realized = totalsFor(await this.benefits.forIdea(ref.unitId, ref.number), ALL_TIME.from, ALL_TIME.to).realized;
    return { member: false, idea, unit, realized };
  }

  /**
   * "We have the same problem": a comment on the similar idea. From its own unit it is a comment
   * like any other; from elsewhere it is stored the same way but is not the unit's first answer.
   */
  async join(person: Person & { teamsId?: string }, ref: IdeaRef, text: string): Promise<IdeaFromElsewhere> {
    const checked = checkComment({ text });
    const seen = await this.read(person, ref);
    if (seen.member) await this.changes.comment(person, ref, { text: checked });
    else await this.ideas.addComment(ref.unitId, ref.number, { at: this.clock.now().toISOString(), by: { id: person.aadObjectId, name: displayName(person.name) }, text: checked });
    return seen;
  }
}
