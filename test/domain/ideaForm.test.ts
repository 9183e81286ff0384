import assert from 'node:assert/strict';
import { ValidationError } from '../../src/domain/errors';
import { FormContext, readActionItem, readAssignment, readComment, readIdeaDraft, readMove, readPriority, readRootCause } from '../../src/domain/ideaForm';
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
    const draft = readIdeaDraft(
      {
        title: 'Færre turer til lageret',
        situation: 'Vi henter utstyr flere ganger per vakt.',
        proposal: 'Fast påfyll i bilene.',
        type: 'remove',
        wastes: 'waiting,motion',
        benefitAreas: 'time,fuel',
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
    assert.deepEqual(readIdeaDraft({ title: 'Bedre vaktbytte', type: 'improve', situation: '  ', wastes: '', benefitAreas: '', ownerId: '', dueDate: '' }, ideaContext), {
      title: 'Bedre vaktbytte',
      type: 'improve',
      wastes: [],
      benefitAreas: [],
    });
  });

  it('accepts today as a due date, a repeated choice once, and an owner id in any case', () => {
    const draft = readIdeaDraft({ title: 'x', type: 'create', wastes: 'waiting, waiting,motion', ownerId: KARI.id.toUpperCase(), dueDate: '2026-11-20' }, ideaContext);
    assert.deepEqual(draft.wastes, ['waiting', 'motion']);
    assert.deepEqual(draft.owner, KARI);
    assert.equal(draft.dueDate, '2026-11-20');
  });

  it('reports every problem at once, each with the id of its input', () => {
    const issues = issuesOf(() =>
      readIdeaDraft(
        {
          title: '',
          situation: long(TEXT_LIMITS.longText + 1),
          proposal: long(TEXT_LIMITS.longText + 1),
          type: 'fix',
          wastes: 'waiting,laziness',
          benefitAreas: 'time,happiness',
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
    assert.equal(readIdeaDraft({ title: long(120), type: 'improve' }, ideaContext).title, long(120));
    try {
      readIdeaDraft({ title: long(121), type: 'improve' }, ideaContext);
      assert.fail('a 121-character title must be refused');
    } catch (error) {
      assert.ok(error instanceof ValidationError);
      assert.deepEqual(error.issues, [{ field: 'title', problem: 'tooLong', params: { limit: 120, length: 121 } }]);
    }
  });

  it('allows 2000 characters of situation and refuses 2001', () => {
    assert.equal(readIdeaDraft({ title: 't', type: 'improve', situation: long(2000) }, ideaContext).situation?.length, 2000);
    assert.deepEqual(issuesOf(() => readIdeaDraft({ title: 't', type: 'improve', situation: long(2001) }, ideaContext)), ['situation:tooLong']);
  });

  it('refuses a due date in the past relative to today, a missing type, and an unknown category', () => {
    assert.deepEqual(issuesOf(() => readIdeaDraft({ title: 't', dueDate: '2026-11-19', benefitAreas: 'fuel,machines' }, ideaContext)), [
      'type:required',
      'benefitAreas:unknownOption',
      'dueDate:pastDate',
    ]);
    assert.deepEqual(issuesOf(() => readIdeaDraft({ title: 't', type: 'improve', dueDate: '15.12.2026' }, ideaContext)), ['dueDate:invalidFormat']);
  });

  it('refuses an owner who is not one of the unit’s people', () => {
    const other = { ...ideaContext, people: [KARI] };
    assert.deepEqual(issuesOf(() => readIdeaDraft({ title: 't', type: 'improve', ownerId: OLA.id }, other)), ['ownerId:unknownOption']);
  });

  it('trims text, keeps line breaks and drops control characters; a blank title counts as missing', () => {
    const draft = readIdeaDraft({ title: '  Bedre\u0007 rutiner \r\n', situation: 'Linje 1\r\nLinje 2\u0000', type: 'improve' }, ideaContext);
    assert.equal(draft.title, 'Bedre rutiner');
    assert.equal(draft.situation, 'Linje 1\nLinje 2');
    assert.deepEqual(issuesOf(() => readIdeaDraft({ title: ' \u0007\r\n ', type: 'improve' }, ideaContext)), ['title:required']);
  });
});

describe('idea card inputs', () => {
  it('a move may carry a reason of up to 500 characters', () => {
    assert.deepEqual(readMove({}), {});
    assert.deepEqual(readMove({ reason: '  Ikke i år \n' }), { reason: 'Ikke i år' });
    assert.deepEqual(readMove({ reason: long(TEXT_LIMITS.shortText) }), { reason: long(500) });
    assert.deepEqual(issuesOf(() => readMove({ reason: long(501) })), ['reason:tooLong']);
  });

  it('a priority needs both effort and impact from their lists', () => {
    assert.deepEqual(readPriority({ effort: 'easy', impact: 'high' }), { effort: 'easy', impact: 'high' });
    assert.deepEqual(issuesOf(() => readPriority({})), ['effort:required', 'impact:required']);
    assert.deepEqual(issuesOf(() => readPriority({ effort: 'medium', impact: 'low' })), ['effort:unknownOption']);
  });

  it('an assignment names one of the unit’s people and a due date from today on; empty means unassigned', () => {
    assert.deepEqual(readAssignment({ ownerId: OLA.id, dueDate: '2026-12-01' }, context), { owner: OLA, dueDate: '2026-12-01' });
    assert.deepEqual(readAssignment({ ownerId: '', dueDate: '' }, context), {});
    assert.deepEqual(issuesOf(() => readAssignment({ ownerId: 'someone-else', dueDate: '2026-11-01' }, context)), ['ownerId:unknownOption', 'dueDate:pastDate']);
  });

  it('an action item needs a text of up to 500 characters; owner and due date are checked with the item’s own input ids', () => {
    assert.deepEqual(readActionItem({ actionText: ' Lag byttebørs ', actionOwnerId: KARI.id, actionDueDate: '2026-11-27' }, context), {
      text: 'Lag byttebørs',
      owner: KARI,
      dueDate: '2026-11-27',
    });
    assert.deepEqual(readActionItem({ actionText: 'Bare tekst' }, context), { text: 'Bare tekst' });
    assert.deepEqual(issuesOf(() => readActionItem({ actionText: '', actionOwnerId: 'nobody', actionDueDate: '2026-13-01' }, context)), [
      'actionText:required',
      'actionOwnerId:unknownOption',
      'actionDueDate:invalidFormat',
    ]);
    assert.deepEqual(issuesOf(() => readActionItem({ actionText: long(501), actionDueDate: '2026-11-19' }, context)), ['actionText:tooLong', 'actionDueDate:pastDate']);
  });

  it('a comment is required and holds up to 2000 characters', () => {
    assert.equal(readComment({ comment: '  Godt forslag!  ' }), 'Godt forslag!');
    assert.equal(readComment({ comment: long(2000) }).length, 2000);
    assert.deepEqual(issuesOf(() => readComment({ comment: '   ' })), ['comment:required']);
    assert.deepEqual(issuesOf(() => readComment({})), ['comment:required']);
    assert.deepEqual(issuesOf(() => readComment({ comment: long(2001) })), ['comment:tooLong']);
  });

  it('root-cause notes: five whys and the six fishbone categories, each up to 500 characters, all optional', () => {
    assert.deepEqual(readRootCause({ why1: 'Mange bytter', why3: ' Ingen oversikt ', fishbone_method: 'Ingen rutine', fishbone_weather: 'ignored' }), {
      whys: ['Mange bytter', '', 'Ingen oversikt', '', ''],
      fishbone: { method: 'Ingen rutine' },
    });
    assert.deepEqual(readRootCause({}), { whys: ['', '', '', '', ''], fishbone: {} });
    assert.deepEqual(issuesOf(() => readRootCause({ why2: long(501), why5: long(501), fishbone_machine: long(501), fishbone_environment: 'ok' })), [
      'why2:tooLong',
      'why5:tooLong',
      'fishbone_machine:tooLong',
    ]);
  });
});
