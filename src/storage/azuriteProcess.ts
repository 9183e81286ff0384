import { fork } from 'node:child_process';
import { join } from 'node:path';
import { EmbeddedAzurite, azuriteConnectionString } from './embeddedAzurite';

/**
 * Starts Azurite's table service in a child process on 127.0.0.1.
 *
 * Why not in this process: restify (our HTTP server) extends Node's shared http.IncomingMessage
 * prototype, which makes an in-process Azurite ignore every query's $filter and return whole
 * tables. Measured on this stack (restify 11, Azurite 3.35); a separate process keeps Azurite's
 * semantics real.
 */
export function startAzuriteProcess(options: { port?: number; dbPath?: string } = {}): Promise<EmbeddedAzurite> {
  const runningTypeScript = __filename.endsWith('.ts');
  const child = fork(join(__dirname, `azuriteChild${runningTypeScript ? '.ts' : '.js'}`), [], {
    execArgv: runningTypeScript ? ['-r', 'ts-node/register/transpile-only'] : [],
    env: { ...process.env, TAVLA_AZURITE_PORT: String(options.port ?? 0), TAVLA_AZURITE_DB: options.dbPath ?? '' },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return new Promise((resolve, reject) => {
    child.once('message', (message: { port?: number; error?: string }) => {
      if (!message.port) {
        reject(new Error(`Azurite did not start: ${message.error ?? 'no port reported'}`));
        return;
      }
      const port = message.port;
      resolve({
        port,
        connectionString: azuriteConnectionString(port),
        stop: async () => {
          if (child.exitCode === null && child.connected) child.send('stop');
          const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
          await exited;
          clearTimeout(timer);
        },
      });
    });
    child.once('exit', (code) => reject(new Error(`Azurite exited before it was ready (code ${code})`)));
  });
}
