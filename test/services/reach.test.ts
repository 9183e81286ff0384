import assert from 'node:assert/strict';
import { DEMO_PEOPLE, seedDemoOrganisation } from '../../src/services/demoOrganisation';
import { OrganisationDirectory } from '../../src/services/organisationDirectory';
import { Reachability } from '../../src/services/reach/reachability';
import { ServiceUrlSettings } from '../../src/services/reach/tenantServiceUrls';
import { OrganisationTable } from '../../src/storage/organisationTable';
import { PeopleTable } from '../../src/storage/peopleTable';
import { ReachTable } from '../../src/storage/reachTable';
import { TableStore } from '../../src/storage/tableStore';
import { freshTableStore, roundTripCounter } from '../support/azurite';

const TENANT = '11111111-2222-4333-8444-555555555555';
const OTHER_TENANT = '99999999-2222-4333-8444-555555555555';
const EMEA = 'https://smba.trafficmanager.net/emea/';
const { lars, kari } = DEMO_PEOPLE;

/** One bot instance's Reachability over shared tables. */
function instance(store: TableStore, settings: ServiceUrlSettings = { allowedTenantIds: [] }, clock = { now: () => new Date() }): Reachability {
  const organisation = new OrganisationTable(store, () => undefined);
  return new Reachability(new ReachTable(store), new PeopleTable(store), new OrganisationDirectory(organisation, clock), clock, settings);
}

describe('reachability (Azurite)', () => {
  it('learns a tenant’s service URL from its activities, writing only when it changes', async () => {
    const counter = roundTripCounter();
    const store = await freshTableStore([counter.policy]);
    const reach = instance(store);
    await reach.noteActivity({ tenantId: TENANT, serviceUrl: EMEA });
    assert.equal(await reach.serviceUrlFor(TENANT), EMEA);

    counter.reset();
    for (let i = 0; i < 5; i++) await reach.noteActivity({ tenantId: TENANT.toUpperCase(), serviceUrl: EMEA });
    assert.equal(counter.count(), 0, 'nothing new, no storage call');

    await reach.noteActivity({ tenantId: TENANT, serviceUrl: 'https://smba.trafficmanager.net/amer/' });
    assert.equal(counter.count(), 1, 'a changed URL is one write');
    assert.equal(await instance(store).serviceUrlFor(TENANT), 'https://smba.trafficmanager.net/amer/', 'another instance reads it');
  });

  it('falls back to the configured service URL for a tenant never seen; a learned one wins', async () => {
    const store = await freshTableStore();
    const reach = instance(store, { allowedTenantIds: [TENANT], configured: 'https://smba.infra.gcc.teams.microsoft.com/gcc/' });
    assert.equal(await reach.serviceUrlFor(TENANT), 'https://smba.infra.gcc.teams.microsoft.com/gcc/');
    await reach.noteActivity({ tenantId: TENANT, serviceUrl: EMEA });
    assert.equal(await reach.serviceUrlFor(TENANT), EMEA);
    assert.equal(await instance(store).serviceUrlFor(OTHER_TENANT), undefined);
  });

  it('knows the tenant of someone never seen only when Tavla serves exactly one', async () => {
    const store = await freshTableStore();
    assert.equal(await instance(store, { allowedTenantIds: [TENANT] }).defaultTenant(), TENANT);
    assert.equal(await instance(store, { allowedTenantIds: [TENANT, OTHER_TENANT] }).defaultTenant(), undefined);
    const local = instance(store);
    assert.equal(await local.defaultTenant(), undefined, 'local mode, nobody has written');
    await local.noteActivity({ tenantId: TENANT, serviceUrl: EMEA });
    assert.equal(await local.defaultTenant(), TENANT, 'the one tenant that wrote (the Agents Playground’s, say)');
    await local.noteActivity({ tenantId: OTHER_TENANT, serviceUrl: EMEA });
    assert.equal(await local.defaultTenant(), undefined);
  });

  it('keeps one record per unreachable person, with names for administrators, and clears it when they write', async () => {
    const store = await freshTableStore();
    await seedDemoOrganisation(new OrganisationTable(store, () => undefined), new PeopleTable(store));
    // A minute passes between marks, so "most recent first" is well defined.
    let minutes = 0;
    const reach = instance(store, { allowedTenantIds: [] }, { now: () => new Date(Date.UTC(2026, 10, 16, 7, minutes++)) });
    await reach.markUnreachable(lars.aadObjectId, 'notInstalled', 'open chat: 403 ForbiddenOperationException');
    await reach.markUnreachable(lars.aadObjectId.toUpperCase(), 'blocked', '403 ConversationBlockedByUser');
    await reach.markUnreachable(kari.aadObjectId, 'noServiceUrl', 'tenant unknown');
    const { total, shown } = await reach.list();
    assert.equal(total, 2);
    assert.deepEqual(shown.map((p) => [p.name, p.reason, p.detail]), [
      ['Kari Nilsen', 'noServiceUrl', 'tenant unknown'],
      ['Lars Haugen', 'blocked', '403 ConversationBlockedByUser'],
    ]);
    assert.equal((await reach.list(1)).shown.length, 1, 'names are read only for the people shown');
    assert.equal(await reach.isBlocked(lars.aadObjectId), true);
    assert.equal(await reach.isBlocked(kari.aadObjectId), false, 'not blocked, just unreachable: the sender tries again');
    await reach.noteActivity({ aadObjectId: lars.aadObjectId });
    assert.equal(await reach.isBlocked(lars.aadObjectId), false);
    assert.deepEqual((await reach.list()).shown.map((p) => p.name), ['Kari Nilsen']);
  });

  it('never skips a person on another instance’s stale copy: a blocked mark is confirmed before anyone is left out', async () => {
    const store = await freshTableStore();
    const sender = instance(store);
    const turns = instance(store);
    await sender.markUnreachable(lars.aadObjectId, 'blocked', '403 ConversationBlockedByUser');
    // Lars writes to the bot; another instance handles his turn and clears the mark.
    await turns.noteActivity({ aadObjectId: lars.aadObjectId });
    assert.equal(await sender.isBlocked(lars.aadObjectId), false);
  });
});
