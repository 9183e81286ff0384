import assert from 'node:assert/strict';
import { composeServices } from '../../src/composition';
import { DomainError } from '../../src/domain/errors';
import { Goal, goalVersion, treeProblems } from '../../src/domain/goals';
import { silentLogger } from '../../src/ports/logger';
import { DEMO_PEOPLE, seedDemoOrganisation } from '../../src/services/demoOrganisation';
import { freshTableStore } from '../support/azurite';
import { RecordingNotifier } from '../support/botHarness';

const HN = 'hjemmetjenesten-nord';
const { kari, lars, anne } = DEMO_PEOPLE;

const ORG_GOAL: Goal = { id: 'innovativ', level: 'organisation', title: 'Innovativ kommune', closed: false };
const AREA_GOAL: Goal = { id: 'ho-velferd', level: 'area', ownerId: 'helse-omsorg', parentId: 'innovativ', title: 'Velferdsteknologi', closed: false };
const UNIT_GOAL: Goal = { id: 'hn-tilsyn', level: 'unit', ownerId: HN, parentId: 'ho-velferd', title: 'Digitalt tilsyn', closed: false };

const codeOf = (outcome: PromiseSettledResult<unknown>): string => (outcome.status === 'fulfilled' ? 'ok' : outcome.reason instanceof DomainError ? outcome.reason.code : String(outcome.reason));

describe('setting goals at the same time (Azurite)', () => {
  let composition: ReturnType<typeof composeServices>;

  beforeEach(async () => {
    composition = composeServices(await freshTableStore(), { clock: { now: () => new Date('2026-03-02T08:00:00Z') }, ids: { next: () => 'id' }, logger: silentLogger, notifier: () => new RecordingNotifier() });
    await seedDemoOrganisation(composition.repositories.organisation, composition.repositories.people);
    for (const goal of [ORG_GOAL, AREA_GOAL, UNIT_GOAL]) await composition.repositories.goals.create(goal);
    composition.services.directory.invalidate();
  });

  const stored = async () => (await composition.repositories.organisation.load()).goals;
  const shown = (goal: Goal) => ({ goalId: goal.id, version: goalVersion(goal) });

  it('of two edits from the same card, one is saved and the other refused as out of date; nothing is overwritten', async () => {
    const { goalSetting } = composition.services;
    const outcomes = await Promise.allSettled([
      goalSetting.edit(kari, shown(UNIT_GOAL), { title: 'Karis ordlyd', parentId: AREA_GOAL.id }),
      goalSetting.edit(lars, shown(UNIT_GOAL), { title: 'Lars’ ordlyd', parentId: AREA_GOAL.id }),
    ]);
    assert.deepEqual(outcomes.map(codeOf).sort(), ['ok', 'staleCard']);
    const winner = outcomes.find((o): o is PromiseFulfilledResult<Goal> => o.status === 'fulfilled')!.value;
    assert.equal((await stored()).find((g) => g.id === UNIT_GOAL.id)?.title, winner.title);
  });

  it('closing an area goal while a unit goal is added under it leaves no open goal under a closed one', async () => {
    const { goalSetting } = composition.services;
    for (let round = 0; round < 3; round++) {
      const area = (await stored()).find((g) => g.id === AREA_GOAL.id)!;
      if (area.closed) break;
      const outcomes = await Promise.allSettled([goalSetting.close(lars, shown(area)), goalSetting.add(kari, { level: 'unit', ownerId: HN }, { title: `Nytt mål ${round}`, parentId: AREA_GOAL.id })]);
      assert.equal(codeOf(outcomes[0]), 'ok');
      assert.ok(['ok', 'staleCard'].includes(codeOf(outcomes[1])), codeOf(outcomes[1]));
    }
    const org = await composition.repositories.organisation.load();
    assert.deepEqual(treeProblems(org.goals, org), []);
    assert.ok(org.goals.filter((g) => g.level === 'unit').every((g) => g.closed), 'every unit goal under the closed area goal is closed');
  });

  it('adding under a goal closed meanwhile is refused; two new goals with the same title at once get one id', async () => {
    const { goalSetting } = composition.services;
    await goalSetting.close(lars, shown(AREA_GOAL));
    await assert.rejects(goalSetting.add(kari, { level: 'unit', ownerId: HN }, { title: 'For sent', parentId: AREA_GOAL.id }), (error: unknown) => error instanceof DomainError);
    const outcomes = await Promise.allSettled([goalSetting.add(anne, { level: 'organisation' }, { title: 'Bærekraft' }), goalSetting.add(anne, { level: 'organisation' }, { title: 'Bærekraft' })]);
    assert.deepEqual(outcomes.map(codeOf).sort(), ['conflict', 'ok']);
    assert.equal((await stored()).filter((g) => g.title === 'Bærekraft').length, 1);
  });
});
