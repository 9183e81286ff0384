import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { CARDS_DIR, renderCard } from '../../src/cards/renderer';
import { CardName } from '../../src/cards/models';
import { LOCALES } from '../../src/domain/locale';
import { cardIssues } from '../support/cardValidator';
import { CARD_SAMPLES } from './samples';

describe('card templates', () => {
  const templates = readdirSync(CARDS_DIR).filter((file) => file.endsWith('.json')).map((file) => file.replace(/\.json$/, ''));

  it('has sample data for every template in cards/ (no template goes untested)', () => {
    assert.deepEqual([...templates].sort(), Object.keys(CARD_SAMPLES).sort());
  });

  for (const name of Object.keys(CARD_SAMPLES) as CardName[]) {
    for (const locale of LOCALES) {
      it(`${name} in ${locale} parses in Microsoft's Adaptive Cards library with zero issues`, () => {
        const samples = CARD_SAMPLES[name] as readonly never[];
        for (const [index, sample] of samples.entries()) {
          const card = renderCard(name, locale, sample);
          assert.deepEqual(cardIssues(card), [], `${name} sample ${index} (${locale})`);
        }
      });
    }
  }

  it('the validator does catch a broken card (so a pass means something)', () => {
    const issues = cardIssues({ type: 'AdaptiveCard', version: '1.5', body: [{ type: 'TextBlock', text: '${missing}', color: 'Purple' }, { type: 'Input.Text', id: 'a' }, { type: 'Input.Text', id: 'a' }] });
    assert.ok(issues.some((issue) => issue.includes('color')), issues.join('; '));
    assert.ok(issues.some((issue) => issue.includes('Duplicate Id')), issues.join('; '));
    assert.ok(issues.some((issue) => issue.includes('unresolved')), issues.join('; '));
  });

  it('labels come from the locale catalog, not the template', () => {
    const sample = CARD_SAMPLES.setup[0];
    const titles = LOCALES.map((locale) => (renderCard('setup', locale, sample).body as { text?: string }[])[0].text);
    assert.deepEqual(titles, ['Sett opp Tavla i denne kanalen', 'Sæt Tavla op i denne kanal', 'Set up Tavla in this channel']);
  });
});
