/**
 * The durable outbox every proactive message goes through: prompts, reminders, digests,
 * approval requests and other notifications. A message is written here first and sent later by
 * the delivery worker, at most once per idempotency key.
 */

/**
 * Where a message goes: a unit's channel, or a person 1:1 (resolved when it is sent). A person's
 * `unitId` names the unit the message is about: when no personal chat can be opened, the person
 * is @mentioned in that unit's channel instead (or another unit's they belong to).
 */
export type MessageTarget =
  | { readonly kind: 'channel'; readonly conversationId: string; readonly serviceUrl: string; readonly tenantId: string }
  | { readonly kind: 'person'; readonly aadObjectId: string; readonly unitId?: string };

export interface OutgoingMessage {
  /**
   * Idempotency key: job + period + target, e.g. "prompt|2026-11-23|hjemmetjenesten-nord" or
   * "reminder|2026-11-23|<aadObjectId>". A second enqueue with the same key is a no-op.
   */
  readonly key: string;
  /** The job that produced it ("prompt", "reminder", "digest", "notification"), for the status view. */
  readonly job: string;
  readonly target: MessageTarget;
  /** The Adaptive Card to send, already rendered in the recipient's language. */
  readonly card: Readonly<Record<string, unknown>>;
  /** Not before this time (e.g. a retry after Retry-After); default now. */
  readonly notBefore?: Date;
}

export interface EnqueueResult {
  readonly queued: number;
  /** Keys that were already in the outbox (queued, sent or failed): nothing new was written. */
  readonly duplicates: number;
}

export interface Outbox {
  enqueue(messages: readonly OutgoingMessage[]): Promise<EnqueueResult>;
}

/** What an administrator sees about the pipeline. */
export interface PipelineStatus {
  readonly queued: number;
  readonly sending: number;
  readonly sent: number;
  readonly failed: number;
  readonly recentFailures: readonly { readonly key: string; readonly job: string; readonly error: string; readonly at: string }[];
  readonly lastRuns: readonly { readonly job: string; readonly at: string; readonly enqueued: number }[];
}
