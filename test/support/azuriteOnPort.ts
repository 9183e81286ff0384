import childProcess, { ChildProcess } from 'node:child_process';
import { AddressInfo, createServer } from 'node:net';
import sinon from 'sinon';
import { startAzuriteProcess } from '../../src/storage/azuriteProcess';
import { EmbeddedAzurite } from '../../src/storage/embeddedAzurite';

/** A port that was free a moment ago on 127.0.0.1 (the OS picks it; never a well-known one). */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

export interface AzuriteChild {
  readonly azurite: EmbeddedAzurite;
  readonly pid: number;
  /** Ends the process at once, as a crash or an OOM kill would: no chance to save. */
  kill(): Promise<void>;
  /** Stops it gracefully, and by PID if it does not go. */
  stop(): Promise<void>;
}

const alive = (child: ChildProcess) => child.exitCode === null && child.signalCode === null;

/**
 * Starts the bot's storage process exactly as the bot does (src/storage/azuriteProcess.ts), and
 * keeps hold of its child process so a test can kill it by PID. The fork is observed, not replaced.
 */
export async function startAzuriteChild(options: { readonly port: number; readonly dbPath: string }): Promise<AzuriteChild> {
  const fork = sinon.spy(childProcess, 'fork');
  let azurite: EmbeddedAzurite;
  let child: ChildProcess | undefined;
  try {
    const starting = startAzuriteProcess(options);
    child = fork.lastCall?.returnValue;
    azurite = await starting;
  } finally {
    fork.restore();
  }
  if (!child?.pid) throw new Error('could not observe the Azurite child process');
  const proc = child;
  const exited = new Promise<void>((resolve) => (alive(proc) ? proc.once('exit', () => resolve()) : resolve()));
  return {
    azurite,
    pid: proc.pid!,
    kill: async () => {
      if (alive(proc)) proc.kill('SIGKILL');
      await exited;
    },
    stop: async () => {
      if (alive(proc)) await azurite.stop();
      if (alive(proc)) proc.kill('SIGKILL');
      await exited;
    },
  };
}
