import assert from 'node:assert/strict';
import { TeamsAdapter } from '@microsoft/teams-ai';
import { silentLogger } from '../../src/ports/logger';
import { createBotServer, listen, RunningServer } from '../../src/teams/server';
import { createApp } from '../../src/teams/app';
import { FakeTeamsDirectory, createBotHarness } from '../support/botHarness';
import { TENANT_ID, message } from '../support/activities';

describe('HTTP endpoint', () => {
  let server: RunningServer;
  before(async () => {
    const { services } = await createBotHarness();
    const adapter = new TeamsAdapter();
    const app = createApp({ services, teams: new FakeTeamsDirectory(), allowedTenantIds: [TENANT_ID], logger: silentLogger, clock: { now: () => new Date() } }, adapter);
    server = await listen(createBotServer({ adapter, app, allowedTenantIds: [TENANT_ID], logger: silentLogger }), '127.0.0.1', 0);
  });
  after(() => server.close());

  const post = (body: string) => fetch(`${server.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });

  it('answers health checks', async () => {
    const res = await fetch(`${server.url}/health`);
    assert.equal(res.status, 200);
  });

  it('rejects malformed JSON and non-activities with 400, and stays up', async () => {
    assert.equal((await post('{not json')).status, 400);
    assert.equal((await post('{"hello":1}')).status, 400);
    assert.equal((await fetch(`${server.url}/health`)).status, 200);
  });

  it('rejects an oversized body', async () => {
    const res = await post(JSON.stringify({ ...message('x'), text: 'x'.repeat(600 * 1024) }));
    assert.equal(res.status, 413);
  });

  it('refuses another tenant with 403 before any processing', async () => {
    const res = await post(JSON.stringify(message('help', { tenantId: '99999999-2222-4333-8444-555555555555' })));
    assert.equal(res.status, 403);
  });
});
