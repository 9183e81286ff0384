/**
 * Errors the domain raises. Each carries a stable code; the adapters turn the code into a message
 * in the user's language (see src/i18n), so the domain never holds user-facing text.
 */
export type ErrorCode =
  | 'forbidden'
  | 'notFound'
  | 'invalid'
  | 'conflict'
  | 'staleCard'
  | 'storageUnavailable'
  | 'alreadyLinked'
  | 'notLinked'
  /** Stored data that does not have the shape Tavla wrote: edited by hand, or written by a fault. */
  | 'damagedData';

export type ErrorParams = Readonly<Record<string, string | number>>;

export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly params: ErrorParams = {},
  ) {
    super(`${code}${Object.keys(params).length ? ` ${JSON.stringify(params)}` : ''}`);
    this.name = 'DomainError';
  }
}

/** Why a single form field was refused. */
export type FieldProblem =
  | 'required'
  | 'tooLong'
  | 'invalidFormat'
  | 'pastDate'
  | 'tooFarAhead'
  | 'unknownOption'
  | 'outOfRange'
  | 'duplicate'
  /** A date that cannot lie ahead (a baseline or a measurement) does. */
  | 'futureDate'
  /** A date that must come after the baseline's does not. */
  | 'beforeBaseline'
  /** A value that cannot be true (more hours than the unit works); params say why. */
  | 'implausible'
  /** An unusually large value that the person must confirm before it is stored. */
  | 'unconfirmed';

export interface FieldIssue {
  readonly field: string;
  readonly problem: FieldProblem;
  readonly params?: ErrorParams;
}

/** A form or file that failed validation; lists every problem at once so the user fixes them in one go. */
export class ValidationError extends DomainError {
  constructor(readonly issues: readonly FieldIssue[]) {
    super('invalid', { count: issues.length });
    this.name = 'ValidationError';
  }
}
