import { LocalDate } from '../../domain/dates';
import { Idea } from '../../domain/ideas';
import { AuditEntry, IdeaComment, IdeaRepository, SubmittedIdea } from '../../ports/ideaRepository';
import { LiveIdeaIndex } from './liveIdeaIndex';

/** Told of every idea once it is stored; must not throw (it cannot undo the write). */
export type IdeaListener = (idea: Idea) => Promise<void>;

/**
 * The idea repository that keeps the similar-ideas index current: every idea created or changed
 * through it (submissions, status changes, any edit) is put in the index once stored, and the
 * listeners are told ("where else?" asks when an idea is done).
 */
export class IndexedIdeas implements IdeaRepository {
  constructor(
    private readonly ideas: IdeaRepository,
    private readonly index: LiveIdeaIndex,
    /** Filled in by the composition once the services that listen exist. */
    readonly listeners: IdeaListener[] = [],
  ) {}

  async create(unitId: string, build: (number: number) => Idea, audit: (idea: Idea) => AuditEntry): Promise<Idea> {
    return this.written(await this.ideas.create(unitId, build, audit));
  }

  async update(unitId: string, number: number, change: (current: Idea) => Idea, audit: (before: Idea, after: Idea) => AuditEntry): Promise<Idea> {
    return this.written(await this.ideas.update(unitId, number, change, audit));
  }

  get(unitId: string, number: number): Promise<Idea | undefined> {
    return this.ideas.get(unitId, number);
  }

  live(unitId: string): Promise<Idea[]> {
    return this.ideas.live(unitId);
  }

  closedBetween(unitId: string, from: LocalDate, to: LocalDate): Promise<Idea[]> {
    return this.ideas.closedBetween(unitId, from, to);
  }

  submittedBetween(unitId: string, from: LocalDate, to: LocalDate): Promise<SubmittedIdea[]> {
    return this.ideas.submittedBetween(unitId, from, to);
  }

  addComment(unitId: string, number: number, comment: IdeaComment): Promise<void> {
    return this.ideas.addComment(unitId, number, comment);
  }

  recordFirstResponse(unitId: string, number: number, at: string): Promise<void> {
    return this.ideas.recordFirstResponse(unitId, number, at);
  }

  comments(unitId: string, number: number, limit: number): Promise<IdeaComment[]> {
    return this.ideas.comments(unitId, number, limit);
  }

  history(unitId: string, number: number): Promise<AuditEntry[]> {
    return this.ideas.history(unitId, number);
  }

  private async written(idea: Idea): Promise<Idea> {
    this.index.put(idea);
    for (const listener of this.listeners) await listener(idea);
    return idea;
  }
}
