import { randomUUID } from 'node:crypto';

/** Ids for changes and messages; a port so tests can make them predictable. */
export interface IdGenerator {
  next(): string;
}

export const randomIds: IdGenerator = { next: () => randomUUID() };
