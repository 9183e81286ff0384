import MiniSearch from 'minisearch';
import { IdeaStatus } from '../domain/ideas';
import { Locale } from '../domain/locale';
import { IdeaSearch, SearchText, SearchableIdea, SimilarHit } from '../ports/ideaSearch';
import { TermOf, termsFor } from './languageTerms';

/** Open work and done ideas are worth suggesting; parked and rejected ones are not. */
const SUGGESTED: ReadonlySet<IdeaStatus> = new Set<IdeaStatus>(['new', 'planned', 'inProgress', 'evaluating', 'done']);

/**
 * When another idea counts as similar. Scores from the search library rank, but their scale
 * depends on the corpus; the threshold is the share of the new idea's distinct words (stems)
 * found in the other idea, each word weighted by how rare it is among indexed ideas (inverse
 * document frequency: "nøkkel" weighs more than "tid"), and at least two words matched unless
 * the new idea has only one. An idea scoring less than half the best match is a weaker echo of
 * it and is left out. Tuned on test/search/similarityCorpus.ts (precision of the top 3
 * at least 0.8 in nb and da).
 */
export const SIMILARITY = { minCoverage: 0.25, minMatched: 2, minShareOfBest: 0.5 } as const;

/** The most words one search looks for. */
const MAX_QUERY_STEMS = 12;
/** A stem in more than this share of the indexed ideas is too common to search for... */
const COMMON_SHARE = 0.02;
/** ...once the index holds this many ideas. */
const COMMON_AFTER = 1000;
/** Index terms that start with this are words written backwards: a prefix match on them is a suffix match. */
const TAIL = '~';
/** Shorter stems match too much as prefixes or suffixes ("is" in "vaktlis"); they match whole only. */
const MIN_AFFIX = 4;
/** The shortest part a compound is split into ("vakt" + "bytt"). */
const MIN_PART = 3;
/** How much more a word of the new idea's title counts than a word of its other text. */
const TITLE_WEIGHT = 2;
/** What a match on a compound's part or a word's ending counts, against the whole word. */
const PART_WEIGHT = 0.5;
/** Norwegian and Danish join compound parts with these ("arbeid-s-liste", "barn-e-hage"). */
const LINKS = ['s', 'e'];

const reversed = (term: string) => [...term].reverse().join('');
const tokenize = MiniSearch.getDefault('tokenize') as (text: string) => string[];

/** What the index knows of an idea beside its words. */
interface Entry {
  readonly version: number;
  readonly status: IdeaStatus;
  /** A hash of the idea's words: a status change alone does not re-index them. */
  readonly words: number;
  readonly indexed: boolean;
}

interface Doc {
  readonly id: string;
  readonly unitId: string;
  readonly number: number;
  readonly title: string;
  readonly situation: string;
  readonly proposal: string;
}

const idOf = (idea: { unitId: string; number: number }) => `${idea.unitId}#${idea.number}`;

/**
 * The similar-ideas index: MiniSearch over title (boosted), situation and proposal, with words
 * stemmed and stop words dropped in the organisation's language. Compounds, common in Norwegian
 * and Danish, are met three ways: a query word's stem matches as a prefix ("vakt" finds
 * "vaktbytte"), as a suffix through a field of reversed stems ("bytte" finds "vaktbytte"), and
 * a long query word is split into two stems the index already knows ("vaktbytte" finds
 * "bytte av vakter").
 */
export class IdeaSearchIndex implements IdeaSearch {
  private readonly search: MiniSearch<Doc>;
  private readonly termOf: TermOf;
  /** Each idea as last put, so an older copy (from the start-up build) never overwrites a newer one. */
  private readonly entries = new Map<string, Entry>();
  /**
   * In how many indexed ideas each stem occurs, for weighting words by rarity and for splitting
   * compounds. Counted when an idea's words are indexed and never taken back: an idea that left
   * the index or changed its words makes its old stems look a little commoner, which only
   * softens their weight.
   */
  private readonly documentFrequency = new Map<string, number>();

  constructor(readonly locale: Locale) {
    this.termOf = termsFor(locale);
    this.search = new MiniSearch<Doc>({
      fields: ['title', 'situation', 'proposal', 'tails'],
      storeFields: ['unitId', 'number', 'title'],
      extractField: (doc, field) => (field === 'tails' ? `${doc.title} ${doc.situation} ${doc.proposal}` : String(doc[field as keyof Doc] ?? '')),
      processTerm: (word, field) => {
        const term = this.termOf(word);
        if (!term) return null;
        if (field !== 'tails') return term;
        return term.length >= MIN_AFFIX ? TAIL + reversed(term) : null;
      },
    });
  }

  get size(): number {
    return this.search.documentCount;
  }

  put(idea: SearchableIdea): void {
    const id = idOf(idea);
    const known = this.entries.get(id);
    if (known && known.version > idea.version) return;
    const text = `${idea.title} ${idea.situation ?? ''} ${idea.proposal ?? ''}`;
    const words = hashOf(text);
    const suggested = SUGGESTED.has(idea.status);
    const unchanged = known?.indexed && known.words === words;
    if (known?.indexed && (!suggested || !unchanged)) this.search.discard(id);
    if (suggested && !unchanged) {
      this.search.add({ id, unitId: idea.unitId, number: idea.number, title: idea.title, situation: idea.situation ?? '', proposal: idea.proposal ?? '' });
      for (const stem of this.stemsOf(text)) this.documentFrequency.set(stem, (this.documentFrequency.get(stem) ?? 0) + 1);
    }
    this.entries.set(id, { version: idea.version, status: idea.status, words, indexed: suggested });
  }

  similar(text: SearchText, limit: number, except?: { readonly unitId: string; readonly number: number }): SimilarHit[] {
    const stems = this.queryStems(text);
    if (!stems.length) return [];
    const stemOf = new Map<string, string>();
    for (const { stem, titled } of stems) for (const term of titled ? this.expand(stem) : [stem]) if (!stemOf.has(term)) stemOf.set(term, stem);
    // A word found only as a part of a compound, or at the end of one, says less than the word itself.
    const whole = new Set(stems.map(({ stem }) => stem));
    // Only the title's words are matched inside compounds: they name the problem, and each one
    // matched as a prefix or suffix walks every indexed word that begins or ends with it.
    const affixed = new Set([...stemOf.keys()].filter((term) => stems.some((s) => s.titled && stemOf.get(term) === s.stem) && term.replace(TAIL, '').length >= MIN_AFFIX));
    const results = this.search.search([...stemOf.keys()].join(' '), {
      tokenize: (query) => query.split(' '),
      processTerm: (term) => term,
      boost: { title: 2 },
      boostTerm: (term) => (whole.has(term) ? 1 : PART_WEIGHT),
      prefix: (term) => affixed.has(term),
      combineWith: 'OR',
      ...(except ? { filter: (result) => result.id !== idOf(except) } : {}),
    });
    const needed = Math.min(SIMILARITY.minMatched, stems.length);
    const weight = new Map(stems.map(({ stem, weight: w }) => [stem, w]));
    const total = stems.reduce((sum, { weight: w }) => sum + w, 0);
    const hits: SimilarHit[] = [];
    const floor = (results[0]?.score ?? 0) * SIMILARITY.minShareOfBest;
    for (const result of results) {
      if (result.score < floor) break;
      const matched = new Set(result.queryTerms.map((term) => stemOf.get(term) ?? ''));
      matched.delete('');
      const coverage = [...matched].reduce((sum, stem) => sum + weight.get(stem)!, 0) / total;
      const entry = this.entries.get(String(result.id));
      if (!entry || matched.size < needed || coverage < SIMILARITY.minCoverage) continue;
      hits.push({ unitId: String(result.unitId), number: Number(result.number), title: String(result.title), status: entry.status, score: result.score, coverage });
      if (hits.length >= limit) break;
    }
    return hits;
  }

  /**
   * A stem in so many ideas that it says nothing about the problem ("tid", "bruker" on a large
   * index): left out of the query like a stop word. Matching it would cost a walk through a good
   * part of the index for a word that weighs almost nothing. Only once the index is large enough
   * for frequencies to mean something.
   */
  private everywhere(stem: string): boolean {
    const count = this.search.documentCount;
    return count >= COMMON_AFTER && (this.documentFrequency.get(stem) ?? 0) > count * COMMON_SHARE;
  }

  /** Inverse document frequency: a stem in few ideas says more about a problem than one in many. */
  private rarity(stem: string): number {
    return Math.log(1 + this.search.documentCount / (1 + (this.documentFrequency.get(stem) ?? 0)));
  }

  /**
   * The words to search for, each with its weight: the distinct stems of the text less those too
   * common to say anything, weighted by rarity (title words double), and of those only the
   * MAX_QUERY_STEMS weightiest ("more like this": a long situation text does not make a query of
   * fifty words, each walking its part of the index).
   */
  private queryStems(text: SearchText): { stem: string; weight: number; titled: boolean }[] {
    const titled = new Set(this.stemsOf(text.title));
    return this.stemsOf(`${text.title} ${text.situation ?? ''} ${text.proposal ?? ''}`)
      .filter((stem) => !this.everywhere(stem))
      .map((stem) => ({ stem, titled: titled.has(stem), weight: this.rarity(stem) * (titled.has(stem) ? TITLE_WEIGHT : 1) }))
      .sort((a, b) => b.weight - a.weight)
      .slice(0, MAX_QUERY_STEMS);
  }

  /** The distinct stems of a text, in order. */
  private stemsOf(text: string): string[] {
    const stems = new Set<string>();
    for (const word of tokenize(text)) {
      const term = this.termOf(word);
      if (term) stems.add(term);
    }
    return [...stems];
  }

  /** A stem, its reversed form for suffix matches, and the two stems it is compounded of, if known. */
  private expand(stem: string): string[] {
    const terms = [stem];
    if (stem.length >= MIN_AFFIX) terms.push(TAIL + reversed(stem));
    terms.push(...this.partsOf(stem));
    return terms;
  }

  private partsOf(stem: string): string[] {
    for (let cut = stem.length - MIN_PART; cut >= MIN_PART; cut--) {
      const tail = stem.slice(cut);
      if (!this.documentFrequency.has(tail)) continue;
      const head = stem.slice(0, cut);
      if (this.documentFrequency.has(head)) return [head, tail];
      const linked = LINKS.find((link) => head.endsWith(link) && this.documentFrequency.has(head.slice(0, -1)));
      if (linked) return [head.slice(0, -1), tail];
    }
    return [];
  }
}

/** FNV-1a: enough to notice that an idea's words changed. */
function hashOf(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}
