import { DomainError } from '../../domain/errors';
import { Idea } from '../../domain/ideas';

/** The card was made from an older version: someone else changed the idea since. Carries the fresh idea. */
export class StaleCardError extends DomainError {
  constructor(readonly current: Idea) {
    super('staleCard');
    this.name = 'StaleCardError';
  }
}
