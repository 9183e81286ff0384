import { Clock } from '../../ports/clock';
import { ReachRepository } from '../../ports/reach';

/** A tenant unknown to the cached copy makes one fresh read at most this often (another instance may know it). */
const REREAD_AFTER_MS = 60_000;

export interface ServiceUrlSettings {
  /** TEAMS_SERVICE_URL: used for a tenant none of whose activities has been seen yet. */
  readonly configured?: string;
  /** ALLOWED_TENANT_IDS: with exactly one, that is the tenant of everyone Tavla has not met. */
  readonly allowedTenantIds: readonly string[];
}

/**
 * Where Tavla reaches each tenant's Bot Connector. The service URL is the same for every user of a
 * tenant (and region), so any activity teaches it; it is stored only when it changes, and kept in
 * memory, so a turn costs no storage call once the tenant is known.
 */
export class TenantServiceUrls {
  private known?: { urls: Map<string, string>; readAt: number };
  private loading?: Promise<Map<string, string>>;

  constructor(
    private readonly repository: ReachRepository,
    private readonly settings: ServiceUrlSettings,
    private readonly clock: Clock,
  ) {}

  async learn(tenantId: string, serviceUrl: string): Promise<void> {
    const tenant = tenantId.toLowerCase();
    const urls = await this.urls();
    if (urls.get(tenant) === serviceUrl) return;
    await this.repository.saveServiceUrl(tenant, serviceUrl, this.clock.now());
    urls.set(tenant, serviceUrl);
  }

  async serviceUrlFor(tenantId: string): Promise<string | undefined> {
    const tenant = tenantId.toLowerCase();
    let urls = await this.urls();
    if (!urls.has(tenant) && this.stale()) urls = await this.urls(true);
    return urls.get(tenant) ?? this.settings.configured;
  }

  async defaultTenant(): Promise<string | undefined> {
    const { allowedTenantIds } = this.settings;
    if (allowedTenantIds.length === 1) return allowedTenantIds[0];
    if (allowedTenantIds.length > 1) return undefined;
    // Local mode (no allow-list): the one tenant that has written, e.g. the Agents Playground's.
    let urls = await this.urls();
    if (urls.size !== 1 && this.stale()) urls = await this.urls(true);
    return urls.size === 1 ? [...urls.keys()][0] : undefined;
  }

  private stale(): boolean {
    return !this.known || this.clock.now().getTime() - this.known.readAt >= REREAD_AFTER_MS;
  }

  private async urls(reread = false): Promise<Map<string, string>> {
    if (this.known && !reread) return this.known.urls;
    // Concurrent turns share one read.
    this.loading ??= this.repository
      .serviceUrls()
      .then((stored) => new Map(stored))
      .finally(() => {
        this.loading = undefined;
      });
    const urls = await this.loading;
    this.known = { urls, readAt: this.clock.now().getTime() };
    return urls;
  }
}
