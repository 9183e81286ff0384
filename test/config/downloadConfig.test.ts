import assert from 'node:assert/strict';
import { ConfigError, loadConfig } from '../../src/config';

const production = {
  BOT_ID: '6a3b1c2d-1111-4222-8333-444455556666',
  BOT_PASSWORD: 's3cret',
  BOT_TENANT_ID: '0f0e0d0c-1111-4222-8333-444455556666',
  STORAGE_ACCOUNT_URL: 'https://tavla.table.core.windows.net',
};
const SECRET = 'k'.repeat(40);

function refusal(env: Record<string, string>): string {
  try {
    loadConfig(env);
  } catch (error) {
    assert.ok(error instanceof ConfigError);
    return error.message;
  }
  assert.fail('expected a ConfigError');
}

describe('configuration of downloads (report files, the ledger’s CSV)', () => {
  it('in local mode makes a random link key at each start and serves from its own address', () => {
    const a = loadConfig({});
    const b = loadConfig({});
    assert.ok(a.downloads.linkSecret.length >= 32);
    assert.notEqual(a.downloads.linkSecret, b.downloads.linkSecret);
    assert.equal(a.downloads.publicBaseUrl, undefined);
    assert.equal(a.downloads.linkMinutes, 15);
  });

  it('in production needs a shared key once downloads are on (PUBLIC_BASE_URL), and https', () => {
    assert.equal(loadConfig(production).downloads.publicBaseUrl, undefined, 'without a base URL: no download links');
    assert.match(refusal({ ...production, PUBLIC_BASE_URL: 'https://tavla.kommune.no' }), /^DOWNLOAD_LINK_SECRET is required in production/);
    assert.match(refusal({ ...production, PUBLIC_BASE_URL: 'http://tavla.kommune.no', DOWNLOAD_LINK_SECRET: SECRET }), /^PUBLIC_BASE_URL must use https in production/);
    assert.match(refusal({ ...production, PUBLIC_BASE_URL: 'https://tavla.kommune.no', DOWNLOAD_LINK_SECRET: 'short' }), /^DOWNLOAD_LINK_SECRET must be at least 32 characters/);
    const config = loadConfig({ ...production, PUBLIC_BASE_URL: 'https://tavla.kommune.no/', DOWNLOAD_LINK_SECRET: SECRET, DOWNLOAD_LINK_MINUTES: '5' });
    assert.deepEqual(config.downloads, { linkSecret: SECRET, publicBaseUrl: 'https://tavla.kommune.no', linkMinutes: 5 });
  });

  it('refuses link lifetimes outside 1-120 minutes', () => {
    assert.match(refusal({ DOWNLOAD_LINK_MINUTES: '0' }), /^DOWNLOAD_LINK_MINUTES/);
    assert.match(refusal({ DOWNLOAD_LINK_MINUTES: '600' }), /^DOWNLOAD_LINK_MINUTES/);
  });
});
