import { addDays, localDate } from '../../domain/dates';
import { Idea } from '../../domain/ideas';
import { Locale } from '../../domain/locale';
import { IdeaRepository } from '../../ports/ideaRepository';
import { IdeaSearch, SearchText, SimilarHit } from '../../ports/ideaSearch';
import { Logger } from '../../ports/logger';
import { Clock } from '../../ports/clock';
import { OrganisationDirectory } from '../organisationDirectory';

/** Ideas done before this were all written by Tavla's first release: the start-up build reads from here. */
const FIRST_DAY = '2000-01-01';

const yieldToOthers = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * This instance's search index of ideas across the organisation, in the organisation's language.
 * Built from storage once at start, a unit at a time (its live work, then its done ideas), yielding
 * between units so that answers to people never wait for it; until it has started, similar ideas
 * are simply not offered. Every idea this instance writes is put in as it is written.
 */
export class LiveIdeaIndex {
  private index?: IdeaSearch;
  private building?: Promise<void>;

  constructor(
    private readonly ideas: IdeaRepository,
    private readonly directory: OrganisationDirectory,
    private readonly clock: Clock,
    private readonly logger: Logger,
    private readonly create: (locale: Locale) => IdeaSearch,
  ) {}

  /** Starts the build once; later calls wait for the same one. */
  build(): Promise<void> {
    this.building ??= this.load().catch((error: unknown) => {
      this.building = undefined;
      this.logger.warn({ err: error instanceof Error ? error.message : String(error) }, 'could not build the similar-ideas index; it is built again on the next call');
    });
    return this.building;
  }

  /** An idea as this instance wrote it. */
  put(idea: Idea): void {
    this.index?.put(idea);
  }

  similar(text: SearchText, limit: number, except?: { readonly unitId: string; readonly number: number }): SimilarHit[] {
    return this.index?.similar(text, limit, except) ?? [];
  }

  get size(): number {
    return this.index?.size ?? 0;
  }

  private async load(): Promise<void> {
    const org = await this.directory.snapshot();
    const index = this.create(org.settings.language);
    // Writes from now on go in at once; the build's older copies of them are ignored by version.
    this.index = index;
    const tomorrow = addDays(localDate(this.clock.now(), org.settings.timeZone), 1);
    const started = Date.now();
    for (const unit of org.units) {
      const [live, closed] = await Promise.all([this.ideas.live(unit.id), this.ideas.closedBetween(unit.id, FIRST_DAY, tomorrow)]);
      for (const idea of live) index.put(idea);
      for (const idea of closed) index.put(idea);
      await yieldToOthers();
    }
    this.logger.info({ ideas: index.size, units: org.units.length, ms: Date.now() - started }, 'similar-ideas index built');
  }
}
