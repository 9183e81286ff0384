import assert from 'node:assert/strict';
import { addDays, daysBetween, isLocalDate, localDate } from '../../src/domain/dates';

const OSLO = 'Europe/Oslo';
const inOslo = (iso: string) => localDate(new Date(iso), OSLO);

describe('dates in the organisation’s time zone', () => {
  it('a new day starts at midnight in Oslo, not at midnight UTC', () => {
    // Winter (CET, UTC+1): Oslo midnight is 23:00 UTC the evening before.
    assert.equal(inOslo('2026-11-19T22:59:59Z'), '2026-11-19');
    assert.equal(inOslo('2026-11-19T23:00:00Z'), '2026-11-20');
    assert.equal(inOslo('2026-11-20T00:30:00Z'), '2026-11-20');
    // Summer (CEST, UTC+2): 22:00 UTC the evening before.
    assert.equal(inOslo('2026-06-14T21:59:59Z'), '2026-06-14');
    assert.equal(inOslo('2026-06-14T22:00:00Z'), '2026-06-15');
    // The same instant is another day in UTC.
    assert.equal(localDate(new Date('2026-11-19T23:30:00Z'), 'UTC'), '2026-11-19');
  });

  it('keeps the right day around the switch to summer time (29 March 2026)', () => {
    assert.equal(inOslo('2026-03-28T22:59:59Z'), '2026-03-28');
    assert.equal(inOslo('2026-03-28T23:00:00Z'), '2026-03-29'); // midnight CET
    assert.equal(inOslo('2026-03-29T00:59:59Z'), '2026-03-29'); // 01:59 CET, just before the switch
    assert.equal(inOslo('2026-03-29T01:00:00Z'), '2026-03-29'); // 03:00 CEST
    assert.equal(inOslo('2026-03-29T21:59:59Z'), '2026-03-29'); // 23:59 CEST
    assert.equal(inOslo('2026-03-29T22:00:00Z'), '2026-03-30'); // midnight CEST: an hour earlier in UTC than the night before
  });

  it('keeps the right day around the switch to winter time (25 October 2026)', () => {
    assert.equal(inOslo('2026-10-24T21:59:59Z'), '2026-10-24');
    assert.equal(inOslo('2026-10-24T22:00:00Z'), '2026-10-25'); // midnight CEST
    assert.equal(inOslo('2026-10-25T00:59:59Z'), '2026-10-25'); // 02:59 CEST
    assert.equal(inOslo('2026-10-25T01:00:00Z'), '2026-10-25'); // 02:00 CET again
    assert.equal(inOslo('2026-10-25T22:59:59Z'), '2026-10-25'); // 23:59 CET: the 25-hour day is still the 25th
    assert.equal(inOslo('2026-10-25T23:00:00Z'), '2026-10-26');
  });

  it('tells real calendar dates from malformed or impossible ones', () => {
    for (const good of ['2026-02-28', '2028-02-29', '2026-12-31', '2026-01-01']) assert.equal(isLocalDate(good), true, good);
    for (const bad of ['2026-02-29', '2026-02-30', '2026-04-31', '2026-13-01', '2026-00-10', '2026-01-00', '2026-1-5', '26-01-05', '2026-01-05T00:00', ' 2026-01-05', '05.01.2026', '']) {
      assert.equal(isLocalDate(bad), false, JSON.stringify(bad));
    }
  });

  it('adds days across month ends, leap days and year ends, in both directions', () => {
    assert.equal(addDays('2026-01-31', 1), '2026-02-01');
    assert.equal(addDays('2026-02-28', 1), '2026-03-01');
    assert.equal(addDays('2028-02-28', 1), '2028-02-29');
    assert.equal(addDays('2026-12-31', 1), '2027-01-01');
    assert.equal(addDays('2027-01-01', -1), '2026-12-31');
    assert.equal(addDays('2026-03-28', 2), '2026-03-30', 'a DST weekend is still two days');
    assert.equal(addDays('2026-11-20', 0), '2026-11-20');
    assert.equal(addDays('2026-11-20', 365), '2027-11-20');
  });

  it('counts whole days between dates, negative when going back, unaffected by DST', () => {
    assert.equal(daysBetween('2026-11-20', '2026-11-20'), 0);
    assert.equal(daysBetween('2026-11-20', '2026-11-27'), 7);
    assert.equal(daysBetween('2026-11-27', '2026-11-20'), -7);
    assert.equal(daysBetween('2026-03-28', '2026-03-30'), 2);
    assert.equal(daysBetween('2026-10-24', '2026-10-26'), 2);
    assert.equal(daysBetween('2026-12-31', '2027-01-01'), 1);
    assert.equal(daysBetween('2028-01-01', '2029-01-01'), 366);
  });
});
