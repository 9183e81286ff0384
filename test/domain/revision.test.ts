import assert from 'node:assert/strict';
import { ValidationError } from '../../src/domain/errors';
import { followUpIdea, withMoreActions } from '../../src/domain/followUpIdea';
import { benefitMissing } from '../../src/domain/ideas';
import { checkRevisionForm, currentRound, openFollowUps, revisionDeviations, revisionRound, roundToRemind } from '../../src/domain/revision';
import { sampleReportView } from '../support/reportFixture';
import { sampleIdea } from '../support/ideas';

const kari = { id: '00000000-0000-4000-8000-000000000004', name: 'Kari' };
const lars = { id: '00000000-0000-4000-8000-000000000002', name: 'Lars' };
const MONTHS = [3, 9];

describe('half-yearly revision rounds', () => {
  it('looks at the six months before the revision month', () => {
    assert.deepEqual(revisionRound('2026-09')?.period.from, '2026-03-01');
    assert.deepEqual(revisionRound('2026-09')?.period.to, '2026-08-31');
    assert.deepEqual(revisionRound('2026-03')?.period.from, '2025-09-01');
    assert.deepEqual(revisionRound('2026-03')?.period.to, '2026-02-28');
    assert.equal(revisionRound('2026-13'), undefined);
    assert.equal(revisionRound('2026-9'), undefined);
  });

  it('turns to the next round two weeks before its month, and stays on it until the next one', () => {
    assert.equal(currentRound(MONTHS, '2026-02-14').round, '2025-09');
    assert.equal(currentRound(MONTHS, '2026-02-15').round, '2026-03');
    assert.equal(currentRound(MONTHS, '2026-06-30').round, '2026-03');
    assert.equal(currentRound(MONTHS, '2026-08-18').round, '2026-09');
    assert.equal(currentRound(MONTHS, '2027-01-01').round, '2026-09');
    assert.equal(currentRound([11], '2026-06-01').round, '2025-11', 'one revision a year works too');
  });

  it('reminds from two weeks before the month until it ends, not after', () => {
    assert.equal(roundToRemind(MONTHS, '2026-08-17'), undefined);
    assert.equal(roundToRemind(MONTHS, '2026-08-18')?.round, '2026-09');
    assert.equal(roundToRemind(MONTHS, '2026-09-30')?.round, '2026-09');
    assert.equal(roundToRemind(MONTHS, '2026-10-01'), undefined);
  });
});

describe('revision deviations', () => {
  it('finds missed meetings, done ideas without benefit, long overdue items, a quiet unit and open points', () => {
    const row = { ...sampleReportView().units[1], missedMeetings: ['2026-03-02', '2026-03-09'] };
    const live = [sampleIdea({ number: 3, status: 'done', benefitRegistered: false }), sampleIdea({ number: 4, status: 'done', benefitRegistered: false, origin: 'revision' })];
    const open = [{ id: 1, text: 'x', done: false }];
    const found = revisionDeviations(row, live, open);
    assert.deepEqual(
      found.map((d) => d.kind),
      ['missedMeetings', 'benefitMissing', 'quiet', 'previousOpen'],
    );
    assert.deepEqual(found[1], { kind: 'benefitMissing', ideas: [{ number: 3, title: 'Færre vaktbytter' }] }, 'a follow-up idea needs no benefit');
    assert.deepEqual(found[2], { kind: 'quiet', flags: ['noNewIdea', 'noStatusChange', 'noMeetingLogged'] });
    assert.deepEqual(revisionDeviations(sampleReportView().units[0], [], []).map((d) => d.kind), ['missedMeetings', 'longOverdue']);
  });
});

describe('the Gemba record form', () => {
  const context = { today: '2026-09-10', people: [kari, lars] };
  const issues = (input: Parameters<typeof checkRevisionForm>[0]) => {
    try {
      checkRevisionForm(input, context);
    } catch (error) {
      assert.ok(error instanceof ValidationError);
      return error.issues.map((i) => `${i.field}:${i.problem}`);
    }
    assert.fail('expected problems');
  };

  it('reads a visit with participants, checks and follow-up points; empty rows are no points', () => {
    const form = checkRevisionForm(
      {
        visitedOn: '2026-09-08',
        participantIds: [kari.id.toUpperCase(), lars.id],
        observations: ' Tavla er oppdatert. ',
        checks: ['boardCurrent', 'boardCurrent'],
        followUps: [{ text: 'Hold møtene', ownerId: kari.id, dueDate: '2026-10-20' }, {}, { text: ' ', ownerId: '', dueDate: '' }],
      },
      context,
    );
    assert.deepEqual(form, { visitedOn: '2026-09-08', participants: [kari, lars], observations: 'Tavla er oppdatert.', checks: ['boardCurrent'], followUps: [{ text: 'Hold møtene', owner: kari, dueDate: '2026-10-20' }] });
  });

  it('needs a visit date up to today, known people and checks, and a point with owner and due date', () => {
    assert.deepEqual(issues({ followUps: [{ text: 'Hold møtene' }] }), ['visitedOn:required', 'followUps.1.ownerId:required', 'followUps.1.dueDate:required']);
    assert.deepEqual(issues({ visitedOn: '2026-09-11', participantIds: ['00000000-0000-4000-8000-0000000000ff'], checks: ['nope'] }), ['visitedOn:outOfRange', 'participantIds:unknownOption', 'checks:unknownOption']);
    assert.deepEqual(issues({ visitedOn: '2026-09-01', followUps: [{ ownerId: kari.id, dueDate: '2026-09-01' }] }), ['followUps.1.text:required', 'followUps.1.dueDate:pastDate']);
    assert.deepEqual(issues({ visitedOn: '2025-09-09' }), ['visitedOn:outOfRange']);
  });
});

describe('follow-up ideas', () => {
  const change = { id: 'c1', by: lars, at: '2026-09-08T10:00:00.000Z' };

  it('carries the points as action items, counts as answered, and needs no benefit when done', () => {
    const idea = followUpIdea({ unitId: 'hn', number: 12, title: 'Halvårlig revisjon september 2026', origin: 'revision', owner: kari, actions: [{ text: 'Hold møtene', owner: kari, dueDate: '2026-10-20' }], change });
    assert.equal(idea.status, 'planned');
    assert.deepEqual(idea.actions, [{ id: 1, text: 'Hold møtene', owner: kari, dueDate: '2026-10-20', done: false }]);
    assert.equal(idea.firstResponseAt, change.at);
    assert.equal(benefitMissing({ ...idea, status: 'done' }), false);
    const more = withMoreActions({ ...idea, actions: [...idea.actions, { id: 5, text: 'x', done: true }] }, [{ text: 'Ny', owner: lars }], { ...change, id: 'c2' });
    assert.deepEqual(more.ids, [6]);
    assert.equal(more.idea.version, 2);
    assert.deepEqual(openFollowUps({ followUp: { ideaNumber: 12, actionIds: [1, 5, 6] } }, more.idea).map((a) => a.id), [1, 6]);
  });
});
