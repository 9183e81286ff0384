import { Locale } from '../domain/locale';

/** What the bot remembers about a Teams user, including how to reach them 1:1 proactively. */
export interface PersonRecord {
  readonly aadObjectId: string;
  readonly name: string;
  readonly upn?: string;
  readonly locale?: Locale;
  /** The user's id in the bot's channel ("29:..."), needed to open a 1:1 chat. */
  readonly teamsUserId?: string;
  readonly tenantId?: string;
  readonly serviceUrl?: string;
  /** The 1:1 conversation, once the user has talked to the bot or one was created. */
  readonly personalConversationId?: string;
  /** The person said "stop reminders": no overdue reminders until they say "start reminders". */
  readonly remindersOff?: boolean;
}

export interface PeopleRepository {
  get(aadObjectId: string): Promise<PersonRecord | undefined>;
  findByUpn(upn: string): Promise<PersonRecord | undefined>;
  /** Merges the given fields into the stored record (creating it if needed), under its ETag. */
  save(record: PersonRecord): Promise<void>;
  /** Changes the stored record from its current state (an empty one when new); concurrent changes all survive. */
  update(aadObjectId: string, change: (current: PersonRecord) => PersonRecord): Promise<PersonRecord>;
  saveMany(records: readonly PersonRecord[]): Promise<void>;
}
