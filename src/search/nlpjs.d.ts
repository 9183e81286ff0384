/* The parts of nlp.js's Norwegian and Danish language packages Tavla uses: Snowball stemmers and stop-word lists. */
declare module '@nlpjs/lang-no' {
  export class StemmerNo {
    stemWord(word: string): string;
  }
  export class StopwordsNo {
    isStopword(word: string): boolean;
  }
}

declare module '@nlpjs/lang-da' {
  export class StemmerDa {
    stemWord(word: string): string;
  }
  export class StopwordsDa {
    isStopword(word: string): boolean;
  }
}
