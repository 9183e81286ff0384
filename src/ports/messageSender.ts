import { MessageTarget, PipelineStatus } from './outbox';

/**
 * The delivery side of the outbox: what the delivery worker (src/scheduler) needs from storage
 * (a queue it can claim from) and from Teams (a sender), so it depends on neither.
 */

/** A message as the worker sends it. */
export interface DeliveryMessage {
  readonly key: string;
  readonly job: string;
  readonly target: MessageTarget;
  readonly card: Readonly<Record<string, unknown>>;
  /** This is the n-th try (1 for the first send). */
  readonly attempt: number;
}

/** A message one worker has claimed: nobody else sends it until `claimUntil`. */
export interface ClaimedMessage extends DeliveryMessage {
  readonly claimUntil: Date;
  /** Opaque to the worker: where the queue keeps the claim (row and ETag). */
  readonly claimRef: string;
}

export interface ClaimRequest {
  readonly workerId: string;
  readonly now: Date;
  /** The claim's lease: if the worker dies, the messages are due again at this time. */
  readonly until: Date;
  readonly max: number;
}

export interface DeliveryQueue {
  /** Claims up to `max` due messages, oldest due first. Two workers never get the same message. */
  claim(request: ClaimRequest): Promise<ClaimedMessage[]>;
  /**
   * Sent: removes it from the queue and marks its key sent, in one transaction. 'claimLost' when
   * the claim had expired and another worker had taken the message over (the key is marked sent anyway).
   */
  complete(message: ClaimedMessage, at: Date): Promise<'recorded' | 'claimLost'>;
  /** Not sent this time: due again at `due`. */
  retry(message: ClaimedMessage, due: Date, error: string): Promise<void>;
  /** Given up: the key is marked failed with the error, visible in the status. */
  fail(message: ClaimedMessage, at: Date, error: string): Promise<void>;
  /** Not tried (worker stopping): due again now, the try not counted. */
  release(message: ClaimedMessage, at: Date): Promise<void>;
  /** When anything was last enqueued (by any instance); one cheap request, for an idle worker's probe. */
  lastEnqueuedAt(): Promise<Date | undefined>;
}

/** What the admin command reads. */
export interface PipelineMonitor {
  status(options?: { readonly since?: Date; readonly recentFailures?: number }): Promise<PipelineStatus>;
}

/** Where a connector request goes, for the rate limits: the tenant, and the conversation when posting to one. */
export interface RequestScope {
  readonly tenantId: string;
  readonly conversationId?: string;
}

/** Held while one connector request is under way; `done` when its answer came back. */
export interface RequestPermit {
  done(): void;
}

/**
 * The rate limiter, as the sender sees it: asked before every HTTP request to the Bot Connector
 * (creating a 1:1 chat counts against the tenant too), so limits hold per request, not per message.
 */
export interface RequestGate {
  begin(scope: RequestScope): Promise<RequestPermit>;
}

export type SendOutcome =
  | { readonly ok: true }
  | {
      readonly ok: false;
      /** HTTP status from the connector; undefined when there was no answer (network error, timeout). */
      readonly status?: number;
      /** From a Retry-After header (seconds or HTTP date), in milliseconds from now. */
      readonly retryAfterMs?: number;
      /** The message cannot be delivered however often it is tried (e.g. nobody to send it to). */
      readonly permanent?: boolean;
      /** The conversation the failed request went to, so the limiter can hold it back after a 429. */
      readonly scope?: RequestScope;
      /** Short, without personal data: ids and status only. */
      readonly error: string;
    };

export interface MessageSender {
  /** One try: every connector request passes the gate first. Never throws for a connector failure. */
  send(message: DeliveryMessage, gate: RequestGate): Promise<SendOutcome>;
}
