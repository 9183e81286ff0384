import { RestError, TableClient, TableServiceClientOptions } from '@azure/data-tables';
import { TokenCredential } from '@azure/identity';
import { turnTimeLeft } from '../ports/turnBudget';

export type PipelinePolicy = NonNullable<TableServiceClientOptions['additionalPolicies']>[number]['policy'];

/** Every table Tavla uses. Names are prefixed per deployment (and per test suite). */
export const TABLE_NAMES = ['Organisation', 'People', 'Ideas', 'Outbox', 'Leases', 'JobRuns', 'WorkIndex', 'Reach'] as const;
export type TableName = (typeof TABLE_NAMES)[number];

export type StorageTarget =
  | { readonly kind: 'connectionString'; readonly connectionString: string }
  | { readonly kind: 'accountUrl'; readonly accountUrl: string; readonly credential: TokenCredential };

export interface TableStoreOptions {
  readonly target: StorageTarget;
  /** Letters and digits only; lets several deployments or test suites share one account. */
  readonly prefix: string;
  /** Extra pipeline policies on every request, e.g. a round-trip counter in tests. */
  readonly policies?: readonly PipelinePolicy[];
}

/** One storage request inside a user's turn: a frozen store must leave time to say so within the 15 s. */
export const STORAGE_CALL_TIMEOUT_MS = 5_000;
/** Scheduled jobs have no one waiting, but a request that never answers must still end. */
export const BACKGROUND_CALL_TIMEOUT_MS = 30_000;

/**
 * Bounds every attempt (it runs per retry): at most the per-call timeout, and never past the
 * current turn's deadline. Once the turn's budget is spent no request is started at all, which
 * surfaces as a storage outage the person is told about. A timed-out attempt ends in an
 * AbortError, which the SDK does not retry.
 */
const timeoutPolicy: PipelinePolicy = {
  name: 'tavlaStorageTimeout',
  sendRequest(request, next) {
    const left = turnTimeLeft();
    if (left === 0) return Promise.reject(new RestError("the turn's time for storage is spent", { code: 'TURN_BUDGET_SPENT' }));
    request.timeout = left === undefined ? BACKGROUND_CALL_TIMEOUT_MS : Math.min(STORAGE_CALL_TIMEOUT_MS, left);
    return next(request);
  },
};

/**
 * Owns one TableClient per table. Tables are created once at start-up ({@link createTables}),
 * never per request.
 */
export class TableStore {
  private readonly clients = new Map<TableName, TableClient>();

  constructor(private readonly options: TableStoreOptions) {
    if (!/^[A-Za-z][A-Za-z0-9]{0,30}$/.test(options.prefix)) {
      throw new Error(`Table prefix "${options.prefix}" must be letters and digits, starting with a letter.`);
    }
  }

  client(table: TableName): TableClient {
    let client = this.clients.get(table);
    if (!client) {
      client = this.createClient(`${this.options.prefix}${table}`);
      this.clients.set(table, client);
    }
    return client;
  }

  async createTables(): Promise<void> {
    await Promise.all(TABLE_NAMES.map((table) => this.client(table).createTable()));
  }

  private createClient(tableName: string): TableClient {
    const { target, policies = [] } = this.options;
    const clientOptions: TableServiceClientOptions = {
      // An invoke must answer within seconds: fail fast on an outage instead of the SDK's long default backoff.
      retryOptions: { maxRetries: 2, retryDelayInMs: 200, maxRetryDelayInMs: 1000 },
      additionalPolicies: [...policies.map((policy) => ({ policy, position: 'perCall' as const })), { policy: timeoutPolicy, position: 'perRetry' as const }],
    };
    if (target.kind === 'accountUrl') return new TableClient(target.accountUrl, tableName, target.credential, clientOptions);
    // Plain http is only ever Azurite on loopback; a real account's connection string is https.
    const insecure = /TableEndpoint=http:\/\//i.test(target.connectionString) || /UseDevelopmentStorage=true/i.test(target.connectionString);
    return TableClient.fromConnectionString(target.connectionString, tableName, { ...clientOptions, allowInsecureConnection: insecure });
  }
}
