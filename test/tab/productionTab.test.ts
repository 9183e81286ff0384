import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { loadConfig } from '../../src/config';
import { composeServices } from '../../src/composition';
import { RunningTavla, startTavla } from '../../src/main';
import { randomIds } from '../../src/ports/ids';
import { silentLogger } from '../../src/ports/logger';
import { seedDemoOrganisation } from '../../src/services/demoOrganisation';
import { TableStore } from '../../src/storage/tableStore';
import { MeDto } from '../../src/tab/contract';
import { pageHeaders } from '../../src/tab/static/securityHeaders';
import { TENANT_ID } from '../support/activities';
import { testConnectionString } from '../support/azurite';
import { FakeTeamsDirectory } from '../support/botHarness';
import { RecordingLogger } from '../support/edgeServer';
import { EntraIssuer, OTHER_KEY_TENANT } from '../support/entraIssuer';
import { hs256Token, unsignedToken } from '../support/localIssuer';

const BOT_ID = '6f1c2d3e-4a5b-4c6d-8e9f-0a1b2c3d4e5f';
const TAB_DOMAIN = 'tavla.kommune.example';
const FOREIGN_TENANT = '99999999-2222-4333-8444-555555555555';

/**
 * The tab in production mode, offline: Teams single sign-on tokens from a local stand-in for
 * Entra ID, checked by the real wiring (startTavla) against its key set. The demo sign-in does
 * not exist here.
 */
describe('tab sign-in in production (local Entra issuer)', () => {
  let issuer: EntraIssuer;
  let tavla: RunningTavla;
  const logger = new RecordingLogger();

  before(async () => {
    issuer = await EntraIssuer.start();
    const prefix = `t${randomBytes(5).toString('hex')}`;
    const store = new TableStore({ target: { kind: 'connectionString', connectionString: testConnectionString() }, prefix });
    await store.createTables();
    const { repositories } = composeServices(store, { clock: { now: () => new Date() }, ids: randomIds, logger: silentLogger });
    await seedDemoOrganisation(repositories.organisation, repositories.people);
    const config = loadConfig({
      BOT_ID,
      BOT_PASSWORD: 'not-used-offline',
      BOT_TENANT_ID: TENANT_ID,
      TAB_DOMAIN,
      TAB_OPENID_METADATA_URL: issuer.metadataUrl,
      STORAGE_CONNECTION_STRING: testConnectionString(),
      TABLE_PREFIX: prefix,
      HOST: '127.0.0.1',
      PORT: '0',
    });
    tavla = await startTavla(config, { logger, teams: new FakeTeamsDirectory() });
  });

  after(async () => {
    await tavla?.stop();
    await issuer?.stop();
  });

  const me = (token: string | undefined) => fetch(`${tavla.url}/tab/api/me`, { headers: { 'accept-language': 'en', ...(token !== undefined ? { authorization: `Bearer ${token}` } : {}) } });
  const valid = (claims: Partial<Parameters<EntraIssuer['token']>[0]> = {}) => issuer.token({ tid: TENANT_ID, aud: BOT_ID, ...claims });

  it('accepts a v2 token for the app id: the person is its oid, their units come from storage', async () => {
    const res = await me(await valid());
    assert.equal(res.status, 200);
    const body = (await res.json()) as MeDto;
    assert.deepEqual(body.person, { id: '00000000-0000-4000-8000-000000000004', name: 'Kari Nilsen' });
    assert.deepEqual(body.units.map((u) => u.code), ['HN']);
    assert.deepEqual(body.roles, ['unitLeader', 'member']);
  });

  it('accepts a v1 token for the api://<domain>/botid-<app id> URI (the manifest’s webApplicationInfo resource)', async () => {
    const res = await me(await valid({ aud: `api://${TAB_DOMAIN}/botid-${BOT_ID}`, iss: `https://sts.windows.net/${TENANT_ID}/` }));
    assert.equal(res.status, 200);
  });

  const refusals: [string, () => Promise<string | undefined>, number][] = [
    ['no token', async () => undefined, 401],
    ['an expired token', () => valid({ expiresIn: -600 }), 401],
    ['a wrong audience (another app)', () => valid({ aud: '00000000-0000-4000-8000-000000000001' }), 401],
    ['the bot-only application ID URI', () => valid({ aud: `api://botid-${BOT_ID}` }), 401],
    ['a token of a tenant not on the allow-list', () => valid({ tid: FOREIGN_TENANT }), 403],
    ['a bad signature under a published key id', () => valid({ key: 'unpublished' }), 401],
    ['a key that signs for another tenant only', () => valid({ key: 'otherTenant' }), 401],
    ['another tenant’s key used for its own tenant, but not allowed', () => valid({ key: 'otherTenant', tid: OTHER_KEY_TENANT }), 403],
    ['an issuer of another tenant than the tid claim', () => valid({ iss: `https://login.microsoftonline.com/${FOREIGN_TENANT}/v2.0` }), 401],
    ['an issuer that is not Entra', () => valid({ iss: 'https://evil.example/v2.0' }), 401],
    ['a token without the access_as_user scope', () => valid({ scp: 'User.Read' }), 401],
    ['a token without an oid', () => valid({ oid: 'not-a-guid' }), 401],
    ['alg none', async () => unsignedToken({ tid: TENANT_ID, aud: BOT_ID, iss: `https://login.microsoftonline.com/${TENANT_ID}/v2.0`, scp: 'access_as_user', oid: '00000000-0000-4000-8000-000000000004', exp: Math.floor(Date.now() / 1000) + 3600 }), 401],
    ['HS256 with a chosen secret (like a local demo session)', () => hs256Token({ tid: TENANT_ID, aud: BOT_ID, iss: `https://login.microsoftonline.com/${TENANT_ID}/v2.0`, scp: 'access_as_user', oid: '00000000-0000-4000-8000-000000000004', exp: Math.floor(Date.now() / 1000) + 3600 }), 401],
    ['garbage', async () => 'not.a.jwt', 401],
  ];
  for (const [what, token, status] of refusals) {
    it(`refuses ${what} with ${status} and a short JSON answer`, async () => {
      const res = await me(await token());
      assert.equal(res.status, status);
      assert.deepEqual(await res.json(), status === 403 ? { error: 'tenantNotAllowed', message: 'Your organisation does not use this Tavla.' } : { error: 'unauthorized', message: 'You are not signed in.' });
    });
  }

  it('reads Entra’s key set once, and not again for every unknown key id', async () => {
    const before = issuer.requests;
    for (let i = 0; i < 5; i++) {
      await me(await valid());
      await me((await valid()).replace(/^[^.]+/, Buffer.from(JSON.stringify({ alg: 'RS256', kid: `unknown-${i}` })).toString('base64url')));
    }
    assert.equal(issuer.requests - before, 0, 'the keys read for the first request serve on; unknown ids wait for the cooldown');
  });

  it('has no local sign-in route in production: the path is not found', async () => {
    const res = await fetch(`${tavla.url}/tab/local/signin?ticket=anything`, { redirect: 'manual' });
    assert.equal(res.status, 404);
    assert.equal(tavla.tabSignInLinks, undefined);
  });

  it('lets only Teams frame the page in production, and nothing outside it in local mode', () => {
    assert.match(pageHeaders('production')['Content-Security-Policy'], /frame-ancestors https:\/\/teams\.microsoft\.com https:\/\/\*\.teams\.microsoft\.com https:\/\/\*\.cloud\.microsoft$/);
    assert.match(pageHeaders('local')['Content-Security-Policy'], /frame-ancestors 'self'$/);
    assert.doesNotMatch(pageHeaders('local')['Content-Security-Policy'], /res\.cdn\.office\.net/);
  });

  it('logs why a token was refused, by code, without the token or the person', () => {
    const refused = logger.lines.filter((l) => l.message === 'tab request refused');
    assert.ok(refused.length >= refusals.length);
    assert.doesNotMatch(JSON.stringify(refused), /eyJ|Kari/);
  });
});
