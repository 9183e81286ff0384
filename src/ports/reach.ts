import { Locale } from '../domain/locale';
import { ChannelLink } from '../domain/organisation';

/**
 * Reaching people 1:1 who have never written to Tavla: the tenant's Bot Connector service URL
 * (learned from any activity of the tenant), and the people Tavla found it cannot reach, with why.
 */

/** Why a person cannot be reached in a personal chat. */
export type UnreachableReason =
  /** Teams answered 403 in their personal chat: they blocked or removed Tavla, or an administrator disabled it. */
  | 'blocked'
  /** Teams says Tavla is not installed for them, and it could not (or may not) install itself. */
  | 'notInstalled'
  /** No service URL is known for their tenant: nobody from it has written yet and none is configured. */
  | 'noServiceUrl';

export interface UnreachablePerson {
  readonly aadObjectId: string;
  readonly reason: UnreachableReason;
  readonly at: Date;
  /** What Teams or Graph answered, as statuses and codes only (e.g. "403 ConversationBlockedByUser"). */
  readonly detail: string;
}

/** Where the service URLs and the unreachable people are kept. */
export interface ReachRepository {
  /** Every tenant's stored service URL (a handful of rows). */
  serviceUrls(): Promise<ReadonlyMap<string, string>>;
  saveServiceUrl(tenantId: string, serviceUrl: string, at: Date): Promise<void>;
  listUnreachable(): Promise<UnreachablePerson[]>;
  getUnreachable(aadObjectId: string): Promise<UnreachablePerson | undefined>;
  /** One row per person: marking again replaces the reason and time. */
  saveUnreachable(person: UnreachablePerson): Promise<void>;
  removeUnreachable(aadObjectId: string): Promise<void>;
}

/** A unit channel where a person can be @mentioned when a personal chat is not possible. */
export interface MentionPlace {
  readonly unitId: string;
  readonly channel: ChannelLink;
  /** The name shown in the mention. */
  readonly name: string;
  /** The person's own Teams language when known, else the organisation's. */
  readonly locale: Locale;
}

/** What the proactive sender asks when it has no stored chat with a person. */
export interface ReachDirectory {
  /** The Bot Connector service URL for the tenant: learned from its activities, else configured. */
  serviceUrlFor(tenantId: string): Promise<string | undefined>;
  /** The tenant of someone never seen: the one tenant Tavla serves, when there is exactly one. */
  defaultTenant(): Promise<string | undefined>;
  /** Marked blocked and not heard from since: Teams is not asked again. */
  isBlocked(aadObjectId: string): Promise<boolean>;
  markUnreachable(aadObjectId: string, reason: UnreachableReason, detail: string): Promise<void>;
  /** A message reached them 1:1 (e.g. the app was installed for them meanwhile): no longer listed. */
  markReachable(aadObjectId: string): Promise<void>;
  /** A linked channel of a unit the person belongs to (`unitId` first), if there is one. */
  mentionPlace(aadObjectId: string, unitId: string | undefined): Promise<MentionPlace | undefined>;
}
