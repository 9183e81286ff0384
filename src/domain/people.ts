import { GUID_PATTERN } from './ids';

/**
 * How an administrator names a person: by Entra object id (stable) or by UPN / e-mail (readable).
 * Teams tells us a user's object id on every message; the UPN is learned once from the roster.
 */
export type PersonRef = { readonly kind: 'aad'; readonly id: string } | { readonly kind: 'upn'; readonly upn: string };

/** A Teams user as the bot sees them. */
export interface Person {
  readonly aadObjectId: string;
  readonly name: string;
  readonly upn?: string;
}

const UPN_PATTERN = /^[^\s@/\\#?]+@[^\s@/\\#?]+\.[^\s@/\\#?]+$/;

export function parsePersonRef(text: string): PersonRef | undefined {
  const value = text.trim();
  if (GUID_PATTERN.test(value)) return { kind: 'aad', id: value.toLowerCase() };
  if (UPN_PATTERN.test(value) && value.length <= 254) return { kind: 'upn', upn: value.toLowerCase() };
  return undefined;
}

export function formatPersonRef(ref: PersonRef): string {
  return ref.kind === 'aad' ? ref.id : ref.upn;
}

export function samePersonRef(a: PersonRef, b: PersonRef): boolean {
  return formatPersonRef(a) === formatPersonRef(b);
}

/**
 * Whether `ref` names `person`. A UPN matches when the person's UPN is known, or when an alias
 * learned earlier (UPN -> object id) points at them.
 */
export function refersTo(ref: PersonRef, person: Pick<Person, 'aadObjectId' | 'upn'>, aliases: ReadonlyMap<string, string>): boolean {
  const aad = person.aadObjectId.toLowerCase();
  if (ref.kind === 'aad') return ref.id === aad;
  return ref.upn === person.upn?.toLowerCase() || aliases.get(ref.upn) === aad;
}

export function uniqueRefs(refs: readonly PersonRef[]): PersonRef[] {
  const seen = new Set<string>();
  return refs.filter((ref) => {
    const key = formatPersonRef(ref);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * The Entra object ids behind references: given directly, or through a UPN alias learned when the
 * person met the bot. Someone named only by a UPN never seen yet cannot be reached.
 */
export function objectIdsOf(refs: readonly PersonRef[], aliases: ReadonlyMap<string, string>): string[] {
  const ids = refs.flatMap((ref) => {
    const id = ref.kind === 'aad' ? ref.id : aliases.get(ref.upn);
    return id ? [id] : [];
  });
  return [...new Set(ids)];
}
