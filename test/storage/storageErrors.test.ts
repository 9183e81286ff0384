import assert from 'node:assert/strict';
import { RestError } from '@azure/data-tables';
import { DomainError } from '../../src/domain/errors';
import { guarded } from '../../src/storage/storageErrors';

/** What `guarded` makes of an error thrown by a storage call. */
async function outcomeOf(error: unknown): Promise<unknown> {
  try {
    await guarded(() => Promise.reject(error));
  } catch (thrown) {
    return thrown;
  }
  return assert.fail('guarded swallowed the error');
}

const isOutage = (thrown: unknown) => thrown instanceof DomainError && thrown.code === 'storageUnavailable';

describe('storage errors', () => {
  it('reports storage that cannot answer as unavailable: no answer, timeouts, throttling, server faults', async () => {
    const abort = Object.assign(new Error('The operation was aborted.'), { name: 'AbortError' });
    const socket = Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' });
    const outages = [
      new RestError('connect ECONNREFUSED 127.0.0.1:10002', { code: 'REQUEST_SEND_ERROR' }),
      new RestError('Request Timeout', { statusCode: 408 }),
      new RestError('Too Many Requests', { statusCode: 429 }),
      new RestError('Server Busy', { statusCode: 503 }),
      abort,
      socket,
    ];
    for (const error of outages) assert.ok(isOutage(await outcomeOf(error)), `${error.message} is an outage`);
  });

  it('lets storage answers and programming errors through unchanged, so they are not mistaken for an outage', async () => {
    const notFound = new RestError('Not Found', { statusCode: 404 });
    const conflict = new RestError('Conflict', { statusCode: 409 });
    const typeError = new TypeError("Cannot read properties of undefined (reading 'filter')");
    const refusal = new DomainError('forbidden');
    const unrelatedCode = Object.assign(new Error('invalid key'), { code: 'ERR_INVALID_ARG_TYPE' });
    for (const error of [notFound, conflict, typeError, refusal, unrelatedCode]) assert.equal(await outcomeOf(error), error);
  });
});
