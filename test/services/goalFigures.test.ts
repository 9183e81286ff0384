import assert from 'node:assert/strict';
import { composeServices } from '../../src/composition';
import { totalsFor } from '../../src/domain/benefits';
import { Goal } from '../../src/domain/goals';
import { Idea } from '../../src/domain/ideas';
import { DEFAULT_STAGNATION } from '../../src/domain/stagnation';
import { parsePeriod } from '../../src/domain/reportPeriod';
import { silentLogger } from '../../src/ports/logger';
import { DEMO_PEOPLE, seedDemoOrganisation } from '../../src/services/demoOrganisation';
import { freshTableStore, roundTripCounter } from '../support/azurite';
import { RecordingNotifier } from '../support/botHarness';
import { settableClock } from '../support/clock';

const HN = 'hjemmetjenesten-nord';
const SO = 'sykehjem-ost';
const { kari, ola, lars, siri, anne } = DEMO_PEOPLE;

const ORG_GOAL: Goal = { id: 'innovativ', level: 'organisation', title: 'Innovativ kommune', closed: false };
const AREA_GOAL: Goal = { id: 'ho-velferd', level: 'area', ownerId: 'helse-omsorg', parentId: 'innovativ', title: 'Velferdsteknologi', closed: false };
const HN_A: Goal = { id: 'hn-tilsyn', level: 'unit', ownerId: HN, parentId: 'ho-velferd', title: 'Digitalt tilsyn', closed: false };
const HN_B: Goal = { id: 'hn-heltid', level: 'unit', ownerId: HN, parentId: 'ho-velferd', title: 'Heltid', closed: false };
const SO_A: Goal = { id: 'so-sensorer', level: 'unit', ownerId: SO, parentId: 'ho-velferd', title: 'Sensorer', closed: false };

describe('what serves each goal (Azurite)', () => {
  const clock = settableClock('2025-10-01T08:00:00Z');
  const counter = roundTripCounter();
  let services: ReturnType<typeof composeServices>['services'];
  let thisYearsGain: number;

  before(async () => {
    const composition = composeServices(await freshTableStore([counter.policy]), { clock, ids: { next: (() => { let n = 0; return () => `id-${++n}`; })() }, logger: silentLogger, notifier: () => new RecordingNotifier() });
    services = composition.services;
    await seedDemoOrganisation(composition.repositories.organisation, composition.repositories.people);
    for (const goal of [ORG_GOAL, AREA_GOAL, HN_A, HN_B, SO_A]) await composition.repositories.goals.create(goal);
    services.directory.invalidate();

    const submit = async (unitId: string, title: string, goalId?: string) => (await services.ideaSubmission.submit(unitId === HN ? ola : siri, { unitId, idea: { title, type: 'improve', ...(goalId ? { goalId } : {}) } })).idea;
    const finish = async (idea: Idea, leader = kari) => {
      let current = idea;
      for (const to of ['planned', 'inProgress', 'evaluating', 'done'] as const) current = (await services.ideaChanges.apply(leader, current, { kind: 'move', to })).idea;
      return current;
    };
    const realize = async (idea: Idea, on: string) => {
      const { benefit } = await services.benefitRegistration.register(kari, { unitId: idea.unitId, ideaNumber: idea.number }, {
        benefit: { category: 'time', stage: 'realized', indicator: 'Tid', period: 'week', baseline: '5', baselineOn: on, measured: '3', measuredOn: on, use: 'otherWork', useText: 'Mer tid med brukerne', ownerId: ola.aadObjectId },
      });
      return (await services.benefitApproval.decide(lars, { unitId: idea.unitId, ideaNumber: idea.number, id: benefit.id }, { outcome: 'approved' })).benefit;
    };

    // Last year: an idea for goal A done and realized. History, not this year's work.
    await realize(await finish(await submit(HN, 'I fjor', HN_A.id)), '2025-10-01');
    clock.set('2026-03-02T08:00:00Z');
    await submit(HN, 'Pågår', HN_A.id);
    const done = await finish(await submit(HN, 'Ferdig i år', HN_A.id));
    thisYearsGain = totalsFor([await realize(done, '2026-03-01')], '2026-01-01', '2026-03-02').realized.hours;
    const stopped = await submit(HN, 'Avvist', HN_B.id);
    await services.ideaChanges.apply(kari, stopped, { kind: 'move', to: 'rejected', reason: 'Dekkes av annet' });
    await submit(HN, 'Uten mål');
    await submit(SO, 'Sensor på bad', SO_A.id);
  });

  it("counts a unit goal's live ideas and this year's done ones, with this year's realized gain, in three round trips", async () => {
    await services.goalViews.forUnit(kari, HN);
    counter.reset();
    const view = await services.goalViews.forUnit(kari, HN);
    assert.ok(thisYearsGain > 0);
    assert.deepEqual(
      view.lines.map(({ goal, above, figures }) => [goal.id, above.map((g) => g.id), figures.ideas, figures.done, figures.realized.hours]),
      [
        ['hn-heltid', ['ho-velferd', 'innovativ'], 0, 0, 0],
        ['hn-tilsyn', ['ho-velferd', 'innovativ'], 2, 1, thisYearsGain],
      ],
      "last year's idea and gain, and a rejected idea, serve no goal now",
    );
    // Live work, the year's closed ideas, the year's registrations: the same with ten years of history.
    assert.ok(counter.count() <= 3, `round trips: ${counter.count()}`);
  });

  it("adds up an area's and the organisation's goals from the unit goals below them", async () => {
    const area = await services.goalViews.forOwner(lars, { level: 'area', ownerId: 'helse-omsorg' });
    assert.deepEqual(area.lines.map(({ figures }) => [figures.ideas, figures.done, figures.realized.hours]), [[3, 1, thisYearsGain]]);
    const org = await services.goalViews.forOwner(anne);
    assert.equal(org.owner.level, 'organisation');
    assert.deepEqual(org.lines.map(({ figures }) => figures.ideas), [3]);
  });

  it("gives the weekly digests the unit's, the area's and the organisation's goals with their figures", async () => {
    const views = await services.weeklyDigests.build('2026-03-02', () => false, DEFAULT_STAGNATION);
    const goalsOf = (scope: string, scopeId: string) => views.find((v) => v.scope === scope && v.scopeId === scopeId)?.goals?.map(({ goal, figures }) => `${goal.id}:${figures.ideas}`);
    assert.deepEqual(goalsOf('unit', HN), ['hn-heltid:0', 'hn-tilsyn:2']);
    assert.deepEqual(goalsOf('unit', SO), ['so-sensorer:1']);
    assert.deepEqual(goalsOf('area', 'helse-omsorg'), ['ho-velferd:3']);
    assert.deepEqual(goalsOf('organisation', 'organisation'), ['innovativ:3']);
    assert.deepEqual(goalsOf('unit', 'veg-og-park'), [], 'a unit without goals shows none');
  });

  it("cuts the area's report for the quarter by goal: the area goal adds up its units' goals", async () => {
    const view = await services.reports.report(lars, { scope: { kind: 'area', areaId: 'helse-omsorg' }, period: parsePeriod('2026Q1')! });
    assert.deepEqual(
      view.goals.map(({ goal, figures }) => [goal.id, figures.ideas, figures.done, figures.realized.hours]),
      [
        ['ho-velferd', 3, 1, thisYearsGain],
        ['hn-heltid', 0, 0, 0],
        ['hn-tilsyn', 2, 1, thisYearsGain],
        ['so-sensorer', 1, 0, 0],
      ],
      "the organisation's goal is not in an area's report",
    );
  });
});
