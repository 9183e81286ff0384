import { Locale } from '../../domain/locale';
import { Clock } from '../../ports/clock';
import { PeopleRepository } from '../../ports/peopleRepository';
import { MentionPlace, ReachDirectory, ReachRepository, UnreachableReason } from '../../ports/reach';
import { OrganisationDirectory } from '../organisationDirectory';
import { mentionUnit } from './mentionUnit';
import { ServiceUrlSettings, TenantServiceUrls } from './tenantServiceUrls';
import { UnreachablePeople } from './unreachablePeople';

/** What an activity tells about reaching people: its tenant's service URL, and that its sender is reachable. */
export interface SeenActivity {
  readonly tenantId?: string;
  readonly serviceUrl?: string;
  readonly aadObjectId?: string;
}

/** An unreachable person as administrators see them. */
export interface UnreachableView {
  readonly aadObjectId: string;
  /** Empty when Tavla knows no name for them. */
  readonly name: string;
  readonly reason: UnreachableReason;
  readonly at: Date;
  readonly detail: string;
}

export interface UnreachableList {
  readonly total: number;
  readonly shown: readonly UnreachableView[];
}

/** Cards list this many unreachable people; the rest are counted. */
export const MAX_LISTED = 15;

/**
 * Reaching people proactively: learns each tenant's service URL from its activities, keeps the
 * list of people who cannot be reached 1:1 (and clears a person as soon as they write), and tells
 * the sender where to @mention someone instead. The sender reaches it through the ReachDirectory port.
 */
export class Reachability implements ReachDirectory {
  private readonly serviceUrls: TenantServiceUrls;
  private readonly unreachable: UnreachablePeople;

  constructor(
    repository: ReachRepository,
    private readonly people: PeopleRepository,
    private readonly directory: OrganisationDirectory,
    clock: Clock,
    settings: ServiceUrlSettings,
  ) {
    this.serviceUrls = new TenantServiceUrls(repository, settings, clock);
    this.unreachable = new UnreachablePeople(repository, clock);
  }

  /** Called for every activity of an allowed tenant; touches storage only when something changed. */
  async noteActivity(seen: SeenActivity): Promise<void> {
    await Promise.all([
      seen.tenantId && seen.serviceUrl ? this.serviceUrls.learn(seen.tenantId, seen.serviceUrl) : undefined,
      seen.aadObjectId ? this.unreachable.heardFrom(seen.aadObjectId) : undefined,
    ]);
  }

  serviceUrlFor(tenantId: string): Promise<string | undefined> {
    return this.serviceUrls.serviceUrlFor(tenantId);
  }

  defaultTenant(): Promise<string | undefined> {
    return this.serviceUrls.defaultTenant();
  }

  isBlocked(aadObjectId: string): Promise<boolean> {
    return this.unreachable.isBlocked(aadObjectId);
  }

  markUnreachable(aadObjectId: string, reason: UnreachableReason, detail: string): Promise<void> {
    return this.unreachable.mark(aadObjectId, reason, detail);
  }

  markReachable(aadObjectId: string): Promise<void> {
    return this.unreachable.heardFrom(aadObjectId);
  }

  async mentionPlace(aadObjectId: string, unitId: string | undefined): Promise<MentionPlace | undefined> {
    const org = await this.directory.snapshot();
    const unit = mentionUnit(org, aadObjectId, unitId);
    if (!unit) return undefined;
    const person = await this.people.get(aadObjectId);
    const locale: Locale = person?.locale ?? org.settings.language;
    return { unitId: unit.id, channel: unit.channel, name: person?.name || unit.names?.[aadObjectId.toLowerCase()] || '', locale };
  }

  /**
   * Who cannot be reached 1:1, most recent first, with the names Tavla knows: the first `limit`
   * (a name costs a point read), and how many there are in all.
   */
  async list(limit = MAX_LISTED): Promise<UnreachableList> {
    const [marked, org] = await Promise.all([this.unreachable.list(), this.directory.snapshot()]);
    const unitName = (id: string) => org.units.map((u) => u.names?.[id]).find((name) => name);
    const shown = await Promise.all(
      marked.slice(0, limit).map(async (person) => ({ ...person, name: (await this.people.get(person.aadObjectId))?.name || unitName(person.aadObjectId) || '' })),
    );
    return { total: marked.length, shown };
  }
}
