import { fork } from 'node:child_process';
import { join } from 'node:path';
import { EmbeddedAzurite, azuriteConnectionString } from './embeddedAzurite';

export interface AzuriteExit {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  /** True when it ended through stop(); false for a crash or a kill from outside. */
  readonly requested: boolean;
}

/** One Azurite child process. For one that is restarted when it dies, see azuriteSupervisor.ts. */
export interface AzuriteProcess extends EmbeddedAzurite {
  readonly pid: number;
  /** Settles once the process has ended, however it ended. */
  readonly exited: Promise<AzuriteExit>;
  /** Sends a signal, SIGKILL by default: for tests that simulate a crash. stop() is the clean way. */
  kill(signal?: NodeJS.Signals): void;
}

export interface AzuriteProcessOptions {
  /** 0 (the default) picks a free port. */
  readonly port?: number;
  /** The data file; without it the data lives in memory and is gone when the process ends. */
  readonly dbPath?: string;
}

const START_TIMEOUT_MS = 30_000;
const STOP_TIMEOUT_MS = 5_000;

/**
 * Starts Azurite's table service in a child process on 127.0.0.1 and resolves once it listens.
 *
 * Why not in this process: restify (our HTTP server) extends Node's shared http.IncomingMessage
 * prototype, which makes an in-process Azurite ignore every query's $filter and return whole
 * tables. Measured on this stack (restify 11, Azurite 3.35); a separate process keeps Azurite's
 * semantics real.
 *
 * The child runs in a process group of its own, so a terminal's Ctrl-C reaches only us and we stop
 * it after the bot (see azuriteChild.ts). It never outlives us: it stops when the IPC channel
 * closes, which also happens when we are killed with SIGKILL.
 */
export function startAzuriteProcess(options: AzuriteProcessOptions = {}): Promise<AzuriteProcess> {
  const runningTypeScript = __filename.endsWith('.ts');
  const child = fork(join(__dirname, `azuriteChild${runningTypeScript ? '.ts' : '.js'}`), [], {
    // Resolved here, so the child finds ts-node whatever its working directory.
    execArgv: runningTypeScript ? ['-r', require.resolve('ts-node/register/transpile-only')] : [],
    env: { ...process.env, TAVLA_AZURITE_PORT: String(options.port ?? 0), TAVLA_AZURITE_DB: options.dbPath ?? '' },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    // On Windows `detached` would open a console window; there the child's ignoring SIGINT is enough.
    detached: process.platform !== 'win32',
  });
  let stopRequested = false;
  const exited = new Promise<AzuriteExit>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal, requested: stopRequested })),
  );
  const kill = (signal: NodeJS.Signals = 'SIGKILL') => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
  };
  const stop = async () => {
    stopRequested = true;
    if (child.exitCode !== null || child.signalCode !== null) return;
    if (child.connected) child.send('stop');
    else kill('SIGTERM');
    const timer = setTimeout(() => kill('SIGKILL'), STOP_TIMEOUT_MS);
    await exited;
    clearTimeout(timer);
  };

  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      kill('SIGKILL');
      reject(new Error(`Azurite did not start within ${START_TIMEOUT_MS / 1000} s`));
    }, START_TIMEOUT_MS);
    // Kept for the child's whole life: an 'error' event without a listener (e.g. a signal that
    // could not be delivered) would crash this process. After start-up, `exited` tells the story.
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(new Error(`Azurite could not be started: ${error.message}`));
    });
    child.once('message', (message: { port?: number; error?: string }) => {
      clearTimeout(timer);
      if (!message.port || !child.pid) {
        reject(new Error(`Azurite did not start: ${message.error ?? 'no port reported'}`));
        return;
      }
      const port = message.port;
      resolve({ pid: child.pid, port, connectionString: azuriteConnectionString(port), exited, kill, stop });
    });
    void exited.then(({ code, signal }) => {
      clearTimeout(timer);
      reject(new Error(`Azurite exited before it was ready (${signal ? `signal ${signal}` : `code ${code}`})`));
    });
  });
}
