import assert from 'node:assert/strict';
import { BOARD_PAGE_SIZE, BoardEntry, boardPage, myItemsOrder } from '../../src/domain/board';
import { Idea, IdeaStatus, PersonName } from '../../src/domain/ideas';
import { sampleIdea } from '../support/ideas';

const TODAY = '2026-11-20';
const OLA: PersonName = { id: '00000000-0000-4000-8000-000000000007', name: 'Ola Bakken' };
const KARI: PersonName = { id: '00000000-0000-4000-8000-000000000004', name: 'Kari Nilsen' };

/** An idea submitted by Kari on the given day (hours keep same-day ideas apart). */
function idea(number: number, status: IdeaStatus, created: string, overrides: Partial<Idea> = {}): Idea {
  const at = `${created}T08:00:00.000Z`;
  return sampleIdea({ number, title: `Idé ${number}`, status, submitter: KARI, createdAt: at, updatedAt: at, statusChangedAt: at, ...overrides });
}

const numbers = (entries: readonly BoardEntry[]) => entries.map((e) => e.idea.number);

describe('the board', () => {
  // 1: open, its own due date passed 10 days ago
  // 2: open, no due date, but an action item 15 days overdue: the oldest due, so first
  // 3: open, due in the future
  // 4: the newest open idea
  // 5: done without a benefit registration: listed last
  // 6: done with a benefit: counted, not listed
  // 7: parked, 8: rejected, 9: parked with a passed due date: counted, not listed
  // 10: open, its overdue-looking action is done: not overdue
  // 11: open, due today: not overdue yet
  const ideas: Idea[] = [
    idea(1, 'new', '2026-11-01', { dueDate: '2026-11-10' }),
    idea(2, 'planned', '2026-11-05', { actions: [{ id: 1, text: 'Ring leverandør', dueDate: '2026-11-05', done: false }] }),
    idea(3, 'inProgress', '2026-11-15', { dueDate: '2026-12-01' }),
    idea(4, 'new', '2026-11-18'),
    idea(5, 'done', '2026-10-01', { benefitRegistered: false, doneAt: '2026-11-02T08:00:00.000Z' }),
    idea(6, 'done', '2026-10-02', { benefitRegistered: true }),
    idea(7, 'parked', '2026-11-19', { statusReason: 'Vent' }),
    idea(8, 'rejected', '2026-11-19', { statusReason: 'Nei' }),
    idea(9, 'parked', '2026-09-01', { dueDate: '2026-10-01', statusReason: 'Vent' }),
    idea(10, 'inProgress', '2026-11-10', { actions: [{ id: 1, text: 'Ferdig', dueDate: '2026-11-01', done: true }] }),
    idea(11, 'evaluating', '2026-11-12', { dueDate: TODAY }),
  ];

  it('shows overdue items first (oldest due first), then open items newest first, then done ideas missing their benefit', () => {
    const board = boardPage(ideas, TODAY, 1);
    assert.deepEqual(numbers(board.entries), [2, 1, 4, 3, 11, 10, 5]);
    assert.deepEqual(
      board.entries.map((e) => [e.idea.number, e.overdue, e.benefitMissing]),
      [
        [2, true, false],
        [1, true, false],
        [4, false, false],
        [3, false, false],
        [11, false, false],
        [10, false, false],
        [5, false, true],
      ],
    );
  });

  it('shows with each item the date that matters: the earliest date missed when overdue, else its own due date', () => {
    const board = boardPage(ideas, TODAY, 1);
    assert.deepEqual(
      board.entries.map((e) => [e.idea.number, e.dueDate]),
      [
        [2, '2026-11-05'],
        [1, '2026-11-10'],
        [4, undefined],
        [3, '2026-12-01'],
        [11, TODAY],
        [10, undefined],
        [5, undefined],
      ],
    );
  });

  it('counts every idea by status, including those it does not list', () => {
    const board = boardPage(ideas, TODAY, 1);
    assert.deepEqual(board.counts, { new: 2, planned: 1, inProgress: 2, evaluating: 1, done: 2, parked: 2, rejected: 1 });
    assert.equal(board.total, 7, 'what needs attention');
    assert.equal(board.pages, 1);
  });

  it('an overdue idea that is newer but due earlier still comes first', () => {
    const board = boardPage(
      [idea(1, 'new', '2026-11-01', { dueDate: '2026-11-15' }), idea(2, 'new', '2026-11-10', { dueDate: '2026-11-11' }), idea(3, 'planned', '2026-11-19')],
      TODAY,
      1,
    );
    assert.deepEqual(numbers(board.entries), [2, 1, 3]);
  });

  it(`shows ${BOARD_PAGE_SIZE} items a page and keeps the page asked for within the board`, () => {
    // 20 open ideas, newest (highest number) first.
    const many = Array.from({ length: 20 }, (_, i) => idea(i + 1, 'new', `2026-10-${String(i + 1).padStart(2, '0')}`));
    const page = (n: number) => boardPage(many, TODAY, n);
    assert.deepEqual([page(1).total, page(1).pages], [20, 3]);
    assert.deepEqual(numbers(page(1).entries), [20, 19, 18, 17, 16, 15, 14, 13]);
    assert.deepEqual(numbers(page(2).entries), [12, 11, 10, 9, 8, 7, 6, 5]);
    assert.deepEqual(numbers(page(3).entries), [4, 3, 2, 1]);
    for (const [asked, shown] of [[0, 1], [-2, 1], [Number.NaN, 1], [2.7, 2], [3, 3], [4, 3], [99, 3]] as const) {
      assert.equal(page(asked).page, shown, `page ${asked}`);
    }
    assert.deepEqual(numbers(page(99).entries), [4, 3, 2, 1], 'a page past the end shows the last page');
  });

  it('an empty board has one empty page', () => {
    const board = boardPage([], TODAY, 3);
    assert.deepEqual([board.page, board.pages, board.total, board.entries.length], [1, 1, 0, 0]);
    assert.equal(Object.values(board.counts).every((n) => n === 0), true);
  });

  it('a board of exactly one page has no second page', () => {
    const eight = Array.from({ length: BOARD_PAGE_SIZE }, (_, i) => idea(i + 1, 'new', '2026-11-01'));
    assert.deepEqual([boardPage(eight, TODAY, 2).page, boardPage(eight, TODAY, 2).pages], [1, 1]);
  });
});

describe('my items', () => {
  const mine: Idea[] = [
    // Ola submitted it: open, no due date.
    idea(1, 'new', '2026-11-10', { submitter: OLA }),
    // Ola owns it, due later.
    idea(2, 'planned', '2026-11-01', { owner: OLA, dueDate: '2026-12-05' }),
    // Ola owns an overdue action on Kari's idea (due a day after idea 10).
    idea(3, 'inProgress', '2026-11-02', { actions: [{ id: 1, text: 'Bestill', owner: OLA, dueDate: '2026-11-19', done: false }] }),
    // Ola's only action here is done: not his item any more.
    idea(4, 'inProgress', '2026-11-03', { actions: [{ id: 1, text: 'Ferdig', owner: OLA, done: true }] }),
    // Ola submitted it, done but the benefit is missing: still his to do.
    idea(5, 'done', '2026-10-01', { submitter: OLA, benefitRegistered: false }),
    // Closed: rejected, parked, done with benefit.
    idea(6, 'rejected', '2026-11-11', { submitter: OLA, statusReason: 'Nei' }),
    idea(7, 'parked', '2026-11-11', { owner: OLA, statusReason: 'Vent' }),
    idea(8, 'done', '2026-11-11', { submitter: OLA, benefitRegistered: true }),
    // Nothing to do with Ola.
    idea(9, 'new', '2026-11-19', { owner: KARI, dueDate: '2026-11-01' }),
    // Ola owns it and it is overdue by its own date.
    idea(10, 'evaluating', '2026-11-04', { owner: OLA, dueDate: '2026-11-18' }),
    // Ola submitted it, newer than idea 1, no due date.
    idea(11, 'new', '2026-11-12', { submitter: OLA }),
  ];

  it('lists what the person submitted, owns or has an open action on; overdue first, then by due date, then newest', () => {
    const entries = myItemsOrder(mine, OLA.id, TODAY);
    assert.deepEqual(numbers(entries), [10, 3, 2, 11, 1, 5]);
    assert.deepEqual(
      entries.map((e) => [e.overdue, e.benefitMissing]),
      [
        [true, false],
        [true, false],
        [false, false],
        [false, false],
        [false, false],
        [false, true],
      ],
    );
  });

  it('an item overdue through the person’s own action sorts by that action’s date, as on the board', () => {
    const byAction = idea(3, 'inProgress', '2026-11-02', { actions: [{ id: 1, text: 'Bestill', owner: OLA, dueDate: '2026-11-10', done: false }] });
    const byOwnDate = idea(10, 'evaluating', '2026-11-04', { owner: OLA, dueDate: '2026-11-18' });
    assert.deepEqual(numbers(boardPage([byOwnDate, byAction], TODAY, 1).entries), [3, 10]);
    assert.deepEqual(numbers(myItemsOrder([byOwnDate, byAction], OLA.id, TODAY)), [3, 10], 'ten days late comes before two days late');
  });

  it('someone with nothing on the board has no items', () => {
    assert.deepEqual(myItemsOrder(mine, '00000000-0000-4000-8000-000000000077', TODAY), []);
  });
});
