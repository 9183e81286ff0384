import { Locale } from '../domain/locale';
import { Catalog, MessageKey, PluralKey, TextKey } from './catalog';
import { da } from './da';
import { en } from './en';
import { nb } from './nb';

export type { MessageKey, PluralKey, TextKey } from './catalog';

const catalogs: Readonly<Record<Locale, Catalog>> = { nb, da, en };
const pluralRules = new Map<Locale, Intl.PluralRules>();

type Params = Readonly<Record<string, string | number>>;

function fill(template: string, params: Params): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** Text for `key` in `locale`, with {placeholders} filled in. */
export function t(locale: Locale, key: TextKey, params: Params = {}): string {
  return fill(catalogs[locale][key], params);
}

/** A plural message for `count`, chosen by the language's plural rules; {count} is filled in. */
export function plural(locale: Locale, key: PluralKey, count: number, params: Params = {}): string {
  let rules = pluralRules.get(locale);
  if (!rules) {
    rules = new Intl.PluralRules(locale);
    pluralRules.set(locale, rules);
  }
  const forms = catalogs[locale][key];
  const form = count === 0 && forms.zero ? forms.zero : rules.select(count) === 'one' ? forms.one : forms.other;
  return fill(form, { ...params, count });
}

/** Every plain message of a locale as a nested object ("setup.title" -> s.setup.title), for card templates. */
export function templateStrings(locale: Locale): Record<string, unknown> {
  const nested: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(catalogs[locale]) as [MessageKey, Catalog[MessageKey]][]) {
    if (typeof value !== 'string') continue;
    const path = key.split('.');
    let node = nested;
    for (const part of path.slice(0, -1)) {
      const child = node[part];
      node = (typeof child === 'object' && child !== null ? child : (node[part] = {})) as Record<string, unknown>;
    }
    node[path[path.length - 1]] = value;
  }
  return nested;
}
