import { StemmerDa, StopwordsDa } from '@nlpjs/lang-da';
import { StemmerNo, StopwordsNo } from '@nlpjs/lang-no';
import { Locale } from '../domain/locale';

/**
 * Turns a word into the term the index keeps, per language: nb and da through nlp.js's Snowball
 * stemmers and stop-word lists, en lower-cased only (MiniSearch's default). Undefined drops the word.
 */
export type TermOf = (word: string) => string | undefined;

interface Language {
  stemWord(word: string): string;
  isStopword(word: string): boolean;
}

function snowball(stemmer: { stemWord(word: string): string }, stopwords: { isStopword(word: string): boolean }): Language {
  return { stemWord: (word) => stemmer.stemWord(word), isStopword: (word) => stopwords.isStopword(word) };
}

const LANGUAGES: Readonly<Record<Exclude<Locale, 'en'>, () => Language>> = {
  nb: () => snowball(new StemmerNo(), new StopwordsNo()),
  da: () => snowball(new StemmerDa(), new StopwordsDa()),
};

/** Words of one letter carry no meaning of their own; digits are kept (e.g. "5S"). */
const MIN_WORD = 2;

export function termsFor(locale: Locale): TermOf {
  if (locale === 'en') return (word) => (word.length >= MIN_WORD ? word.toLowerCase() : undefined);
  const language = LANGUAGES[locale]();
  return (word) => {
    const lower = word.toLowerCase();
    if (lower.length < MIN_WORD || language.isStopword(lower)) return undefined;
    return language.stemWord(lower);
  };
}
