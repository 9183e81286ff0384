/**
 * Identifiers chosen by people (service-area and unit ids in an import file) are short slugs, so
 * they are safe as Azure Table keys and readable in URLs and exports.
 */
export const SLUG_PATTERN = /^[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?$/;

export function isSlug(value: string): boolean {
  return SLUG_PATTERN.test(value);
}

/** Turns a display name into a slug candidate ("Sykehjem Øst" -> "sykehjem-ost"). */
export function slugify(name: string): string {
  const folded = name
    .toLowerCase()
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'o')
    .replace(/å/g, 'a')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '');
  const slug = folded.replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 40).replace(/-+$/, '');
  return slug || 'unit';
}

/** Unit codes prefix human-facing item ids ("U7" in "U7-42"): 1-6 capitals and digits, starting with a letter. */
export const UNIT_CODE_PATTERN = /^[A-Z][A-Z0-9]{0,5}$/;

export const GUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
