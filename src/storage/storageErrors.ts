import { RestError } from '@azure/data-tables';
import { DomainError } from '../domain/errors';

export function statusOf(error: unknown): number | undefined {
  return error instanceof RestError || (typeof error === 'object' && error !== null && 'statusCode' in error)
    ? (error as { statusCode?: number }).statusCode
    : undefined;
}

export const isNotFound = (error: unknown): boolean => statusOf(error) === 404;
export const isConflict = (error: unknown): boolean => statusOf(error) === 409;
export const isPreconditionFailed = (error: unknown): boolean => statusOf(error) === 412;

/** Node's socket errors when the storage endpoint cannot be reached or drops the connection. */
const NETWORK_CODES: ReadonlySet<string> = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND']);

const nameOf = (error: unknown): string | undefined => (error instanceof Error ? error.name : undefined);
const codeOf = (error: unknown): unknown => (typeof error === 'object' && error !== null && 'code' in error ? (error as { code?: unknown }).code : undefined);

/** A status that says "the service cannot answer now": a timeout, throttling, or a server fault. */
const isTransientStatus = (status: number): boolean => status === 408 || status === 429 || status >= 500;

/**
 * Whether an error is storage failing to answer (an outage the user can only wait out), as opposed
 * to storage answering "no" (404, 409, 412, 400) or our own code failing. The SDK reports network
 * failures and timeouts as a RestError without a status; an aborted call (a per-call timeout) as
 * an AbortError; a bare socket error carries Node's code.
 */
export function isStorageOutage(error: unknown): boolean {
  if (error instanceof RestError || nameOf(error) === 'RestError') {
    const status = statusOf(error);
    return status === undefined || isTransientStatus(status);
  }
  if (nameOf(error) === 'AbortError') return true;
  const code = codeOf(error);
  return typeof code === 'string' && NETWORK_CODES.has(code);
}

/**
 * Runs a storage call and turns an outage into a DomainError the user can be told about. Every
 * other error passes through unchanged: storage's own answers for the caller to handle, and
 * programming errors (a TypeError in mapping code, say) to be logged as faults, not as outages.
 */
export async function guarded<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (isStorageOutage(error)) throw new DomainError('storageUnavailable');
    throw error;
  }
}
