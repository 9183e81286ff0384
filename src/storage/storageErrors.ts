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

/**
 * Runs a storage call and turns an outage (no answer, throttling or a 5xx after the SDK's retries)
 * into a DomainError the user can be told about. Other errors pass through for the caller to handle.
 */
export async function guarded<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (error instanceof DomainError) throw error;
    const status = statusOf(error);
    if (status === undefined || status === 429 || status >= 500) {
      throw new DomainError('storageUnavailable');
    }
    throw error;
  }
}
