import assert from 'node:assert/strict';
import { DomainError } from '../../src/domain/errors';
import { Unit } from '../../src/domain/organisation';
import { OrganisationTable } from '../../src/storage/organisationTable';
import { PeopleTable } from '../../src/storage/peopleTable';
import { checkedKey, encodedKey, decodedKey, newestFirstKey } from '../../src/storage/keys';
import { freshTableStore, roundTripCounter } from '../support/azurite';

const unit = (id: string, extra: Partial<Unit> = {}): Unit => ({ id, code: 'U1', name: id, serviceAreaId: 'helse', leaders: [], members: [], ...extra });
const ref = (n: number) => ({ kind: 'aad' as const, id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}` });

describe('organisation table (Azurite)', () => {
  let table: OrganisationTable;
  beforeEach(async () => {
    table = new OrganisationTable(await freshTableStore());
  });

  it('loads the whole structure back in one query', async () => {
    const counter = roundTripCounter();
    const counted = new OrganisationTable(await freshTableStore([counter.policy]));
    await counted.saveServiceArea({ id: 'helse', name: 'Helse', leaders: [{ kind: 'upn', upn: 'tol@k.no' }] });
    await counted.createUnit(unit('a', { leaders: [ref(1)], headcount: 12 }));
    await counted.saveAlias('tol@k.no', ref(7).id);
    counter.reset();
    const org = await counted.load();
    assert.equal(counter.count(), 1);
    assert.deepEqual(org.serviceAreas, [{ id: 'helse', name: 'Helse', leaders: [{ kind: 'upn', upn: 'tol@k.no' }] }]);
    assert.deepEqual(org.units, [unit('a', { leaders: [ref(1)], headcount: 12 })]);
    assert.equal(org.aliases.get('tol@k.no'), ref(7).id);
  });

  it('never loses a concurrent update: both changes survive, re-applied under the fresh ETag', async () => {
    await table.createUnit(unit('a'));
    await Promise.all([ref(1), ref(2), ref(3), ref(4)].map((member) => table.updateUnit('a', (u) => ({ ...u, members: [...u.members, member] }))));
    const stored = (await table.load()).units[0];
    assert.deepEqual([...stored.members].map((m) => (m.kind === 'aad' ? m.id : '')).sort(), [ref(1), ref(2), ref(3), ref(4)].map((r) => r.id));
  });

  it('lets a change refuse after seeing what someone else wrote in between', async () => {
    await table.createUnit(unit('a'));
    let calls = 0;
    const first = table.updateUnit('a', (u) => {
      calls++;
      if (u.channel) throw new DomainError('alreadyLinked', { unit: u.name });
      return { ...u, channel: { conversationId: '19:one', teamId: 't', tenantId: 'x', serviceUrl: 'https://s/' } };
    });
    const second = table.updateUnit('a', (u) => {
      if (u.channel) throw new DomainError('alreadyLinked', { unit: u.name });
      return { ...u, channel: { conversationId: '19:two', teamId: 't', tenantId: 'x', serviceUrl: 'https://s/' } };
    });
    const results = await Promise.allSettled([first, second]);
    assert.equal(results.filter((r) => r.status === 'fulfilled').length, 1, 'exactly one link wins');
    const rejected = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    assert.equal((rejected.reason as DomainError).code, 'alreadyLinked');
    assert.ok(calls >= 1);
  });

  it('refuses a duplicate unit id and an update of a unit that does not exist', async () => {
    await table.createUnit(unit('a'));
    await assert.rejects(table.createUnit(unit('a')), (e: DomainError) => e.code === 'conflict');
    await assert.rejects(table.updateUnit('nope', (u) => u), (e: DomainError) => e.code === 'notFound');
  });

  it('checks the size before writing instead of failing at the service', async () => {
    await table.createUnit(unit('a'));
    const huge = Array.from({ length: 1200 }, (_, i) => ({ kind: 'upn' as const, upn: `person.with.a.long.name.${i}@municipality.example.no` }));
    await assert.rejects(table.updateUnit('a', (u) => ({ ...u, members: huge })), (e: DomainError) => e.code === 'invalid' && e.params.reason === 'propertyTooLarge');
    assert.deepEqual((await table.load()).units[0].members, []);
  });

  it('imports more than one transaction of rows completely, keeping channel links', async () => {
    await table.createUnit(unit('u0', { channel: { conversationId: '19:c', teamId: 't', tenantId: 'x', serviceUrl: 'https://s/' }, members: [ref(9)] }));
    const units = Array.from({ length: 150 }, (_, i) => {
      const { members: _omitted, ...rest } = unit(`u${i}`);
      return { ...rest, code: `U${i}` };
    });
    await table.applyImport({ serviceAreas: [{ id: 'helse', name: 'Helse', leaders: [] }], units, roleAssignments: [{ role: 'administrator', people: [ref(1)] }] });
    const org = await table.load();
    assert.equal(org.units.length, 150);
    const kept = org.units.find((u) => u.id === 'u0');
    assert.equal(kept?.channel?.conversationId, '19:c');
    assert.deepEqual(kept?.members, [ref(9)]);
    await table.applyImport({ serviceAreas: [], units: [], roleAssignments: [{ role: 'administrator', people: [ref(2)] }] });
    assert.deepEqual((await table.load()).roleAssignments, [{ role: 'administrator', person: ref(2) }], 'a re-import replaces the role list');
  });
});

describe('people table (Azurite)', () => {
  it('merges what it learns and finds people by UPN', async () => {
    const people = new PeopleTable(await freshTableStore());
    await people.save({ aadObjectId: ref(1).id, name: 'Kari', personalConversationId: 'a:1', locale: 'nb' });
    await people.saveMany([{ aadObjectId: ref(1).id, name: 'Kari Nilsen', upn: 'Kari@K.no', teamsUserId: '29:1' }]);
    const stored = await people.get(ref(1).id);
    assert.deepEqual(stored, { aadObjectId: ref(1).id, name: 'Kari Nilsen', upn: 'kari@k.no', teamsUserId: '29:1', personalConversationId: 'a:1', locale: 'nb' });
    assert.equal((await people.findByUpn('KARI@k.no'))?.name, 'Kari Nilsen');
    assert.equal(await people.findByUpn('nobody@k.no'), undefined);
  });
});

describe('table keys', () => {
  it('refuses characters Azure Tables forbids and encodes outside ids reversibly', () => {
    for (const bad of ['a/b', 'a\\b', 'a#b', 'a?b', 'a\u0001b', '', 'x'.repeat(600)]) assert.throws(() => checkedKey(bad), /Invalid table key/);
    const id = '19:abc/def#x?y@thread.tacv2';
    assert.equal(decodedKey(encodedKey(id)), id);
    assert.doesNotThrow(() => checkedKey(encodedKey(id)));
  });

  it('sorts newer times first', () => {
    const older = newestFirstKey(new Date('2026-01-01T00:00:00Z'));
    const newer = newestFirstKey(new Date('2026-06-01T00:00:00Z'));
    assert.ok(newer < older);
  });
});
