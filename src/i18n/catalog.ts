import { en } from './en';
import { Message, PluralMessage } from './message';

export type MessageKey = keyof typeof en;

/** The catalog type for an English catalog or part: plain keys may only ever hold text, plural keys plural forms. */
export type CatalogOf<T extends Record<string, Message>> = { readonly [K in keyof T]: T[K] extends string ? string : PluralMessage };

/** Plain keys may only ever hold text, plural keys plural forms: the compiler holds nb and da to it. */
export type Catalog = CatalogOf<typeof en>;

export type PluralKey = { [K in MessageKey]: (typeof en)[K] extends string ? never : K }[MessageKey];
export type TextKey = Exclude<MessageKey, PluralKey>;
