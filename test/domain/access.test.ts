import assert from 'node:assert/strict';
import { accessFor, canCreateUnitIn, canManageUnit, canSetUpChannels, rolesOf, unitsOf } from '../../src/domain/access';
import { DEFAULT_ORGANISATION, OrganisationSnapshot, Unit, nextUnitCode, unitForChannel } from '../../src/domain/organisation';
import { parsePersonRef, refersTo } from '../../src/domain/people';

const aad = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const person = (n: number, upn?: string) => ({ aadObjectId: aad(n), name: `P${n}`, ...(upn ? { upn } : {}) });
const unit = (id: string, area: string, leaders: string[], members: string[] = []): Unit => ({
  id,
  code: id.toUpperCase().slice(0, 2),
  name: id,
  serviceAreaId: area,
  leaders: leaders.map((l) => parsePersonRef(l)!),
  members: members.map((m) => parsePersonRef(m)!),
});

const org: OrganisationSnapshot = {
  settings: DEFAULT_ORGANISATION,
  serviceAreas: [
    { id: 'helse', name: 'Helse', leaders: [parsePersonRef('tol@kommune.no')!] },
    { id: 'teknisk', name: 'Teknisk', leaders: [] },
  ],
  units: [unit('a', 'helse', [aad(2)], [aad(3)]), unit('b', 'helse', []), unit('c', 'teknisk', ['leder.c@kommune.no'])],
  roleAssignments: [{ role: 'administrator', person: parsePersonRef(aad(9))! }],
  aliases: new Map([['leder.c@kommune.no', aad(5)]]),
  goals: [],
};

describe('access rules', () => {
  it('a unit leader manages their own unit only', () => {
    const access = accessFor(person(2), org);
    assert.deepEqual(rolesOf(access), ['unitLeader']);
    assert.equal(canManageUnit(access, org.units[0]), true);
    assert.equal(canManageUnit(access, org.units[1]), false);
  });

  it('a service-area leader named by UPN manages every unit in the area and nothing outside it', () => {
    const access = accessFor(person(4, 'TOL@kommune.no'), org);
    assert.deepEqual(rolesOf(access), ['serviceAreaLeader']);
    assert.deepEqual(org.units.map((u) => canManageUnit(access, u)), [true, true, false]);
    assert.equal(canCreateUnitIn(access, 'helse'), true);
    assert.equal(canCreateUnitIn(access, 'teknisk'), false);
  });

  it('a learned alias makes a UPN-named leader recognisable by object id alone', () => {
    const access = accessFor(person(5), org);
    assert.deepEqual([...access.leaderOf], ['c']);
  });

  it('a member may not set up channels; an administrator may do everything', () => {
    const member = accessFor(person(3), org);
    assert.deepEqual(rolesOf(member), ['member']);
    assert.equal(canSetUpChannels(member), false);
    assert.equal(canManageUnit(member, org.units[0]), false);
    const admin = accessFor(person(9), org);
    assert.equal(org.units.every((u) => canManageUnit(admin, u)), true);
    assert.equal(canCreateUnitIn(admin, 'teknisk'), true);
  });

  it('lists the units a person takes part in', () => {
    assert.deepEqual(unitsOf(accessFor(person(4, 'tol@kommune.no'), org), org).map((u) => u.id), ['a', 'b']);
    assert.deepEqual(unitsOf(accessFor(person(77), org), org), []);
  });
});

describe('people references', () => {
  it('reads object ids and UPNs, case-insensitively, and rejects anything else', () => {
    assert.deepEqual(parsePersonRef(' 3F2B0000-0000-4000-8000-00000000000A '), { kind: 'aad', id: '3f2b0000-0000-4000-8000-00000000000a' });
    assert.deepEqual(parsePersonRef('Kari.Nilsen@Kommune.no'), { kind: 'upn', upn: 'kari.nilsen@kommune.no' });
    for (const bad of ['', 'kari', 'kari@', '@kommune.no', 'a/b@c.no', 'kari nilsen@kommune.no']) assert.equal(parsePersonRef(bad), undefined, bad);
  });

  it('a UPN matches the person with that UPN or an alias to their object id', () => {
    const ref = parsePersonRef('x@y.no')!;
    assert.equal(refersTo(ref, { aadObjectId: aad(1), upn: 'X@y.no' }, new Map()), true);
    assert.equal(refersTo(ref, { aadObjectId: aad(1) }, new Map([['x@y.no', aad(1)]])), true);
    assert.equal(refersTo(ref, { aadObjectId: aad(2) }, new Map([['x@y.no', aad(1)]])), false);
  });
});

describe('units and channels', () => {
  it('finds the unit of a channel even from a thread reply id', () => {
    const linked = { ...org, units: [{ ...org.units[0], channel: { conversationId: '19:abc@thread.tacv2', teamId: 't', tenantId: 'x', serviceUrl: 'https://s/' } }] };
    assert.equal(unitForChannel(linked, '19:abc@thread.tacv2;messageid=1700000000000')?.id, 'a');
    assert.equal(unitForChannel(linked, '19:other@thread.tacv2'), undefined);
  });

  it('gives new units the first free code', () => {
    assert.equal(nextUnitCode([]), 'U1');
    assert.equal(nextUnitCode([{ ...org.units[0], code: 'U1' }, { ...org.units[1], code: 'U3' }]), 'U2');
  });
});
