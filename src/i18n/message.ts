/** A catalog entry: plain text with {placeholders}, or plural forms chosen by Intl.PluralRules. */
export interface PluralMessage {
  readonly one: string;
  readonly other: string;
  readonly zero?: string;
}

export type Message = string | PluralMessage;
