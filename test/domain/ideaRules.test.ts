import assert from 'node:assert/strict';
import { accessFor } from '../../src/domain/access';
import { DomainError, ErrorCode, ValidationError } from '../../src/domain/errors';
import { ActionItem, IDEA_STATUSES, Idea, IdeaStatus, MAX_ACTIONS_PER_IDEA, PersonName } from '../../src/domain/ideas';
import {
  Change,
  IdeaStanding,
  addAction,
  allowedMoves,
  assign,
  canComment,
  canView,
  completeAction,
  markBenefitRegistered,
  moveIdea,
  prioritise,
  recordRootCause,
  standingOf,
} from '../../src/domain/ideaRules';
import { DEFAULT_ORGANISATION, OrganisationSnapshot, Unit } from '../../src/domain/organisation';
import { PersonRef } from '../../src/domain/people';
import { sampleIdea } from '../support/ideas';

const aad = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const ref = (n: number): PersonRef => ({ kind: 'aad', id: aad(n) });
const name = (n: number): PersonName => ({ id: aad(n), name: `Person ${n}` });

// Who is who in the fixture organisation.
const TOL = 2; // service-area leader of "helse"
const LEADER = 3; // unit leader of "hn"
const OWNER = 4; // member of "hn", owns the idea
const SUBMITTER = 5; // member of "hn", submitted the idea
const MEMBER = 6; // member of "hn", nothing to do with the idea
const OTHER_LEADER = 8; // leader of "vp" in another area
const ADMIN = 9;
const COACH = 10;
const EXECUTIVE = 11;
const OTHER_TOL = 13; // service-area leader of "teknisk"
const STRANGER = 77;

const hn: Unit = {
  id: 'hn',
  code: 'HN',
  name: 'Hjemmetjenesten nord',
  serviceAreaId: 'helse',
  leaders: [ref(LEADER)],
  members: [ref(LEADER), ref(OWNER), ref(SUBMITTER), ref(MEMBER)],
};
const vp: Unit = { id: 'vp', code: 'VP', name: 'Veg og park', serviceAreaId: 'teknisk', leaders: [ref(OTHER_LEADER)], members: [ref(OTHER_LEADER)] };

const org: OrganisationSnapshot = {
  settings: DEFAULT_ORGANISATION,
  serviceAreas: [
    { id: 'helse', name: 'Helse', leaders: [ref(TOL)] },
    { id: 'teknisk', name: 'Teknisk', leaders: [ref(OTHER_TOL)] },
  ],
  units: [hn, vp],
  roleAssignments: [
    { role: 'administrator', person: ref(ADMIN) },
    { role: 'coach', person: ref(COACH) },
    { role: 'executive', person: ref(EXECUTIVE) },
  ],
  aliases: new Map(),
};

const AT = '2026-11-20T10:00:00.000Z';
const ideaIn = (status: IdeaStatus, overrides: Partial<Idea> = {}): Idea =>
  sampleIdea({ unitId: 'hn', status, submitter: name(SUBMITTER), owner: name(OWNER), ...overrides });
const standing = (n: number, idea: Pick<Idea, 'owner' | 'submitter'> = ideaIn('new')): IdeaStanding =>
  standingOf(accessFor({ aadObjectId: aad(n), name: `Person ${n}` }, org), hn, idea);
const change = (n: number, id = `change-by-${n}`, at = AT): Change => ({ id, by: name(n), at });

function throwsCode(fn: () => unknown, code: ErrorCode): void {
  assert.throws(fn, (error: unknown) => error instanceof DomainError && !(error instanceof ValidationError) && error.code === code);
}

function issuesOf(fn: () => unknown): string[] {
  try {
    fn();
  } catch (error) {
    if (error instanceof ValidationError) return error.issues.map((i) => `${i.field}:${i.problem}`);
    throw error;
  }
  return assert.fail('expected a ValidationError');
}

/** The board's PDCA moves, as the issue describes them: the specification the rules are held to. */
const ALLOWED: Readonly<Record<IdeaStatus, readonly IdeaStatus[]>> = {
  new: ['planned', 'inProgress', 'parked', 'rejected'],
  planned: ['new', 'inProgress', 'parked', 'rejected'],
  inProgress: ['planned', 'evaluating', 'parked'],
  evaluating: ['inProgress', 'done'],
  done: ['inProgress'],
  parked: ['new', 'planned'],
  rejected: ['new'],
};
const sorted = (list: readonly string[]) => [...list].sort();

describe('idea rules: who stands where', () => {
  it('knows each role from stored roles: leaders lead, overseers and members participate, outsiders have no standing', () => {
    const row = (n: number) => {
      const s = standing(n);
      return { leads: s.leads, owns: s.owns, submitted: s.submitted, participates: s.participates, views: canView(s) };
    };
    const none = { leads: false, owns: false, submitted: false, participates: false, views: false };
    assert.deepEqual(row(ADMIN), { ...none, leads: true, participates: true, views: true });
    assert.deepEqual(row(TOL), { ...none, leads: true, participates: true, views: true });
    assert.deepEqual(row(LEADER), { ...none, leads: true, participates: true, views: true });
    assert.deepEqual(row(OWNER), { ...none, owns: true, participates: true, views: true });
    assert.deepEqual(row(SUBMITTER), { ...none, submitted: true, participates: true, views: true });
    assert.deepEqual(row(MEMBER), { ...none, participates: true, views: true });
    assert.deepEqual(row(COACH), { ...none, participates: true, views: true });
    assert.deepEqual(row(EXECUTIVE), { ...none, participates: true, views: true });
    assert.deepEqual(row(OTHER_TOL), none);
    assert.deepEqual(row(OTHER_LEADER), none);
    assert.deepEqual(row(STRANGER), none);
  });

  it('without an idea nobody owns or submitted anything; the board is still open to participants only', () => {
    const s = standingOf(accessFor({ aadObjectId: aad(OWNER), name: 'x' }, org), hn);
    assert.deepEqual([s.owns, s.submitted, s.participates], [false, false, true]);
    const stranger = standingOf(accessFor({ aadObjectId: aad(STRANGER), name: 'x' }, org), hn);
    assert.equal(canView(stranger), false);
  });

  it('a submitter who has left the unit can still see and comment on their idea', () => {
    const idea = ideaIn('new', { submitter: name(OTHER_LEADER) });
    const s = standing(OTHER_LEADER, idea);
    assert.deepEqual([s.participates, canView(s), canComment(s)], [false, true, true]);
    assert.deepEqual(allowedMoves(idea, s), []);
  });
});

describe('idea rules: status moves', () => {
  it('a leader may make exactly the PDCA moves, and every other move is refused as unknown', () => {
    for (const from of IDEA_STATUSES) {
      assert.deepEqual(sorted(allowedMoves(ideaIn(from), standing(LEADER))), sorted(ALLOWED[from]), `moves from ${from}`);
      for (const to of IDEA_STATUSES) {
        const move = () => moveIdea(ideaIn(from), to, standing(LEADER), change(LEADER), 'Ikke nå');
        if (ALLOWED[from].includes(to)) assert.equal(move().status, to, `${from} -> ${to}`);
        else assert.deepEqual(issuesOf(move), ['to:unknownOption'], `${from} -> ${to} must be refused`);
      }
    }
  });

  it('walks new -> planned -> inProgress -> evaluating -> done, each step a new version with who, when and what', () => {
    let idea = ideaIn('new');
    const steps: IdeaStatus[] = ['planned', 'inProgress', 'evaluating', 'done'];
    steps.forEach((to, i) => {
      const at = `2026-11-2${i + 1}T08:00:00.000Z`;
      idea = moveIdea(idea, to, standing(LEADER), change(LEADER, `step-${i}`, at));
      assert.equal(idea.status, to);
      assert.equal(idea.version, i + 2);
      assert.deepEqual(idea.lastChange, { id: `step-${i}`, by: name(LEADER), at, what: 'status', status: to });
      assert.equal(idea.statusChangedAt, at);
      assert.equal(idea.updatedAt, at);
      assert.equal(idea.doneAt, to === 'done' ? at : undefined, `doneAt after ${to}`);
    });
    assert.equal(idea.createdAt, ideaIn('new').createdAt, 'creation time is kept');
    assert.deepEqual(idea.submitter, name(SUBMITTER));
  });

  it('parking or rejecting needs a reason, which is kept for the submitter', () => {
    for (const to of ['parked', 'rejected'] as const) {
      assert.deepEqual(issuesOf(() => moveIdea(ideaIn('new'), to, standing(LEADER), change(LEADER))), ['reason:required'], to);
      assert.deepEqual(issuesOf(() => moveIdea(ideaIn('new'), to, standing(LEADER), change(LEADER), '')), ['reason:required'], to);
      const stopped = moveIdea(ideaIn('planned'), to, standing(LEADER), change(LEADER), 'Dekkes av ny turnus');
      assert.equal(stopped.status, to);
      assert.equal(stopped.statusReason, 'Dekkes av ny turnus');
      assert.equal(stopped.lastChange.status, to);
    }
  });

  it('moving away from parked or rejected clears the old reason; a reason on an ordinary move is not stored', () => {
    const parked = ideaIn('parked', { statusReason: 'Venter på budsjett' });
    assert.equal(moveIdea(parked, 'planned', standing(LEADER), change(LEADER)).statusReason, undefined);
    assert.equal('statusReason' in moveIdea(parked, 'new', standing(LEADER), change(LEADER)), false);
    const rejected = ideaIn('rejected', { statusReason: 'Ikke lov' });
    assert.equal(moveIdea(rejected, 'new', standing(LEADER), change(LEADER)).statusReason, undefined);
    assert.equal(moveIdea(ideaIn('new'), 'planned', standing(LEADER), change(LEADER), 'fordi').statusReason, undefined);
  });

  it('only a leader reopens a done idea, and reopening clears the done time', () => {
    const done = ideaIn('done', { doneAt: '2026-11-01T08:00:00.000Z' });
    const reopened = moveIdea(done, 'inProgress', standing(LEADER), change(LEADER));
    assert.equal(reopened.status, 'inProgress');
    assert.equal(reopened.doneAt, undefined);
    assert.equal(moveIdea(done, 'inProgress', standing(TOL), change(TOL)).status, 'inProgress');
    assert.deepEqual(allowedMoves(done, standing(OWNER)), []);
    throwsCode(() => moveIdea(done, 'inProgress', standing(OWNER), change(OWNER)), 'forbidden');
  });

  it('the owner moves their own item forward and back along PDCA, up to done', () => {
    const expected: Partial<Record<IdeaStatus, IdeaStatus[]>> = {
      new: ['planned', 'inProgress'],
      planned: ['new', 'inProgress'],
      inProgress: ['planned', 'evaluating'],
      evaluating: ['inProgress', 'done'],
    };
    for (const [from, moves] of Object.entries(expected) as [IdeaStatus, IdeaStatus[]][]) {
      assert.deepEqual(sorted(allowedMoves(ideaIn(from), standing(OWNER))), sorted(moves), `owner from ${from}`);
      for (const to of moves) {
        const moved = moveIdea(ideaIn(from), to, standing(OWNER), change(OWNER));
        assert.equal(moved.status, to);
        assert.deepEqual(moved.lastChange.by, name(OWNER));
      }
    }
  });

  it('the owner cannot park or reject, even with a reason', () => {
    for (const [from, to] of [['new', 'parked'], ['new', 'rejected'], ['planned', 'rejected'], ['inProgress', 'parked']] as const) {
      throwsCode(() => moveIdea(ideaIn(from), to, standing(OWNER), change(OWNER), 'Jeg vil ikke'), 'forbidden');
    }
  });

  it('submitters, members, coaches and executives cannot move an idea; outsiders cannot even see it', () => {
    for (const n of [SUBMITTER, MEMBER, COACH, EXECUTIVE]) {
      for (const from of IDEA_STATUSES) assert.deepEqual(allowedMoves(ideaIn(from), standing(n)), [], `person ${n} from ${from}`);
      throwsCode(() => moveIdea(ideaIn('new'), 'planned', standing(n), change(n)), 'forbidden');
      throwsCode(() => moveIdea(ideaIn('new'), 'rejected', standing(n), change(n), 'Nei'), 'forbidden');
    }
    for (const n of [STRANGER, OTHER_LEADER, OTHER_TOL]) {
      assert.equal(canView(standing(n)), false, `person ${n} must not see the idea`);
      throwsCode(() => moveIdea(ideaIn('new'), 'planned', standing(n), change(n)), 'forbidden');
    }
  });

  it('the service-area leader and an administrator may stop an idea like the unit leader', () => {
    assert.equal(moveIdea(ideaIn('new'), 'rejected', standing(TOL), change(TOL), 'Dobbelt').status, 'rejected');
    assert.equal(moveIdea(ideaIn('inProgress'), 'parked', standing(ADMIN), change(ADMIN), 'Vent').status, 'parked');
  });
});

describe('idea rules: planning the work', () => {
  it('a leader sets effort and impact; nobody else may', () => {
    const idea = ideaIn('planned');
    const prioritised = prioritise(idea, 'easy', 'high', standing(LEADER), change(LEADER, 'prio'));
    assert.deepEqual([prioritised.effort, prioritised.impact, prioritised.version], ['easy', 'high', idea.version + 1]);
    assert.deepEqual(prioritised.lastChange, { id: 'prio', by: name(LEADER), at: AT, what: 'priority' });
    assert.equal(prioritised.status, 'planned', 'priority leaves the status alone');
    assert.equal(prioritise(idea, 'hard', 'low', standing(TOL), change(TOL)).effort, 'hard');
    for (const n of [OWNER, SUBMITTER, MEMBER, COACH, STRANGER]) throwsCode(() => prioritise(idea, 'easy', 'high', standing(n), change(n)), 'forbidden');
  });

  it('a leader assigns an owner and a due date, and can clear both; nobody else may', () => {
    const idea = ideaIn('new', { owner: undefined });
    const assigned = assign(idea, name(MEMBER), '2026-12-01', standing(LEADER), change(LEADER, 'assign'));
    assert.deepEqual([assigned.owner, assigned.dueDate, assigned.version, assigned.lastChange.what], [name(MEMBER), '2026-12-01', idea.version + 1, 'assigned']);
    const cleared = assign(assigned, undefined, undefined, standing(LEADER), change(LEADER));
    assert.equal(cleared.owner, undefined);
    assert.equal(cleared.dueDate, undefined);
    for (const n of [OWNER, SUBMITTER, MEMBER, STRANGER]) throwsCode(() => assign(ideaIn('new'), name(n), undefined, standing(n), change(n)), 'forbidden');
  });

  it('a leader and the idea owner add action items, numbered after the highest; members may not', () => {
    const idea = ideaIn('inProgress', { actions: [{ id: 3, text: 'Gammel', done: true }] });
    const byLeader = addAction(idea, { text: 'Lag byttebørs', owner: name(MEMBER), dueDate: '2026-12-01' }, standing(LEADER), change(LEADER, 'a1'));
    const byOwner = addAction(byLeader, { text: 'Informer alle' }, standing(OWNER), change(OWNER, 'a2'));
    assert.deepEqual(byOwner.actions.slice(1), [
      { text: 'Lag byttebørs', owner: name(MEMBER), dueDate: '2026-12-01', id: 4, done: false },
      { text: 'Informer alle', id: 5, done: false },
    ]);
    assert.equal(byOwner.version, idea.version + 2);
    assert.deepEqual(byOwner.lastChange, { id: 'a2', by: name(OWNER), at: AT, what: 'action' });
    for (const n of [SUBMITTER, MEMBER, COACH, STRANGER]) throwsCode(() => addAction(idea, { text: 'x' }, standing(n), change(n)), 'forbidden');
  });

  it(`an idea holds at most ${MAX_ACTIONS_PER_IDEA} action items`, () => {
    const actions = (count: number): ActionItem[] => Array.from({ length: count }, (_, i) => ({ id: i + 1, text: `Tiltak ${i + 1}`, done: false }));
    const almostFull = ideaIn('inProgress', { actions: actions(MAX_ACTIONS_PER_IDEA - 1) });
    const full = addAction(almostFull, { text: 'Siste' }, standing(LEADER), change(LEADER));
    assert.equal(full.actions.length, MAX_ACTIONS_PER_IDEA);
    assert.deepEqual(issuesOf(() => addAction(full, { text: 'En til' }, standing(LEADER), change(LEADER))), ['text:outOfRange']);
  });

  it('an action is ticked off by its owner, the idea owner or a leader, and by nobody else', () => {
    const idea = ideaIn('inProgress', {
      actions: [
        { id: 1, text: 'Lag byttebørs', owner: name(MEMBER), done: false },
        { id: 2, text: 'Informer', owner: name(LEADER), done: false },
      ],
    });
    const byActionOwner = completeAction(idea, 1, standing(MEMBER), change(MEMBER, 'tick'));
    assert.deepEqual(byActionOwner.actions[0], { id: 1, text: 'Lag byttebørs', owner: name(MEMBER), done: true, doneAt: AT });
    assert.equal(byActionOwner.actions[1].done, false);
    assert.deepEqual(byActionOwner.lastChange, { id: 'tick', by: name(MEMBER), at: AT, what: 'actionDone' });
    assert.equal(byActionOwner.version, idea.version + 1);
    assert.equal(completeAction(idea, 2, standing(OWNER), change(OWNER)).actions[1].done, true);
    assert.equal(completeAction(idea, 1, standing(LEADER), change(LEADER)).actions[0].done, true);
    assert.equal(completeAction(idea, 2, standing(TOL), change(TOL)).actions[1].done, true);
    throwsCode(() => completeAction(idea, 2, standing(MEMBER), change(MEMBER)), 'forbidden');
    throwsCode(() => completeAction(idea, 1, standing(SUBMITTER), change(SUBMITTER)), 'forbidden');
    throwsCode(() => completeAction(idea, 1, standing(COACH), change(COACH)), 'forbidden');
    throwsCode(() => completeAction(idea, 99, standing(LEADER), change(LEADER)), 'notFound');
  });

  it('ticking off an action that is already done changes nothing (no new version, no history)', () => {
    const idea = ideaIn('inProgress', { actions: [{ id: 1, text: 'Ferdig', done: true, doneAt: '2026-11-01T08:00:00.000Z' }] });
    assert.equal(completeAction(idea, 1, standing(LEADER), change(LEADER)), idea);
  });

  it('root-cause notes are kept by a leader or the owner without empty answers; members may not write them', () => {
    const noted = recordRootCause(
      ideaIn('planned'),
      { whys: ['Mange bytter', '', 'Ingen oversikt', '', ''], fishbone: { method: 'Ingen rutine', machine: '' } },
      standing(OWNER),
      change(OWNER, 'rc'),
    );
    assert.deepEqual(noted.rootCause, { whys: ['Mange bytter', 'Ingen oversikt'], fishbone: { method: 'Ingen rutine' } });
    assert.equal(noted.lastChange.what, 'rootCause');
    assert.ok(recordRootCause(ideaIn('planned'), { whys: ['a'], fishbone: {} }, standing(LEADER), change(LEADER)).rootCause);
    throwsCode(() => recordRootCause(ideaIn('planned'), { whys: ['a'], fishbone: {} }, standing(MEMBER), change(MEMBER)), 'forbidden');
  });

  it('a benefit registration clears "benefit missing" as a change of its own', () => {
    const done = ideaIn('done', { doneAt: AT });
    const registered = markBenefitRegistered(done, change(TOL, 'benefit'));
    assert.equal(registered.benefitRegistered, true);
    assert.deepEqual([registered.version, registered.lastChange.what, registered.status], [done.version + 1, 'benefit', 'done']);
  });
});

describe('idea rules: undoing a stop', () => {
  it('leaves reopening a parked or rejected idea to a leader, even for its owner', () => {
    const owner = { leads: false, owns: true, submitted: false, participates: true };
    const leader = { leads: true, owns: false, submitted: false, participates: true };
    for (const status of ['parked', 'rejected'] as const) {
      assert.deepEqual(allowedMoves({ status }, owner), [], status);
      assert.ok(allowedMoves({ status }, leader).includes('new'), status);
    }
  });
});
