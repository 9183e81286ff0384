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

/*
 * Shapes of the identifiers that come back from cards. Anything else is not one of ours, so it is
 * answered as "not found" before any storage call is made.
 */

/** Units and service areas are identified by their slugs. */
export const isUnitId = isSlug;

/** Idea numbers are sequential per unit; storage keys pad them to seven digits. */
export const MAX_IDEA_NUMBER = 9_999_999;
export const isIdeaNumber = (value: number): boolean => Number.isSafeInteger(value) && value >= 1 && value <= MAX_IDEA_NUMBER;

/** Action items are numbered within their idea (which holds a few dozen at most). */
export const MAX_ACTION_ID = 999;
export const isActionId = (value: number): boolean => Number.isSafeInteger(value) && value >= 1 && value <= MAX_ACTION_ID;

/** A card's version of what it shows; 0 when it was made before there was one. */
export const MAX_VERSION = 1_000_000_000;
export const isVersion = (value: number): boolean => Number.isSafeInteger(value) && value >= 0 && value <= MAX_VERSION;

/** Benefit registrations get short lower-case base-36 ids (time, then a few random characters). */
export const BENEFIT_ID_PATTERN = /^[0-9a-z]{6,32}$/;

export const isEntraObjectId = (value: string): boolean => GUID_PATTERN.test(value);
