import { TableClient, TableEntity, TableEntityResult } from '@azure/data-tables';
import { LocalDate } from '../domain/dates';
import { DomainError } from '../domain/errors';
import { PersonName } from '../domain/ideas';
import { MeetingLog } from '../domain/meetings';
import { MeetingRepository, MeetingSaveResult } from '../ports/meetingRepository';
import { assertEntityFits } from './entityLimits';
import { listRange, readEntity } from './etagUpdate';
import { checkedKey } from './keys';
import { guarded, isConflict, isPreconditionFailed } from './storageErrors';
import { TableStore } from './tableStore';
import { optionalText } from './entityValues';
import { DamageReport, readableRows, storedJson } from './storedJson';
import { meetingDecisionsSchema } from './storedSchemas';

/**
 * Board-meeting logs in the unit's partition of the Ideas table, `meeting|<date>`: dates sort as
 * text, so a date range is a row-key range, and a unit's history for the digest is one query.
 */
export const meetingRow = (date: LocalDate) => checkedKey('meeting', date);
/** Row keys for dates in [from, to]: "~" sorts after every digit, so `to` itself is included. */
const meetingRange = (from: LocalDate, to: LocalDate) => ({ from: `meeting|${from}`, to: `meeting|${to}~` });

type Entity = TableEntity<Record<string, unknown>>;
type Row = TableEntityResult<Record<string, unknown>>;


export function meetingToEntity(log: MeetingLog): Entity {
  return {
    partitionKey: log.unitId,
    rowKey: meetingRow(log.date),
    date: log.date,
    held: log.held,
    reason: log.reason ?? null,
    attendees: log.attendees ?? null,
    notes: log.notes ?? null,
    decisions: JSON.stringify(log.decisions),
    loggedById: log.loggedBy.id,
    loggedByName: log.loggedBy.name,
    loggedByTeamsId: log.loggedBy.teamsId ?? null,
    loggedAt: log.loggedAt,
    version: log.version,
    changeId: log.changeId,
  };
}

export function meetingFromEntity(row: Row): MeetingLog {
  const teamsId = optionalText(row.loggedByTeamsId);
  const loggedBy: PersonName = { id: String(row.loggedById ?? ''), name: String(row.loggedByName ?? ''), ...(teamsId ? { teamsId } : {}) };
  const reason = optionalText(row.reason);
  const notes = optionalText(row.notes);
  return {
    unitId: String(row.partitionKey),
    date: String(row.date ?? String(row.rowKey).slice('meeting|'.length)),
    held: row.held === true,
    ...(reason ? { reason } : {}),
    ...(typeof row.attendees === 'number' ? { attendees: row.attendees } : {}),
    ...(notes ? { notes } : {}),
    decisions: storedJson(row, 'decisions', meetingDecisionsSchema) ?? [],
    loggedBy,
    loggedAt: String(row.loggedAt ?? ''),
    version: Number(row.version ?? 1),
    changeId: String(row.changeId ?? ''),
  };
}

export class MeetingTable implements MeetingRepository {
  private readonly client: TableClient;

  constructor(
    store: TableStore,
    private readonly report?: DamageReport,
  ) {
    this.client = store.client('Ideas');
  }

  async get(unitId: string, date: LocalDate): Promise<MeetingLog | undefined> {
    const row = await readEntity(this.client, unitId, meetingRow(date));
    return row ? meetingFromEntity(row) : undefined;
  }

  /**
   * A first log is an insert (a second insert of the same date fails with 409); a change is an
   * update under the ETag of the version the form was made from (412 when someone got there first).
   * Either loser re-reads and gets the current log, unless it finds its own write (a retried request).
   */
  async save(log: MeetingLog, expectedVersion: number): Promise<MeetingSaveResult> {
    const entity = meetingToEntity(log);
    assertEntityFits(entity);
    const outcome = (current: MeetingLog): MeetingSaveResult => (current.changeId === log.changeId ? { saved: true, log: current } : { saved: false, current });
    if (expectedVersion === 0) {
      try {
        await guarded(() => this.client.createEntity(entity));
        return { saved: true, log };
      } catch (error) {
        if (!isConflict(error)) throw error;
        const current = await this.get(log.unitId, log.date);
        if (!current) throw new DomainError('conflict');
        return outcome(current);
      }
    }
    const row = await readEntity(this.client, log.unitId, meetingRow(log.date));
    if (!row) throw new DomainError('notFound');
    const stored = meetingFromEntity(row);
    if (stored.version !== expectedVersion) return outcome(stored);
    try {
      await guarded(() => this.client.updateEntity(entity, 'Replace', { etag: row.etag }));
      return { saved: true, log };
    } catch (error) {
      if (!isPreconditionFailed(error)) throw error;
      return outcome((await this.get(log.unitId, log.date)) ?? stored);
    }
  }

  async list(unitId: string, from: LocalDate, to: LocalDate): Promise<MeetingLog[]> {
    if (from > to) return [];
    const rows = await listRange(this.client, unitId, meetingRange(from, to));
    return readableRows(rows, meetingFromEntity, this.report);
  }
}
