import assert from 'node:assert/strict';
import { composeServices } from '../../src/composition';
import { silentLogger } from '../../src/ports/logger';
import { DEMO_PEOPLE, seedDemoOrganisation } from '../../src/services/demoOrganisation';
import { freshTableStore, roundTripCounter } from '../support/azurite';
import { RecordingNotifier } from '../support/botHarness';

const HN = 'hjemmetjenesten-nord';
const { kari, ola, lars } = DEMO_PEOPLE;

/**
 * The storage round trips each use case may cost, counted at the HTTP pipeline with warm caches
 * (the organisation, and a unit this instance has numbered ideas in before). Notifications are
 * recorded, not sent: the outbox's own writes are the delivery pipeline's budget.
 */
describe('round-trip budgets of the use cases (Azurite)', () => {
  it('keeps submission ≤ 2, status change ≤ 3, benefit registration ≤ 3, approval ≤ 3, board ≤ 2, my items ≤ 1 + units', async () => {
    const counter = roundTripCounter();
    const now = new Date('2026-11-20T09:00:00Z');
    let ids = 0;
    const { services, repositories } = composeServices(await freshTableStore([counter.policy]), {
      clock: { now: () => now },
      ids: { next: () => `change-${++ids}` },
      logger: silentLogger,
      notifier: () => new RecordingNotifier(),
    });
    await seedDemoOrganisation(repositories.organisation, repositories.people);
    // Warm: the unit has been numbered in, and Ola already has something in it (the work index knows;
    // a person's first item in a unit costs one more write, once per instance).
    const warm = await services.ideaSubmission.submit(ola, { unitId: HN, idea: { title: 'Varmer opp', type: 'improve' } });
    const measure = async <T>(work: () => Promise<T>): Promise<{ result: T; trips: number }> => {
      counter.reset();
      const result = await work();
      return { result, trips: counter.count() };
    };

    const submission = await measure(() => services.ideaSubmission.submit(ola, { unitId: HN, idea: { title: 'Færre vaktbytter', type: 'improve', ownerId: ola.aadObjectId, dueDate: '2026-12-01' } }));
    assert.ok(submission.trips <= 2, `submission: ${submission.trips}`);
    const number = submission.result.idea.number;

    let version = 1;
    for (const to of ['planned', 'inProgress', 'evaluating', 'done'] as const) {
      const change = await measure(() => services.ideaChanges.apply(kari, { unitId: HN, number, version }, { kind: 'move', to }));
      assert.ok(change.trips <= 3, `status change to ${to}: ${change.trips}`);
      version++;
    }

    const registration = await measure(() =>
      services.benefitRegistration.register(ola, { unitId: HN, ideaNumber: number }, { benefit: { category: 'time', stage: 'realized', indicator: 'Tid brukt på rapporter', period: 'week', baseline: '5', baselineOn: '2026-11-01', measured: '3', measuredOn: '2026-11-20', use: 'otherWork', useText: 'Mer tid med brukerne', ownerId: ola.aadObjectId } }),
    );
    assert.ok(registration.trips <= 3, `benefit registration: ${registration.trips}`);

    const approval = await measure(() => services.benefitApproval.decide(lars, { unitId: HN, ideaNumber: number, id: registration.result.benefit.id }, { outcome: 'approved' }));
    // The idea's registrations are read once: what an approved measurement adds is counted against
    // the plan's earlier ones, and the decided card shows the plan and its measurements.
    // This approval also completes a done idea's first approved realized gain, so "where else?"
    // asks its unit leader, once per idea: the idea and its registrations are read, the question noted.
    assert.ok(approval.trips <= 3 + 3, `approval: ${approval.trips}`);

    // An idea not yet done: "where else?" has nothing to ask, so only the approval's own reads and write.
    const early = await services.benefitRegistration.register(ola, { unitId: HN, ideaNumber: warm.idea.number }, { benefit: { category: 'time', stage: 'realized', indicator: 'Tid brukt på oppvarming', period: 'week', baseline: '4', baselineOn: '2026-11-01', measured: '2', measuredOn: '2026-11-19', use: 'otherWork', useText: 'Mer tid med brukerne', ownerId: ola.aadObjectId } });
    const plainApproval = await measure(() => services.benefitApproval.decide(lars, { unitId: HN, ideaNumber: warm.idea.number, id: early.benefit.id }, { outcome: 'approved' }));
    assert.ok(plainApproval.trips <= 3, `approval: ${plainApproval.trips}`);

    const board = await measure(() => services.ideaViews.board(kari, HN));
    assert.ok(board.trips <= 2, `board: ${board.trips}`);

    const mine = await measure(() => services.ideaViews.myItems(kari));
    assert.ok(mine.trips <= 1 + 1, `my items for someone with things in one unit: ${mine.trips}`);
  });
});
