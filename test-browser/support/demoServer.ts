import { ChildProcess, spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';

/** What test/support/tabDemoServer.ts prints (its TabDemo). */
export interface Demo {
  readonly url: string;
  readonly links: Readonly<Record<string, string>>;
  readonly numbers: Readonly<Record<'newIdea' | 'keyBox' | 'rota' | 'evaluating' | 'missingBenefit', number>>;
}

export interface RunningDemo extends Demo {
  /** The sign-in link of a demo person, with page parameters (unit, theme, locale, view). */
  link(person: string, query?: Record<string, string>): string;
  stop(): Promise<void>;
}

const ROOT = resolve(__dirname, '..', '..');

/**
 * Tavla in local mode with the demo board (test/support/tabDemoServer.ts), in a process of its
 * own: as `npm start` runs it, and so that these DOM-typed tests never compile the server.
 */
export async function startDemo(): Promise<RunningDemo> {
  const child: ChildProcess = spawn(process.execPath, ['-r', 'ts-node/register', resolve(ROOT, 'test/support/tabDemoServer.ts')], {
    cwd: ROOT,
    env: { ...process.env, TS_NODE_TRANSPILE_ONLY: 'true', AZURITE_DISABLE_TELEMETRY: 'true' },
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  const demo = await new Promise<Demo>((done, fail) => {
    const lines = createInterface({ input: child.stdout! });
    lines.once('line', (line) => {
      try {
        done(JSON.parse(line) as Demo);
      } catch {
        fail(new Error(`the demo server said: ${line}`));
      }
    });
    child.once('exit', (code) => fail(new Error(`the demo server exited (${code}) before it started`)));
  });
  return {
    ...demo,
    link(person, query = {}) {
      const url = new URL(demo.links[person]);
      for (const [name, value] of Object.entries(query)) url.searchParams.set(name, value);
      return url.toString();
    },
    async stop() {
      child.stdin?.end();
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
