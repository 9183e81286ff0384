import assert from 'node:assert/strict';
import { DomainError, ValidationError } from '../../src/domain/errors';
import { FishboneAnalysis, MAX_CAUSES, addCauses, checkCauses, checkConclusion, conclude, fishboneSuggested, mainCauses, suggestionStretch, weeksStalled } from '../../src/domain/fishbone';
import { DEFAULT_STAGNATION } from '../../src/domain/stagnation';
import { sampleIdea } from '../support/ideas';

const kari = { id: '00000000-0000-4000-8000-000000000004', name: 'Kari' };
const ola = { id: '00000000-0000-4000-8000-000000000007', name: 'Ola' };
const analysis: FishboneAnalysis = { unitId: 'hn', id: '2026-09-01-a1', reason: 'request', status: 'collecting', startedOn: '2026-09-01', startedBy: kari, causes: [], mainCauseIds: [], version: 1, changeId: 'c1' };

const problems = (run: () => unknown): string[] => {
  try {
    run();
  } catch (error) {
    assert.ok(error instanceof ValidationError);
    return error.issues.map((i) => `${i.field}:${i.problem}`);
  }
  assert.fail('expected problems');
};

describe('fishbone analysis', () => {
  it('reads one cause per line under each category, cleaned, blank lines ignored', () => {
    assert.deepEqual(checkCauses({ people: ' For lite tid \n\n  Nye vikarer hver uke', method: 'Ingen fast agenda\t' }, MAX_CAUSES), [
      { category: 'people', text: 'For lite tid' },
      { category: 'people', text: 'Nye vikarer hver uke' },
      { category: 'method', text: 'Ingen fast agenda' },
    ]);
  });

  it('needs at least one cause, short ones, and room in the analysis', () => {
    assert.deepEqual(problems(() => checkCauses({ people: '  \n ' }, MAX_CAUSES)), ['causes:required']);
    assert.deepEqual(problems(() => checkCauses({ machine: 'x'.repeat(121) }, MAX_CAUSES)), ['causes.machine:tooLong']);
    assert.deepEqual(problems(() => checkCauses({ machine: 'a\nb\nc' }, 2)), ['causes:outOfRange']);
  });

  it('adds causes with who wrote them, and refuses them once concluded', () => {
    const added = addCauses(analysis, [{ category: 'people', text: 'For lite tid' }], ola, { id: 'c2', at: '2026-09-02T08:00:00Z' });
    assert.deepEqual(added.causes, [{ id: 1, category: 'people', text: 'For lite tid', by: ola, at: '2026-09-02T08:00:00Z' }]);
    assert.equal(added.version, 2);
    const more = addCauses(added, [{ category: 'method', text: 'Ingen agenda' }], kari, { id: 'c3', at: '2026-09-03T08:00:00Z' });
    assert.deepEqual(more.causes.map((c) => c.id), [1, 2]);
    const done = conclude(more, { mainCauseIds: [2], actions: [] }, undefined, kari, '2026-09-10', 'c4');
    assert.deepEqual(mainCauses(done).map((c) => c.text), ['Ingen agenda']);
    assert.throws(() => addCauses(done, [{ category: 'people', text: 'x' }], ola, { id: 'c5', at: '' }), (e: unknown) => e instanceof DomainError && e.code === 'staleCard');
  });

  it('concludes with main causes picked and actions with owner and due date', () => {
    const withCauses = addCauses(analysis, [{ category: 'people', text: 'For lite tid' }], ola, { id: 'c2', at: '' });
    const context = { today: '2026-09-10', people: [kari, ola] };
    assert.deepEqual(checkConclusion({ mainCauseIds: ['1'], outcome: ' Sett av tid ', actions: [{ text: 'Fast tid for tavlemøtet', ownerId: kari.id, dueDate: '2026-10-01' }, {}] }, withCauses, context), {
      mainCauseIds: [1],
      outcome: 'Sett av tid',
      actions: [{ text: 'Fast tid for tavlemøtet', owner: kari, dueDate: '2026-10-01' }],
    });
    assert.deepEqual(problems(() => checkConclusion({ mainCauseIds: [], actions: [{ text: 'x' }] }, withCauses, context)), ['mainCauseIds:required', 'actions.1.ownerId:required', 'actions.1.dueDate:required']);
    assert.deepEqual(problems(() => checkConclusion({ mainCauseIds: ['7'] }, withCauses, context)), ['mainCauseIds:unknownOption']);
  });

  it('counts the weeks a unit has been flagged quiet beyond the threshold', () => {
    const today = '2026-11-02';
    const old = sampleIdea({ createdAt: '2026-08-01T08:00:00Z', statusChangedAt: '2026-08-03T08:00:00Z' });
    // Nothing new since 1 August, nothing moved and no meeting since 3 August: 13 weeks, 9 beyond the 4-week threshold.
    assert.equal(weeksStalled([old], ['2026-08-03'], today, 'Europe/Oslo', DEFAULT_STAGNATION, 20), 9);
    assert.equal(weeksStalled([old], ['2026-08-03'], today, 'Europe/Oslo', DEFAULT_STAGNATION, 8), 8, 'counted only as far as asked');
    const lively = sampleIdea({ createdAt: '2026-10-28T08:00:00Z', statusChangedAt: '2026-10-30T08:00:00Z' });
    assert.equal(weeksStalled([old, lively], ['2026-10-26'], today, 'Europe/Oslo', DEFAULT_STAGNATION, 20), 0);
    assert.equal(weeksStalled([], [], today, 'Europe/Oslo', DEFAULT_STAGNATION, 8), 8, 'a unit with nothing at all is quiet');
    const neverMoved = sampleIdea({ createdAt: '2026-10-28T08:00:00Z', statusChangedAt: '2026-10-28T08:00:00Z' });
    assert.equal(weeksStalled([neverMoved], ['2026-10-26'], today, 'Europe/Oslo', DEFAULT_STAGNATION, 8), 8, 'new ideas but nothing ever moved on the board');
  });

  it('suggests an analysis after the set weeks, unless one was started in the last half-year', () => {
    assert.equal(fishboneSuggested(7, 8, undefined, '2026-11-02'), false);
    assert.equal(fishboneSuggested(8, 8, undefined, '2026-11-02'), true);
    assert.equal(fishboneSuggested(8, 8, '2026-06-01', '2026-11-02'), false);
    assert.equal(fishboneSuggested(8, 8, '2026-04-01', '2026-11-02'), true);
    assert.equal(suggestionStretch('2026-11-02', 8), suggestionStretch('2026-11-09', 8));
    assert.notEqual(suggestionStretch('2026-11-02', 1), suggestionStretch('2026-11-09', 1));
  });
});
