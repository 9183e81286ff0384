import { LocalDate, cachedFormatter } from '../domain/dates';
import { Locale } from '../domain/locale';

/** The BCP 47 tag Intl formats each language with. */
export const LANGUAGE_TAGS: Readonly<Record<Locale, string>> = { nb: 'nb-NO', da: 'da-DK', en: 'en-GB' };
const TAGS = LANGUAGE_TAGS;

/** "22.11.2026" in Norwegian and Danish, "22 Nov 2026" in English. */
export function formatDate(locale: Locale, date: LocalDate): string {
  const [year, month, day] = date.split('-').map(Number);
  return cachedFormatter(TAGS[locale], { day: 'numeric', month: locale === 'en' ? 'short' : 'numeric', year: 'numeric', timeZone: 'UTC' }).format(new Date(Date.UTC(year, month - 1, day)));
}

/** The date of an instant as people in the organisation's time zone see it. */
export function formatDay(locale: Locale, instant: string, timeZone: string): string {
  return cachedFormatter(TAGS[locale], { day: 'numeric', month: locale === 'en' ? 'short' : 'numeric', year: 'numeric', timeZone }).format(new Date(instant));
}

/** "14:05" in the organisation's time zone. */
export function formatTime(locale: Locale, instant: string, timeZone: string): string {
  return cachedFormatter(TAGS[locale], { hour: '2-digit', minute: '2-digit', hour12: false, timeZone }).format(new Date(instant));
}

/** A number as the language writes it: "1 700,5" in nb, "1.700,5" in da, "1,700.5" in en. */
export function formatNumber(locale: Locale, value: number, maximumFractionDigits = 1): string {
  return new Intl.NumberFormat(TAGS[locale], { maximumFractionDigits }).format(value);
}

/** "mandag 2. mars 2026", "mandag den 2. marts 2026", "Monday, 2 March 2026": a meeting's day. */
export function formatLongDate(locale: Locale, date: LocalDate): string {
  const [year, month, day] = date.split('-').map(Number);
  return cachedFormatter(TAGS[locale], { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(Date.UTC(year, month - 1, day)));
}

/** "a, b and c" in the language ("a, b og c"). */
export function formatList(locale: Locale, items: readonly string[]): string {
  return new Intl.ListFormat(TAGS[locale], { style: 'long', type: 'conjunction' }).format(items);
}
