import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as ACData from 'adaptivecards-templating';
import { Locale } from '../domain/locale';
import { templateStrings } from '../i18n';
import { CardModels, CardName } from './models';

/** An Adaptive Card ready to send: the JSON object Teams renders. */
export interface AdaptiveCardJson {
  readonly type: 'AdaptiveCard';
  readonly version: string;
  readonly [key: string]: unknown;
}

export const CARDS_DIR = join(__dirname, '..', '..', 'cards');

const templates = new Map<CardName, ACData.Template>();
const strings = new Map<Locale, Record<string, unknown>>();

function template(name: CardName): ACData.Template {
  let loaded = templates.get(name);
  if (!loaded) {
    loaded = new ACData.Template(JSON.parse(readFileSync(join(CARDS_DIR, `${name}.json`), 'utf8')));
    templates.set(name, loaded);
  }
  return loaded;
}

function localeStrings(locale: Locale): Record<string, unknown> {
  let found = strings.get(locale);
  if (!found) {
    found = templateStrings(locale);
    strings.set(locale, found);
  }
  return found;
}

/**
 * Expands `cards/<name>.json` with its typed data. Labels come from the locale catalog as `s`
 * (e.g. `${s.setup.title}`); values computed per user (counts, names, errors) come in `data`.
 */
export function renderCard<K extends CardName>(name: K, locale: Locale, data: CardModels[K]): AdaptiveCardJson {
  const card: unknown = template(name).expand({ $root: { ...data, s: localeStrings(locale), locale } });
  if (typeof card !== 'object' || card === null || (card as { type?: unknown }).type !== 'AdaptiveCard') {
    throw new Error(`Card template ${name} did not expand to an AdaptiveCard`);
  }
  return card as AdaptiveCardJson;
}
