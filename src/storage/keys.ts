/**
 * Key rules of Azure Table Storage: no / \ # ?, no control characters, at most 1 KiB.
 * Keys built from our own slugs are checked; keys from outside (Teams ids, state keys) are encoded.
 */
// eslint-disable-next-line no-control-regex
const FORBIDDEN_IN_KEY = /[/\\#?\u0000-\u001F\u007F-\u009F]/;
const MAX_KEY_LENGTH = 512; // characters; UTF-16 makes 512 characters 1 KiB

export function checkedKey(...parts: string[]): string {
  const key = parts.join('|');
  if (!key || key.length > MAX_KEY_LENGTH || FORBIDDEN_IN_KEY.test(key)) {
    throw new Error(`Invalid table key: ${JSON.stringify(key.slice(0, 80))}`);
  }
  return key;
}

/** Encodes an id we do not control (a Teams conversation id, say) into a safe, reversible key. */
export function encodedKey(externalId: string): string {
  return checkedKey(Buffer.from(externalId, 'utf8').toString('base64url'));
}

export function decodedKey(key: string): string {
  return Buffer.from(key, 'base64url').toString('utf8');
}

/** Row key that sorts newest first: Azure Tables lists rows in ascending key order. */
export function newestFirstKey(at: Date): string {
  return String(8_640_000_000_000_000 - at.getTime()).padStart(16, '0');
}
