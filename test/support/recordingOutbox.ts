import { EnqueueResult, Outbox, OutgoingMessage } from '../../src/ports/outbox';

/**
 * An in-memory Outbox that keeps the port's promise: a message is written once per idempotency key;
 * a later enqueue with the same key (in the same call or another) is a duplicate and changes
 * nothing. Stands in for the Table Storage outbox in tests of the jobs that fill it.
 */
export class RecordingOutbox implements Outbox {
  private readonly byKey = new Map<string, OutgoingMessage>();
  /** How many enqueue calls there were, to see that a job batches. */
  calls = 0;

  async enqueue(messages: readonly OutgoingMessage[]): Promise<EnqueueResult> {
    this.calls++;
    let queued = 0;
    let duplicates = 0;
    for (const message of messages) {
      if (!message.key || !message.job) throw new Error('an outgoing message needs a key and a job');
      if (this.byKey.has(message.key)) {
        duplicates++;
        continue;
      }
      // A copy, like a durable store: later changes to the caller's objects do not leak in.
      this.byKey.set(message.key, structuredClone(message));
      queued++;
    }
    return { queued, duplicates };
  }

  /** Every message written, in the order written. */
  get messages(): OutgoingMessage[] {
    return [...this.byKey.values()];
  }

  get keys(): string[] {
    return [...this.byKey.keys()];
  }
}
