import assert from 'node:assert/strict';
import { parseAmount, readAmount, toNumber } from '../../src/domain/amounts';
import { BenefitCheckContext, checkBenefitDraft } from '../../src/domain/benefitForm';
import { countedOnApproval, directionOf, gainOf, plannedGain, shortfallOf } from '../../src/domain/benefitGain';
import { plausibilityIssues, unitHoursPerYear } from '../../src/domain/benefitPlausibility';
import { AlreadyDecidedError, approvalReminderDue, decide, followUpsDue } from '../../src/domain/benefitRules';
import { Benefit, annualised, fteFromHours, quarterStart, realizedUse, recentQuarters, totalsFor, yearStart } from '../../src/domain/benefits';
import { addMonths } from '../../src/domain/dates';
import { DomainError, ValidationError } from '../../src/domain/errors';
import { DEFAULT_ORGANISATION } from '../../src/domain/organisation';

const kari = { id: 'kari', name: 'Kari' };
const lars = { id: 'lars', name: 'Lars' };

function benefit(overrides: Partial<Benefit> = {}): Benefit {
  return {
    unitId: 'hn',
    ideaNumber: 1,
    id: 'b1',
    category: 'time',
    measure: 'hours',
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
  it("reads Nordic and English decimals exactly, in the measure's scale", () => {
    assert.equal(parseAmount('2,5', 'hours'), 250);
    assert.equal(parseAmount('1 500,50', 'money'), 150050);
    assert.equal(parseAmount('1\u00A0500.5', 'money'), 150050);
    assert.equal(parseAmount('0,125', 'quantity'), 125);
    assert.equal(parseAmount('0', 'hours'), 0, 'a baseline may be zero');
    assert.equal(toNumber(150050, 'money'), 1500.5);
  });

  it('refuses what it cannot read without guessing, and says why', () => {
    const reasons = [['abc', 'hours'], ['-2', 'hours'], ['1,234', 'money'], ['1.500', 'hours'], ['1.500', 'quantity'], ['2,505', 'hours'], ['2.5.1', 'hours'], ['', 'money'], ['1e9', 'money'], ['99999999999999', 'money']] as const;
    assert.deepEqual(
      reasons.map(([text, scale]) => {
        const read = readAmount(text, scale);
        return read.ok ? 'ok' : read.reason;
      }),
      ['notNumber', 'negative', 'ambiguous', 'ambiguous', 'ambiguous', 'ambiguous', 'notNumber', 'notNumber', 'notNumber', 'tooLarge'],
    );
    assert.equal(readAmount('0,255', 'hours').ok ? 'ok' : (readAmount('0,255', 'hours') as { reason: string }).reason, 'tooManyDecimals');
  });

  it('annualises per period: 2 h a week is 104 h a year; a one-off counts once', () => {
    assert.equal(annualised({ amount: 200, period: 'week' }), 10400);
    assert.equal(annualised({ amount: 150000, period: 'month' }), 1800000);
    assert.equal(annualised({ amount: 5000, period: 'oneOff' }), 5000);
    assert.equal(annualised({ amount: 5000, period: 'year' }), 5000);
  });

  it("turns hours into full-time equivalents with the organisation's hours per FTE", () => {
    assert.equal(fteFromHours(10400, 1700).toFixed(2), '0.06');
    assert.equal(fteFromHours(1700 * 100 * 33, 1700), 33);
    assert.equal(fteFromHours(192400, 1924), 1);
  });

  it('sums money in minor units without floating-point drift', () => {
    const tenOre = Array.from({ length: 1000 }, (_, i) => benefit({ id: `b${i}`, measure: 'money', amount: 10, period: 'oneOff' }));
    assert.equal(totalsFor(tenOre, '2026-01-01', '2026-12-31').identified.money, 10000);
  });
});

describe('measurements against the baseline', () => {
  it('time and money: less spent is better; the gain is the baseline less the value', () => {
    assert.equal(directionOf('hours', 500, 200), 'lower');
    assert.equal(directionOf('money', 1200000, 800000), 'lower');
    assert.equal(gainOf('lower', 500, 350), 150, '5 h/week before, 3.5 h now: 1.5 h gained');
    assert.equal(gainOf('lower', 1200000, 800000), 400000, '12 000 kr before, 8 000 kr now: 4 000 kr in øre');
    assert.equal(gainOf('lower', 500, 600), -100, 'more time spent is a loss, not a gain');
  });

  it('quantities and quality: the plan says which way is better by where its target lies', () => {
    assert.equal(directionOf('quantity', 9000000, 7500000), 'lower', 'litres of diesel: fewer is better');
    assert.equal(directionOf('quality', 3900, 4500), 'higher', 'satisfaction 3.9 to 4.5: higher is better');
    assert.equal(directionOf('quality', 6000, 6000), undefined, 'a target equal to the baseline plans no change');
    assert.equal(gainOf('higher', 3900, 4200), 300, 'satisfaction up 0.3 (thousandths)');
    assert.equal(gainOf('lower', 9000000, 7500000), 1500000, '1 500 litres fewer');
  });

  it('a shortfall is the planned gain less the measured one; reaching the target leaves none', () => {
    const plan = benefit({ better: 'lower', baseline: { value: 500, on: '2026-08-01' }, target: { value: 200, on: '2026-12-01' }, amount: 300 });
    assert.equal(plannedGain(plan), 300);
    assert.equal(shortfallOf(plan, 150), 150);
    assert.equal(shortfallOf(plan, 300), 0);
    assert.equal(shortfallOf(plan, 350), 0, 'beating the target is no gap');
    assert.equal(shortfallOf(benefit({ amount: 200 }), 150), 50, 'a plan from before values were numbers compares with its estimate');
  });

  it('an approved measurement counts what it adds to the gain already approved, so a plan measured twice is not counted twice', () => {
    const first = benefit({ id: 'm1', stage: 'realized', planId: 'p', amount: 150, approval: 'approved', counted: 150 });
    assert.equal(countedOnApproval({ amount: 250 }, [first]), 100);
    assert.equal(countedOnApproval({ amount: 100 }, [first]), -50, 'the gain fell back: the realized total goes down by the difference');
    const second = benefit({ id: 'm2', stage: 'realized', planId: 'p', amount: 250, approval: 'approved', counted: 100 });
    const totals = totalsFor([first, second], '2026-01-01', '2026-12-31');
    assert.equal(totals.realized.hours, 250 * 52, 'the realized total is the latest approved gain, 2.5 h/week');
  });
});

describe('plausibility', () => {
  const context = { headcount: 28, hoursPerFte: 1700, currency: 'NOK' as const, confirmed: false };

  it("knows the unit's working hours from its headcount and hours per FTE", () => {
    assert.equal(unitHoursPerYear(context), 28 * 1700 * 100);
    assert.equal(unitHoursPerYear({ hoursPerFte: 1700 }), undefined, 'unknown headcount: no cap');
  });

  it('refuses a time value larger than all the hours the unit works, with the numbers', () => {
    const issues = plausibilityIssues('hours', 'week', [{ field: 'measured', value: 100_000_000 }], 99_000_000, 100_000_100, context);
    assert.deepEqual(issues, [{ field: 'measured', problem: 'implausible', params: { reason: 'moreThanUnit', hours: 52_000_000, capacity: 47_600, headcount: 28, hoursPerFte: 1700 } }]);
  });

  it('asks to confirm an unusually large gain in any measure, and takes the confirmation', () => {
    const unusual = (measure: 'hours' | 'money' | 'quantity' | 'quality', values: number[], gain: number, baseline: number, confirmed = false) =>
      plausibilityIssues(measure, measure === 'quality' ? 'oneOff' : 'week', values.map((value) => ({ field: 'measured', value })), gain, baseline, { ...context, confirmed }).map((i) => i.problem);
    assert.deepEqual(unusual('hours', [2000], 100_00, 11000), ['unconfirmed'], '100 h/week is 5 200 h/yr: more than a tenth of 47 600 h');
    assert.deepEqual(unusual('hours', [300], 200, 500), [], '2 h/week is ordinary');
    assert.deepEqual(unusual('money', [0], 2_000_000_00, 2_000_000_00), ['unconfirmed'], '2 000 000 kr a week');
    assert.deepEqual(unusual('quantity', [15_000_000], 13_500_000, 1_500_000), ['unconfirmed'], 'ten times the baseline is more likely a slip');
    assert.deepEqual(unusual('quantity', [15_000_000], 13_500_000, 1_500_000, true), [], 'confirmed');
    assert.deepEqual(unusual('quality', [2000], 4000, 6000), [], 'six falls to two is ordinary');
  });
});

describe('benefit form', () => {
  /** The benefit owner is chosen by Entra object id, in any case. */
  const owner = { id: '00000000-0000-4000-8000-00000000000a', name: 'Kari' };
  const categories = [...DEFAULT_ORGANISATION.benefitCategories, { id: 'fuel', measure: 'quantity' as const, unit: 'liter' }, { id: 'satisfaction', measure: 'quality' as const }];
  const context: BenefitCheckContext = { categories, people: [owner], today: '2026-11-20', plausibility: { headcount: 28, hoursPerFte: 1700, currency: 'NOK' } };
  const problems = (run: () => unknown) => {
    try {
      run();
    } catch (error) {
      if (error instanceof ValidationError) return error.issues.map((i) => `${i.field}:${i.problem}${i.params?.reason ? `:${i.params.reason}` : ''}`);
      throw error;
    }
    return [];
  };

  it('reads a time plan: indicator, baseline and target with their dates, the planned gain, the owner', () => {
    const draft = checkBenefitDraft({ category: 'time', stage: 'identified', indicator: 'Tid brukt på vaktbytter', period: 'week', baseline: '5', baselineOn: '2026-11-01', target: '2', targetBy: '2027-02-01', ownerId: owner.id.toUpperCase() }, context);
    assert.deepEqual(draft, {
      category: 'time',
      measure: 'hours',
      period: 'week',
      indicator: 'Tid brukt på vaktbytter',
      stage: 'identified',
      amount: 300,
      better: 'lower',
      baseline: { value: 500, on: '2026-11-01' },
      target: { value: 200, on: '2027-02-01' },
      owner,
    });
  });

  it('reads a fuel plan in the category\'s unit, and a satisfaction plan where higher is better', () => {
    const fuel = checkBenefitDraft({ category: 'fuel', stage: 'identified', indicator: 'Diesel', period: 'year', baseline: '9 000', baselineOn: '2026-01-01', target: '7 500', targetBy: '2027-01-01', ownerId: owner.id }, context);
    assert.deepEqual([fuel.measure, fuel.unit, fuel.better, fuel.amount], ['quantity', 'liter', 'lower', 1_500_000]);
    const satisfaction = checkBenefitDraft({ category: 'satisfaction', stage: 'identified', indicator: 'Tilfredshet', unit: '1–5', baseline: '3,9', baselineOn: '2026-01-01', target: '4,5', targetBy: '2027-01-01', ownerId: owner.id }, context);
    assert.deepEqual([satisfaction.measure, satisfaction.period, satisfaction.better, satisfaction.amount], ['quality', 'oneOff', 'higher', 600]);
  });

  it('requires what the practice requires, all at once', () => {
    assert.deepEqual(problems(() => checkBenefitDraft({ category: 'time', stage: 'identified', ownerId: 'nobody' }, context)), [
      'ownerId:unknownOption',
      'period:required',
      'indicator:required',
      'baseline:required',
      'baselineOn:required',
      'target:required',
      'targetBy:required',
    ]);
    assert.deepEqual(problems(() => checkBenefitDraft({ category: 'capacity', stage: 'identified', indicator: 'Besøk', period: 'week', baseline: '10', baselineOn: '2026-11-01', target: '12', targetBy: '2027-01-01', ownerId: owner.id }, context)), ['unit:required'], 'capacity has no unit of its own');
    assert.deepEqual(problems(() => checkBenefitDraft({ category: 'time', stage: 'realized', indicator: 'x', period: 'week', baseline: '5', baselineOn: '2026-11-01', measured: '3', measuredOn: '2026-11-19', ownerId: owner.id }, context)), ['use:required'], 'a realized time gain says how the freed time is used');
    assert.deepEqual(problems(() => checkBenefitDraft({ category: 'money', stage: 'realized', indicator: 'x', period: 'month', baseline: '5000', baselineOn: '2026-11-01', measured: '3000', measuredOn: '2026-11-19', use: 'otherWork', ownerId: owner.id }, context)), ['useText:required'], 'other work is named');
  });

  it('refuses values that say no gain, dates out of order, and explains a refused amount', () => {
    const plan = { category: 'time', stage: 'identified', indicator: 'x', period: 'week', baselineOn: '2026-11-01', targetBy: '2027-02-01', ownerId: owner.id };
    assert.deepEqual(problems(() => checkBenefitDraft({ ...plan, baseline: '2', target: '5' }, context)), ['target:implausible:notLower']);
    assert.deepEqual(problems(() => checkBenefitDraft({ ...plan, category: 'fuel', baseline: '200', target: '200' }, context)), ['target:implausible:noChange']);
    assert.deepEqual(problems(() => checkBenefitDraft({ ...plan, baseline: '1.500', target: '1' }, context)), ['baseline:invalidFormat:ambiguous']);
    assert.deepEqual(problems(() => checkBenefitDraft({ ...plan, baseline: '5', target: '2', baselineOn: '2026-12-01' }, context)), ['baselineOn:futureDate'], 'a baseline is measured, not expected');
    assert.deepEqual(problems(() => checkBenefitDraft({ ...plan, baseline: '5', target: '2', targetBy: '2026-10-01' }, context)), ['targetBy:beforeBaseline']);
  });

  it('refuses 1,000,000 h a week for a 28-person unit, and asks to confirm 100 h a week', () => {
    const unplanned = { category: 'time', stage: 'realized', indicator: 'x', period: 'week', baselineOn: '2026-11-01', measuredOn: '2026-11-19', use: 'budget', ownerId: owner.id };
    assert.deepEqual(problems(() => checkBenefitDraft({ ...unplanned, baseline: '1 000 000', measured: '0' }, context)), ['baseline:implausible:moreThanUnit']);
    assert.deepEqual(problems(() => checkBenefitDraft({ ...unplanned, baseline: '120', measured: '20' }, context)), ['confirmLarge:unconfirmed:hours']);
    assert.equal(checkBenefitDraft({ ...unplanned, baseline: '120', measured: '20', confirmLarge: 'true' }, context).amount, 100_00);
  });

  it('measures a plan: the plan fixes indicator, period, baseline and owner; a shortfall needs a gap note', () => {
    const plan = benefit({ id: 'p', better: 'lower', baseline: { value: 500, on: '2026-08-01' }, target: { value: 200, on: '2026-12-01' }, amount: 300, indicator: 'Tid brukt på vaktbytter' });
    const measurement = { measured: '3,5', measuredOn: '2026-11-19', use: 'otherWork', useText: 'Mer tid med brukerne' };
    assert.deepEqual(problems(() => checkBenefitDraft(measurement, context, plan)), ['gap:required:shortfall']);
    const draft = checkBenefitDraft({ ...measurement, gap: 'Noen bytter går fortsatt på telefon' }, context, plan);
    assert.deepEqual([draft.stage, draft.planId, draft.amount, draft.measured, draft.baseline, draft.owner, draft.indicator], ['realized', 'p', 150, { value: 350, on: '2026-11-19' }, plan.baseline, kari, 'Tid brukt på vaktbytter']);
    assert.equal(checkBenefitDraft({ measured: '6', measuredOn: '2026-11-19', gap: 'Flere vakter i høst' }, context, plan).amount, 0, 'worse than the baseline is no gain, and asks for no use');
  });

  it('measures a plan from before values were numbers by asking for its baseline', () => {
    const legacy = benefit({ id: 'old', amount: 200, legacy: { baseline: '3 t/uke' } });
    assert.deepEqual(problems(() => checkBenefitDraft({ measured: '2', measuredOn: '2026-11-19', use: 'budget' }, context, legacy)), ['baseline:required', 'baselineOn:required']);
    const draft = checkBenefitDraft({ baseline: '3', baselineOn: '2026-06-01', measured: '1', measuredOn: '2026-11-19', use: 'budget' }, context, legacy);
    assert.deepEqual([draft.amount, draft.planId], [200, 'old']);
  });
});

describe('benefit totals', () => {
  const benefits = [
    benefit({ id: 'time-plan' }),
    benefit({ id: 'money-realized-approved', measure: 'money', stage: 'realized', period: 'oneOff', amount: 1000000, approval: 'approved', use: { kind: 'budget' } }),
    benefit({ id: 'time-realized-pending', stage: 'realized', approval: 'pending' }),
    benefit({ id: 'time-realized-rejected', stage: 'realized', approval: 'rejected' }),
    benefit({ id: 'time-approved-other-work', stage: 'realized', approval: 'approved', amount: 100, use: { kind: 'otherWork', text: 'Mer tid med brukerne' } }),
    benefit({ id: 'time-approved-old', stage: 'realized', approval: 'approved', amount: 50, use: { kind: 'unstated', text: 'Mer tid' } }),
    benefit({ id: 'quality', measure: 'quality', amount: 4000, period: 'oneOff', indicator: 'Fall' }),
    benefit({ id: 'last-year', registeredOn: '2025-12-31' }),
  ];

  it('keeps identified and realized apart, and counts only approved measurements as realized', () => {
    const totals = totalsFor(benefits, yearStart('2026-11-22'), '2026-11-22');
    assert.deepEqual(totals.identified, { hours: 10400, money: 0, other: 1 });
    assert.deepEqual(totals.realized, { hours: 150 * 52, money: 1000000, other: 0 });
    assert.equal(totals.pending, 1);
  });

  it('totals the realized gains by how the freed resources are used: budget, other work, and older registrations apart', () => {
    assert.deepEqual(realizedUse(benefits, '2026-01-01', '2026-12-31'), {
      budget: { hours: 0, money: 1000000 },
      otherWork: { hours: 100 * 52, money: 0 },
      unstated: { hours: 50 * 52, money: 0 },
    });
  });

  it('knows where quarters and years start, and the last four quarters', () => {
    assert.deepEqual(['2026-01-01', '2026-03-31', '2026-04-01', '2026-11-22'].map(quarterStart), ['2026-01-01', '2026-01-01', '2026-04-01', '2026-10-01']);
    assert.equal(yearStart('2026-11-22'), '2026-01-01');
    assert.deepEqual(recentQuarters('2026-02-10', 4).map((q) => `${q.year}Q${q.number} ${q.from}..${q.to}`), ['2025Q2 2025-04-01..2025-06-30', '2025Q3 2025-07-01..2025-09-30', '2025Q4 2025-10-01..2025-12-31', '2026Q1 2026-01-01..2026-02-10']);
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

  it('records what an approved measurement of a plan adds, against the measurements approved before it', () => {
    const earlier = benefit({ id: 'm1', stage: 'realized', planId: 'p', amount: 150, approval: 'approved', counted: 150 });
    const next = benefit({ id: 'm2', stage: 'realized', planId: 'p', amount: 250, approval: 'pending' });
    assert.equal(decide(next, 'approved', undefined, true, change, [earlier, next]).counted, 100);
    assert.equal(decide(next, 'rejected', 'Nei', true, change, [earlier, next]).counted, undefined, 'a rejected measurement adds nothing');
  });

  it('follows plans up at each interval after the idea is done, once each', () => {
    const identified = benefit();
    assert.deepEqual(followUpsDue(identified, '2026-01-31', '2026-04-29', [3, 12]), []);
    assert.deepEqual(followUpsDue(identified, '2026-01-31', '2026-04-30', [3, 12]), [3]);
    assert.deepEqual(followUpsDue({ ...identified, followUpsSent: [3] }, '2026-01-31', '2027-02-01', [3, 12]), [12]);
    assert.deepEqual(followUpsDue({ ...identified, stage: 'realized' }, '2026-01-31', '2027-02-01', [3, 12]), []);
    assert.equal(addMonths('2026-01-31', 1), '2026-02-28');
  });
});
