import assert from 'node:assert/strict';
import { MAX_RECEIVING_UNITS, practiceSpread, receivingUnits } from '../../src/domain/practice';
import { DEFAULT_ORGANISATION, OrganisationSnapshot, Unit } from '../../src/domain/organisation';
import { stakeholderChoices } from '../../src/domain/stakeholders';

const unit = (id: string, kind?: string): Unit => ({ id, code: id.toUpperCase(), name: id, serviceAreaId: 'a', leaders: [], members: [], ...(kind ? { kind } : {}) });
const orgOf = (units: Unit[]): OrganisationSnapshot => ({ settings: DEFAULT_ORGANISATION, serviceAreas: [], units, roleAssignments: [], aliases: new Map(), goals: [] });

describe('"where else?" and stakeholder rules', () => {
  it('offers a practice to units with a similar open problem first, then to units of the same kind, never its own', () => {
    const units = [unit('hn', 'care'), unit('so', 'care'), unit('vp', 'roads'), unit('be')];
    const chosen = receivingUnits(orgOf(units), units[0], ['vp', 'hn', 'so']);
    assert.deepEqual(chosen.map((c) => [c.unit.id, c.reason]), [['vp', 'similar'], ['so', 'similar']]);
    assert.deepEqual(receivingUnits(orgOf(units), units[0], []).map((c) => [c.unit.id, c.reason]), [['so', 'kind']]);
    assert.deepEqual(receivingUnits(orgOf(units), units[3], []), [], 'a unit without a kind has no kin');
  });

  it('offers one practice to at most ten units', () => {
    const units = Array.from({ length: 30 }, (_, i) => unit(`u${i}`, 'care'));
    assert.equal(receivingUnits(orgOf(units), units[0], ['u5', 'u6']).length, MAX_RECEIVING_UNITS);
  });

  it('counts a practice spread to distinct units, up to a date, most spread first', () => {
    const adoptions = [
      { number: 1, title: 'Vaktbytte', unitId: 'so', at: '2026-10-01T10:00:00Z' },
      { number: 1, title: 'Vaktbytte', unitId: 'so', at: '2026-10-02T10:00:00Z' },
      { number: 1, title: 'Vaktbytte', unitId: 'vp', at: '2026-12-01T10:00:00Z' },
      { number: 2, title: 'Nøkkelboks', unitId: 'so', at: '2026-11-01T10:00:00Z' },
      { number: 2, title: 'Nøkkelboks', unitId: 'be', at: '2026-11-02T10:00:00Z' },
    ];
    assert.deepEqual(practiceSpread(adoptions), [{ number: 1, title: 'Vaktbytte', units: 2 }, { number: 2, title: 'Nøkkelboks', units: 2 }]);
    assert.deepEqual(practiceSpread(adoptions, '2026-11-30'), [{ number: 2, title: 'Nøkkelboks', units: 2 }, { number: 1, title: 'Vaktbytte', units: 1 }]);
  });

  it('lets an idea name every other unit as affected, not its own', () => {
    const units = [unit('hn'), unit('so'), unit('vp')];
    assert.deepEqual(stakeholderChoices(orgOf(units), units[0]).map((u) => u.id), ['so', 'vp']);
  });
});
