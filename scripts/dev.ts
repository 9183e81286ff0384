// npm start: Tavla with zero configuration. In local mode (no BOT_ID) it starts the bot on
// 127.0.0.1:3978 with the embedded Azurite (data under .data/), and the Microsoft 365 Agents
// Playground against it, so a newcomer can chat with the bot in a browser at once. With BOT_ID
// set (production mode) it runs the bot only. Ctrl-C (or SIGTERM) stops everything it started, in
// order: the Playground, the bot (which still needs storage to release its leases), then Azurite.
// The bot also serves the improvement board tab (built into build/tab by `npm run build:tab`,
// which npm start runs first) and prints a sign-in link per demo person for it.
// Azurite runs in a process group of its own, so a terminal's Ctrl-C reaches it only through us
// (src/storage/azuriteProcess.ts), and is restarted if it dies (src/storage/azuriteSupervisor.ts).
import { ChildProcess, spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { Config, ConfigError, loadConfig } from '../src/config';
import { RunningTavla, startTavla } from '../src/main';
import { DEMO_PEOPLE } from '../src/services/demoOrganisation';
import { startConnectorShim } from './playgroundProxy';
import { DEFAULT_PLAYGROUND_USER, DemoPersonKey, buildPlaygroundConfig, isDemoPersonKey, playgroundLaunch, playgroundPeople, writePlaygroundConfig } from './playgroundConfig';

const DEFAULT_PLAYGROUND_PORT = 56150;
const PLAYGROUND_START_TIMEOUT_MS = 60_000;
const STOP_TIMEOUT_MS = 10_000;

interface PlaygroundSettings {
  readonly port: number;
  readonly user: DemoPersonKey;
  readonly dir: string;
}

/** The Playground's own settings; read with the rest of the configuration, before anything starts. */
function readPlaygroundSettings(env: NodeJS.ProcessEnv, config: Config, argv: readonly string[]): PlaygroundSettings | undefined {
  const flag = env.PLAYGROUND?.trim().toLowerCase();
  if (flag && !['true', 'false', '1', '0', 'yes', 'no'].includes(flag)) throw new ConfigError('PLAYGROUND', 'must be true or false');
  const wanted = !argv.includes('--no-playground') && !['false', '0', 'no'].includes(flag ?? '');
  if (config.mode !== 'local' || !wanted) return undefined;
  const portText = env.PLAYGROUND_PORT?.trim();
  const port = portText ? Number(portText) : DEFAULT_PLAYGROUND_PORT;
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new ConfigError('PLAYGROUND_PORT', 'must be a port number (0 for any free port)');
  const user = env.PLAYGROUND_USER?.trim().toLowerCase() || DEFAULT_PLAYGROUND_USER;
  if (!isDemoPersonKey(user)) throw new ConfigError('PLAYGROUND_USER', `must be one of ${Object.keys(DEMO_PEOPLE).join(', ')}`);
  const dataDir = config.storage.kind === 'embedded' ? config.storage.dataDir : env.DATA_DIR?.trim() || '.data';
  return { port, user, dir: resolve(dataDir, 'playground') };
}

function portIsFree(port: number): Promise<boolean> {
  return new Promise((done) => {
    const probe = createServer();
    probe.once('error', () => done(false));
    probe.listen(port, '127.0.0.1', () => probe.close(() => done(true)));
  });
}

function anyFreePort(): Promise<number> {
  return new Promise((done, fail) => {
    const probe = createServer();
    probe.once('error', fail);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => done(port));
    });
  });
}

function lastLines(file: string, count: number): string {
  if (!existsSync(file)) return '';
  return readFileSync(file, 'utf8').trimEnd().split('\n').slice(-count).map((line) => `  | ${line}`).join('\n');
}

interface RunningPlayground {
  readonly url: string;
  /** Resolves when the Playground answers HTTP; rejects (after stopping it) if it does not. */
  readonly ready: Promise<void>;
  stop(): Promise<void>;
}

/** PLAYGROUND_PORT, or a free port when that one is taken (the Playground would pick one silently). */
async function choosePort(wanted: number): Promise<number> {
  if (wanted !== 0 && (await portIsFree(wanted))) return wanted;
  const port = await anyFreePort();
  if (wanted) console.log(`Port ${wanted} (PLAYGROUND_PORT) is in use; the Agents Playground takes ${port} instead.`);
  return port;
}

/**
 * Spawns the Playground CLI in its own process group (so Ctrl-C reaches it only through us and
 * we can stop all of its processes), with its config in `settings.dir`.
 */
async function launchPlayground(settings: PlaygroundSettings, port: number, botUrl: string, onUnexpectedExit: (why: string) => void): Promise<RunningPlayground> {
  const playgroundConfig = buildPlaygroundConfig(settings.user);
  writePlaygroundConfig(settings.dir, playgroundConfig);
  const logFile = join(settings.dir, 'playground.log');
  const url = `http://127.0.0.1:${port}`;
  // The bot reaches the Playground's connector through a shim that plays Teams' part for people
  // the bot opens a chat with by Entra object id (see playgroundProxy.ts).
  const shim = await startConnectorShim(playgroundConfig);
  shim.setTarget(url);
  const launch = playgroundLaunch({ appEndpoint: `${botUrl}/api/messages`, port, logFile, serviceUrl: shim.serviceUrl, exitWithParent: true });
  const child: ChildProcess = spawn(launch.command, launch.args, { cwd: settings.dir, env: launch.env, stdio: ['pipe', 'pipe', 'pipe'], detached: true });

  let stopping = false;
  let answered = false;
  let exited: string | undefined;
  const exit = new Promise<void>((done) =>
    child.once('exit', (code, signal) => {
      exited = signal ? `signal ${signal}` : `exit code ${code}`;
      // Before it answered, `ready` reports the failure.
      if (!stopping && answered) onUnexpectedExit(`${exited}; its log is ${logFile}\n${lastLines(logFile, 8)}`);
      done();
    }),
  );
  child.once('error', (error) => {
    exited = error.message;
    if (!stopping && answered) onUnexpectedExit(error.message);
  });
  // When stdout is not a terminal the Playground writes only "Listening on <port>" there and
  // everything else to its log file; pass on anything unexpected.
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
    for (const line of chunk.split('\n')) if (line.trim() && !line.startsWith('Listening on')) console.log(`[playground] ${line}`);
  });
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    for (const line of chunk.split('\n')) if (line.trim()) console.error(`[playground] ${line}`);
  });

  const stop = async () => {
    stopping = true;
    await shim.stop();
    if (exited !== undefined || !child.pid) return;
    const group = -child.pid;
    try {
      process.kill(group, 'SIGTERM');
    } catch {
      return; // already gone
    }
    const timer = setTimeout(() => {
      try {
        process.kill(group, 'SIGKILL');
      } catch {
        // gone meanwhile
      }
    }, 5_000);
    await exit;
    clearTimeout(timer);
  };

  const ready = async () => {
    const deadline = Date.now() + PLAYGROUND_START_TIMEOUT_MS;
    for (;;) {
      if (exited !== undefined) throw new Error(`it exited (${exited}); its log is ${logFile}\n${lastLines(logFile, 8)}`);
      if (stopping) throw new Error('stopped while starting');
      try {
        const res = await fetch(`${url}/_debug/ping`);
        await res.arrayBuffer();
        if (res.ok) {
          answered = true;
          return;
        }
      } catch {
        // not answering yet
      }
      if (Date.now() > deadline) {
        await stop();
        throw new Error(`it did not answer on ${url} within ${PLAYGROUND_START_TIMEOUT_MS / 1000} s; its log is ${logFile}`);
      }
      await new Promise((done) => setTimeout(done, 100));
    }
  };
  return { url, stop, ready: ready() };
}

function banner(playgroundUrl: string, botUrl: string, settings: PlaygroundSettings): string {
  const inPlayground = playgroundPeople(settings.user);
  const width = Math.max(...Object.values(DEMO_PEOPLE).map((p) => p.name.length));
  const people = (Object.keys(DEMO_PEOPLE) as DemoPersonKey[]).map((key) => {
    const person = DEMO_PEOPLE[key];
    const mark = key === settings.user ? '->' : inPlayground.includes(key) ? '  ' : ' -';
    return `   ${mark} ${person.name.padEnd(width)}  ${key.padEnd(7)} ${person.description}`;
  });
  const rule = '-'.repeat(78);
  return [
    '',
    rule,
    `  Open ${playgroundUrl} to chat with Tavla`,
    `  (Microsoft 365 Agents Playground; the bot is at ${botUrl}/api/messages)`,
    '',
    `  You are ${DEMO_PEOPLE[settings.user].name} (->). Demo people and what to try as them:`,
    ...people,
    '',
    '  The Playground holds six people at a time (-: not in this session). To chat as',
    '  someone else, restart with their key, e.g.  PLAYGROUND_USER=lars npm start',
    '  The Playground always sends the language en-US, so Tavla answers in English there.',
    '  Press Ctrl-C to stop the bot, the Playground and Azurite.',
    rule,
    '',
  ].join('\n');
}

/** The tab (built by npm start into build/tab) and, in local mode, a sign-in link per demo person. */
function tabBanner(bot: RunningTavla): string {
  const links = bot.tabSignInLinks ?? [];
  if (!links.length) return `  The improvement board tab: ${bot.url}/tab/index.html\n`;
  const width = Math.max(...links.map((link) => link.person.name.length));
  return [
    `  The improvement board as a Teams tab, in your browser (sign-in links work on this machine,`,
    `  until Tavla restarts; add &locale=da or &theme=dark to a link to try those):`,
    ...links.map((link) => `   ${link.person.name.padEnd(width)}  ${link.url}`),
    '',
  ].join('\n');
}

async function main(): Promise<void> {
  if (existsSync('.env')) process.loadEnvFile('.env');
  let config: Config;
  let playgroundSettings: PlaygroundSettings | undefined;
  try {
    config = loadConfig();
    playgroundSettings = readPlaygroundSettings(process.env, config, process.argv.slice(2));
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(`Configuration error: ${error.message}`);
      process.exit(1);
    }
    throw error;
  }

  let botStarting: Promise<RunningTavla | undefined> = Promise.resolve(undefined);
  let playground: RunningPlayground | undefined;
  let stopping = false;
  const stopAll = async (signal: NodeJS.Signals) => {
    if (stopping) {
      console.log(`${signal} again: exiting without waiting`);
      process.exit(1);
    }
    stopping = true;
    console.log(`${signal}: stopping ${playground ? 'the Agents Playground, ' : ''}Tavla, then its storage`);
    const force = setTimeout(() => {
      console.error(`Could not stop within ${STOP_TIMEOUT_MS / 1000} s; exiting anyway`);
      process.exit(1);
    }, STOP_TIMEOUT_MS);
    force.unref();
    try {
      await playground?.stop();
      // A bot still starting (opening storage) is stopped once it is up.
      await (await botStarting)?.stop();
      process.exit(0);
    } catch (error) {
      console.error(`Error while stopping: ${error instanceof Error ? error.message : String(error)}`);
      process.exit(1);
    }
  };
  process.on('SIGINT', () => void stopAll('SIGINT'));
  process.on('SIGTERM', () => void stopAll('SIGTERM'));

  botStarting = startTavla(config);
  const bot = await botStarting;
  if (!bot) return;
  console.log(`Tavla (${config.mode} mode) listening on ${bot.url}/api/messages`);
  console.log(`Storage: ${bot.storageDescription}`);
  if (config.mode === 'local') console.log('Local mode: no Bot Framework authentication; listening on loopback only.');
  if (stopping) return;

  if (!playgroundSettings) {
    if (config.mode === 'local') console.log('Agents Playground not started (--no-playground or PLAYGROUND=false).');
    console.log(tabBanner(bot));
    return;
  }
  console.log('Starting the Microsoft 365 Agents Playground...');
  const port = await choosePort(playgroundSettings.port);
  if (stopping) return;
  const started = await launchPlayground(playgroundSettings, port, bot.url, (why) => {
    console.error(`The Agents Playground stopped unexpectedly (${why}).\nTavla keeps running at ${bot.url}/api/messages; restart npm start to get the Playground back.`);
    playground = undefined;
  });
  playground = started;
  try {
    await started.ready;
  } catch (error) {
    if (stopping) return;
    console.error(`The Agents Playground did not start: ${error instanceof Error ? error.message : String(error)}`);
    console.error(`Tavla keeps running at ${bot.url}/api/messages.`);
    playground = undefined;
    return;
  }
  if (stopping) return;
  console.log(banner(started.url, bot.url, playgroundSettings));
  console.log(tabBanner(bot));
}

main().catch((error: unknown) => {
  console.error(`Tavla failed to start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
