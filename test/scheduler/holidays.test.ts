import assert from 'node:assert/strict';
import { cachedHolidayChecks, publicHolidays } from '../../src/scheduler/holidays';

/**
 * What the date-holidays library (3.37.0) says about Norway and Denmark. Only days it types
 * "public" count; these tests pin down what that means, so a library upgrade that changes it fails.
 */
describe('public holidays (date-holidays)', () => {
  const norway = publicHolidays('NO');
  const denmark = publicHolidays('DK');

  it('Norway: Constitution Day, Easter Monday 2027, Christmas Day, Ascension, Whit Monday', () => {
    for (const date of ['2026-05-17', '2027-05-17', '2027-03-29', '2026-12-25', '2026-12-26', '2026-05-14', '2026-05-25', '2026-04-02', '2026-04-03', '2026-05-01', '2027-01-01']) {
      assert.equal(norway(date), true, date);
    }
  });

  it('Norway: Christmas Eve and New Year\'s Eve are not public holidays (the library types them "bank")', () => {
    for (const date of ['2026-12-24', '2026-12-31', '2026-05-08', '2026-06-23', '2026-03-02']) assert.equal(norway(date), false, date);
  });

  it('Denmark: Ascension, Whit Monday, Easter, Christmas Day are public holidays', () => {
    for (const date of ['2026-05-14', '2026-05-25', '2027-05-06', '2027-05-17', '2027-03-29', '2026-04-02', '2026-12-25', '2026-12-26']) {
      assert.equal(denmark(date), true, date);
    }
  });

  it('Denmark: Constitution Day (5 June), 1 May and Christmas Eve are not public holidays (typed "observance")', () => {
    for (const date of ['2026-06-05', '2027-06-05', '2026-05-01', '2026-12-24']) assert.equal(denmark(date), false, date);
  });

  it('Denmark: Store Bededag is a holiday up to 2023 and abolished from 2024', () => {
    // The fourth Friday after Easter: 5 May 2023, 26 April 2024, 1 May 2026.
    assert.equal(denmark('2023-05-05'), true);
    assert.equal(denmark('2024-04-26'), false);
    assert.equal(denmark('2026-05-01'), false);
  });

  it('keeps one check per country', () => {
    const checks = cachedHolidayChecks();
    assert.equal(checks('NO'), checks('NO'));
    assert.notEqual(checks('NO'), checks('DK'));
    assert.equal(checks('DK')('2026-05-14'), true);
  });
});
