import assert from 'node:assert/strict';
import { Goal } from '../../src/domain/goals';
import { DEMO_PEOPLE } from '../../src/services/demoOrganisation';
import { GoalsDto } from '../../src/tab/contract';
import { settableClock } from '../support/clock';
import { TabEdge, startTabEdge } from '../support/tabEdge';

const HN = 'hjemmetjenesten-nord';
const { kari, ola, per } = DEMO_PEOPLE;

const GOALS: Goal[] = [
  { id: 'innovativ', level: 'organisation', title: 'Innovativ kommune', closed: false },
  { id: 'ho-velferd', level: 'area', ownerId: 'helse-omsorg', parentId: 'innovativ', title: 'Velferdsteknologi', closed: false },
  { id: 'hn-tilsyn', level: 'unit', ownerId: HN, parentId: 'ho-velferd', title: 'Digitalt tilsyn', measure: 'Andel brukere', target: '50 %', closed: false },
  { id: 'hn-gammelt', level: 'unit', ownerId: HN, parentId: 'ho-velferd', title: 'Gammelt mål', closed: true },
];

describe('tab API: the unit’s goals', () => {
  let edge: TabEdge;

  before(async () => {
    edge = await startTabEdge({ clock: settableClock('2026-03-02T08:00:00.000Z') });
    const { services, repositories } = edge.bot;
    for (const goal of GOALS) await repositories.goals.create(goal);
    services.directory.invalidate();
    await services.ideaSubmission.submit(ola, { unitId: HN, idea: { title: 'Nøkkelboks', type: 'improve', goalId: 'hn-tilsyn' } });
  });
  after(() => edge.stop());

  it("gives the unit's open goals with the chain up to the organisation's goal and what serves each this year", async () => {
    const res = await edge.api(kari, `/units/${HN}/goals`);
    assert.equal(res.status, 200);
    const body = (await res.json()) as GoalsDto;
    assert.deepEqual(body, {
      from: '2026-01-01',
      to: '2026-03-02',
      currency: 'NOK',
      goals: [
        {
          id: 'hn-tilsyn',
          title: 'Digitalt tilsyn',
          measure: 'Andel brukere',
          target: '50 %',
          chain: [
            { level: 'area', title: 'Velferdsteknologi' },
            { level: 'organisation', title: 'Innovativ kommune' },
          ],
          ideas: 1,
          done: 0,
          realized: { hours: 0, fte: 0, money: 0, other: 0 },
        },
      ],
    });
  });

  it('shows every board’s goals to anyone in the organisation; not without signing in, and not of a unit that is not there', async () => {
    assert.equal((await edge.api(per, `/units/${HN}/goals`)).status, 200, 'goals are meant to be visible on every board');
    assert.equal((await edge.api(undefined, `/units/${HN}/goals`)).status, 401);
    assert.equal((await edge.api(kari, '/units/finnes-ikke/goals')).status, 404);
  });
});
