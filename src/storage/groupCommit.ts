/**
 * Coalesces save requests: every caller of {@link request} is answered by one save that *started
 * after* its request, so what it changed before asking is in that save. Requests made in the same
 * turn of the event loop, or while a save is being written, share the next save, so a burst of N
 * concurrent writes costs about two saves instead of N.
 *
 * Saves never overlap: the next one starts only when the one being written has finished.
 *
 * The save runs from a macrotask (setImmediate), never in the middle of a caller's synchronous or
 * promise-chained work: a caller that applies several changes without yielding to the event loop
 * (Azurite applies a batch transaction that way) is never saved half-done.
 */
export class GroupCommit {
  private waiting: Array<{ resolve: () => void; reject: (error: unknown) => void }> = [];
  private scheduled = false;
  private saving: Promise<void> | undefined;

  constructor(private readonly save: () => Promise<void>) {}

  /** Resolves once a save that started after this call has finished; rejects if that save failed. */
  request(): Promise<void> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ resolve, reject });
      this.schedule();
    });
  }

  private schedule(): void {
    if (this.scheduled || this.saving) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      this.saving = this.saveWaiting().finally(() => {
        this.saving = undefined;
        if (this.waiting.length > 0) this.schedule();
      });
    });
  }

  private async saveWaiting(): Promise<void> {
    const answered = this.waiting;
    this.waiting = [];
    try {
      await this.save();
      for (const waiter of answered) waiter.resolve();
    } catch (error) {
      for (const waiter of answered) waiter.reject(error);
    }
  }
}
