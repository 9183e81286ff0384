import { IdeaStatus } from '../../../src/domain/ideas';
import { Locale, localeFromTag } from '../../../src/domain/locale';
import { PluralKey, TextKey, plural, t } from '../../../src/i18n';
import { formatDate, formatDay, formatNumber, formatTime } from '../../../src/i18n/format';

/**
 * The page speaks the bot's language from the bot's own catalogs (src/i18n, bundled): Teams'
 * locale inside Teams, ?locale= outside it, else the browser's, else the organisation's.
 */
let current: Locale = 'nb';
let timeZone = 'Europe/Oslo';

export function chooseLocale(...tags: readonly (string | null | undefined)[]): Locale {
  for (const tag of tags) {
    if (!tag) continue;
    const locale = localeFromTag(tag, 'en');
    // localeFromTag falls back for languages Tavla does not speak; try the next source then.
    if (locale !== 'en' || tag.toLowerCase().startsWith('en')) return locale;
  }
  return 'nb';
}

export function setLocale(locale: Locale): void {
  current = locale;
  document.documentElement.lang = locale;
}

export const locale = (): Locale => current;

/** Dates and times are shown in the organisation's time zone, as on the cards. */
export function setTimeZone(zone: string): void {
  timeZone = zone;
}

export const tr = (key: TextKey, params: Readonly<Record<string, string | number>> = {}): string => t(current, key, params);
export const pl = (key: PluralKey, count: number, params: Readonly<Record<string, string | number>> = {}): string => plural(current, key, count, params);
export const statusName = (status: IdeaStatus): string => t(current, `status.${status}`);
export const date = (value: string): string => formatDate(current, value);
export const day = (instant: string): string => formatDay(current, instant, timeZone);
export const time = (instant: string): string => formatTime(current, instant, timeZone);
export const number = (value: number, digits = 1): string => formatNumber(current, value, digits);
