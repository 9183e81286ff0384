import assert from 'node:assert/strict';
import { parseAmount, toNumber } from '../../src/domain/amounts';
import { checkBenefitDraft } from '../../src/domain/benefitForm';
import { AlreadyDecidedError, approvalReminderDue, decide, followUpsDue } from '../../src/domain/benefitRules';
import { Benefit, annualised, fteFromHours, quarterStart, totalsFor, yearStart } from '../../src/domain/benefits';
import { addMonths } from '../../src/domain/dates';
import { DomainError, ValidationError } from '../../src/domain/errors';

const kari = { id: 'kari', name: 'Kari' };
const lars = { id: 'lars', name: 'Lars' };

function benefit(overrides: Partial<Benefit> = {}): Benefit {
  return {
    unitId: 'hn',
    ideaNumber: 1,
    id: 'b1',
    category: 'time',
    kind: 'time',
    stage: 'identified',
    period: 'week',
    amount: 200,
    owner: kari,
    registeredOn: '2026-11-20',
    submittedBy: kari,
    approval: 'notNeeded',
    followUpsSent: [],
    createdAt: '2026-11-20T09:00:00.000Z',
    updatedAt: '2026-11-20T09:00:00.000Z',
    version: 1,
    lastChangeId: 'c1',
    ...overrides,
  };
}

describe('benefit amounts', () => {
  it('reads Nordic and English decimals exactly, in the kind\'s scale', () => {
    assert.equal(parseAmount('2,5', 'hours'), 250);
    assert.equal(parseAmount('1 500,50', 'money'), 150050);
    assert.equal(parseAmount('1\u00A0500.5', 'money'), 150050);
    assert.equal(parseAmount('0,125', 'quantity'), 125);
    assert.equal(toNumber(150050, 'money'), 1500.5);
  });

  it('refuses what it cannot read without guessing', () => {
    for (const [text, scale] of [['abc', 'hours'], ['-2', 'hours'], ['1,234', 'money'], ['2.5.1', 'hours'], ['1.500', 'quantity'], ['', 'money'], ['1e9', 'money']] as const) {
      assert.equal(parseAmount(text, scale), undefined, `${text} (${scale})`);
    }
  });

  it('annualises per period: 2 h a week is 104 h a year; a one-off counts once', () => {
    assert.equal(annualised({ amount: 200, period: 'week' }), 10400);
    assert.equal(annualised({ amount: 150000, period: 'month' }), 1800000);
    assert.equal(annualised({ amount: 5000, period: 'oneOff' }), 5000);
    assert.equal(annualised({ amount: 5000, period: 'year' }), 5000);
  });

  it('turns hours into full-time equivalents with the organisation\'s hours per FTE', () => {
    assert.equal(fteFromHours(10400, 1700).toFixed(2), '0.06');
    assert.equal(fteFromHours(1700 * 100 * 33, 1700), 33);
    assert.equal(fteFromHours(192400, 1924), 1);
  });

  it('sums money in minor units without floating-point drift', () => {
    const tenOre = Array.from({ length: 1000 }, (_, i) => benefit({ id: `b${i}`, kind: 'money', amount: 10, period: 'oneOff' }));
    assert.equal(totalsFor(tenOre, '2026-01-01', '2026-12-31').identified.money, 10000);
  });
});

describe('benefit totals', () => {
  const benefits = [
    benefit({ id: 'time-identified' }),
    benefit({ id: 'money-realized-approved', kind: 'money', stage: 'realized', period: 'oneOff', amount: 1000000, approval: 'approved' }),
    benefit({ id: 'time-realized-pending', stage: 'realized', approval: 'pending' }),
    benefit({ id: 'time-realized-rejected', stage: 'realized', approval: 'rejected' }),
    benefit({ id: 'quality', kind: 'quality', amount: undefined, period: 'oneOff', indicator: 'Fall' }),
    benefit({ id: 'last-year', registeredOn: '2025-12-31' }),
  ];

  it('keeps identified and realized apart, and counts only approved gains as realized', () => {
    const totals = totalsFor(benefits, yearStart('2026-11-22'), '2026-11-22');
    assert.deepEqual(totals.identified, { hours: 10400, money: 0, other: 1 });
    assert.deepEqual(totals.realized, { hours: 0, money: 1000000, other: 0 });
    assert.equal(totals.pending, 1);
  });

  it('knows where quarters and years start', () => {
    assert.deepEqual(['2026-01-01', '2026-03-31', '2026-04-01', '2026-11-22'].map(quarterStart), ['2026-01-01', '2026-01-01', '2026-04-01', '2026-10-01']);
    assert.equal(yearStart('2026-11-22'), '2026-01-01');
  });
});

describe('benefit form', () => {
  /** The benefit owner is chosen by Entra object id, in any case. */
  const owner = { id: '00000000-0000-4000-8000-00000000000a', name: 'Kari' };
  const people = [owner];
  const categories = ['quality', 'time', 'money', 'fuel'];
  it('requires what the practice requires, all at once', () => {
    assert.throws(
      () => checkBenefitDraft({ category: 'time', kind: 'time', stage: 'realized', period: 'week', amount: '', ownerId: 'nobody' }, { categories, people }),
      (error: ValidationError) => JSON.stringify(error.issues.map((i) => `${i.field}:${i.problem}`)) === JSON.stringify(['amount:required', 'measured:required', 'usage:required', 'ownerId:unknownOption']),
    );
    assert.throws(() => checkBenefitDraft({ category: 'fuel', kind: 'resource', stage: 'identified', period: 'month', amount: '120', ownerId: owner.id }, { categories, people }), (e: ValidationError) => e.issues.some((i) => i.field === 'measure'));
    assert.throws(() => checkBenefitDraft({ category: 'quality', kind: 'quality', stage: 'identified', ownerId: owner.id }, { categories, people }), (e: ValidationError) => e.issues.some((i) => i.field === 'indicator'));
  });

  it('reads a realized time gain with its measured value and the use of the freed time', () => {
    const draft = checkBenefitDraft({ category: 'time', kind: 'time', stage: 'realized', period: 'week', amount: '2,5', baseline: '6 t/uke', measured: '3,5 t/uke', usage: 'Mer tid til brukerne', ownerId: owner.id.toUpperCase() }, { categories, people });
    assert.deepEqual(draft, { category: 'time', kind: 'time', stage: 'realized', period: 'week', amount: 250, baseline: '6 t/uke', measured: '3,5 t/uke', usage: 'Mer tid til brukerne', owner });
  });
});

describe('TOL decisions', () => {
  const change = { id: 'd1', by: lars, at: '2026-11-21T10:00:00.000Z' };
  const pending = benefit({ stage: 'realized', approval: 'pending', approvalRequestedAt: '2026-11-20T09:00:00.000Z' });

  it('records who decided, when and why', () => {
    const decided = decide(pending, 'changesRequested', 'Mål igjen i januar', true, change);
    assert.equal(decided.approval, 'changesRequested');
    assert.deepEqual(decided.decision, { by: lars, at: change.at, outcome: 'changesRequested', comment: 'Mål igjen i januar' });
    assert.equal(decided.version, 2);
  });

  it('needs a comment to reject or ask for changes, but not to approve', () => {
    assert.throws(() => decide(pending, 'rejected', undefined, true, change), ValidationError);
    assert.equal(decide(pending, 'approved', undefined, true, change).approval, 'approved');
  });

  it('refuses someone without the role, anyone deciding their own gain, and a second decision', () => {
    assert.throws(() => decide(pending, 'approved', undefined, false, change), (e: DomainError) => e.code === 'forbidden');
    assert.throws(() => decide(pending, 'approved', undefined, true, { ...change, by: kari }), (e: DomainError) => e.code === 'forbidden');
    const approved = decide(pending, 'approved', undefined, true, change);
    assert.throws(() => decide(approved, 'rejected', 'nei', true, change), (e: AlreadyDecidedError) => e.current.approval === 'approved');
  });

  it('reminds about a pending approval after a week, not before', () => {
    assert.equal(approvalReminderDue(pending, new Date('2026-11-26T09:00:00Z')), false);
    assert.equal(approvalReminderDue(pending, new Date('2026-11-27T09:00:00Z')), true);
    assert.equal(approvalReminderDue({ ...pending, approval: 'approved' }, new Date('2026-12-27T09:00:00Z')), false);
  });

  it('follows identified gains up at each interval after the idea is done, once each', () => {
    const identified = benefit();
    assert.deepEqual(followUpsDue(identified, '2026-01-31', '2026-04-29', [3, 12]), []);
    assert.deepEqual(followUpsDue(identified, '2026-01-31', '2026-04-30', [3, 12]), [3]);
    assert.deepEqual(followUpsDue({ ...identified, followUpsSent: [3] }, '2026-01-31', '2027-02-01', [3, 12]), [12]);
    assert.deepEqual(followUpsDue({ ...identified, stage: 'realized' }, '2026-01-31', '2027-02-01', [3, 12]), []);
    assert.equal(addMonths('2026-01-31', 1), '2026-02-28');
  });
});
