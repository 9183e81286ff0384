import assert from 'node:assert/strict';
import { ConfigError, loadConfig } from '../../src/config';

const APP = '6a3b1c2d-1111-4222-8333-444455556666';
const TENANT = '0f0e0d0c-1111-4222-8333-444455556666';
const production = { BOT_ID: APP, BOT_PASSWORD: 's3cret', BOT_TENANT_ID: TENANT, STORAGE_ACCOUNT_URL: 'https://tavla.table.core.windows.net' };

function refusal(env: Record<string, string>): string {
  try {
    loadConfig(env);
  } catch (error) {
    assert.ok(error instanceof ConfigError);
    return error.message;
  }
  assert.fail('expected a ConfigError');
}

describe('configuration', () => {
  it('runs in local mode with zero configuration: loopback, embedded Azurite, demo data', () => {
    const config = loadConfig({});
    assert.equal(config.mode, 'local');
    assert.equal(config.host, '127.0.0.1');
    assert.equal(config.port, 3978);
    assert.deepEqual(config.storage, { kind: 'embedded', port: 10002, dataDir: '.data' });
    assert.equal(config.seedDemo, true);
    assert.deepEqual(config.allowedTenantIds, []);
    assert.equal(loadConfig({ SEED_DEMO: 'false' }).seedDemo, false);
    assert.deepEqual(config.rhythm, { reminderTime: '07:30', reminderEveryDays: 3, escalateAfterDays: 14, digestTime: '07:00', stagnationWeeks: 4, tenantRatePerSecond: 50 });
  });

  it('refuses to expose unauthenticated local mode beyond loopback', () => {
    assert.match(refusal({ HOST: '0.0.0.0' }), /^HOST is 0\.0\.0\.0, but local mode .* may only listen on loopback/);
    assert.equal(loadConfig({ HOST: '127.0.0.1' }).host, '127.0.0.1');
  });

  it('switches to production with bot credentials: single tenant, its tenant allowed, all interfaces', () => {
    const config = loadConfig(production);
    assert.equal(config.mode, 'production');
    assert.deepEqual(config.bot, { kind: 'secret', appId: APP, password: 's3cret', tenantId: TENANT, multiTenant: false });
    assert.deepEqual(config.allowedTenantIds, [TENANT]);
    assert.equal(config.host, '0.0.0.0');
    assert.equal(config.seedDemo, false);
  });

  it('accepts a certificate or a managed identity instead of a secret', () => {
    const { BOT_PASSWORD: _secret, ...withoutSecret } = production;
    assert.equal(loadConfig({ ...withoutSecret, BOT_CERT_THUMBPRINT: 'A'.repeat(40), BOT_CERT_KEY_FILE: '/run/secrets/bot.pem' }).bot?.kind, 'certificate');
    assert.deepEqual(loadConfig({ ...withoutSecret, BOT_TYPE: 'UserAssignedMSI' }).bot, { kind: 'managedIdentity', appId: APP, tenantId: TENANT });
  });

  it('checks inbound tokens against the Bot Framework by default, or a local issuer on loopback', () => {
    assert.equal(loadConfig(production).inboundAuthentication.openIdMetadataUrl, 'https://login.botframework.com/v1/.well-known/openidconfiguration');
    const local = 'http://127.0.0.1:4100/v1/.well-known/openidconfiguration';
    assert.equal(loadConfig({ ...production, BOT_OPENID_METADATA_URL: local }).inboundAuthentication.openIdMetadataUrl, local);
  });

  it('reaches people never seen: learned service URLs by default, or one configured; Graph installs only when allowed', () => {
    assert.deepEqual(loadConfig({}).reach, { graphBaseUrl: 'https://graph.microsoft.com/v1.0' });
    assert.deepEqual(loadConfig({ ...production, TEAMS_SERVICE_URL: 'https://smba.trafficmanager.net/emea/' }).reach, {
      teamsServiceUrl: 'https://smba.trafficmanager.net/emea/',
      graphBaseUrl: 'https://graph.microsoft.com/v1.0',
    });
    const catalog = '3F1A2B4C-0000-4000-8000-00000000C0DE';
    assert.deepEqual(loadConfig({ ...production, PROACTIVE_INSTALL: 'true', TEAMS_APP_CATALOG_ID: catalog, GRAPH_BASE_URL: 'https://graph.microsoft.us/v1.0/' }).reach, {
      graphBaseUrl: 'https://graph.microsoft.us/v1.0',
      proactiveInstall: { catalogAppId: catalog.toLowerCase() },
    });
    assert.equal(loadConfig({ ...production, PROACTIVE_INSTALL: 'false', TEAMS_APP_CATALOG_ID: catalog }).reach.proactiveInstall, undefined);
  });

  it('checks tab sign-in tokens against Entra’s tenant-independent keys by default; the tab’s domain is optional', () => {
    assert.deepEqual(loadConfig(production).tab, { openIdMetadataUrl: 'https://login.microsoftonline.com/common/v2.0/.well-known/openid-configuration' });
    const local = 'http://127.0.0.1:4200/common/v2.0/.well-known/openid-configuration';
    assert.deepEqual(loadConfig({ ...production, TAB_DOMAIN: 'tavla.kommune.no', TAB_OPENID_METADATA_URL: local }).tab, { domain: 'tavla.kommune.no', openIdMetadataUrl: local });
    assert.equal(loadConfig({ TAB_DOMAIN: 'localhost:3978' }).tab.domain, 'localhost:3978');
  });

  const refusals: [string, Record<string, string>, RegExp][] = [
    ['a tab domain with a scheme', { ...production, TAB_DOMAIN: 'https://tavla.kommune.no' }, /^TAB_DOMAIN must be a lower-case host name/],
    ['a tab domain in capitals (Entra wants the application ID URI in lower case)', { ...production, TAB_DOMAIN: 'Tavla.Kommune.no' }, /^TAB_DOMAIN must be a lower-case host name/],
    ['tab token metadata over plain http off loopback', { ...production, TAB_OPENID_METADATA_URL: 'http://login.example/openid' }, /^TAB_OPENID_METADATA_URL must use https/],
    ['token metadata over plain http off loopback', { ...production, BOT_OPENID_METADATA_URL: 'http://login.example/openid' }, /^BOT_OPENID_METADATA_URL must use https/],
    ['a malformed bot id', { ...production, BOT_ID: 'not-a-guid' }, /^BOT_ID must be a GUID/],
    ['a secret without a bot id', { BOT_PASSWORD: 'x' }, /^BOT_ID is required when BOT_PASSWORD is set/],
    ['no credential', { BOT_ID: APP, BOT_TENANT_ID: TENANT, STORAGE_ACCOUNT_URL: production.STORAGE_ACCOUNT_URL }, /^BOT_PASSWORD is required with BOT_ID/],
    ['single tenant without tenant id', { ...production, BOT_TENANT_ID: '' }, /^BOT_TENANT_ID is required for BOT_TYPE=SingleTenant/],
    ['multi-tenant without an allow-list', { ...production, BOT_TYPE: 'MultiTenant', BOT_TENANT_ID: '' }, /^ALLOWED_TENANT_IDS is required/],
    ['a bad tenant in the allow-list', { ...production, ALLOWED_TENANT_IDS: `${TENANT}, nope` }, /^ALLOWED_TENANT_IDS must be a GUID/],
    ['production without storage', { ...production, STORAGE_ACCOUNT_URL: '' }, /^STORAGE_CONNECTION_STRING or STORAGE_ACCOUNT_URL is required in production/],
    ['two storage settings', { STORAGE_CONNECTION_STRING: 'UseDevelopmentStorage=true', STORAGE_ACCOUNT_URL: 'https://a.table.core.windows.net' }, /^STORAGE_CONNECTION_STRING and STORAGE_ACCOUNT_URL are both set/],
    ['plain http storage in production', { ...production, STORAGE_ACCOUNT_URL: 'http://a.table.core.windows.net' }, /^STORAGE_ACCOUNT_URL must use https/],
    ['a port that is not a number', { PORT: 'abc' }, /^PORT /],
    ['an unknown log level', { LOG_LEVEL: 'loud' }, /^LOG_LEVEL /],
    ['demo data in production', { ...production, SEED_DEMO: 'true' }, /^SEED_DEMO is only for local mode/],
    ['a bad table prefix', { TABLE_PREFIX: '1bad' }, /^TABLE_PREFIX must be letters and digits/],
    ['a reminder time that is not a time', { REMINDER_TIME: '7.30' }, /^REMINDER_TIME must be a time like 07:30/],
    ['a tenant rate out of range', { TENANT_RATE_PER_SECOND: '0' }, /^TENANT_RATE_PER_SECOND /],
    ['a service URL over plain http off loopback', { TEAMS_SERVICE_URL: 'http://smba.trafficmanager.net/emea/' }, /^TEAMS_SERVICE_URL must use https/],
    ['a Graph URL that is not a URL', { GRAPH_BASE_URL: 'graph' }, /^GRAPH_BASE_URL must be a URL/],
    ['installing without the catalog id', { ...production, PROACTIVE_INSTALL: 'true' }, /^TEAMS_APP_CATALOG_ID is required with PROACTIVE_INSTALL=true/],
    ['installing with a malformed catalog id', { ...production, PROACTIVE_INSTALL: 'yes', TEAMS_APP_CATALOG_ID: 'com.tavla.app' }, /^TEAMS_APP_CATALOG_ID must be a GUID/],
    ['installing without bot credentials', { PROACTIVE_INSTALL: 'true', TEAMS_APP_CATALOG_ID: TENANT }, /^PROACTIVE_INSTALL needs the bot credentials/],
  ];
  for (const [what, env, expected] of refusals) {
    it(`stops with one line naming the setting: ${what}`, () => {
      const message = refusal(env);
      assert.match(message, expected);
      assert.equal(message.includes('\n'), false);
    });
  }
});
