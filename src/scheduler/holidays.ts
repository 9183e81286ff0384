import Holidays from 'date-holidays';
import { LocalDate } from '../domain/dates';
import { Country } from '../domain/organisation';
import { HolidayCheck } from '../domain/schedule';

/** A holiday check per country, e.g. for the organisation's country when a job runs. */
export type HolidayCheckFactory = (country: Country) => HolidayCheck;

/**
 * Public holidays (type "public" in the date-holidays library) of Norway or Denmark. Days the
 * library types otherwise are working days for board meetings: in Norway Christmas Eve and New
 * Year's Eve ("bank"), in Denmark Constitution Day 5 June, 1 May and Christmas Eve ("observance").
 * Each year's dates are worked out once and kept.
 */
export function publicHolidays(country: Country): HolidayCheck {
  const library = new Holidays(country, { types: ['public'] });
  const years = new Map<number, ReadonlySet<LocalDate>>();
  return (date) => {
    const year = Number(date.slice(0, 4));
    let dates = years.get(year);
    if (!dates) {
      // `date` is the local start, "2026-05-17 00:00:00"; Norwegian and Danish holidays are whole single days.
      dates = new Set(library.getHolidays(year).filter((holiday) => holiday.type === 'public').map((holiday) => holiday.date.slice(0, 10)));
      years.set(year, dates);
    }
    return dates.has(date);
  };
}

/** One cached check per country for the life of the process. */
export function cachedHolidayChecks(): HolidayCheckFactory {
  const checks = new Map<Country, HolidayCheck>();
  return (country) => {
    let check = checks.get(country);
    if (!check) {
      check = publicHolidays(country);
      checks.set(country, check);
    }
    return check;
  };
}
