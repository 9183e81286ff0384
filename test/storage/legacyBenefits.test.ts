import assert from 'node:assert/strict';
import { decide } from '../../src/domain/benefitRules';
import { storyOf } from '../../src/domain/benefitStory';
import { totalsFor, realizedUse } from '../../src/domain/benefits';
import { silentLogger } from '../../src/ports/logger';
import { BenefitTable } from '../../src/storage/benefitTable';
import { ideaToEntity } from '../../src/storage/ideaEntities';
import { migrateIndexes } from '../../src/storage/indexMigration';
import { freshTableStore } from '../support/azurite';
import { sampleIdea } from '../support/ideas';

const UNIT = 'hjemmetjenesten-nord';
const person = (id: string, name: string) => JSON.stringify({ id, name });

/**
 * Rows exactly as the version before benefit plans wrote them: a `kind`, one amount, the baseline
 * and measured value as free text, the use of freed time as free text, a `measure` column holding
 * the unit ("liter"), and no `shape`.
 */
function oldRow(rowKey: string, fields: Record<string, unknown>) {
  return {
    partitionKey: UNIT,
    rowKey,
    ideaNumber: 1,
    category: 'time',
    period: 'week',
    owner: person('kari', 'Kari Nilsen'),
    registeredOn: '2026-05-04',
    submittedBy: person('ola', 'Ola Bakken'),
    followUpsSent: '[]',
    followUpsClosed: false,
    createdAt: '2026-05-04T08:00:00.000Z',
    updatedAt: '2026-05-04T08:00:00.000Z',
    version: 1,
    lastChangeId: 'c1',
    ...fields,
  };
}

const IDENTIFIED = { kind: 'time', stage: 'identified', amount: { value: '200', type: 'Int64' }, baseline: '3 t/uke brukt på vaktbytter', approval: 'notNeeded' };
const REALIZED = {
  kind: 'time',
  stage: 'realized',
  amount: { value: '150', type: 'Int64' },
  baseline: '3 t/uke',
  measured: '1,5 t/uke',
  usage: 'Mer tid med brukerne',
  approval: 'approved',
  decision: JSON.stringify({ by: { id: 'lars', name: 'Lars Haugen' }, at: '2026-05-06T09:00:00.000Z', outcome: 'approved' }),
};
const RESOURCE = { kind: 'resource', stage: 'realized', period: 'year', category: 'money', amount: { value: '1500000', type: 'Int64' }, measure: 'liter diesel', baseline: '9 000 liter', measured: '7 500 liter', approval: 'pending', approvalRequestedAt: '2026-05-04T08:00:00.000Z' };

describe('benefit registrations of the previous shape (Azurite)', () => {
  it('read correctly after the index migration: as plans and single measurements with their text kept, in every read and total', async () => {
    const store = await freshTableStore();
    const client = store.client('Ideas');
    await client.createEntity(ideaToEntity(sampleIdea({ unitId: UNIT, number: 1 })));
    // Written before the index rows existed, as the oldest data is: only the benefit| rows.
    await client.createEntity(oldRow('benefit|0000001|a-plan', IDENTIFIED));
    await client.createEntity(oldRow('benefit|0000001|b-real', REALIZED));
    await client.createEntity(oldRow('benefit|0000001|c-fuel', RESOURCE));
    assert.equal(await migrateIndexes(store, [UNIT], silentLogger), 1);

    const table = new BenefitTable(store);
    const all = await table.forIdea(UNIT, 1);
    assert.deepEqual(all.map((b) => b.id), ['a-plan', 'b-real', 'c-fuel']);
    const [plan, realized, fuel] = all;
    assert.deepEqual([plan.measure, plan.stage, plan.amount, plan.legacy, plan.baseline, plan.approval], ['hours', 'identified', 200, { baseline: '3 t/uke brukt på vaktbytter' }, undefined, 'notNeeded']);
    assert.deepEqual([realized.measure, realized.amount, realized.legacy, realized.use, realized.planId, realized.decision?.by.name], ['hours', 150, { baseline: '3 t/uke', measured: '1,5 t/uke' }, { kind: 'unstated', text: 'Mer tid med brukerne' }, undefined, 'Lars Haugen']);
    assert.deepEqual([fuel.measure, fuel.unit, fuel.amount, fuel.period], ['quantity', 'liter diesel', 1_500_000, 'year']);
    assert.deepEqual(storyOf(realized, all).measurements.map((b) => b.id), ['b-real'], 'an old realized gain is a story of its own');

    const inPeriod = await table.registeredBetween(UNIT, '2026-01-01', '2026-12-31');
    const totals = totalsFor(inPeriod, '2026-01-01', '2026-12-31');
    assert.deepEqual(totals.identified, { hours: 200 * 52, money: 0, other: 0 });
    assert.deepEqual(totals.realized, { hours: 150 * 52, money: 0, other: 0 });
    assert.equal(totals.pending, 1);
    assert.deepEqual(realizedUse(inPeriod, '2026-01-01', '2026-12-31').unstated, { hours: 150 * 52, money: 0 });
    assert.deepEqual((await table.live(UNIT)).map((b) => b.id).sort(), ['a-plan', 'c-fuel'], 'the plan is followed up; the fuel gain waits for a decision');
    assert.deepEqual((await table.pendingApprovals(UNIT)).map((b) => b.id), ['c-fuel']);
  });

  it('keep their texts when written again (a decision on an old pending gain), now in the new shape', async () => {
    const store = await freshTableStore();
    const client = store.client('Ideas');
    await client.createEntity(ideaToEntity(sampleIdea({ unitId: UNIT, number: 1 })));
    await client.createEntity(oldRow('benefit|0000001|c-fuel', RESOURCE));
    await migrateIndexes(store, [UNIT], silentLogger);
    const table = new BenefitTable(store);
    const change = { id: 'd1', by: { id: 'lars', name: 'Lars Haugen' }, at: '2026-05-10T09:00:00.000Z' };
    await table.update({ unitId: UNIT, ideaNumber: 1, id: 'c-fuel' }, (current) => decide(current, 'approved', undefined, true, change), () => ({ at: change.at, by: change.by, what: 'benefitDecision', detail: 'approved' }));
    const raw = await client.getEntity<Record<string, unknown>>(UNIT, 'benefit|0000001|c-fuel');
    assert.equal(raw.shape, 2);
    const [again] = await table.forIdea(UNIT, 1);
    assert.deepEqual([again.approval, again.measure, again.unit, again.amount, again.legacy], ['approved', 'quantity', 'liter diesel', 1_500_000, { baseline: '9 000 liter', measured: '7 500 liter' }]);
    assert.equal(again.counted, undefined, 'an unplanned gain counts its whole amount');
    assert.deepEqual((await table.pendingApprovals(UNIT)).map((b) => b.id), [], 'the live index row went with the decision');
  });
});
