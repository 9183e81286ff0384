import { randomBytes } from 'node:crypto';
import { isIP } from 'node:net';
import { z } from 'zod';
import { GUID_PATTERN } from './domain/ids';

/** A setting is missing or wrong. The message names the setting; main prints it and exits. */
export class ConfigError extends Error {
  constructor(
    readonly setting: string,
    problem: string,
  ) {
    super(`${setting} ${problem}`);
    this.name = 'ConfigError';
  }
}

export type BotCredentials =
  | { readonly kind: 'secret'; readonly appId: string; readonly password: string; readonly tenantId?: string; readonly multiTenant: boolean }
  | { readonly kind: 'certificate'; readonly appId: string; readonly thumbprint: string; readonly privateKeyFile: string; readonly tenantId?: string; readonly multiTenant: boolean }
  | { readonly kind: 'managedIdentity'; readonly appId: string; readonly tenantId: string };

export type StorageSetting =
  | { readonly kind: 'connectionString'; readonly connectionString: string }
  | { readonly kind: 'accountUrl'; readonly accountUrl: string }
  | { readonly kind: 'embedded'; readonly port: number; readonly dataDir: string };

export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';

/** When the daily and weekly jobs run, and their thresholds. Times are in the organisation's time zone. */
export interface RhythmSettings {
  /** Overdue reminders go out on working days from this time ("07:30"). */
  readonly reminderTime: string;
  /** Nobody is reminded of the same item more often than every N days. */
  readonly reminderEveryDays: number;
  /** Items overdue this many days are escalated to the unit leader. */
  readonly escalateAfterDays: number;
  /** The weekly digest goes out on Mondays from this time. */
  readonly digestTime: string;
  /** A unit with no new idea, no status change or no logged meeting for this many weeks is flagged. */
  readonly stagnationWeeks: number;
  /** Messages per second to Teams for the whole tenant (Teams allows about 50). */
  readonly tenantRatePerSecond: number;
}

/** The rhythm when nothing is configured. */
export const DEFAULT_RHYTHM: RhythmSettings = {
  reminderTime: '07:30',
  reminderEveryDays: 3,
  escalateAfterDays: 14,
  digestTime: '07:00',
  stagnationWeeks: 4,
  tenantRatePerSecond: 50,
};

/**
 * Where inbound Bot Framework tokens are checked against. The default is the Bot Framework's own
 * OpenID metadata; tests point it at a local issuer (plain http on loopback is accepted there).
 */
export interface InboundAuthentication {
  readonly openIdMetadataUrl: string;
}

/**
 * Downloads (report files, the ledger's CSV): the bot serves each file itself, through a signed
 * link that names the person, what they asked for, and expires. The key signs the links; the base
 * URL is where people's browsers reach the bot (its public address, the same host as the messaging
 * endpoint). Without a base URL in production there are no download links.
 */
export interface DownloadSettings {
  readonly linkSecret: string;
  /** Undefined in local mode means the bot's own listening address. */
  readonly publicBaseUrl?: string;
  readonly linkMinutes: number;
}

/** How Tavla reaches people it has not talked to yet (docs/proactive-reach.md). */
export interface ReachSettings {
  /** TEAMS_SERVICE_URL: the Bot Connector service URL for a tenant none of whose activities was seen yet. */
  readonly teamsServiceUrl?: string;
  /** GRAPH_BASE_URL: Microsoft Graph, without a trailing slash. */
  readonly graphBaseUrl: string;
  /** PROACTIVE_INSTALL=true: Tavla may install itself for a person through Graph (TEAMS_APP_CATALOG_ID). */
  readonly proactiveInstall?: { readonly catalogAppId: string };
}

/**
 * The improvement board as a Teams tab (docs/tab.md). In production the page signs in with Teams
 * single sign-on and the server checks the Entra token; in local mode, demo sign-in links instead.
 */
export interface TabSettings {
  /** TAB_DOMAIN: the host (and port) the tab is served from, as in the manifest's URLs and its api:// URI. */
  readonly domain?: string;
  /** TAB_OPENID_METADATA_URL: where Entra's signing keys are found (its jwks_uri). */
  readonly openIdMetadataUrl: string;
}

export const ENTRA_OPENID_METADATA_URL = 'https://login.microsoftonline.com/common/v2.0/.well-known/openid-configuration';

export const DEFAULT_GRAPH_BASE_URL = 'https://graph.microsoft.com/v1.0';

export const BOT_FRAMEWORK_OPENID_METADATA_URL = 'https://login.botframework.com/v1/.well-known/openidconfiguration';

export interface Config {
  /** Local mode accepts unauthenticated requests, so it only ever listens on loopback. */
  readonly mode: 'local' | 'production';
  readonly bot?: BotCredentials;
  readonly inboundAuthentication: InboundAuthentication;
  /** Empty means every tenant (local mode only). */
  readonly allowedTenantIds: readonly string[];
  readonly storage: StorageSetting;
  readonly tablePrefix: string;
  readonly host: string;
  readonly port: number;
  readonly seedDemo: boolean;
  /** With the demo organisation, six months of history generated from today (local mode only). */
  readonly seedDemoHistory: boolean;
  readonly logLevel: LogLevel;
  readonly rhythm: RhythmSettings;
  readonly downloads: DownloadSettings;
  /** A unit flagged as stagnating for this many weeks beyond STAGNATION_WEEKS gets a fishbone analysis suggested. */
  readonly fishbone: { readonly afterWeeks: number };
  readonly reach: ReachSettings;
  readonly tab: TabSettings;
}

type Env = Readonly<Record<string, string | undefined>>;

const guid = z.string().regex(GUID_PATTERN, 'must be a GUID (e.g. 00000000-0000-0000-0000-000000000000)');
const port = z.coerce.number().int().min(0, 'must be a port number (0 picks a free one)').max(65535);
const flag = z.enum(['true', 'false', '1', '0', 'yes', 'no']).transform((v) => ['true', '1', 'yes'].includes(v));
const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
const clockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time like 07:30');
const count = (min: number, max: number) => z.coerce.number().int().min(min).max(max);

/** Reads one setting through its schema; the first problem becomes a ConfigError naming the setting. */
function read<T>(env: Env, name: string, schema: z.ZodType<T, z.ZodTypeDef, unknown>): T | undefined {
  const raw = env[name]?.trim();
  if (raw === undefined || raw === '') return undefined;
  const result = schema.safeParse(raw);
  if (!result.success) throw new ConfigError(name, result.error.issues[0]?.message ?? 'is invalid');
  return result.data;
}

function required<T>(env: Env, name: string, schema: z.ZodType<T, z.ZodTypeDef, unknown>, why: string): T {
  const value = read(env, name, schema);
  if (value === undefined) throw new ConfigError(name, `is required ${why}`);
  return value;
}

const isLoopback = (host: string) => host === 'localhost' || host === '::1' || (isIP(host) === 4 && host.startsWith('127.'));

/** https anywhere; plain http only on loopback (a local test issuer, connector or Graph). */
const secureUrl = z
  .string()
  .url('must be a URL')
  .refine((value) => {
    // zod runs refinements after a failed .url() too: a value that is no URL was reported already.
    if (!URL.canParse(value)) return true;
    const url = new URL(value);
    return url.protocol === 'https:' || (url.protocol === 'http:' && isLoopback(url.hostname.replace(/^\[|\]$/g, '')));
  }, 'must use https (plain http only on 127.0.0.1)');

function readBotCredentials(env: Env): BotCredentials | undefined {
  const appId = read(env, 'BOT_ID', guid);
  if (!appId) {
    for (const name of ['BOT_PASSWORD', 'BOT_CERT_THUMBPRINT', 'BOT_CERT_KEY_FILE', 'BOT_TENANT_ID']) {
      if (env[name]) throw new ConfigError('BOT_ID', `is required when ${name} is set`);
    }
    return undefined;
  }
  const type = read(env, 'BOT_TYPE', z.enum(['SingleTenant', 'MultiTenant', 'UserAssignedMSI'])) ?? 'SingleTenant';
  const multiTenant = type === 'MultiTenant';
  const tenantId = multiTenant ? read(env, 'BOT_TENANT_ID', guid) : required(env, 'BOT_TENANT_ID', guid, `for BOT_TYPE=${type}`);
  if (type === 'UserAssignedMSI') return { kind: 'managedIdentity', appId, tenantId: tenantId! };
  const password = read(env, 'BOT_PASSWORD', z.string());
  const thumbprint = read(env, 'BOT_CERT_THUMBPRINT', z.string().regex(/^[0-9A-Fa-f]{40}$/, 'must be a 40-digit hex SHA-1 thumbprint'));
  if (password && thumbprint) throw new ConfigError('BOT_PASSWORD', 'and BOT_CERT_THUMBPRINT are both set; choose one');
  if (thumbprint) {
    const privateKeyFile = required(env, 'BOT_CERT_KEY_FILE', z.string(), 'with BOT_CERT_THUMBPRINT');
    return { kind: 'certificate', appId, thumbprint, privateKeyFile, tenantId, multiTenant };
  }
  if (!password) throw new ConfigError('BOT_PASSWORD', 'is required with BOT_ID (or set BOT_CERT_THUMBPRINT, or BOT_TYPE=UserAssignedMSI)');
  return { kind: 'secret', appId, password, tenantId, multiTenant };
}

function readStorage(env: Env, production: boolean): StorageSetting {
  const connectionString = read(env, 'STORAGE_CONNECTION_STRING', z.string().regex(/(AccountName=|UseDevelopmentStorage=true|TableEndpoint=)/i, 'is not an Azure Storage connection string'));
  const accountUrl = read(env, 'STORAGE_ACCOUNT_URL', z.string().url('must be a URL like https://<account>.table.core.windows.net'));
  if (connectionString && accountUrl) throw new ConfigError('STORAGE_CONNECTION_STRING', 'and STORAGE_ACCOUNT_URL are both set; choose one');
  if (connectionString) return { kind: 'connectionString', connectionString };
  if (accountUrl) {
    if (production && !accountUrl.startsWith('https://')) throw new ConfigError('STORAGE_ACCOUNT_URL', 'must use https in production');
    return { kind: 'accountUrl', accountUrl };
  }
  if (production) throw new ConfigError('STORAGE_CONNECTION_STRING', 'or STORAGE_ACCOUNT_URL is required in production (BOT_ID is set)');
  return { kind: 'embedded', port: read(env, 'AZURITE_PORT', port) ?? 10002, dataDir: read(env, 'DATA_DIR', z.string()) ?? '.data' };
}

const linkSecret = z.string().min(32, 'must be at least 32 characters (e.g. openssl rand -base64 48)');

function readDownloads(env: Env, production: boolean): DownloadSettings {
  const publicBaseUrl = read(
    env,
    'PUBLIC_BASE_URL',
    z
      .string()
      .url('must be a URL like https://tavla.kommune.no')
      .transform((value) => value.replace(/\/+$/, ''))
      .refine((value) => !production || value.startsWith('https://'), 'must use https in production'),
  );
  const secret = read(env, 'DOWNLOAD_LINK_SECRET', linkSecret);
  // Several instances must share the key, or a link made by one is refused by another.
  if (production && publicBaseUrl && !secret) throw new ConfigError('DOWNLOAD_LINK_SECRET', 'is required in production with PUBLIC_BASE_URL (at least 32 characters)');
  return {
    linkSecret: secret ?? randomBytes(32).toString('base64url'),
    ...(publicBaseUrl ? { publicBaseUrl } : {}),
    linkMinutes: read(env, 'DOWNLOAD_LINK_MINUTES', count(1, 120)) ?? 15,
  };
}

function readReach(env: Env, bot: BotCredentials | undefined): ReachSettings {
  const teamsServiceUrl = read(env, 'TEAMS_SERVICE_URL', secureUrl);
  const graphBaseUrl = (read(env, 'GRAPH_BASE_URL', secureUrl) ?? DEFAULT_GRAPH_BASE_URL).replace(/\/+$/, '');
  const install = read(env, 'PROACTIVE_INSTALL', flag) ?? false;
  if (!install) return { ...(teamsServiceUrl ? { teamsServiceUrl } : {}), graphBaseUrl };
  // Installing goes through Microsoft Graph with the bot's own identity: no identity, no token.
  if (!bot) throw new ConfigError('PROACTIVE_INSTALL', 'needs the bot credentials (BOT_ID with a secret, certificate or managed identity) to call Microsoft Graph');
  const catalogAppId = required(env, 'TEAMS_APP_CATALOG_ID', guid, 'with PROACTIVE_INSTALL=true (the app\'s id in the Teams app catalog)').toLowerCase();
  return { ...(teamsServiceUrl ? { teamsServiceUrl } : {}), graphBaseUrl, proactiveInstall: { catalogAppId } };
}

/** A host name with an optional port, lower case as Entra wants it in an application ID URI. */
const domainName = z
  .string()
  .regex(/^(?=.{1,253}(:|$))[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*(:\d{1,5})?$/, 'must be a lower-case host name, optionally with a port (e.g. tavla.kommune.no), without https:// or a path');

function readTab(env: Env): TabSettings {
  const domain = read(env, 'TAB_DOMAIN', domainName);
  return { ...(domain ? { domain } : {}), openIdMetadataUrl: read(env, 'TAB_OPENID_METADATA_URL', secureUrl) ?? ENTRA_OPENID_METADATA_URL };
}

/** Reads and validates the environment once, at start-up. Throws ConfigError naming the first bad setting. */
export function loadConfig(env: Env = process.env): Config {
  const bot = readBotCredentials(env);
  const production = bot !== undefined;
  const host = read(env, 'HOST', z.string().refine((h) => h === 'localhost' || isIP(h) !== 0, 'must be an IP address or localhost')) ?? (production ? '0.0.0.0' : '127.0.0.1');
  if (!production && !isLoopback(host)) {
    throw new ConfigError('HOST', `is ${host}, but local mode (no BOT_ID) accepts unauthenticated requests and may only listen on loopback (127.0.0.1)`);
  }
  const tenants = read(env, 'ALLOWED_TENANT_IDS', z.string().transform((s) => s.split(',').map((t) => t.trim().toLowerCase()).filter(Boolean)).pipe(z.array(guid)));
  const defaultTenant = bot && bot.kind !== 'managedIdentity' && bot.multiTenant ? undefined : bot?.tenantId;
  const allowedTenantIds = tenants ?? (defaultTenant ? [defaultTenant.toLowerCase()] : []);
  if (production && allowedTenantIds.length === 0) throw new ConfigError('ALLOWED_TENANT_IDS', 'is required for a multi-tenant bot');
  const seedDemo = read(env, 'SEED_DEMO', flag) ?? !production;
  if (production && seedDemo) throw new ConfigError('SEED_DEMO', 'is only for local mode; remove it in production');
  const seedDemoHistory = seedDemo && (read(env, 'SEED_DEMO_HISTORY', flag) ?? true);
  return {
    mode: production ? 'production' : 'local',
    ...(bot ? { bot } : {}),
    allowedTenantIds,
    inboundAuthentication: { openIdMetadataUrl: read(env, 'BOT_OPENID_METADATA_URL', secureUrl) ?? BOT_FRAMEWORK_OPENID_METADATA_URL },
    storage: readStorage(env, production),
    tablePrefix: read(env, 'TABLE_PREFIX', z.string().regex(/^[A-Za-z][A-Za-z0-9]{0,30}$/, 'must be letters and digits, starting with a letter')) ?? 'tavla',
    host,
    port: read(env, 'PORT', port) ?? 3978,
    seedDemo,
    seedDemoHistory,
    logLevel: read(env, 'LOG_LEVEL', z.enum(LOG_LEVELS)) ?? 'info',
    rhythm: {
      reminderTime: read(env, 'REMINDER_TIME', clockTime) ?? DEFAULT_RHYTHM.reminderTime,
      reminderEveryDays: read(env, 'REMINDER_EVERY_DAYS', count(1, 30)) ?? DEFAULT_RHYTHM.reminderEveryDays,
      escalateAfterDays: read(env, 'ESCALATE_AFTER_DAYS', count(1, 365)) ?? DEFAULT_RHYTHM.escalateAfterDays,
      digestTime: read(env, 'DIGEST_TIME', clockTime) ?? DEFAULT_RHYTHM.digestTime,
      stagnationWeeks: read(env, 'STAGNATION_WEEKS', count(1, 26)) ?? DEFAULT_RHYTHM.stagnationWeeks,
      tenantRatePerSecond: read(env, 'TENANT_RATE_PER_SECOND', count(1, 1000)) ?? DEFAULT_RHYTHM.tenantRatePerSecond,
    },
    downloads: readDownloads(env, production),
    fishbone: { afterWeeks: read(env, 'FISHBONE_AFTER_WEEKS', count(1, 52)) ?? 8 },
    reach: readReach(env, bot),
    tab: readTab(env),
  };
}
