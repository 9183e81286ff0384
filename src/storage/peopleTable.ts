import { TableClient, TableEntity, TableEntityResult, TransactionAction } from '@azure/data-tables';
import { isLocale } from '../domain/locale';
import { PeopleRepository, PersonRecord } from '../ports/peopleRepository';
import { assertEntityFits } from './entityLimits';
import { checkedKey } from './keys';
import { readEntity, updateWithEtag } from './etagUpdate';
import { guarded } from './storageErrors';
import { TableStore } from './tableStore';
import { optionalText } from './entityValues';

// People are keyed by Entra object id (a GUID, key-safe). A second row per person, keyed by UPN,
// answers "who is alice@kommune.no" with a point read instead of a scan.
const PERSON_PARTITION = 'person';
const UPN_PARTITION = 'upn';
const MAX_BATCH = 100;

type Row = TableEntityResult<Record<string, unknown>>;
type Entity = TableEntity<Record<string, unknown>>;


const personKey = (aadObjectId: string): string => checkedKey(aadObjectId.toLowerCase());

function toEntity(record: PersonRecord): Entity {
  const entity: Entity = { partitionKey: PERSON_PARTITION, rowKey: personKey(record.aadObjectId), name: record.name };
  // Only the fields we know are written: in a roster sync's Merge, so it never erases a chat reference.
  for (const field of ['upn', 'locale', 'teamsUserId', 'tenantId', 'serviceUrl', 'personalConversationId'] as const) {
    const value = record[field];
    if (value) entity[field] = field === 'upn' ? value.toLowerCase() : value;
  }
  if (record.remindersOff !== undefined) entity.remindersOff = record.remindersOff;
  return entity;
}

/** The given fields over the stored ones: what a record says nothing about stays as it is. */
function merged(current: PersonRecord, update: PersonRecord): PersonRecord {
  const given = Object.fromEntries(Object.entries(update).filter(([, value]) => value !== undefined && value !== ''));
  return { ...current, ...given };
}

const sameRecord = (a: PersonRecord, b: PersonRecord): boolean => JSON.stringify(toEntity(a)) === JSON.stringify(toEntity(b));

function fromEntity(row: Row): PersonRecord {
  const locale = isLocale(row.locale) ? row.locale : undefined;
  return {
    aadObjectId: row.rowKey ?? '',
    name: optionalText(row.name) ?? '',
    ...(optionalText(row.upn) ? { upn: optionalText(row.upn) } : {}),
    ...(locale ? { locale } : {}),
    ...(optionalText(row.teamsUserId) ? { teamsUserId: optionalText(row.teamsUserId) } : {}),
    ...(optionalText(row.tenantId) ? { tenantId: optionalText(row.tenantId) } : {}),
    ...(optionalText(row.serviceUrl) ? { serviceUrl: optionalText(row.serviceUrl) } : {}),
    ...(optionalText(row.personalConversationId) ? { personalConversationId: optionalText(row.personalConversationId) } : {}),
    ...(row.remindersOff === true ? { remindersOff: true } : {}),
  };
}

const upnEntity = (record: PersonRecord): Entity | undefined =>
  record.upn ? { partitionKey: UPN_PARTITION, rowKey: checkedKey(record.upn.toLowerCase()), aadObjectId: record.aadObjectId.toLowerCase() } : undefined;

export class PeopleTable implements PeopleRepository {
  private readonly client: TableClient;

  constructor(store: TableStore) {
    this.client = store.client('People');
  }

  async get(aadObjectId: string): Promise<PersonRecord | undefined> {
    const row = await readEntity(this.client, PERSON_PARTITION, personKey(aadObjectId));
    return row ? fromEntity(row) : undefined;
  }

  async findByUpn(upn: string): Promise<PersonRecord | undefined> {
    const index = await readEntity(this.client, UPN_PARTITION, checkedKey(upn.toLowerCase()));
    return typeof index?.aadObjectId === 'string' ? this.get(index.aadObjectId) : undefined;
  }

  async save(record: PersonRecord): Promise<void> {
    const saved = await this.update(record.aadObjectId, (current) => merged(current, record));
    const index = upnEntity(saved);
    if (index && record.upn) await guarded(() => this.client.upsertEntity(index, 'Replace'));
  }

  /**
   * Read-modify-write under the row's ETag: two people-changes at once (a "stop reminders" and a
   * language change, say) both survive. Someone not stored yet starts empty and is inserted.
   */
  update(aadObjectId: string, change: (current: PersonRecord) => PersonRecord): Promise<PersonRecord> {
    return updateWithEtag(this.client, {
      partitionKey: PERSON_PARTITION,
      rowKey: personKey(aadObjectId),
      fromEntity,
      toEntity,
      change: (current) => {
        const next = { ...change(current), aadObjectId: current.aadObjectId };
        return sameRecord(next, current) ? current : next;
      },
      missing: () => ({ aadObjectId: aadObjectId.toLowerCase(), name: '' }),
    });
  }

  async saveMany(records: readonly PersonRecord[]): Promise<void> {
    const people = records.map(toEntity);
    people.forEach(assertEntityFits);
    const indexes = records.flatMap((record) => upnEntity(record) ?? []);
    for (const entities of [people, indexes]) {
      for (let start = 0; start < entities.length; start += MAX_BATCH) {
        const batch = entities.slice(start, start + MAX_BATCH).map((entity): TransactionAction => ['upsert', entity, 'Merge']);
        await guarded(() => this.client.submitTransaction(batch));
      }
    }
  }
}
