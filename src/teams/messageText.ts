/**
 * Teams gives a message's body as HTML. For prefilling an idea we want its words: tags become
 * line breaks or nothing, and the handful of entities Teams emits are decoded.
 */
const ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', '#39': "'" };

export function plainText(html: string): string {
  return html
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/(p|div|li|h[1-6])>/gi, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&(#\d+|#x[0-9a-f]+|\w+);/gi, (whole, name: string) => {
      if (name.startsWith('#x') || name.startsWith('#X')) return String.fromCodePoint(parseInt(name.slice(2), 16));
      if (name.startsWith('#') && name !== '#39') return String.fromCodePoint(Number(name.slice(1)));
      return ENTITIES[name.toLowerCase()] ?? whole;
    })
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** A title from the message's first line, cut at a word boundary to fit the idea title limit. */
export function titleFrom(text: string, limit: number): string {
  const firstLine = text.split('\n').find((line) => line.trim())?.trim() ?? '';
  if ([...firstLine].length <= limit) return firstLine;
  const cut = [...firstLine].slice(0, limit - 1).join('');
  const atWord = cut.replace(/\s+\S*$/, '');
  return `${atWord.length > limit / 2 ? atWord : cut}…`;
}
