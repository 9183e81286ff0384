import assert from 'node:assert/strict';
import { ValidationError } from '../../src/domain/errors';
import { MeetingFormContext, meetingDateIssue, readMeetingForm } from '../../src/domain/meetings';

const context: MeetingFormContext = {
  today: '2026-03-02',
  people: [
    { id: 'aaaaaaaa-0000-4000-8000-000000000001', name: 'Kari Nilsen' },
    { id: 'aaaaaaaa-0000-4000-8000-000000000002', name: 'Ola Bakken' },
  ],
  openIdeas: [1, 2, 4],
};

function issuesOf(raw: Record<string, unknown>): string[] {
  try {
    readMeetingForm(raw, context);
  } catch (error) {
    assert.ok(error instanceof ValidationError);
    return error.issues.map((i) => `${i.field}:${i.problem}`);
  }
  assert.fail('expected the form to be refused');
}

describe('the meeting log form', () => {
  it('reads a held meeting with attendees, notes and quick decisions', () => {
    const form = readMeetingForm(
      {
        held: 'yes',
        reason: 'ignored when held',
        attendees: '7',
        notes: ' Gikk bra. ',
        decision1Idea: '4',
        decision1Status: 'inProgress',
        decision2Idea: '1',
        decision2Owner: 'AAAAAAAA-0000-4000-8000-000000000002',
        decision2Due: '2026-03-09',
        decision3Idea: '2', // nothing to change: no decision
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
    assert.deepEqual(readMeetingForm({ held: 'no', reason: 'Sykdom', attendees: '3' }, context), { held: false, reason: 'Sykdom', decisions: [] });
  });

  it('checks every field at once: held, attendees 0-200, notes up to 2000 characters', () => {
    assert.deepEqual(issuesOf({ attendees: '201', notes: 'x'.repeat(2001) }), ['held:required', 'attendees:outOfRange', 'notes:tooLong']);
    assert.deepEqual(issuesOf({ held: 'maybe', attendees: 'many' }), ['held:unknownOption', 'attendees:invalidFormat']);
    assert.equal(readMeetingForm({ held: 'yes', attendees: 0 }, context).attendees, 0);
    assert.equal(readMeetingForm({ held: 'yes', attendees: '200', notes: 'x'.repeat(2000) }, context).attendees, 200);
  });

  it('refuses decisions about items that are not open, twice the same item, unknown people and past dates', () => {
    assert.deepEqual(
      issuesOf({
        held: 'yes',
        decision1Idea: '3',
        decision1Status: 'done',
        decision2Idea: '1',
        decision2Status: 'finished',
        decision2Owner: 'nobody',
        decision2Due: '2026-03-01',
        decision3Idea: '1',
        decision3Status: 'planned',
      }),
      ['decision1Idea:unknownOption', 'decision2Status:unknownOption', 'decision2Owner:unknownOption', 'decision2Due:pastDate', 'decision3Idea:duplicate'],
    );
    assert.deepEqual(issuesOf({ held: 'yes', decision2Status: 'done' }), ['decision2Idea:required']);
  });

  it('takes meetings up to today only', () => {
    assert.equal(meetingDateIssue('2026-03-02', '2026-03-02'), undefined);
    assert.equal(meetingDateIssue('2026-02-27', '2026-03-02'), undefined);
    assert.equal(meetingDateIssue('2026-03-03', '2026-03-02')?.problem, 'outOfRange');
    assert.equal(meetingDateIssue('2026-02-30', '2026-03-02')?.problem, 'invalidFormat');
  });
});
