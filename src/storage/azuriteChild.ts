/**
 * Entry point of the child process that hosts Azurite (see azuriteProcess.ts). It reports its
 * port to the parent over IPC and stops, saving its data file, when the parent says 'stop', when
 * the parent goes away (even killed with SIGKILL: the IPC channel closes), or on SIGTERM.
 *
 * SIGINT is ignored: a terminal's Ctrl-C is the parent's to handle. The parent stops the bot first,
 * so that it can still release its leases in storage, and only then stops Azurite. (The parent
 * also starts this process in its own process group, so a terminal's SIGINT does not reach it at
 * all on Linux and macOS; ignoring it covers Windows consoles and a stray `kill -INT`.)
 */
import { startEmbeddedAzurite } from './embeddedAzurite';

process.on('SIGINT', () => {});

async function run(): Promise<void> {
  const port = Number(process.env.TAVLA_AZURITE_PORT ?? '0');
  const dbPath = process.env.TAVLA_AZURITE_DB || undefined;
  const azurite = await startEmbeddedAzurite({ port, ...(dbPath ? { dbPath } : {}) });
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    azurite.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(`Azurite could not stop cleanly: ${error instanceof Error ? error.message : String(error)}`);
        process.exit(1);
      },
    );
  };
  process.on('message', (message) => message === 'stop' && stop());
  process.on('disconnect', stop);
  process.on('SIGTERM', stop);
  // The parent may have gone while Azurite was starting; 'disconnect' does not fire for that.
  if (!process.connected) stop();
  else process.send?.({ port: azurite.port });
}

run().catch((error: unknown) => {
  const message = { error: error instanceof Error ? error.message : String(error) };
  // Exit only once the message is out, or the parent sees an exit without the reason.
  if (process.send && process.connected) process.send(message, () => process.exit(1));
  else process.exit(1);
});
