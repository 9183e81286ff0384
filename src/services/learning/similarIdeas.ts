import { Totals, totalsFor } from '../../domain/benefits';
import { DomainError } from '../../domain/errors';
import { checkComment } from '../../domain/ideaForm';
import { Idea, IdeaRef, IdeaStatus } from '../../domain/ideas';
import { canLearnFrom, canView, standingOf } from '../../domain/ideaRules';
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

/** A similar idea as one person may see it: in full on its unit's board, or as a summary from elsewhere. */
export interface IdeaFromElsewhere {
  readonly idea: Idea;
  readonly unit: Unit;
  readonly realized: Totals;
  /** Takes part in the idea's unit: the item card with its actions; otherwise a summary. */
  readonly member: boolean;
}

/**
 * Ideas like the one being written, from across the organisation (learning between units): only
 * open and done ones (the index keeps no others), at most three, each with its unit, status and
 * realized gain (one read of the idea's registrations per idea shown). Someone outside the idea's
 * unit sees a summary and can join it; the board stays with the unit (see canLearnFrom).
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
    const shown = hits.flatMap((hit) => {
      const unit = findUnit(org, hit.unitId);
      return unit && canLearnFrom(access, org, hit) ? [{ ...hit, unit }] : [];
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
    const [idea, registrations] = await Promise.all([this.ideas.get(ref.unitId, ref.number), this.benefits.forIdea(ref.unitId, ref.number)]);
    if (!idea) throw new DomainError('notFound');
    const member = canView(standingOf(access, unit, idea));
    if (!member && !canLearnFrom(access, org, idea)) throw new DomainError('forbidden');
    return { idea, unit, realized: totalsFor(registrations, ALL_TIME.from, ALL_TIME.to).realized, member };
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
