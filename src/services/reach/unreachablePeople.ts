import { Clock } from '../../ports/clock';
import { ReachRepository, UnreachablePerson, UnreachableReason } from '../../ports/reach';

/**
 * The list is re-read at most this often on the turn path. A mark made by another instance is
 * therefore noticed on a person's writes from a minute later; the sender confirms a "blocked" mark
 * with a point read before it skips anyone, so a stale copy never loses a message.
 */
const REREAD_AFTER_MS = 60_000;

/**
 * People Tavla could not reach 1:1, and why. A person is marked when Teams refuses (one row per
 * person, replaced on a new mark) and unmarked as soon as they write to the bot again. Checking
 * on every turn costs nothing: the small list is kept in memory.
 */
export class UnreachablePeople {
  private cached?: { byId: Map<string, UnreachablePerson>; readAt: number };
  private loading?: Promise<Map<string, UnreachablePerson>>;

  constructor(
    private readonly repository: ReachRepository,
    private readonly clock: Clock,
  ) {}

  async mark(aadObjectId: string, reason: UnreachableReason, detail: string): Promise<void> {
    const person: UnreachablePerson = { aadObjectId: aadObjectId.toLowerCase(), reason, at: this.clock.now(), detail };
    await this.repository.saveUnreachable(person);
    (await this.current()).set(person.aadObjectId, person);
  }

  /** Blocked for certain: the cached mark is confirmed by a point read (it may have been cleared elsewhere). */
  async isBlocked(aadObjectId: string): Promise<boolean> {
    const id = aadObjectId.toLowerCase();
    const byId = await this.current();
    if (byId.get(id)?.reason !== 'blocked') return false;
    const stored = await this.repository.getUnreachable(id);
    if (stored) byId.set(id, stored);
    else byId.delete(id);
    return stored?.reason === 'blocked';
  }

  /** The person wrote to the bot: reachable again. */
  async heardFrom(aadObjectId: string): Promise<void> {
    const id = aadObjectId.toLowerCase();
    const byId = await this.current();
    if (!byId.has(id)) return;
    await this.repository.removeUnreachable(id);
    byId.delete(id);
  }

  /** Read fresh: administrators see the current state. Most recent first. */
  async list(): Promise<UnreachablePerson[]> {
    const byId = await this.load();
    return [...byId.values()].sort((a, b) => b.at.getTime() - a.at.getTime());
  }

  private async current(): Promise<Map<string, UnreachablePerson>> {
    if (this.cached && this.clock.now().getTime() - this.cached.readAt < REREAD_AFTER_MS) return this.cached.byId;
    return this.load();
  }

  private async load(): Promise<Map<string, UnreachablePerson>> {
    this.loading ??= this.repository
      .listUnreachable()
      .then((people) => new Map(people.map((p) => [p.aadObjectId, p])))
      .finally(() => {
        this.loading = undefined;
      });
    const byId = await this.loading;
    this.cached = { byId, readAt: this.clock.now().getTime() };
    return byId;
  }
}
