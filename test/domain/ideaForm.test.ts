import assert from 'node:assert/strict';
import { ValidationError } from '../../src/domain/errors';
import { FormContext, checkActionItem, checkAssignment, checkComment, checkIdeaDraft, checkMoveReason, checkPriority, checkRootCause } from '../../src/domain/ideaForm';
import { TEXT_LIMITS } from '../../src/domain/text';

const KARI = { id: '00000000-0000-4000-8000-000000000004', name: 'Kari Nilsen' };
const OLA = { id: '00000000-0000-4000-8000-000000000007', name: 'Ola Bakken' };
const context: FormContext = { today: '2026-11-20', people: [KARI, OLA] };
/** Norddjurs' own gain areas next to the built-in ones. */
const ideaContext = { ...context, benefitCategories: ['quality', 'time', 'money', 'capacity', 'fuel', 'purchasing'] };

/** The problems a reader reports, as "field:problem", or fails when it reports none. */
function issuesOf(read: () => unknown): string[] {
  try {
    read();
  } catch (error) {
    if (error instanceof ValidationError) return error.issues.map((i) => `${i.field}:${i.problem}`);
    throw error;
  }
  return assert.fail('expected a ValidationError');
}

const long = (length: number) => 'å'.repeat(length);

describe('idea form', () => {
  it('reads a complete idea, with multi-select wastes and an organisation’s own benefit category', () => {
    const draft = checkIdeaDraft(
      {
        title: 'Færre turer til lageret',
        situation: 'Vi henter utstyr flere ganger per vakt.',
        proposal: 'Fast påfyll i bilene.',
        type: 'remove',
        wastes: ['waiting', 'motion'],
        benefitAreas: ['time', 'fuel'],
        ownerId: OLA.id,
        dueDate: '2026-12-15',
      },
      ideaContext,
    );
    assert.deepEqual(draft, {
      title: 'Færre turer til lageret',
      situation: 'Vi henter utstyr flere ganger per vakt.',
      proposal: 'Fast påfyll i bilene.',
      type: 'remove',
      wastes: ['waiting', 'motion'],
      benefitAreas: ['time', 'fuel'],
      owner: OLA,
      dueDate: '2026-12-15',
    });
  });

  it('needs only a title and a type; the rest is optional and left out', () => {
    assert.deepEqual(checkIdeaDraft({ title: 'Bedre vaktbytte', type: 'improve', situation: '  ', wastes: [], benefitAreas: [], ownerId: '', dueDate: '' }, ideaContext), {
      title: 'Bedre vaktbytte',
      type: 'improve',
      wastes: [],
      benefitAreas: [],
    });
  });

  it('accepts today as a due date, a repeated choice once, and an owner id in any case', () => {
    const draft = checkIdeaDraft({ title: 'x', type: 'create', wastes: ['waiting', ' waiting', 'motion'], ownerId: KARI.id.toUpperCase(), dueDate: '2026-11-20' }, ideaContext);
    assert.deepEqual(draft.wastes, ['waiting', 'motion']);
    assert.deepEqual(draft.owner, KARI);
    assert.equal(draft.dueDate, '2026-11-20');
  });

  it('reports every problem at once, each with the id of its input', () => {
    const issues = issuesOf(() =>
      checkIdeaDraft(
        {
          title: '',
          situation: long(TEXT_LIMITS.longText + 1),
          proposal: long(TEXT_LIMITS.longText + 1),
          type: 'fix',
          wastes: ['waiting', 'laziness'],
          benefitAreas: ['time', 'happiness'],
          ownerId: '00000000-0000-4000-8000-000000000099',
          dueDate: '2026-02-30',
        },
        ideaContext,
      ),
    );
    assert.deepEqual(issues, [
      'title:required',
      'situation:tooLong',
      'proposal:tooLong',
      'type:unknownOption',
      'wastes:unknownOption',
      'benefitAreas:unknownOption',
      'ownerId:unknownOption',
      'dueDate:invalidFormat',
    ]);
  });

  it('limits the title to 120 characters and tells the limit and the length', () => {
    assert.equal(checkIdeaDraft({ title: long(120), type: 'improve' }, ideaContext).title, long(120));
    try {
      checkIdeaDraft({ title: long(121), type: 'improve' }, ideaContext);
      assert.fail('a 121-character title must be refused');
    } catch (error) {
      assert.ok(error instanceof ValidationError);
      assert.deepEqual(error.issues, [{ field: 'title', problem: 'tooLong', params: { limit: 120, length: 121 } }]);
    }
  });

  it('allows 2000 characters of situation and refuses 2001', () => {
    assert.equal(checkIdeaDraft({ title: 't', type: 'improve', situation: long(2000) }, ideaContext).situation?.length, 2000);
    assert.deepEqual(issuesOf(() => checkIdeaDraft({ title: 't', type: 'improve', situation: long(2001) }, ideaContext)), ['situation:tooLong']);
  });

  it('refuses a due date in the past relative to today, a missing type, and an unknown category', () => {
    assert.deepEqual(issuesOf(() => checkIdeaDraft({ title: 't', dueDate: '2026-11-19', benefitAreas: ['fuel', 'machines'] }, ideaContext)), [
      'type:required',
      'benefitAreas:unknownOption',
      'dueDate:pastDate',
    ]);
    assert.deepEqual(issuesOf(() => checkIdeaDraft({ title: 't', type: 'improve', dueDate: '15.12.2026' }, ideaContext)), ['dueDate:invalidFormat']);
  });

  it('takes a due date up to five years ahead and refuses one further out, with the limit', () => {
    assert.equal(checkIdeaDraft({ title: 't', type: 'improve', dueDate: '2031-11-20' }, ideaContext).dueDate, '2031-11-20');
    for (const far of ['2031-11-21', '2046-11-20', '9999-12-31']) {
      try {
        checkIdeaDraft({ title: 't', type: 'improve', dueDate: far }, ideaContext);
        assert.fail(`${far} must be refused`);
      } catch (error) {
        assert.ok(error instanceof ValidationError);
        assert.deepEqual(error.issues, [{ field: 'dueDate', problem: 'tooFarAhead', params: { years: 5 } }]);
      }
    }
  });

  it('refuses an owner who is not one of the unit’s people', () => {
    const other = { ...ideaContext, people: [KARI] };
    assert.deepEqual(issuesOf(() => checkIdeaDraft({ title: 't', type: 'improve', ownerId: OLA.id }, other)), ['ownerId:unknownOption']);
  });

  it('trims text, keeps line breaks and drops control characters; a blank title counts as missing', () => {
    const draft = checkIdeaDraft({ title: '  Bedre\u0007 rutiner \r\n', situation: 'Linje 1\r\nLinje 2\u0000', type: 'improve' }, ideaContext);
    assert.equal(draft.title, 'Bedre rutiner');
    assert.equal(checkIdeaDraft({ title: 'Bedre\nrutiner\u0085\tnå', type: 'improve' }, ideaContext).title, 'Bedre rutiner nå', 'a title is one line');
    assert.equal(draft.situation, 'Linje 1\nLinje 2');
    assert.deepEqual(issuesOf(() => checkIdeaDraft({ title: ' \u0007\r\n ', type: 'improve' }, ideaContext)), ['title:required']);
  });
});

describe('idea card inputs', () => {
  it('a move may carry a reason of up to 500 characters', () => {
    assert.deepEqual(checkMoveReason({}), {});
    assert.deepEqual(checkMoveReason({ reason: '  Ikke i år \n' }), { reason: 'Ikke i år' });
    assert.deepEqual(checkMoveReason({ reason: long(TEXT_LIMITS.shortText) }), { reason: long(500) });
    assert.deepEqual(issuesOf(() => checkMoveReason({ reason: long(501) })), ['reason:tooLong']);
  });

  it('a priority needs both effort and impact from their lists', () => {
    assert.deepEqual(checkPriority({ effort: 'easy', impact: 'high' }), { effort: 'easy', impact: 'high' });
    assert.deepEqual(issuesOf(() => checkPriority({})), ['effort:required', 'impact:required']);
    assert.deepEqual(issuesOf(() => checkPriority({ effort: 'medium', impact: 'low' })), ['effort:unknownOption']);
  });

  it('an assignment names one of the unit’s people and a due date from today on; empty means unassigned', () => {
    assert.deepEqual(checkAssignment({ ownerId: OLA.id, dueDate: '2026-12-01' }, context), { owner: OLA, dueDate: '2026-12-01' });
    assert.deepEqual(checkAssignment({ ownerId: '', dueDate: '' }, context), {});
    assert.deepEqual(issuesOf(() => checkAssignment({ ownerId: 'someone-else', dueDate: '2026-11-01' }, context)), ['ownerId:unknownOption', 'dueDate:pastDate']);
  });

  it('an action item needs a text of up to 500 characters; owner and due date are checked like the idea’s', () => {
    assert.deepEqual(checkActionItem({ text: ' Lag byttebørs ', ownerId: KARI.id, dueDate: '2026-11-27' }, context), {
      text: 'Lag byttebørs',
      owner: KARI,
      dueDate: '2026-11-27',
    });
    assert.deepEqual(checkActionItem({ text: 'Bare tekst' }, context), { text: 'Bare tekst' });
    assert.deepEqual(issuesOf(() => checkActionItem({ text: '', ownerId: 'nobody', dueDate: '2026-13-01' }, context)), ['text:required', 'ownerId:unknownOption', 'dueDate:invalidFormat']);
    assert.deepEqual(issuesOf(() => checkActionItem({ text: long(501), dueDate: '2026-11-19' }, context)), ['text:tooLong', 'dueDate:pastDate']);
  });

  it('a comment is required and holds up to 2000 characters', () => {
    assert.equal(checkComment({ text: '  Godt forslag!  ' }), 'Godt forslag!');
    assert.equal(checkComment({ text: long(2000) }).length, 2000);
    assert.deepEqual(issuesOf(() => checkComment({ text: '   ' })), ['text:required']);
    assert.deepEqual(issuesOf(() => checkComment({})), ['text:required']);
    assert.deepEqual(issuesOf(() => checkComment({ text: long(2001) })), ['text:tooLong']);
  });

  it('root-cause notes: five whys and the six fishbone categories, each up to 500 characters, all optional', () => {
    assert.deepEqual(checkRootCause({ whys: ['Mange bytter', '', ' Ingen oversikt '], fishbone: { method: 'Ingen rutine' } }), {
      whys: ['Mange bytter', '', 'Ingen oversikt', '', ''],
      fishbone: { method: 'Ingen rutine' },
    });
    assert.deepEqual(checkRootCause({ whys: [], fishbone: {} }), { whys: ['', '', '', '', ''], fishbone: {} });
    assert.deepEqual(issuesOf(() => checkRootCause({ whys: ['', long(501), '', '', long(501)], fishbone: { machine: long(501), environment: 'ok' } })), [
      'whys.2:tooLong',
      'whys.5:tooLong',
      'fishbone.machine:tooLong',
    ]);
  });
});
