import { Access, accessFor } from '../domain/access';
import { OrganisationSnapshot } from '../domain/organisation';
import { Person } from '../domain/people';
import { Clock } from '../ports/clock';
import { OrganisationRepository } from '../ports/organisationRepository';

/**
 * The organisation's structure, read from storage in one partition query and kept for a short
 * while: every turn needs it for access decisions, and it changes rarely. Writes through this
 * process refresh it at once; another instance's changes show within `maxAgeMs`.
 */
export class OrganisationDirectory {
  private cached?: { snapshot: OrganisationSnapshot; readAt: number };
  private loading?: Promise<OrganisationSnapshot>;

  constructor(
    private readonly repository: OrganisationRepository,
    private readonly clock: Clock,
    private readonly maxAgeMs = 30_000,
  ) {}

  async snapshot(): Promise<OrganisationSnapshot> {
    const now = this.clock.now().getTime();
    if (this.cached && now - this.cached.readAt < this.maxAgeMs) return this.cached.snapshot;
    // Concurrent turns share one read instead of each querying storage.
    this.loading ??= this.repository.load().finally(() => {
      this.loading = undefined;
    });
    const snapshot = await this.loading;
    this.cached = { snapshot, readAt: now };
    return snapshot;
  }

  async accessOf(person: Person): Promise<{ access: Access; org: OrganisationSnapshot }> {
    const org = await this.snapshot();
    return { access: accessFor(person, org), org };
  }

  /** Forget the cached copy, after this process changed the organisation. */
  invalidate(): void {
    this.cached = undefined;
  }
}
