/** Length limits for user-entered text, in characters. Well under Azure Tables' 64 KiB per property. */
export const TEXT_LIMITS = {
  name: 100,
  title: 120,
  shortText: 500,
  longText: 2000,
} as const;

export type TextKind = keyof typeof TEXT_LIMITS;

/** Names and titles are one line; notes, reasons and descriptions may have several. */
const SINGLE_LINE: ReadonlySet<TextKind> = new Set<TextKind>(['name', 'title']);

// Every control character (C0, DEL, C1) except tab and newline; those two are handled by kind.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g;
/**
 * Line endings of every kind become "\n": CR LF, CR, and the Unicode line and paragraph separators
 * (U+2028, U+2029). Those two pass JSON.stringify unescaped, and Azurite's batch parser (3.35) then
 * fails the transaction and may stay broken until restarted: a pasted description stopped local
 * storage. Teams shows them as line breaks anyway.
 */
const LINE_ENDINGS = /\r\n?|[\u2028\u2029]/g;
/** Half of a UTF-16 surrogate pair without its other half (JSON can carry one as "\ud800"): not a character. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
/** A line break with the blanks around it, or a tab: one space in a single-line text. */
const LINE_BREAKS_AND_TABS = /[ \t]*[\n\u2028\u2029][ \t]*|\t/g;

/**
 * The one cleaning every text gets before it is checked or stored, wherever it comes from (a
 * card, a Teams profile, an import file): line endings unified (U+2028 and U+2029 too), control characters dropped, a
 * lone surrogate turned into U+FFFD (as any UTF-8 reader would show it), a single-line kind's
 * line breaks and tabs turned into spaces, and the ends trimmed.
 */
export function cleanText(raw: string, kind: TextKind): string {
  const text = raw.replace(LINE_ENDINGS, '\n').replace(CONTROL, '').replace(LONE_SURROGATE, '\ufffd');
  return (SINGLE_LINE.has(kind) ? text.replace(LINE_BREAKS_AND_TABS, ' ') : text).trim();
}

/**
 * A person's name as Teams or a roster gives it, fit to store and show: cleaned, and cut to the
 * name limit rather than refused (the person did not type it into Tavla).
 */
export function displayName(raw: string): string {
  const name = cleanText(raw, 'name');
  const characters = [...name];
  return characters.length > TEXT_LIMITS.name ? characters.slice(0, TEXT_LIMITS.name).join('').trim() : name;
}

export const lengthOf = (text: string): number => [...text].length;
