import { Access } from '../../domain/access';
import { Totals, totalsFor } from '../../domain/benefits';
import { IdeaStatus } from '../../domain/ideas';
import { canView, standingOf } from '../../domain/ideaRules';
import { OrganisationSnapshot, Unit, findUnit } from '../../domain/organisation';
import { Person } from '../../domain/people';
import { BenefitRepository } from '../../ports/benefitRepository';
import { SearchText } from '../../ports/ideaSearch';
import { OrganisationDirectory } from '../organisationDirectory';
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
 * Ideas like the one being written, from across the organisation: only open and done ones (the
 * index keeps no others), only in units whose board the person may see, at most three, each with
 * its unit, status and realized gain (one read of the idea's registrations per idea shown).
 */
export class SimilarIdeas {
  constructor(
    private readonly index: LiveIdeaIndex,
    private readonly benefits: BenefitRepository,
    private readonly directory: OrganisationDirectory,
  ) {}

  async like(person: Person, text: SearchText, limit = MAX_SUGGESTIONS): Promise<SimilarIdea[]> {
    const hits = this.index.similar(text, CANDIDATES);
    if (!hits.length) return [];
    const { access, org } = await this.directory.accessOf(person);
    const shown = hits.flatMap((hit) => {
      const unit = visibleUnit(access, org, hit.unitId);
      return unit ? [{ ...hit, unit }] : [];
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
}

/** The idea's unit, when the person may see its board (the same rule as opening the idea). */
function visibleUnit(access: Access, org: OrganisationSnapshot, unitId: string): Unit | undefined {
  const unit = findUnit(org, unitId);
  return unit && canView(standingOf(access, unit)) ? unit : undefined;
}
