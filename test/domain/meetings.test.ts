import assert from 'node:assert/strict';
import { ValidationError } from '../../src/domain/errors';
import { MeetingFormContext, MeetingInput, checkMeetingForm, meetingDateIssue } from '../../src/domain/meetings';

const context: MeetingFormContext = {
  today: '2026-03-02',
  people: [
    { id: 'aaaaaaaa-0000-4000-8000-000000000001', name: 'Kari Nilsen' },
    { id: 'aaaaaaaa-0000-4000-8000-000000000002', name: 'Ola Bakken' },
  ],
  openIdeas: [1, 2, 4],
};

function issuesOf(input: MeetingInput): string[] {
  try {
    checkMeetingForm(input, context);
  } catch (error) {
    assert.ok(error instanceof ValidationError);
    return error.issues.map((i) => `${i.field}:${i.problem}`);
  }
  assert.fail('expected the form to be refused');
}

describe('the meeting log form', () => {
  it('reads a held meeting with attendees, notes and quick decisions', () => {
    const form = checkMeetingForm(
      {
        held: 'yes',
        reason: 'ignored when held',
        attendees: '7',
        notes: ' Gikk bra. ',
        decisions: [
          { idea: '4', status: 'inProgress' },
          { idea: '1', ownerId: 'AAAAAAAA-0000-4000-8000-000000000002', dueDate: '2026-03-09' },
          { idea: '2' }, // nothing to change: no decision
        ],
      },
      context,
    );
    assert.deepEqual(form, {
      held: true,
      attendees: 7,
      notes: 'Gikk bra.',
      decisions: [
        { ideaNumber: 4, status: 'inProgress' },
        { ideaNumber: 1, owner: { id: 'aaaaaaaa-0000-4000-8000-000000000002', name: 'Ola Bakken' }, dueDate: '2026-03-09' },
      ],
    });
  });

  it('needs a reason when the meeting was not held, and forgets attendees then', () => {
    assert.deepEqual(issuesOf({ held: 'no', reason: '  ' }), ['reason:required']);
    assert.deepEqual(checkMeetingForm({ held: 'no', reason: 'Sykdom', attendees: '3' }, context), { held: false, reason: 'Sykdom', decisions: [] });
  });

  it('checks every field at once: held, attendees 0-200, notes up to 2000 characters', () => {
    assert.deepEqual(issuesOf({ attendees: '201', notes: 'x'.repeat(2001) }), ['held:required', 'attendees:outOfRange', 'notes:tooLong']);
    assert.deepEqual(issuesOf({ held: 'maybe', attendees: 'many' }), ['held:unknownOption', 'attendees:invalidFormat']);
    assert.equal(checkMeetingForm({ held: 'yes', attendees: '0' }, context).attendees, 0);
    assert.equal(checkMeetingForm({ held: 'yes', attendees: '200', notes: 'x'.repeat(2000) }, context).attendees, 200);
  });

  it('refuses decisions about items that are not open, twice the same item, unknown people and past dates', () => {
    assert.deepEqual(
      issuesOf({
        held: 'yes',
        decisions: [
          { idea: '3', status: 'done' },
          { idea: '1', status: 'finished', ownerId: 'nobody', dueDate: '2026-03-01' },
          { idea: '1', status: 'planned' },
        ],
      }),
      ['decisions.1.idea:unknownOption', 'decisions.2.status:unknownOption', 'decisions.2.ownerId:unknownOption', 'decisions.2.dueDate:pastDate', 'decisions.3.idea:duplicate'],
    );
    assert.deepEqual(issuesOf({ held: 'yes', decisions: [{}, { status: 'done' }] }), ['decisions.2.idea:required']);
    assert.deepEqual(issuesOf({ held: 'yes', decisions: [{ idea: '1', dueDate: '2046-03-02' }] }), ['decisions.1.dueDate:tooFarAhead'], 'a due date 20 years ahead is a typing mistake');
  });

  it('takes meetings up to today only, and not from years back', () => {
    assert.equal(meetingDateIssue('2026-03-02', '2026-03-02'), undefined);
    assert.equal(meetingDateIssue('2026-02-27', '2026-03-02'), undefined);
    assert.equal(meetingDateIssue('2025-03-02', '2026-03-02'), undefined, 'a year back can still be logged');
    assert.equal(meetingDateIssue('2026-03-03', '2026-03-02')?.problem, 'outOfRange');
    assert.equal(meetingDateIssue('2026-02-30', '2026-03-02')?.problem, 'invalidFormat');
    assert.equal(meetingDateIssue('2025-03-01', '2026-03-02')?.problem, 'pastDate');
    assert.equal(meetingDateIssue('1999-03-02', '2026-03-02')?.problem, 'pastDate');
  });
});
