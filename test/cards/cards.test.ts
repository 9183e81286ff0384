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

  it('benefit, ledger and digest cards use only colours that read well on white (no yellow Warning, no light-green Good)', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const host = require('adaptivecards-designer/lib/hostConfigs/microsoft-teams-light.json') as { containerStyles: { default: { backgroundColor: string; foregroundColors: Record<string, { default: string }> } } };
    const luminance = (hex: string) => {
      const [r, g, b] = [0, 2, 4].map((i) => parseInt(hex.replace('#', '').slice(-6).slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
      return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    };
    const { backgroundColor, foregroundColors } = host.containerStyles.default;
    const contrast = (color: string) => {
      const [a, b] = [luminance(foregroundColors[color.toLowerCase()].default), luminance(backgroundColor)].sort((x, y) => y - x);
      return (a + 0.05) / (b + 0.05);
    };
    assert.ok(contrast('Warning') < 3 && contrast('Good') < 3, 'the reason: Warning and Good are faint on Teams white');
    for (const name of ['benefit', 'benefit-form', 'benefit-ledger', 'weekly-digest', 'approval-inbox'] as CardName[]) {
      for (const sample of CARD_SAMPLES[name] as readonly never[]) {
        const colors = JSON.stringify(renderCard(name, 'nb', sample)).match(/"color":"[A-Za-z]+"/g) ?? [];
        for (const color of new Set(colors.map((c) => c.slice(9, -1)))) assert.ok(contrast(color) >= 4.5, `${name}: ${color} has contrast ${contrast(color).toFixed(1)}:1`);
      }
    }
  });

  it('labels come from the locale catalog, not the template', () => {
    const sample = CARD_SAMPLES.setup[0];
    const titles = LOCALES.map((locale) => (renderCard('setup', locale, sample).body as { text?: string }[])[0].text);
    assert.deepEqual(titles, ['Sett opp Tavla i denne kanalen', 'Sæt Tavla op i denne kanal', 'Set up Tavla in this channel']);
  });
});
