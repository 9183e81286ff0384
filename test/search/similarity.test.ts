import assert from 'node:assert/strict';
import { Locale } from '../../src/domain/locale';
import { IdeaSearchIndex } from '../../src/search/ideaSearchIndex';
import { Corpus, DA_CORPUS, NB_CORPUS } from './similarityCorpus';

function indexOf(locale: Locale, corpus: Corpus): IdeaSearchIndex {
  const index = new IdeaSearchIndex(locale);
  corpus.stored.forEach((idea, i) => index.put({ unitId: 'u', number: i + 1, status: 'new', version: 1, ...idea }));
  return index;
}

/** Of all top-3 suggestions over the corpus's new ideas, the share in the new idea's own topic; and the share of topics found. */
function measure(locale: Locale, corpus: Corpus): { precision: number; recall: number; shown: number } {
  const index = indexOf(locale, corpus);
  let relevant = 0;
  let shown = 0;
  let found = 0;
  const withTopic = corpus.queries.filter((query) => query.group);
  for (const query of corpus.queries) {
    const groups = index.similar(query, 3).map((hit) => corpus.stored[hit.number - 1].group);
    shown += groups.length;
    const right = groups.filter((group) => query.group !== undefined && group === query.group).length;
    relevant += right;
    if (right) found++;
  }
  return { precision: relevant / shown, recall: found / withTopic.length, shown };
}

describe('similar ideas: precision on a fixed corpus', () => {
  for (const [locale, corpus] of [['nb', NB_CORPUS], ['da', DA_CORPUS]] as const) {
    it(`${locale}: at least 0.8 of the top-3 suggestions are on the same problem, and most problems are found`, () => {
      const { precision, recall, shown } = measure(locale, corpus);
      assert.ok(shown > 0);
      assert.ok(precision >= 0.8, `precision ${precision.toFixed(2)}`);
      assert.ok(recall >= 0.8, `recall ${recall.toFixed(2)}`);
    });
  }

  it('nb: "vaktbytte" and "bytte av vakter" find each other, both ways (compounds split and matched by prefix and suffix)', () => {
    const indexWith = (title: string) => {
      const index = new IdeaSearchIndex('nb');
      index.put({ unitId: 'a', number: 1, title, status: 'new', version: 1 });
      index.put({ unitId: 'c', number: 1, title: 'Nytt skilt ved inngangen', status: 'new', version: 1 });
      return index;
    };
    assert.deepEqual(indexWith('Bytte av vakter').similar({ title: 'Vaktbytte' }, 3).map((hit) => hit.unitId), ['a']);
    assert.deepEqual(indexWith('Vaktbytte').similar({ title: 'Bytte av vakter' }, 3).map((hit) => hit.unitId), ['a']);
    assert.deepEqual(indexWith('Vaktbytte').similar({ title: 'Julebord' }, 3), []);
  });

  it('da: "vagtbytte" finds "bytte af vagter" and stop words alone find nothing', () => {
    const index = new IdeaSearchIndex('da');
    index.put({ unitId: 'a', number: 1, title: 'Bytte af vagter', status: 'new', version: 1 });
    assert.deepEqual(index.similar({ title: 'Vagtbytte' }, 3).map((hit) => hit.unitId), ['a']);
    assert.deepEqual(index.similar({ title: 'af og i det' }, 3), []);
  });

  it('keeps only open and done ideas, and a status change follows without an older copy winning', () => {
    const index = new IdeaSearchIndex('nb');
    const idea = { unitId: 'a', number: 1, title: 'Nøkkelboks for hjemmetjenesten', status: 'new' as const, version: 1 };
    index.put(idea);
    index.put({ ...idea, status: 'done', version: 3 });
    assert.equal(index.similar({ title: 'Nøkkelboks hjemmetjenesten' }, 3)[0]?.status, 'done');
    index.put({ ...idea, status: 'inProgress', version: 2 });
    assert.equal(index.similar({ title: 'Nøkkelboks hjemmetjenesten' }, 3)[0]?.status, 'done', 'the older copy is ignored');
    index.put({ ...idea, status: 'rejected', version: 4 });
    assert.deepEqual(index.similar({ title: 'Nøkkelboks hjemmetjenesten' }, 3), []);
    assert.equal(index.size, 0);
  });

  it('en: words are matched as written, lower-cased', () => {
    const index = new IdeaSearchIndex('en');
    index.put({ unitId: 'a', number: 1, title: 'Key box at the front door', situation: 'Staff search for keys every morning', status: 'new', version: 1 });
    assert.equal(index.similar({ title: 'Key box', situation: 'searching for keys every morning' }, 3).length, 1);
  });
});
