import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodeProtectedHeader, jwtVerify } from 'jose';
import { certificateAssertion } from '../../src/graph/graphToken';
import { appInstaller } from '../../src/proactive';
import { DEMO_PEOPLE } from '../../src/services/demoOrganisation';
import { FakeGraph } from '../support/fakeGraph';
import { FakeManagedIdentity } from '../support/fakeManagedIdentity';

const APP_ID = '6a3b1c2d-1111-4222-8333-444455556666';
const TENANT = '0f0e0d0c-1111-4222-8333-444455556666';
const CATALOG_APP_ID = '3f1a2b4c-0000-4000-8000-00000000c0de';
const clock = { now: () => new Date() };

describe('Microsoft Graph with the bot’s own identity', () => {
  it('installs through Graph with a managed identity’s token for Graph (the production wiring)', async () => {
    const identity = await FakeManagedIdentity.shared();
    const asked = identity.requests.length;
    const graph = await FakeGraph.start();
    const saved = { endpoint: process.env.IDENTITY_ENDPOINT, header: process.env.IDENTITY_HEADER };
    process.env.IDENTITY_ENDPOINT = identity.endpoint;
    process.env.IDENTITY_HEADER = identity.header;
    try {
      const bot = { kind: 'managedIdentity', appId: APP_ID, tenantId: TENANT } as const;
      assert.equal(appInstaller({ reach: { graphBaseUrl: graph.baseUrl }, bot, clock }), undefined, 'not without PROACTIVE_INSTALL');
      const installer = appInstaller({ reach: { graphBaseUrl: graph.baseUrl, proactiveInstall: { catalogAppId: CATALOG_APP_ID } }, bot, clock });
      assert.ok(installer);
      assert.deepEqual(await installer.installFor(TENANT, DEMO_PEOPLE.lars.aadObjectId), { ok: true, already: false });
      assert.deepEqual(await installer.installFor(TENANT, DEMO_PEOPLE.lars.aadObjectId), { ok: true, already: true }, '409: already installed');
      assert.equal(graph.requests[0]?.authorization, `Bearer ${identity.accessToken}`);
      // Managed identity asks for the resource (the scope without "/.default"), as the bot's own client id.
      assert.deepEqual(identity.requests.slice(asked), [{ resource: new URL(graph.baseUrl).origin, clientId: APP_ID }], 'one token, cached for the second install');
    } finally {
      if (saved.endpoint === undefined) delete process.env.IDENTITY_ENDPOINT;
      else process.env.IDENTITY_ENDPOINT = saved.endpoint;
      if (saved.header === undefined) delete process.env.IDENTITY_HEADER;
      else process.env.IDENTITY_HEADER = saved.header;
      await graph.stop();
    }
  });

  it('signs a certificate client assertion Entra ID accepts: x5t from the thumbprint, the tenant’s token endpoint as audience', async () => {
    const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const dir = mkdtempSync(join(tmpdir(), 'tavla-cert-'));
    try {
      const privateKeyFile = join(dir, 'bot.pem');
      writeFileSync(privateKeyFile, privateKey.export({ type: 'pkcs1', format: 'pem' }));
      const thumbprint = 'A1B2C3D4E5F60718293A4B5C6D7E8F9001122334';
      const assertion = await certificateAssertion({ kind: 'certificate', appId: APP_ID, thumbprint, privateKeyFile, tenantId: TENANT, multiTenant: false }, TENANT)();
      const header = decodeProtectedHeader(assertion);
      assert.equal(header.alg, 'RS256');
      assert.equal(header.x5t, Buffer.from(thumbprint, 'hex').toString('base64url'));
      const { payload } = await jwtVerify(assertion, publicKey, { audience: `https://login.microsoftonline.com/${TENANT}/oauth2/v2.0/token`, issuer: APP_ID, subject: APP_ID });
      assert.equal((payload.exp ?? 0) - (payload.nbf ?? 0), 600);
      assert.ok(payload.jti);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
