/** The languages Tavla speaks: Norwegian bokmål, Danish and English. */
export const LOCALES = ['nb', 'da', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/**
 * Maps a Teams client locale (BCP 47, e.g. "nb-NO", "da-DK", "en-GB", "nn-NO") to a supported language.
 * Nynorsk and the generic "no" read bokmål far better than English, so they map to nb.
 */
export function localeFromTag(tag: string | undefined, fallback: Locale): Locale {
  const language = (tag ?? '').toLowerCase().split(/[-_]/)[0];
  switch (language) {
    case 'nb':
    case 'nn':
    case 'no':
      return 'nb';
    case 'da':
      return 'da';
    case 'en':
      return 'en';
    default:
      return fallback;
  }
}
