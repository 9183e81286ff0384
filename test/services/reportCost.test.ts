import assert from 'node:assert/strict';
import { composeServices } from '../../src/composition';
import { IdeaStatus } from '../../src/domain/ideas';
import { parsePeriod } from '../../src/domain/reportPeriod';
import { silentLogger } from '../../src/ports/logger';
import { DEMO_PEOPLE, seedDemoOrganisation } from '../../src/services/demoOrganisation';
import { freshTableStore, roundTripCounter } from '../support/azurite';
import { RecordingNotifier } from '../support/botHarness';
import { settableClock } from '../support/clock';

const HN = 'hjemmetjenesten-nord';
const { kari, ola, anne } = DEMO_PEOPLE;
const kariName = { id: kari.aadObjectId, name: kari.name };

/**
 * A report reads each unit's period and live work, never its history: the round trips for a
 * quarter's report are the same before and after a year of finished ideas elsewhere in time.
 */
describe('the cost of a report (Azurite)', () => {
  it('makes the same few queries per unit however long the units\' history', async () => {
    const counter = roundTripCounter();
    const clock = settableClock('2025-03-01T09:00:00Z');
    let ids = 0;
    const { services, repositories } = composeServices(await freshTableStore([counter.policy]), { clock, ids: { next: () => `c${++ids}` }, logger: silentLogger, notifier: () => new RecordingNotifier() });
    await seedDemoOrganisation(repositories.organisation, repositories.people);
    const q3 = { scope: { kind: 'organisation' as const }, period: parsePeriod('2026Q3')! };
    const measure = async () => {
      clock.set('2026-10-05T09:00:00Z');
      await services.reports.report(anne, q3);
      counter.reset();
      const view = await services.reports.report(anne, q3);
      return { trips: counter.count(), view };
    };
    const before = await measure();
    // Nine reads per unit: submissions, closed and live ideas, benefits, meetings and fishbone
    // analyses of the period, (the quarter is over) the last weeks' closed ideas and meetings
    // for the stagnation flags, and the adoptions of the unit's practices (bounded by adoptions).
    assert.equal(before.trips, 4 * 9);
    for (let i = 0; i < 25; i++) {
      clock.set(`2025-0${3 + (i % 6)}-1${i % 9}T09:00:00Z`);
      let { idea } = await services.ideaSubmission.submit(ola, { unitId: HN, idea: { title: `Gammel idé ${i}`, type: 'improve' } });
      for (const to of ['inProgress', 'evaluating', 'done'] as IdeaStatus[]) ({ idea } = await services.ideaChanges.apply(kari, idea, { kind: 'move', to }));
      await repositories.benefits.register(HN, idea.number, (id) => ({ unitId: HN, ideaNumber: idea.number, id, category: 'time', measure: 'hours', stage: 'identified', period: 'week', amount: 100, owner: kariName, registeredOn: '2025-06-01', submittedBy: kariName, approval: 'notNeeded', followUpsSent: [], followUpsClosed: true, createdAt: clock.now().toISOString(), updatedAt: clock.now().toISOString(), version: 1, lastChangeId: `b${i}` }), (current) => ({ ...current, benefitRegistered: true, version: current.version + 1 }), { at: clock.now().toISOString(), by: kariName, what: 'benefit', detail: '' });
    }
    const after = await measure();
    assert.equal(after.trips, before.trips, 'a year of history costs nothing');
    assert.equal(after.view.total.submitted, 0, 'and counts nothing outside the quarter');
  });
});
