import { AzuriteExit, AzuriteProcess, AzuriteProcessOptions, startAzuriteProcess } from './azuriteProcess';
import { azuriteConnectionString } from './embeddedAzurite';

/**
 * An Azurite child process that is started again when it dies unexpectedly, on the same port and
 * data file, so clients (TableClients keep no state beyond the address) reconnect by themselves;
 * calls made meanwhile fail like any storage outage. `npm start` runs its storage this way.
 *
 * Also the API for reliability tests that take storage away under a running bot:
 *
 *   const storage = await superviseAzurite({ dbPath, report: (event) => events.push(event) });
 *   // start the bot with STORAGE_CONNECTION_STRING=storage.connectionString, or use openStorage's `embedded`
 *   const crashed = storage.current!;           // the child serving now
 *   crashed.kill();                             // SIGKILL, as a crash
 *   await crashed.exited;                       // from here on, running() waits for the restart
 *   const restarted = await storage.running();  // listening again on storage.port
 *   await storage.stop();                       // stops the child; no restart after that
 */
export interface SupervisedAzurite {
  /** Fixed for the supervisor's life: every restart listens on the same port. */
  readonly port: number;
  readonly connectionString: string;
  /** The child serving now; undefined while it is being restarted, after giving up or after stop(). */
  readonly current: AzuriteProcess | undefined;
  /** The serving child, waiting through a restart under way; rejects once given up or stopped. */
  running(): Promise<AzuriteProcess>;
  /** Stops the child (Azurite saves its data) and any restart under way. */
  stop(): Promise<void>;
}

export interface RestartPolicy {
  /** The wait before the first, second, ... restart in a row; the last value repeats. */
  readonly delaysMs: readonly number[];
  /** A child that dies within this long of starting (or fails to start) counts as a quick crash. */
  readonly quickCrashMs: number;
  /** How many quick crashes in a row are restarted; at the next one the supervisor gives up. */
  readonly maxQuickRestarts: number;
}

export const DEFAULT_RESTART_POLICY: RestartPolicy = { delaysMs: [250, 1_000, 2_000, 4_000, 8_000], quickCrashMs: 60_000, maxQuickRestarts: 5 };

/** What happened, with ids only (process ids, port, exit reasons). */
export type SupervisorEvent =
  | { readonly kind: 'down'; readonly reason: string; readonly port: number; readonly restartInMs: number }
  | { readonly kind: 'restarted'; readonly pid: number; readonly port: number }
  | { readonly kind: 'gaveUp'; readonly reason: string; readonly port: number; readonly quickCrashes: number };

export interface SupervisorOptions extends AzuriteProcessOptions {
  readonly restart?: Partial<RestartPolicy>;
  /** Where events go; the console by default (a person at `npm start` should see them). */
  readonly report?: (event: SupervisorEvent) => void;
}

export function reportToConsole(event: SupervisorEvent): void {
  switch (event.kind) {
    case 'down':
      console.error(`Azurite stopped unexpectedly (${event.reason}); restarting it on 127.0.0.1:${event.port} in ${event.restartInMs / 1000} s. Storage calls fail until then.`);
      break;
    case 'restarted':
      console.error(`Azurite is back on 127.0.0.1:${event.port} (pid ${event.pid}).`);
      break;
    case 'gaveUp':
      console.error(
        `Azurite stopped again (${event.reason}) after ${event.quickCrashes} quick restarts; not restarting it any more. ` +
          'Tavla keeps running but cannot reach storage: press Ctrl-C and start it again.',
      );
      break;
  }
}

const describeExit = (pid: number, exit: AzuriteExit): string => `pid ${pid}, ${exit.signal ? `signal ${exit.signal}` : `exit code ${exit.code}`}`;
const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

class AzuriteSupervisor implements SupervisedAzurite {
  readonly port: number;
  readonly connectionString: string;
  private child: AzuriteProcess | undefined;
  private serving: Promise<AzuriteProcess>;
  private quickCrashes = 0;
  private stopping = false;
  private readonly wake = new AbortController();

  constructor(
    first: AzuriteProcess,
    private readonly dbPath: string | undefined,
    private readonly policy: RestartPolicy,
    private readonly report: (event: SupervisorEvent) => void,
  ) {
    this.port = first.port;
    this.connectionString = azuriteConnectionString(first.port);
    this.serving = Promise.resolve(first);
    this.adopt(first);
  }

  get current(): AzuriteProcess | undefined {
    return this.child;
  }

  running(): Promise<AzuriteProcess> {
    return this.serving;
  }

  async stop(): Promise<void> {
    this.stopping = true;
    this.wake.abort();
    // A restart under way notices `stopping` and stops what it started.
    await this.serving.catch(() => undefined);
    await this.child?.stop();
    this.child = undefined;
    this.serving = Promise.reject(new Error('Azurite supervisor stopped'));
    this.serving.catch(() => undefined);
  }

  private adopt(child: AzuriteProcess): void {
    this.child = child;
    this.serving = Promise.resolve(child);
    const startedAt = Date.now();
    void child.exited.then((exit) => {
      if (this.child !== child) return;
      this.child = undefined;
      if (exit.requested || this.stopping) return;
      this.quickCrashes = Date.now() - startedAt < this.policy.quickCrashMs ? this.quickCrashes + 1 : 1;
      this.serving = this.recover(describeExit(child.pid, exit));
      // Rejections reach whoever calls running(); the events have told the person already.
      this.serving.catch(() => undefined);
    });
  }

  private async recover(firstReason: string): Promise<AzuriteProcess> {
    let reason = firstReason;
    for (;;) {
      if (this.quickCrashes > this.policy.maxQuickRestarts) {
        this.report({ kind: 'gaveUp', reason, port: this.port, quickCrashes: this.quickCrashes - 1 });
        throw new Error(`Azurite was not restarted: ${reason}`);
      }
      const { delaysMs } = this.policy;
      const restartInMs = delaysMs[Math.min(this.quickCrashes - 1, delaysMs.length - 1)] ?? 0;
      this.report({ kind: 'down', reason, port: this.port, restartInMs });
      await this.pause(restartInMs);
      if (this.stopping) throw new Error('Azurite supervisor stopped');
      let child: AzuriteProcess;
      try {
        child = await startAzuriteProcess({ port: this.port, ...(this.dbPath ? { dbPath: this.dbPath } : {}) });
      } catch (error) {
        if (this.stopping) throw new Error('Azurite supervisor stopped');
        this.quickCrashes += 1;
        reason = `restart failed: ${messageOf(error)}`;
        continue;
      }
      if (this.stopping) {
        await child.stop();
        throw new Error('Azurite supervisor stopped');
      }
      this.adopt(child);
      this.report({ kind: 'restarted', pid: child.pid, port: this.port });
      return child;
    }
  }

  private pause(ms: number): Promise<void> {
    const { signal } = this.wake;
    return new Promise((resolve) => {
      if (signal.aborted) return resolve();
      const done = () => {
        clearTimeout(timer);
        signal.removeEventListener('abort', done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      signal.addEventListener('abort', done);
    });
  }
}

/**
 * Starts Azurite in a child process (see azuriteProcess.ts) and keeps it running: restarted after an
 * unexpected exit, with growing pauses, until it has crashed quickly `maxQuickRestarts + 1` times in
 * a row; then it says so and stays down. Rejects if the first start fails (e.g. the port is taken).
 */
export async function superviseAzurite(options: SupervisorOptions = {}): Promise<SupervisedAzurite> {
  const first = await startAzuriteProcess({ port: options.port ?? 0, ...(options.dbPath ? { dbPath: options.dbPath } : {}) });
  const policy = { ...DEFAULT_RESTART_POLICY, ...options.restart };
  return new AzuriteSupervisor(first, options.dbPath, policy, options.report ?? reportToConsole);
}
