import { DomainError } from '../domain/errors';

// Azure Tables: 64 KiB per string property (UTF-16, so 32 Ki characters) and 1 MiB per entity.
// Azurite does not enforce these, so they are checked here before every write.
const MAX_STRING_CHARS = 32 * 1024;
const MAX_ENTITY_BYTES = 1024 * 1024;
const MAX_PROPERTIES = 252;

export function assertEntityFits(entity: Record<string, unknown>): void {
  const names = Object.keys(entity);
  let bytes = 0;
  for (const name of names) {
    const value = entity[name];
    bytes += name.length * 2 + 8;
    if (typeof value === 'string') {
      if (value.length > MAX_STRING_CHARS) throw new DomainError('invalid', { reason: 'propertyTooLarge', property: name });
      bytes += value.length * 2;
    }
  }
  if (names.length > MAX_PROPERTIES || bytes > MAX_ENTITY_BYTES) throw new DomainError('invalid', { reason: 'entityTooLarge' });
}
