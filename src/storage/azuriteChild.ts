/**
 * Entry point of the child process that hosts Azurite (see azuriteProcess.ts). It reports its
 * port to the parent over IPC and stops when told, when the parent goes away, or on a signal.
 */
import { startEmbeddedAzurite } from './embeddedAzurite';

async function run(): Promise<void> {
  const port = Number(process.env.TAVLA_AZURITE_PORT ?? '0');
  const dbPath = process.env.TAVLA_AZURITE_DB || undefined;
  const azurite = await startEmbeddedAzurite({ port, ...(dbPath ? { dbPath } : {}) });
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    // Closing lets Azurite save its data file before the process ends.
    azurite.stop().finally(() => process.exit(0));
  };
  process.on('message', (message) => message === 'stop' && stop());
  process.on('disconnect', stop);
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  process.send?.({ port: azurite.port });
}

run().catch((error: unknown) => {
  process.send?.({ error: error instanceof Error ? error.message : String(error) });
  process.exit(1);
});
