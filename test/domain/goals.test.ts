import assert from 'node:assert/strict';
import { accessFor } from '../../src/domain/access';
import { DomainError, ValidationError } from '../../src/domain/errors';
import { Goal, addGoal, checkGoalDraft, closeGoal, editGoal, goalChain, goalsForIdeas, moveGoal, possibleParents, treeProblems } from '../../src/domain/goals';
import { DEFAULT_ORGANISATION, OrganisationSnapshot, Unit } from '../../src/domain/organisation';
import { parsePersonRef } from '../../src/domain/people';

const aad = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const ref = (n: number) => parsePersonRef(aad(n))!;
const unit = (id: string, area: string, leader: number, member: number): Unit => ({ id, code: id.toUpperCase().slice(0, 3), name: id, serviceAreaId: area, leaders: [ref(leader)], members: [ref(member)] });

const goals: Goal[] = [
  { id: 'innovativ', level: 'organisation', title: 'Vestre Toten skal utmerke seg som en innovativ kommune', closed: false },
  { id: 'heltid', level: 'organisation', title: 'Heltidskultur', closed: false },
  { id: 'velferdsteknologi', level: 'area', ownerId: 'helse', parentId: 'innovativ', title: 'Velferdsteknologi i alle hjem', closed: false },
  { id: 'faerre-deltid', level: 'area', ownerId: 'helse', parentId: 'heltid', title: 'Færre deltidsstillinger', closed: false },
  { id: 'digitale-vaktlister', level: 'area', ownerId: 'teknisk', parentId: 'innovativ', title: 'Digitale vaktlister', closed: false },
  { id: 'medisinroboter', level: 'unit', ownerId: 'hjemmetjenesten', parentId: 'velferdsteknologi', title: 'Medisinroboter hos 40 brukere', measure: 'Brukere med robot', target: '40', closed: false },
];

const org: OrganisationSnapshot = {
  settings: DEFAULT_ORGANISATION,
  serviceAreas: [
    { id: 'helse', name: 'Helse', leaders: [ref(10)] },
    { id: 'teknisk', name: 'Teknisk', leaders: [ref(20)] },
  ],
  units: [unit('hjemmetjenesten', 'helse', 11, 12), unit('veg', 'teknisk', 21, 22)],
  roleAssignments: [
    { role: 'administrator', person: ref(1) },
    { role: 'executive', person: ref(2) },
    { role: 'coach', person: ref(3) },
  ],
  aliases: new Map(),
  goals,
};

const as = (n: number) => accessFor({ aadObjectId: aad(n), name: `P${n}` }, org);
const ADMIN = as(1);
const EXECUTIVE = as(2);
const COACH = as(3);
const TOL_HELSE = as(10);
const LEADER_HJEMME = as(11);
const STAFF_HJEMME = as(12);
const LEADER_VEG = as(21);

const refused = (code: string) => (error: unknown) => error instanceof DomainError && error.code === code;
const misplaced = (reason: string) => (error: unknown) => error instanceof ValidationError && error.issues.some((issue) => issue.field === 'parentId' && issue.params?.reason === reason);

describe('goal breakdown (målnedbrytning)', () => {
  describe('where a goal may hang', () => {
    it('a unit goal hangs under a goal of its own service area, not another area’s', () => {
      const draft = { title: 'Kortere ventetid', parentId: 'velferdsteknologi' };
      const goal = addGoal(goals, { level: 'unit', ownerId: 'hjemmetjenesten' }, draft, LEADER_HJEMME, org);
      assert.equal(goal.parentId, 'velferdsteknologi');
      assert.throws(() => addGoal(goals, { level: 'unit', ownerId: 'hjemmetjenesten' }, { title: 'Vaktlister', parentId: 'digitale-vaktlister' }, LEADER_HJEMME, org), misplaced('parentOtherArea'));
    });

    it('a unit goal cannot hang directly under an organisation goal, nor an area goal under another area goal', () => {
      assert.throws(() => addGoal(goals, { level: 'unit', ownerId: 'hjemmetjenesten' }, { title: 'X', parentId: 'innovativ' }, LEADER_HJEMME, org), misplaced('parentLevel'));
      assert.throws(() => addGoal(goals, { level: 'area', ownerId: 'helse' }, { title: 'X', parentId: 'digitale-vaktlister' }, TOL_HELSE, org), misplaced('parentLevel'));
    });

    it('an area or unit goal needs a parent; an organisation goal has none', () => {
      assert.throws(() => addGoal(goals, { level: 'area', ownerId: 'helse' }, { title: 'Uten mål over' }, TOL_HELSE, org), misplaced('parentRequired'));
      assert.throws(() => addGoal(goals, { level: 'organisation' }, { title: 'Y', parentId: 'heltid' }, ADMIN, org), misplaced('noParentAllowed'));
      assert.equal(addGoal(goals, { level: 'organisation' }, { title: 'Bærekraft' }, EXECUTIVE, org).parentId, undefined);
    });

    it('offers a unit only its own area’s open goals as parents, and an area the organisation’s', () => {
      assert.deepEqual(possibleParents(goals, { level: 'unit', ownerId: 'hjemmetjenesten' }, org).map((g) => g.id), ['velferdsteknologi', 'faerre-deltid']);
      assert.deepEqual(possibleParents(goals, { level: 'unit', ownerId: 'veg' }, org).map((g) => g.id), ['digitale-vaktlister']);
      assert.deepEqual(possibleParents(goals, { level: 'area', ownerId: 'teknisk' }, org).map((g) => g.id), ['innovativ', 'heltid']);
    });

    it('the form needs a title and, below the organisation, one of the parents offered', () => {
      const parents = possibleParents(goals, { level: 'unit', ownerId: 'hjemmetjenesten' }, org);
      assert.throws(
        () => checkGoalDraft({ title: ' ', parentId: 'digitale-vaktlister' }, parents, { level: 'unit', ownerId: 'hjemmetjenesten' }),
        (error: unknown) => error instanceof ValidationError && error.issues.map((i) => `${i.field}:${i.problem}`).join() === 'title:required,parentId:unknownOption',
      );
      assert.deepEqual(checkGoalDraft({ title: 'Sykefravær', measure: 'Fravær', target: 'under 6 %', parentId: 'faerre-deltid' }, parents, { level: 'unit', ownerId: 'hjemmetjenesten' }), {
        title: 'Sykefravær',
        measure: 'Fravær',
        target: 'under 6 %',
        parentId: 'faerre-deltid',
      });
    });

    it('shows the chain from a unit goal up to the organisation goal', () => {
      assert.deepEqual(goalChain(goals, goals[5]).map((g) => g.id), ['medisinroboter', 'velferdsteknologi', 'innovativ']);
    });

    it('a new goal gets an id from its title, numbered when taken', () => {
      const first = addGoal(goals, { level: 'organisation' }, { title: 'Heltid' }, ADMIN, org);
      assert.equal(first.id, 'heltid-2');
    });
  });

  describe('moving and closing', () => {
    it('moves a unit goal to another goal of its area, and refuses one of another area', () => {
      const moved = moveGoal(goals, 'medisinroboter', 'faerre-deltid', LEADER_HJEMME, org);
      assert.equal(moved.parentId, 'faerre-deltid');
      assert.equal(moved.measure, 'Brukere med robot');
      assert.throws(() => moveGoal(goals, 'medisinroboter', 'digitale-vaktlister', LEADER_HJEMME, org), misplaced('parentOtherArea'));
    });

    it('editing can drop the measure and target', () => {
      const edited = editGoal(goals, 'medisinroboter', { title: 'Medisinroboter', parentId: 'velferdsteknologi' }, LEADER_HJEMME, org);
      assert.deepEqual([edited.title, edited.measure, edited.target], ['Medisinroboter', undefined, undefined]);
    });

    it('closing a goal closes its whole breakdown, and leaves the rest open', () => {
      const closed = closeGoal(goals, 'innovativ', ADMIN, org);
      assert.deepEqual(closed.map((g) => g.id).sort(), ['digitale-vaktlister', 'innovativ', 'medisinroboter', 'velferdsteknologi']);
      assert.ok(closed.every((g) => g.closed));
      const after = goals.map((g) => closed.find((c) => c.id === g.id) ?? g);
      assert.deepEqual(treeProblems(after, org), [], 'no open goal is left under a closed one');
      assert.deepEqual(goalsForIdeas(after, 'hjemmetjenesten'), [], 'ideas can no longer be linked to the closed unit goal');
    });

    it('a closed goal is no longer offered as a parent, and cannot be edited or moved under', () => {
      const after = goals.map((g) => (g.id === 'faerre-deltid' ? { ...g, closed: true } : g));
      assert.deepEqual(possibleParents(after, { level: 'unit', ownerId: 'hjemmetjenesten' }, org).map((g) => g.id), ['velferdsteknologi']);
      assert.throws(() => moveGoal(after, 'medisinroboter', 'faerre-deltid', LEADER_HJEMME, org), misplaced('parentClosed'));
      assert.throws(() => editGoal(after, 'faerre-deltid', { title: 'Ny tittel', parentId: 'heltid' }, TOL_HELSE, org), refused('conflict'));
    });

    it('a goal that is not there is "not found"', () => {
      assert.throws(() => closeGoal(goals, 'finnes-ikke', ADMIN, org), refused('notFound'));
    });

    it('finds goals left hanging wrongly, e.g. after a unit moved to another area', () => {
      const moved: OrganisationSnapshot = { ...org, units: [{ ...org.units[0], serviceAreaId: 'teknisk' }, org.units[1]] };
      assert.deepEqual(treeProblems(goals, moved).map(({ goal, problem }) => `${goal.id}:${problem}`), ['medisinroboter:parentOtherArea']);
    });
  });

  describe('who sets goals', () => {
    const orgOwner = { level: 'organisation' } as const;
    const helse = { level: 'area', ownerId: 'helse' } as const;
    const hjemme = { level: 'unit', ownerId: 'hjemmetjenesten' } as const;

    it('administrators and the executive group set the organisation’s goals; nobody else', () => {
      assert.ok(addGoal(goals, orgOwner, { title: 'A' }, ADMIN, org));
      assert.ok(addGoal(goals, orgOwner, { title: 'B' }, EXECUTIVE, org));
      for (const access of [COACH, TOL_HELSE, LEADER_HJEMME, STAFF_HJEMME]) assert.throws(() => addGoal(goals, orgOwner, { title: 'C' }, access, org), refused('forbidden'));
    });

    it('a TOL sets their own area’s goals, not another area’s', () => {
      assert.ok(addGoal(goals, helse, { title: 'Heltid i helse', parentId: 'heltid' }, TOL_HELSE, org));
      assert.throws(() => addGoal(goals, { level: 'area', ownerId: 'teknisk' }, { title: 'X', parentId: 'heltid' }, TOL_HELSE, org), refused('forbidden'));
      assert.throws(() => addGoal(goals, helse, { title: 'X', parentId: 'heltid' }, LEADER_HJEMME, org), refused('forbidden'));
      assert.throws(() => closeGoal(goals, 'velferdsteknologi', LEADER_HJEMME, org), refused('forbidden'), 'a unit leader cannot close the area goal above them');
    });

    it('a unit leader sets their unit’s goals; staff and other units’ leaders are refused', () => {
      assert.ok(addGoal(goals, hjemme, { title: 'X', parentId: 'velferdsteknologi' }, LEADER_HJEMME, org));
      assert.ok(closeGoal(goals, 'medisinroboter', TOL_HELSE, org).length, 'the area’s leader may too');
      for (const access of [STAFF_HJEMME, LEADER_VEG, COACH]) {
        assert.throws(() => addGoal(goals, hjemme, { title: 'X', parentId: 'velferdsteknologi' }, access, org), refused('forbidden'));
        assert.throws(() => editGoal(goals, 'medisinroboter', { title: 'X', parentId: 'velferdsteknologi' }, access, org), refused('forbidden'));
        assert.throws(() => closeGoal(goals, 'medisinroboter', access, org), refused('forbidden'));
      }
    });
  });
});
