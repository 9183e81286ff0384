import assert from 'node:assert/strict';
import sinon from 'sinon';
import { randomBytes } from 'node:crypto';
import { Activity } from 'botbuilder';
import { loadConfig } from '../../src/config';
import { RunningTavla, startTavla } from '../../src/main';
import { TENANT_ID, message } from '../support/activities';
import { testConnectionString } from '../support/azurite';
import { FakeTeamsDirectory } from '../support/botHarness';
import { RecordingLogger } from '../support/edgeServer';
import { FakeConnector } from '../support/fakeConnector';
import { FakeManagedIdentity } from '../support/fakeManagedIdentity';
import { BOT_FRAMEWORK_ISSUER, LocalIssuer, hs256Token, unsignedToken } from '../support/localIssuer';

const BOT_ID = '6f1c2d3e-4a5b-4c6d-8e9f-0a1b2c3d4e5f';
const OTHER_TENANT = '99999999-2222-4333-8444-555555555555';

/**
 * Production mode, offline: the bot's real authentication path (botbuilder's token validation
 * against an OpenID metadata document) checks tokens from a local issuer, and its outbound token
 * comes from a local managed-identity endpoint, so a whole turn runs with no network.
 */
describe('production authentication (local issuer, managed identity)', () => {
  let issuer: LocalIssuer;
  let identity: FakeManagedIdentity;
  let connector: FakeConnector;
  let bot: RunningTavla;
  const logger = new RecordingLogger();
  const savedEnv = { endpoint: process.env.IDENTITY_ENDPOINT, header: process.env.IDENTITY_HEADER };

  before(async () => {
    // botbuilder prints every refused token's key list with console.error; the assertions say what matters.
    sinon.stub(console, 'error');
    issuer = await LocalIssuer.start();
    identity = await FakeManagedIdentity.shared();
    connector = await FakeConnector.start();
    process.env.IDENTITY_ENDPOINT = identity.endpoint;
    process.env.IDENTITY_HEADER = identity.header;
    const config = loadConfig({
      BOT_ID,
      BOT_TYPE: 'UserAssignedMSI',
      BOT_TENANT_ID: TENANT_ID,
      BOT_OPENID_METADATA_URL: issuer.metadataUrl,
      STORAGE_CONNECTION_STRING: testConnectionString(),
      TABLE_PREFIX: `t${randomBytes(5).toString('hex')}`,
      HOST: '127.0.0.1',
      PORT: '0',
    });
    bot = await startTavla(config, { logger, teams: new FakeTeamsDirectory() });
  });

  after(async () => {
    sinon.restore();
    await bot?.stop();
    // The managed-identity endpoint is shared by the whole run (see FakeManagedIdentity.shared).
    await Promise.all([issuer?.stop(), connector?.stop()]);
    if (savedEnv.endpoint === undefined) delete process.env.IDENTITY_ENDPOINT;
    else process.env.IDENTITY_ENDPOINT = savedEnv.endpoint;
    if (savedEnv.header === undefined) delete process.env.IDENTITY_HEADER;
    else process.env.IDENTITY_HEADER = savedEnv.header;
  });

  const activity = (options: { tenantId?: string } = {}): Partial<Activity> => ({ ...message('help', { locale: 'en-US', ...options }), serviceUrl: connector.serviceUrl });
  const post = (body: string, token?: string) =>
    fetch(`${bot.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json', ...(token !== undefined ? { authorization: `Bearer ${token}` } : {}) }, body });
  const valid = () => issuer.token({ aud: BOT_ID, serviceurl: connector.serviceUrl });

  it('accepts a valid token: the turn runs and the reply carries the managed identity’s token', async () => {
    const before = connector.deliveries.length;
    const res = await post(JSON.stringify(activity()), await valid());
    assert.equal(res.status, 200);
    const reply = connector.deliveries.slice(before).find((d) => d.activity.type === 'message');
    assert.ok(reply, 'the help card reached the connector');
    assert.equal(reply.authorization, `Bearer ${identity.accessToken}`);
    assert.ok(identity.requests.some((r) => r.clientId === BOT_ID), 'the token was asked for the bot’s own identity');
  });

  const refusals: [string, () => Promise<string | undefined>][] = [
    ['no token', async () => undefined],
    ['an empty bearer', async () => ''],
    ['a wrong audience', () => issuer.token({ aud: '00000000-0000-4000-8000-000000000001', serviceurl: connector.serviceUrl })],
    ['an expired token', () => issuer.token({ aud: BOT_ID, serviceurl: connector.serviceUrl, expiresIn: -3600 })],
    ['a token not valid yet', () => issuer.token({ aud: BOT_ID, serviceurl: connector.serviceUrl, notBeforeIn: 3600 })],
    ['a wrong issuer', () => issuer.token({ aud: BOT_ID, serviceurl: connector.serviceUrl, iss: 'https://evil.example' })],
    ['a bad signature under a known key id', () => issuer.token({ aud: BOT_ID, serviceurl: connector.serviceUrl, key: 'unpublished' })],
    ['an unknown key id', async () => (await valid()).replace(/^[^.]+/, Buffer.from(JSON.stringify({ alg: 'RS256', kid: 'no-such-key' })).toString('base64url'))],
    ['a key not endorsed for Teams', () => issuer.token({ aud: BOT_ID, serviceurl: connector.serviceUrl, key: 'otherChannel' })],
    ['alg none', async () => unsignedToken({ iss: BOT_FRAMEWORK_ISSUER, aud: BOT_ID, serviceurl: connector.serviceUrl, exp: Math.floor(Date.now() / 1000) + 3600 })],
    ['HS256', () => hs256Token({ iss: BOT_FRAMEWORK_ISSUER, aud: BOT_ID, serviceurl: connector.serviceUrl, exp: Math.floor(Date.now() / 1000) + 3600 })],
    ['no serviceurl claim', () => issuer.token({ aud: BOT_ID })],
    ['a serviceurl claim for another host', () => issuer.token({ aud: BOT_ID, serviceurl: 'https://smba.trafficmanager.net/emea/' })],
    ['garbage', async () => 'not.a.jwt'],
  ];
  for (const [what, token] of refusals) {
    it(`refuses ${what} with 401, sends nothing and stores nothing`, async () => {
      const before = connector.deliveries.length;
      const res = await post(JSON.stringify(activity()), await token());
      assert.equal(res.status, 401);
      assert.deepEqual(await res.json(), { error: 'Unauthorized' });
      assert.equal(connector.deliveries.length, before);
    });
  }

  it('checks the token before it reads the body: an unauthenticated malformed body gets 401, not 400', async () => {
    const res = await post('{this is not json');
    assert.equal(res.status, 401);
  });

  it('refuses an authenticated request from a tenant outside the allow-list with 403, after authentication', async () => {
    const unauthenticated = await post(JSON.stringify(activity({ tenantId: OTHER_TENANT })));
    assert.equal(unauthenticated.status, 401, 'an anonymous caller learns nothing about which tenants are allowed');
    const res = await post(JSON.stringify(activity({ tenantId: OTHER_TENANT })), await valid());
    assert.equal(res.status, 403);
    assert.deepEqual(await res.json(), { error: 'Tenant not allowed' });
  });
});
