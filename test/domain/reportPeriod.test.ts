import assert from 'node:assert/strict';
import { ValidationError } from '../../src/domain/errors';
import { MAX_CUSTOM_DAYS, checkReportPeriod, countedUntil, parsePeriod, previousPeriod, quarterOf, suggestedPeriods } from '../../src/domain/reportPeriod';

describe('report periods', () => {
  it('reads quarters, half-years, years and custom ranges, in any case', () => {
    assert.deepEqual(parsePeriod('2026Q3'), { kind: 'quarter', from: '2026-07-01', to: '2026-09-30', token: '2026Q3', year: 2026, index: 3 });
    assert.deepEqual(parsePeriod('2026q1'), { kind: 'quarter', from: '2026-01-01', to: '2026-03-31', token: '2026Q1', year: 2026, index: 1 });
    assert.deepEqual(parsePeriod('2024H1'), { kind: 'halfYear', from: '2024-01-01', to: '2024-06-30', token: '2024H1', year: 2024, index: 1 });
    assert.deepEqual(parsePeriod('2026h2'), { kind: 'halfYear', from: '2026-07-01', to: '2026-12-31', token: '2026H2', year: 2026, index: 2 });
    assert.deepEqual(parsePeriod('2026'), { kind: 'year', from: '2026-01-01', to: '2026-12-31', token: '2026', year: 2026 });
    assert.deepEqual(parsePeriod('2026-02-01..2026-02-28'), { kind: 'custom', from: '2026-02-01', to: '2026-02-28', token: '2026-02-01..2026-02-28', year: 2026 });
  });

  it('knows February in leap years', () => {
    assert.equal(parsePeriod('2028Q1')?.to, '2028-03-31');
    assert.equal(parsePeriod('2028-02-01..2028-02-29')?.to, '2028-02-29');
  });

  it('refuses what is no period: unknown shapes, impossible dates, reversed or overlong ranges', () => {
    for (const token of ['', '2026Q5', '2026H3', '26Q1', 'Q3', '1999', '2026-02-30..2026-03-01', '2026-03-01..2026-02-01', '2026-01-01 2026-02-01', 'unit:x']) {
      assert.equal(parsePeriod(token), undefined, token);
    }
    const longest = parsePeriod('2020-01-01..2023-01-03');
    assert.equal(longest, undefined, `more than ${MAX_CUSTOM_DAYS} days`);
  });

  it('steps back to the period before, across a year end', () => {
    assert.equal(previousPeriod(parsePeriod('2026Q1')!).token, '2025Q4');
    assert.equal(previousPeriod(parsePeriod('2026H1')!).token, '2025H2');
    assert.equal(previousPeriod(parsePeriod('2026')!).token, '2025');
    assert.equal(previousPeriod(parsePeriod('2026-03-01..2026-03-10')!).token, '2026-02-19..2026-02-28');
  });

  it('suggests this and the last quarter, half-year and year', () => {
    assert.deepEqual(suggestedPeriods('2026-07-02').map((p) => p.token), ['2026Q3', '2026Q2', '2026H2', '2026H1', '2026', '2025']);
    assert.equal(quarterOf('2026-12-31').token, '2026Q4');
  });

  it('counts a running period until today, a finished one until its end', () => {
    assert.equal(countedUntil(parsePeriod('2026Q3')!, '2026-08-15'), '2026-08-15');
    assert.equal(countedUntil(parsePeriod('2026Q2')!, '2026-08-15'), '2026-06-30');
  });

  it('refuses a period that has not started', () => {
    assert.throws(() => checkReportPeriod(parsePeriod('2026Q4'), '2026-09-30'), (error: unknown) => error instanceof ValidationError && error.issues[0].problem === 'outOfRange');
    assert.throws(() => checkReportPeriod(undefined, '2026-09-30'), ValidationError);
    assert.equal(checkReportPeriod(parsePeriod('2026Q4'), '2026-10-01').token, '2026Q4');
  });
});
