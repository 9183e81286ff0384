import { DurableWrites, makeWritesDurable } from './azuriteDurability';

/**
 * An Azurite table service inside the current process. Only azuriteChild.ts calls this: run it
 * in a process of its own through azuriteProcess.ts (see there why). Azurite is a
 * development dependency, so it is loaded only when asked for; production never touches it.
 * Used in-process it sends no telemetry (only Azurite's CLI entry point starts telemetry).
 */
export interface EmbeddedAzurite {
  readonly connectionString: string;
  readonly port: number;
  stop(): Promise<void>;
}

interface AzuriteTableServer {
  start(): Promise<void>;
  close(): Promise<void>;
  getHttpServerAddress(): string;
}

type TableServerClass = new (config: unknown) => AzuriteTableServer;
type TableConfigurationClass = new (
  host: string,
  port: number,
  keepAliveTimeout: number,
  metadataDBPath: string,
  enableDebugLog: boolean,
  enableAccessLog: boolean,
  accessLogWriteStream: undefined,
  debugLogFilePath: undefined,
  loose: boolean,
  skipApiVersionCheck: boolean,
  cert: string,
  key: string,
  pwd: string,
  oauth: undefined,
  disableProductStyleUrl: boolean,
  isMemoryPersistence: boolean,
) => unknown;

// The well-known development account every Azurite accepts; not a secret.
const ACCOUNT = 'devstoreaccount1';
const ACCOUNT_KEY = 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';

export function azuriteConnectionString(port: number): string {
  return `DefaultEndpointsProtocol=http;AccountName=${ACCOUNT};AccountKey=${ACCOUNT_KEY};TableEndpoint=http://127.0.0.1:${port}/${ACCOUNT};`;
}

/**
 * Starts Azurite's table service on 127.0.0.1. `port` 0 picks a free port. With `dbPath` the data
 * is kept in that file across restarts, and every write is on disk before Azurite acknowledges it
 * (see azuriteDurability.ts); without it everything lives in memory.
 */
export async function startEmbeddedAzurite(options: { port?: number; dbPath?: string } = {}): Promise<EmbeddedAzurite> {
  /* eslint-disable @typescript-eslint/no-require-imports */
  const TableServer = (require('azurite/dist/src/table/TableServer') as { default: TableServerClass }).default;
  const TableConfiguration = (require('azurite/dist/src/table/TableConfiguration') as { default: TableConfigurationClass }).default;
  /* eslint-enable @typescript-eslint/no-require-imports */
  const inMemory = !options.dbPath;
  const config = new TableConfiguration(
    '127.0.0.1',
    options.port ?? 0,
    5,
    options.dbPath ?? 'azurite-table-memory.json',
    false,
    false,
    undefined,
    undefined,
    false,
    true,
    '',
    '',
    '',
    undefined,
    false,
    inMemory,
  );
  const server = new TableServer(config);
  const durable: DurableWrites | undefined = options.dbPath ? makeWritesDurable(server, options.dbPath) : undefined;
  await server.start();
  const port = Number(new URL(server.getHttpServerAddress()).port);
  return {
    port,
    connectionString: azuriteConnectionString(port),
    stop: async () => {
      await server.close();
      // Every acknowledged write is saved already; this also keeps one whose save had failed.
      await durable?.flush();
    },
  };
}
