import { en } from './en';
import { PluralMessage } from './message';

export type MessageKey = keyof typeof en;

/** Plain keys may only ever hold text, plural keys plural forms: the compiler holds nb and da to it. */
export type Catalog = { readonly [K in MessageKey]: (typeof en)[K] extends string ? string : PluralMessage };

export type PluralKey = { [K in MessageKey]: (typeof en)[K] extends string ? never : K }[MessageKey];
export type TextKey = Exclude<MessageKey, PluralKey>;
