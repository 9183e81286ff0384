import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { DEMO_PEOPLE, DemoPerson } from '../src/services/demoOrganisation';

/**
 * The Microsoft 365 Agents Playground's configuration for local mode, built from the demo
 * organisation so the Playground's people are the people Tavla knows (same Entra object ids),
 * and how to start the Playground's CLI offline. Used by `npm start` (scripts/dev.ts) and by the
 * end-to-end tests (test/support/playground.ts).
 *
 * The format is the Playground's `.m365agentsplayground.yml`, schema version 0.1.1 (read from the
 * JSON schema inside @microsoft/m365agentsplayground 0.2.28): `users` must hold exactly five
 * people besides `currentUser`, and the file has no setting for the user's language (the
 * Playground always sends `locale: en-US`).
 */

export type DemoPersonKey = keyof typeof DEMO_PEOPLE;

export const PLAYGROUND_CONFIG_FILE = '.m365agentsplayground.yml';
/** A fixed, made-up tenant for the demo, so stored conversation references survive a restart. */
export const PLAYGROUND_TENANT_ID = '7a71a000-0000-4000-8000-000000000001';
export const PLAYGROUND_BOT = { id: '28:tavla-local', name: 'Tavla' } as const;
export const DEFAULT_PLAYGROUND_USER: DemoPersonKey = 'kari';

/**
 * Whom to list besides the current user, most distinct roles first: the Playground takes exactly
 * five, so the people whose role someone else already shows come last (Per stays: he leads two units).
 */
const ROLE_ORDER: readonly DemoPersonKey[] = ['kari', 'ingrid', 'lars', 'ola', 'anne', 'per', 'siri', 'mette'];
const PLAYGROUND_USER_COUNT = 5;

export interface PlaygroundUser {
  readonly id: string;
  readonly name: string;
  readonly userPrincipleName: string; // sic: the Playground's spelling
  readonly aadObjectId: string;
  readonly givenName: string;
  readonly surname: string;
  readonly email: string;
}

/** The shape of `.m365agentsplayground.yml` (version 0.1.1). */
export interface PlaygroundConfig {
  readonly version: '0.1.1';
  readonly tenantId: string;
  readonly bot: { readonly id: string; readonly name: string };
  readonly currentUser: PlaygroundUser;
  readonly users: readonly PlaygroundUser[];
  readonly personalChat: { readonly id: string };
  readonly groupChat: { readonly id: string; readonly name: string };
  readonly team: {
    readonly id: string;
    readonly name: string;
    readonly aadGroupId: string;
    readonly channels: readonly { readonly id: string; readonly name: string }[];
  };
}

export function isDemoPersonKey(value: string): value is DemoPersonKey {
  return Object.prototype.hasOwnProperty.call(DEMO_PEOPLE, value);
}

/** The Teams user id the Playground gives a demo person (Teams ids look like `29:...`). */
export function playgroundUserId(person: DemoPerson): string {
  return `29:${person.aadObjectId}`;
}

function playgroundUser(person: DemoPerson): PlaygroundUser {
  const [givenName, ...rest] = person.name.split(' ');
  return {
    id: playgroundUserId(person),
    name: person.name,
    userPrincipleName: person.upn,
    aadObjectId: person.aadObjectId,
    givenName,
    surname: rest.join(' '),
    email: person.upn,
  };
}

/** The demo people the Playground will know, the current user first. */
export function playgroundPeople(currentUser: DemoPersonKey = DEFAULT_PLAYGROUND_USER): DemoPersonKey[] {
  return [currentUser, ...ROLE_ORDER.filter((key) => key !== currentUser).slice(0, PLAYGROUND_USER_COUNT)];
}

export function buildPlaygroundConfig(currentUser: DemoPersonKey = DEFAULT_PLAYGROUND_USER): PlaygroundConfig {
  const [me, ...others] = playgroundPeople(currentUser).map((key) => DEMO_PEOPLE[key]);
  return {
    version: '0.1.1',
    tenantId: PLAYGROUND_TENANT_ID,
    bot: { ...PLAYGROUND_BOT },
    currentUser: playgroundUser(me),
    users: others.map(playgroundUser),
    // One personal chat per current user, stable across restarts (the bot remembers it).
    personalChat: { id: `a:personal-${me.aadObjectId}` },
    groupChat: { id: '19:tavla-demo-group@thread.v2', name: 'Tavla demo group chat' },
    team: {
      id: '19:tavla-demo-general@thread.tacv2',
      name: 'Hjemmetjenesten nord',
      aadGroupId: '7a71a000-0000-4000-8000-000000000002',
      channels: [{ id: '19:tavla-demo-forbedring@thread.tacv2', name: 'Forbedring' }],
    },
  };
}

/** Writes `.m365agentsplayground.yml` into `dir` (created if needed); returns the file's path. */
export function writePlaygroundConfig(dir: string, config: PlaygroundConfig = buildPlaygroundConfig()): string {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, PLAYGROUND_CONFIG_FILE);
  const header = '# Written by Tavla (scripts/playgroundConfig.ts) from the demo organisation; edits are overwritten.\n';
  writeFileSync(file, header + stringify(config));
  return file;
}

export interface PlaygroundLaunch {
  readonly command: string;
  readonly args: string[];
  readonly env: NodeJS.ProcessEnv;
}

/**
 * Runs the Playground CLI in a Node process that binds every server to 127.0.0.1: the CLI itself
 * listens on all interfaces, and it forwards unauthenticated requests (including hand-made
 * "custom activities" from any user) to a bot in local mode, which must stay on loopback.
 * With TAVLA_EXIT_WITH_PARENT=1 it also ends when its stdin (a pipe from the parent) closes, so
 * it cannot outlive a parent that was killed without a chance to stop it.
 */
const LOOPBACK_BOOTSTRAP = `
if (process.env.TAVLA_EXIT_WITH_PARENT === '1') {
  process.stdin.on('end', () => process.exit(0));
  process.stdin.on('error', () => process.exit(0));
  process.stdin.resume();
}
const net = require('node:net');
const listen = net.Server.prototype.listen;
net.Server.prototype.listen = function (...args) {
  if (typeof args[0] === 'number' && (args.length === 1 || typeof args[1] === 'function')) args.splice(1, 0, '127.0.0.1');
  return listen.apply(this, args);
};
const cli = require.resolve('@microsoft/m365agentsplayground/cli.js', { paths: [process.env.TAVLA_ROOT] });
process.argv = [process.argv[0], cli, ...process.argv.slice(1)];
require(cli);
`;

export interface PlaygroundLaunchOptions {
  /** The bot's messaging endpoint. */
  readonly appEndpoint: string;
  /** 0 lets the Playground pick a free port; a busy port makes it pick another one silently. */
  readonly port: number;
  /** Where the Playground writes its console output (all of it when stdout is not a terminal). */
  readonly logFile: string;
  /** The connector URL the bot answers to; default http://localhost:<port>/_connector. */
  readonly serviceUrl?: string;
  /** Spawn with stdin as a pipe: the Playground ends when the pipe closes. */
  readonly exitWithParent?: boolean;
}

/**
 * How to start the Playground against `appEndpoint`, offline: telemetry off, no browser. When its
 * stdout is not a terminal it prints only `Listening on <port>` there.
 */
export function playgroundLaunch(options: PlaygroundLaunchOptions): PlaygroundLaunch {
  const args = ['start', '--app-endpoint', options.appEndpoint, '--port', String(options.port), '--channel-id', 'msteams', '--disable-telemetry'];
  if (options.serviceUrl) args.push('--service-url', options.serviceUrl);
  return {
    command: process.execPath,
    args: ['-e', LOOPBACK_BOOTSTRAP, ...args],
    env: {
      ...process.env,
      TAVLA_ROOT: join(__dirname, '..'),
      APPLICATION_INSIGHTS_NO_STATSBEAT: 'true',
      TEAMSAPPTESTER_BROWSER: 'none',
      M365_AGENTS_PLAYGROUND_LOGFILE: options.logFile,
      TAVLA_EXIT_WITH_PARENT: options.exitWithParent ? '1' : '0',
      // Settings of the developer's own Playground that would override ours (config file read from
      // the working directory; replies over HTTP activity posts, not in the bot's response).
      M365_AGENTS_PLAYGROUND_CONFIG_PATH: undefined,
      TEAMS_APP_TEST_TOOL_CONFIG_PATH: undefined,
      M365_AGENTS_PLAYGROUND_DELIVERY_MODE: undefined,
      M365_AGENTS_PLAYGROUND_ENABLE_EVENTS_RECORDING: undefined,
    },
  };
}
