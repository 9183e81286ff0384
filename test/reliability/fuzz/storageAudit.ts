import { TableEntityResult } from '@azure/data-tables';
import { isLocalDate } from '../../../src/domain/dates';
import { BENEFIT_MEASURES } from '../../../src/domain/benefitMeasure';
import { BENEFIT_PERIODS, BENEFIT_STAGES } from '../../../src/domain/benefits';
import { GUID_PATTERN } from '../../../src/domain/ids';
import { IDEA_STATUSES, IDEA_TYPES } from '../../../src/domain/ideas';
import { TEXT_LIMITS } from '../../../src/domain/text';
import { TABLE_NAMES, TableName, TableStore } from '../../../src/storage/tableStore';

type Row = TableEntityResult<Record<string, unknown>>;

export interface AuditResult {
  readonly rows: Readonly<Record<TableName, number>>;
  readonly problems: readonly string[];
}

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
// eslint-disable-next-line no-control-regex
const CONTROL_OR_NEWLINE = /[\u0000-\u001F\u007F-\u009F]/;
// eslint-disable-next-line no-control-regex
const FORBIDDEN_IN_KEY = /[/\\#?\u0000-\u001F\u007F-\u009F]/;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const DANGEROUS_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
const MAX_STRING_CHARS = 32 * 1024;
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;
const UNIT_ID = /^[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?$/;

/** The latest date a person can plausibly mean: about five years from now. */
const latestSaneDate = (now: Date) => `${now.getUTCFullYear() + 5}-12-31`;
const EARLIEST_SANE_DATE = '2000-01-01';

const characters = (text: string) => [...text].length;

/**
 * Reads every row the bot wrote and reports any that a person or a later version of Tavla would
 * trip over: bad keys, control characters or broken Unicode in names and titles, values outside
 * their sets, dates no one can mean, strings too long for Azure Tables, prototype keys.
 */
export async function auditStorage(tables: TableStore, now: Date = new Date()): Promise<AuditResult> {
  const problems: string[] = [];
  const rows = {} as Record<TableName, number>;
  const all = {} as Record<TableName, Row[]>;
  for (const table of TABLE_NAMES) {
    all[table] = [];
    for await (const row of tables.client(table).listEntities<Record<string, unknown>>()) all[table].push(row);
    rows[table] = all[table].length;
  }
  const latest = latestSaneDate(now);
  const saneDate = (value: unknown) => typeof value === 'string' && isLocalDate(value) && value >= EARLIEST_SANE_DATE && value <= latest;
  const where = (table: string, row: Row) => `${table} ${JSON.stringify(row.partitionKey)}/${JSON.stringify(String(row.rowKey).slice(0, 60))}`;

  // Every row: keys, property names, strings.
  for (const table of TABLE_NAMES) {
    for (const row of all[table]) {
      for (const key of [row.partitionKey, row.rowKey]) {
        if (typeof key !== 'string' || !key || key.length > 512 || FORBIDDEN_IN_KEY.test(key)) problems.push(`${where(table, row)}: invalid key`);
      }
      for (const [name, value] of Object.entries(row)) {
        if (DANGEROUS_KEYS.has(name)) problems.push(`${where(table, row)}: property ${name}`);
        if (typeof value !== 'string') continue;
        if (value.length > MAX_STRING_CHARS) problems.push(`${where(table, row)}: ${name} has ${value.length} characters`);
        if (LONE_SURROGATE.test(value)) problems.push(`${where(table, row)}: ${name} has a lone surrogate`);
        if (/[\u2028\u2029]/.test(value)) problems.push(`${where(table, row)}: ${name} has a raw line or paragraph separator (breaks Azurite's batches)`);
        if (CONTROL.test(value)) problems.push(`${where(table, row)}: ${name} has a control character: ${JSON.stringify(value.slice(0, 60))}`);
        if (/^[[{]/.test(value)) checkJson(value, (problem) => problems.push(`${where(table, row)}: ${name} ${problem}`));
      }
    }
  }

  // People: one row per person keyed by Entra object id, one per UPN.
  for (const row of all.People) {
    const at = where('People', row);
    if (row.partitionKey === 'person') {
      if (!GUID_PATTERN.test(String(row.rowKey)) || String(row.rowKey) !== String(row.rowKey).toLowerCase()) problems.push(`${at}: row key is not a lower-case GUID`);
      if (typeof row.name !== 'string' || CONTROL_OR_NEWLINE.test(row.name) || characters(row.name) > 256) problems.push(`${at}: name ${JSON.stringify(String(row.name).slice(0, 40))}`);
      if (row.locale !== undefined && !['nb', 'da', 'en'].includes(String(row.locale))) problems.push(`${at}: locale ${JSON.stringify(row.locale)}`);
      if (row.tenantId !== undefined && !GUID_PATTERN.test(String(row.tenantId))) problems.push(`${at}: tenantId ${JSON.stringify(row.tenantId)}`);
      if (row.serviceUrl !== undefined && !/^https?:\/\/[^\s]+$/.test(String(row.serviceUrl))) problems.push(`${at}: serviceUrl ${JSON.stringify(String(row.serviceUrl).slice(0, 60))}`);
    } else if (row.partitionKey === 'upn') {
      if (!GUID_PATTERN.test(String(row.aadObjectId))) problems.push(`${at}: aadObjectId is not a GUID`);
    } else {
      problems.push(`${at}: unknown partition`);
    }
  }

  // Organisation: one partition; units and areas by slug, names on one line.
  const unitIds = new Set<string>();
  for (const row of all.Organisation) {
    const at = where('Organisation', row);
    const key = String(row.rowKey);
    if (row.partitionKey !== 'org') problems.push(`${at}: unknown partition`);
    if (key.startsWith('unit|') || key.startsWith('area|')) {
      const id = key.slice(5);
      if (!UNIT_ID.test(id)) problems.push(`${at}: id is not a slug`);
      if (key.startsWith('unit|')) unitIds.add(id);
      if (typeof row.name !== 'string' || !row.name.trim() || CONTROL_OR_NEWLINE.test(row.name) || characters(row.name) > TEXT_LIMITS.name) problems.push(`${at}: name ${JSON.stringify(String(row.name).slice(0, 40))}`);
    }
    if (key.startsWith('unit|') && typeof row.schedule === 'string') {
      const schedule = JSON.parse(row.schedule) as { weekdays?: unknown; time?: unknown; pauses?: { from?: unknown; to?: unknown }[] };
      if (!Array.isArray(schedule.weekdays) || !schedule.weekdays.every((d) => Number.isInteger(d) && Number(d) >= 1 && Number(d) <= 7)) problems.push(`${at}: schedule weekdays`);
      if (typeof schedule.time !== 'string' || !/^([01]\d|2[0-3]):[0-5]\d$/.test(schedule.time)) problems.push(`${at}: schedule time ${JSON.stringify(schedule.time)}`);
      // A pause may start long ago or run "until further notice" (a far end date is how the card says
      // that); it must still be real dates, in order.
      const date = (value: unknown) => typeof value === 'string' && isLocalDate(value);
      for (const pause of schedule.pauses ?? []) if (!date(pause.from) || !date(pause.to) || String(pause.from) > String(pause.to)) problems.push(`${at}: schedule pause ${JSON.stringify(pause)}`);
    }
  }

  // Ideas table: each unit's partition holds its ideas, history, comments, benefits, meetings.
  for (const row of all.Ideas) {
    const at = where('Ideas', row);
    const key = String(row.rowKey);
    if (!unitIds.has(String(row.partitionKey))) problems.push(`${at}: partition is not a unit`);
    const number = String(row.number).padStart(7, '0');
    if (key === 'counter') {
      if (!Number.isInteger(row.last) || Number(row.last) < 1) problems.push(`${at}: counter ${JSON.stringify(row.last)}`);
    } else if (key.startsWith('sub|')) {
      // A submission's index row: its date and number in the key.
      if (key !== `sub|${String(row.createdAt).slice(0, 10)}|${number}` || !ISO_INSTANT.test(String(row.createdAt))) problems.push(`${at}: submission row does not match its idea`);
    } else if (key.startsWith('idea|') || key.startsWith('live|') || key.startsWith('closed|')) {
      // The idea, and its index copies (live work; closed on a date).
      const expected = key.startsWith('closed|') ? new RegExp(`^closed\\|\\d{4}-\\d{2}-\\d{2}\\|${number}$`) : new RegExp(`^(idea|live)\\|${number}$`);
      if (!expected.test(key)) problems.push(`${at}: number ${JSON.stringify(row.number)} does not match the key`);
      if (typeof row.title !== 'string' || !row.title.trim() || CONTROL_OR_NEWLINE.test(row.title) || characters(row.title) > TEXT_LIMITS.title) problems.push(`${at}: title ${JSON.stringify(String(row.title).slice(0, 40))}`);
      if (!(IDEA_TYPES as readonly unknown[]).includes(row.type)) problems.push(`${at}: type ${JSON.stringify(row.type)}`);
      if (!(IDEA_STATUSES as readonly unknown[]).includes(row.status)) problems.push(`${at}: status ${JSON.stringify(row.status)}`);
      for (const field of ['situation', 'proposal']) if (typeof row[field] === 'string' && characters(String(row[field])) > TEXT_LIMITS.longText) problems.push(`${at}: ${field} too long`);
      if (row.dueDate !== null && row.dueDate !== undefined && !saneDate(row.dueDate)) problems.push(`${at}: due date ${JSON.stringify(row.dueDate)}`);
      for (const field of ['createdAt', 'updatedAt', 'statusChangedAt']) if (!ISO_INSTANT.test(String(row[field]))) problems.push(`${at}: ${field} ${JSON.stringify(row[field])}`);
      const actions = JSON.parse(String(row.actions ?? '[]')) as { id?: unknown; text?: unknown; dueDate?: unknown }[];
      for (const action of actions) {
        if (!Number.isInteger(action.id)) problems.push(`${at}: action id ${JSON.stringify(action.id)}`);
        if (typeof action.text !== 'string' || !action.text.trim() || CONTROL_OR_NEWLINE.test(action.text)) problems.push(`${at}: action text ${JSON.stringify(action.text)}`);
        if (action.dueDate !== undefined && action.dueDate !== null && !saneDate(action.dueDate)) problems.push(`${at}: action due date ${JSON.stringify(action.dueDate)}`);
      }
      if (!Number.isInteger(row.version) || Number(row.version) < 1) problems.push(`${at}: version ${JSON.stringify(row.version)}`);
    } else if (key.startsWith('benefit|') || key.startsWith('blive|') || key.startsWith('bdate|')) {
      // A plan or a measurement (src/storage/benefitEntities.ts, shape 2).
      if (!(BENEFIT_MEASURES as readonly unknown[]).includes(row.measure)) problems.push(`${at}: measure ${JSON.stringify(row.measure)}`);
      if (!(BENEFIT_STAGES as readonly unknown[]).includes(row.stage)) problems.push(`${at}: stage ${JSON.stringify(row.stage)}`);
      if (row.period !== null && row.period !== undefined && !(BENEFIT_PERIODS as readonly unknown[]).includes(row.period)) problems.push(`${at}: period ${JSON.stringify(row.period)}`);
      if (!saneDate(row.registeredOn)) problems.push(`${at}: registeredOn ${JSON.stringify(row.registeredOn)}`);
      for (const column of ['baselineOn', 'targetBy', 'measuredOn']) {
        if (row[column] !== null && row[column] !== undefined && !saneDate(row[column])) problems.push(`${at}: ${column} ${JSON.stringify(row[column])}`);
      }
      for (const column of ['amount', 'counted', 'baselineValue', 'targetValue', 'measuredValue']) {
        const value = row[column] === null || row[column] === undefined ? undefined : Number(row[column]);
        if (value !== undefined && !Number.isSafeInteger(value)) problems.push(`${at}: ${column} ${JSON.stringify(row[column])}`);
      }
    } else if (key.startsWith('meeting|')) {
      if (!saneDate(row.date) || key !== `meeting|${String(row.date)}`) problems.push(`${at}: date ${JSON.stringify(row.date)}`);
      if (row.attendees !== null && row.attendees !== undefined && (!Number.isInteger(row.attendees) || Number(row.attendees) < 0 || Number(row.attendees) > 10_000)) problems.push(`${at}: attendees ${JSON.stringify(row.attendees)}`);
    } else if (key.startsWith('revision|')) {
      if (!/^revision\|\d{4}-(0[1-9]|1[0-2])$/.test(key)) problems.push(`${at}: revision round`);
    } else if (key.startsWith('fishbone|')) {
      if (!/^fishbone\|\d{4}-\d{2}-\d{2}-[A-Za-z0-9]{1,12}$/.test(key)) problems.push(`${at}: fishbone id`);
    } else if (/^(where|stake|tried|spread)\|/.test(key)) {
      // Learning between units: a question asked, a stakeholder unit, an offer, an adoption, each naming a unit and an idea.
      const unitIds = [row.stakeholderUnitId, row.fromUnitId, row.unitId].filter((id) => id !== undefined && id !== null);
      if (!/^(where\|\d{7}|stake\|\d{7}\|[a-z0-9-]+|tried\|[a-z0-9-]+\|\d{7}|spread\|\d{7}\|[a-z0-9-]+)$/.test(key)) problems.push(`${at}: learning row key`);
      if (unitIds.some((id) => typeof id !== 'string' || !/^[a-z0-9-]+$/.test(id))) problems.push(`${at}: unit id ${JSON.stringify(unitIds)}`);
      if (key.startsWith('where|') && row.answer !== undefined && row.answer !== null && row.answer !== 'yes' && row.answer !== 'no') problems.push(`${at}: answer ${JSON.stringify(row.answer)}`);
    } else if (!/^(audit|comment|remind|schema)\|/.test(key)) {
      problems.push(`${at}: unknown kind of row`);
    }
  }
  // WorkIndex: which units each person has live work in.
  for (const row of all.WorkIndex) {
    if (!GUID_PATTERN.test(String(row.partitionKey))) problems.push(`${where('WorkIndex', row)}: partition is not a person's GUID`);
    if (!unitIds.has(String(row.rowKey))) problems.push(`${where('WorkIndex', row)}: row key is not a unit`);
  }
  return { rows, problems };
}

/** A JSON property: parseable, no prototype keys, no control characters or lone surrogates in its strings. */
function checkJson(text: string, report: (problem: string) => void): void {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return; // Free text that happens to start with a bracket.
  }
  const walk = (node: unknown, path: string): void => {
    if (typeof node === 'string') {
      if (CONTROL.test(node)) report(`has a control character at ${path}: ${JSON.stringify(node.slice(0, 60))}`);
      if (LONE_SURROGATE.test(node)) report(`has a lone surrogate at ${path}`);
    } else if (Array.isArray(node)) {
      node.forEach((child, i) => walk(child, `${path}[${i}]`));
    } else if (typeof node === 'object' && node !== null) {
      for (const key of Object.keys(node)) {
        if (DANGEROUS_KEYS.has(key)) report(`has key ${key} at ${path}`);
        walk((node as Record<string, unknown>)[key], `${path}.${key}`);
      }
    }
  };
  walk(value, '$');
}
