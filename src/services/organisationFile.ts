/**
 * Bulk set-up of the organisation from a file an administrator edits: YAML (everything) or CSV
 * (one row per unit). Parsing checks every rule and collects every problem with the line it is
 * on, so the administrator fixes the whole file in one go, and nothing is imported until the whole
 * file is valid. Full description with examples: docs/org-import.md.
 *
 * YAML:
 *   organisation:            # optional; omitted keys keep the stored settings
 *     name: Vestre Toten kommune
 *     language: nb           # nb | da | en
 *     timeZone: Europe/Oslo  # an IANA time zone
 *     country: NO            # NO | DK
 *     currency: NOK          # NOK | DKK | EUR | SEK
 *     hoursPerFte: 1700      # 1000..2500
 *     followUpMonths: [3, 12] # when identified benefits are followed up, months after done (1..36)
 *     benefitCategories:     # built-in ids (quality, time, money, capacity) or own ones with names
 *       - quality
 *       - id: fuel
 *         names: { nb: Drivstoff, da: Brændstof, en: Fuel }
 *   administrators: [admin@kommune.no]   # each role list is optional; a given list replaces the role's holders
 *   coaches: []
 *   executives: []
 *   serviceAreas:
 *     - id: helse-omsorg     # slug
 *       name: Helse og omsorg
 *       leaders: [tol.helse@kommune.no]
 *       units:
 *         - id: sykehjem-a
 *           code: SA         # optional: else the stored code, else the next free "U<n>"
 *           name: Sykehjem A
 *           leaders: [leder.a@kommune.no, 3f2b0c1e-...]   # e-mail/UPN or Entra object id
 *           members: []      # optional; omitted keeps the stored members (they come from the Teams roster)
 *           headcount: 35    # optional, 0..10000
 *           schedule:        # optional board-meeting schedule; omitted keeps the stored one
 *             weekdays: [1, 2, 3, 4, 5]   # 1 = Monday ... 7 = Sunday
 *             time: '08:30'               # local time in the organisation's time zone
 *             pauses: [{ from: '2026-07-01', to: '2026-08-09' }]   # at most 3; inclusive dates
 *
 * In YAML an omitted key of a stored service area or unit keeps its stored value, so an entry
 * with only an `id` and `units` adds units to an area set up earlier. A new area or unit needs a name.
 *
 * CSV: a header row, then one row per unit with the columns
 *   service_area_id, service_area_name, service_area_leaders, unit_id, unit_code, unit_name, unit_leaders, headcount
 * and optionally meeting_weekdays ("1;2;3;4;5") and meeting_time ("08:30").
 * People in a cell are separated by ";". `unit_code`, `headcount` and the meeting columns may be
 * empty (keep the stored value; a new unit gets the next free code; pauses are kept). Rows of one
 * service area must agree on its name and leaders. Settings, organisation roles, members and
 * schedule pauses are not in CSV; they keep their stored values.
 */
import { parse as parseCsv } from 'csv-parse/sync';
import { stringify as stringifyCsv } from 'csv-stringify/sync';
import { Document, LineCounter, isAlias, isMap, isNode, isScalar, isSeq, parseDocument, visit } from 'yaml';
import { UNIT_CODE_PATTERN, isSlug } from '../domain/ids';
import { LOCALES } from '../domain/locale';
import {
  BUILT_IN_BENEFIT_CATEGORIES,
  BenefitCategory,
  COUNTRIES,
  CURRENCIES,
  MAX_LEADERS,
  MAX_PEOPLE_PER_UNIT,
  ORG_ROLES,
  OrgRole,
  OrganisationSettings,
  OrganisationSnapshot,
  ServiceArea,
  Unit,
  findServiceArea,
  findUnit,
  nextUnitCode,
} from '../domain/organisation';
import { PersonRef, formatPersonRef, parsePersonRef, uniqueRefs } from '../domain/people';
import { isLocalDate } from '../domain/dates';
import { MeetingSchedule } from '../domain/schedule';
import { MAX_PAUSES, normaliseTime, schedule as canonicalSchedule, weekdayValue } from '../domain/scheduleForm';
import { TEXT_LIMITS, normaliseText } from '../domain/text';
import { OrganisationImport } from '../ports/organisationRepository';

export type OrganisationFileFormat = 'yaml' | 'csv';

export const ORGANISATION_FILE_FORMATS: readonly OrganisationFileFormat[] = ['yaml', 'csv'];

/** One thing wrong in the file, on its (1-based, physical) line. */
export interface FileProblem {
  readonly line: number;
  readonly message: string;
}

export interface ImportCounts {
  readonly created: number;
  /** Stored before and changed by the file. */
  readonly updated: number;
  /** Stored before and listed in the file without a change. */
  readonly unchanged: number;
}

export interface ImportSummary {
  readonly serviceAreas: ImportCounts;
  readonly units: ImportCounts;
  /** Whether the file changes the organisation's settings (only YAML has them). */
  readonly settingsChanged: boolean;
  /** The organisation roles the file sets, with how many people hold each afterwards. */
  readonly roles: Readonly<Partial<Record<OrgRole, number>>>;
}

export type ParseResult =
  | { readonly ok: true; readonly data: OrganisationImport; readonly summary: ImportSummary }
  | { readonly ok: false; readonly problems: readonly FileProblem[] };

type ImportedUnit = OrganisationImport['units'][number];
type ImportedRole = NonNullable<OrganisationImport['roleAssignments']>[number];

export const CSV_COLUMNS = [
  'service_area_id',
  'service_area_name',
  'service_area_leaders',
  'unit_id',
  'unit_code',
  'unit_name',
  'unit_leaders',
  'headcount',
  'meeting_weekdays',
  'meeting_time',
] as const;
type CsvColumn = (typeof CSV_COLUMNS)[number];
/** Columns a file may leave out altogether (files written before they existed stay valid). */
const OPTIONAL_CSV_COLUMNS = ['meeting_weekdays', 'meeting_time'] as const;
type OptionalCsvColumn = (typeof OPTIONAL_CSV_COLUMNS)[number];
const isOptionalColumn = (column: CsvColumn): column is OptionalCsvColumn => (OPTIONAL_CSV_COLUMNS as readonly string[]).includes(column);

const CSV_LIST_SEPARATOR = ';';
const HEADCOUNT_RANGE = { min: 0, max: 10_000 };
const HOURS_PER_FTE_RANGE = { min: 1000, max: 2500 };

const ROLE_KEYS: Readonly<Record<OrgRole, string>> = { administrator: 'administrators', coach: 'coaches', executive: 'executives' };
const TOP_KEYS = ['organisation', ...ORG_ROLES.map((role) => ROLE_KEYS[role]), 'serviceAreas'];
const SETTINGS_KEYS = ['name', 'language', 'timeZone', 'country', 'currency', 'hoursPerFte', 'benefitCategories', 'followUpMonths'];
const FOLLOW_UP_RANGE = { min: 1, max: 36, whole: true };
const AREA_KEYS = ['id', 'name', 'leaders', 'units'];
const UNIT_KEYS = ['id', 'code', 'name', 'leaders', 'members', 'headcount', 'schedule'];
const SCHEDULE_KEYS = ['weekdays', 'time', 'pauses'];
const PAUSE_KEYS = ['from', 'to'];
const CATEGORY_KEYS = ['id', 'names'];
const SHORT_LIST = 4;

export function parseOrganisationFile(text: string, format: OrganisationFileFormat, current: OrganisationSnapshot): ParseResult {
  const problems = new Problems();
  const draft = format === 'yaml' ? readYaml(text, current.settings, problems) : readCsv(text, problems);
  const data = draft && assemble(draft, current, problems);
  if (!data || problems.any) return { ok: false, problems: problems.sorted() };
  return { ok: true, data, summary: summarise(data, current) };
}

export function formatOrganisationFile(snapshot: OrganisationSnapshot, format: OrganisationFileFormat): string {
  return format === 'yaml' ? formatYaml(snapshot) : formatCsv(snapshot);
}

// ---------------------------------------------------------------------------------------------
// Problems and field checks shared by both formats

class Problems {
  private readonly found: FileProblem[] = [];

  get any(): boolean {
    return this.found.length > 0;
  }

  add(line: number, message: string): void {
    this.found.push({ line, message });
  }

  about(subject: Subject, line: number, message: string): void {
    this.add(line, `${subject.label}: ${message}`);
  }

  /** By line, so the administrator can work down the file; problems on one line keep their order. */
  sorted(): FileProblem[] {
    return [...this.found].sort((a, b) => a.line - b.line);
  }
}

/** A value as written in the file, with the line it is on. */
interface Cell {
  readonly text: string;
  readonly line: number;
}

/** Whom a problem is about (`unit "sykehjem-a"`) and the line to report a missing field on. */
interface Subject {
  readonly label: string;
  readonly line: number;
}

const quote = (text: string): string => JSON.stringify(text.length > 60 ? `${text.slice(0, 57)}...` : text);
const isBlank = (cell: Cell | undefined): boolean => !cell || cell.text.trim() === '';
const subjectFor = (kind: string, id: Cell | undefined, line: number): Subject => ({ label: isBlank(id) ? kind : `${kind} ${quote(id!.text.trim())}`, line });

/** An id the administrator chose. Returns the id as written (even when invalid, to find duplicates), '' when missing. */
function idValue(cell: Cell | undefined, field: string, subject: Subject, problems: Problems): string {
  if (!cell || isBlank(cell)) {
    problems.add(subject.line, `${field} is required`);
    return '';
  }
  const id = cell.text.trim();
  if (!isSlug(id)) {
    problems.add(cell.line, `${field} ${quote(id)} is not a valid id: use 1-40 lower-case letters a-z, digits and hyphens, e.g. "helse-omsorg"`);
  }
  return id;
}

/** A display name, normalised. Returns '' when invalid (the problem is recorded), undefined when absent. */
function nameValue(cell: Cell | undefined, field: string, subject: Subject, problems: Problems, required: boolean): string | undefined {
  const name = cell ? normaliseText(cell.text) : '';
  if (!name) {
    if (required) problems.about(subject, cell?.line ?? subject.line, `${field} is required`);
    return required ? '' : undefined;
  }
  const length = [...name].length;
  if (length > TEXT_LIMITS.name) {
    problems.about(subject, cell!.line, `${field} ${quote(name)} is ${length} characters long; at most ${TEXT_LIMITS.name} are allowed`);
    return '';
  }
  return name;
}

interface PeopleField {
  /** How one entry is named in a message: `leader`, or the CSV column. */
  readonly entry: string;
  /** How the whole list is named in a message: `leaders`, or the CSV column. */
  readonly list: string;
  readonly limit?: number;
}

/** People named by e-mail/UPN or Entra object id; invalid entries are reported and left out. */
function peopleValue(cells: readonly Cell[], field: PeopleField, subject: Subject, problems: Problems): PersonRef[] {
  const refs = cells.flatMap((cell) => {
    const ref = parsePersonRef(cell.text);
    if (!ref) problems.about(subject, cell.line, `${field.entry} ${quote(cell.text.trim())} is neither an e-mail/UPN nor an Entra object id`);
    return ref ? [ref] : [];
  });
  const people = uniqueRefs(refs);
  if (field.limit !== undefined && people.length > field.limit) {
    problems.about(subject, cells[field.limit]?.line ?? subject.line, `${field.list} names ${people.length} people; at most ${field.limit} are allowed`);
  }
  return people;
}

function unitCodeValue(cell: Cell | undefined, field: string, subject: Subject, problems: Problems): Cell | undefined {
  if (!cell || isBlank(cell)) return undefined;
  const code = cell.text.trim();
  if (!UNIT_CODE_PATTERN.test(code)) {
    problems.about(subject, cell.line, `${field} ${quote(code)} must be 1-6 capital letters A-Z and digits, starting with a letter, e.g. "U7"`);
  }
  return { text: code, line: cell.line };
}

function numberValue(
  cell: Cell | undefined,
  field: string,
  range: { min: number; max: number; whole: boolean },
  subject: Subject,
  problems: Problems,
): number | undefined {
  if (!cell || isBlank(cell)) return undefined;
  const text = cell.text.trim();
  const value = Number(text);
  const fits = Number.isFinite(value) && (!range.whole || Number.isInteger(value)) && value >= range.min && value <= range.max;
  if (!fits) {
    problems.about(subject, cell.line, `${field} ${quote(text)} must be a ${range.whole ? 'whole number' : 'number'} from ${range.min} to ${range.max}`);
    return undefined;
  }
  return value;
}

function oneOfValue<T extends string>(cell: Cell | undefined, field: string, allowed: readonly T[], subject: Subject, problems: Problems): T | undefined {
  if (!cell || isBlank(cell)) return undefined;
  const text = cell.text.trim();
  const match = allowed.find((option) => option === text);
  if (!match) problems.about(subject, cell.line, `${field} ${quote(text)} is not one of ${allowed.join(', ')}`);
  return match;
}

/** Checks against the platform's IANA database and returns the canonical spelling. */
function timeZoneValue(cell: Cell | undefined, subject: Subject, problems: Problems): string | undefined {
  if (!cell || isBlank(cell)) return undefined;
  const zone = cell.text.trim();
  try {
    return new Intl.DateTimeFormat('en', { timeZone: zone }).resolvedOptions().timeZone;
  } catch {
    problems.about(subject, cell.line, `timeZone ${quote(zone)} is not an IANA time zone, e.g. "Europe/Oslo" or "Europe/Copenhagen"`);
    return undefined;
  }
}

/** Weekday numbers 1 (Monday) to 7 (Sunday); undefined when one is invalid (reported) or none is given. */
function weekdaysValue(cells: readonly Cell[], field: string, subject: Subject, line: number, problems: Problems): number[] | undefined {
  if (!cells.length) {
    problems.about(subject, line, `${field} must name at least one weekday, 1 (Monday) to 7 (Sunday)`);
    return undefined;
  }
  let valid = true;
  const days = cells.flatMap((cell) => {
    const day = weekdayValue(cell.text);
    if (day === undefined) {
      problems.about(subject, cell.line, `${field} ${quote(cell.text.trim())} is not a weekday number from 1 (Monday) to 7 (Sunday)`);
      valid = false;
    }
    return day === undefined ? [] : [day];
  });
  return valid ? days : undefined;
}

function meetingTimeValue(cell: Cell, field: string, subject: Subject, problems: Problems): string | undefined {
  const time = normaliseTime(cell.text);
  if (!time) problems.about(subject, cell.line, `${field} ${quote(cell.text.trim())} must be a time of day as HH:mm, e.g. "08:30"`);
  return time;
}

// ---------------------------------------------------------------------------------------------
// What a file says, checked field by field. Invalid values are recorded as problems and replaced
// by a harmless stand-in ('' or a shorter list), so the cross-checks can still run; the result is
// never used when there is a problem. `undefined` means the file leaves the value as stored.

interface AreaDraft {
  readonly id: string;
  readonly line: number;
  readonly name?: string;
  readonly leaders?: readonly PersonRef[];
}

interface UnitDraft {
  readonly id: string;
  readonly line: number;
  readonly serviceAreaId: string;
  readonly code?: Cell;
  readonly name?: string;
  readonly leaders?: readonly PersonRef[];
  readonly members?: readonly PersonRef[];
  readonly headcount?: number;
  readonly schedule?: ScheduleDraft;
}

/** What a file says about a unit's meeting schedule; an omitted part keeps the stored one. */
interface ScheduleDraft {
  readonly line: number;
  readonly weekdays?: readonly number[];
  readonly time?: string;
  readonly pauses?: MeetingSchedule['pauses'];
  /** How the weekdays and time are named in a message: `schedule.weekdays` or `meeting_weekdays`. */
  readonly names: { readonly weekdays: string; readonly time: string };
  /** A part was invalid (already reported): the schedule is not assembled. */
  readonly broken: boolean;
}

interface FileDraft {
  readonly settings?: OrganisationSettings;
  readonly roleAssignments?: readonly ImportedRole[];
  readonly areas: readonly AreaDraft[];
  readonly units: readonly UnitDraft[];
}

// ---------------------------------------------------------------------------------------------
// YAML

interface YamlField {
  readonly node: unknown;
  readonly line: number;
}

/** Walks the parsed YAML tree, reporting each problem on the line of the node it is about. */
class YamlReader {
  constructor(
    private readonly doc: Document.Parsed,
    private readonly lineCounter: LineCounter,
    readonly problems: Problems,
  ) {}

  lineOf(node: unknown, fallback: number): number {
    const range = isNode(node) ? node.range : undefined;
    return range ? this.lineCounter.linePos(range[0]).line : fallback;
  }

  field(node: unknown, fallbackLine: number): YamlField {
    // An alias (*name) is read as the node it points to, but reported on its own line.
    return { node: isAlias(node) ? node.resolve(this.doc) : node, line: this.lineOf(node, fallbackLine) };
  }

  /** A mapping's entries. Unknown keys are reported: a typo such as `leader:` must not be silently ignored. */
  entries(field: YamlField, allowed: readonly string[], subject: Subject): Map<string, YamlField> | undefined {
    const entries = new Map<string, YamlField>();
    if (!isMap(field.node)) {
      this.problems.about(subject, field.line, `must be a mapping with the keys ${allowed.join(', ')}`);
      return undefined;
    }
    for (const pair of field.node.items) {
      const keyLine = this.lineOf(pair.key, field.line);
      const key = isScalar(pair.key) ? String(pair.key.value) : '';
      if (!allowed.includes(key)) {
        this.problems.about(subject, keyLine, `unknown key ${quote(key)}; expected one of ${allowed.join(', ')}`);
        continue;
      }
      entries.set(key, this.field(pair.value, keyLine));
    }
    return entries;
  }

  /** The `id` of a mapping, read first so that every other problem can name what it is about. */
  idOf(field: YamlField): Cell | undefined {
    if (!isMap(field.node)) return undefined;
    const pair = field.node.items.find((item) => isScalar(item.key) && item.key.value === 'id');
    return pair ? this.text(this.field(pair.value, this.lineOf(pair.key, field.line)), 'id', { label: 'entry', line: field.line }) : undefined;
  }

  /** A single value as text; an empty value (`key:` or `~`) counts as absent. */
  text(field: YamlField | undefined, name: string, subject: Subject): Cell | undefined {
    if (!field || field.node === null || field.node === undefined) return undefined;
    if (!isScalar(field.node)) {
      this.problems.about(subject, field.line, `${name} must be a single value, not a list or mapping`);
      return undefined;
    }
    const { value, source } = field.node;
    if (value === null || value === undefined) return undefined;
    // Numbers keep their spelling ("0012" stays "0012"), so ids and codes are read as written.
    const text = typeof value === 'string' ? value : (source ?? String(value));
    return { text, line: field.line };
  }

  /** A list; `undefined` when the key is absent. An empty value is refused so that `[]` says "none" explicitly. */
  list(field: YamlField | undefined, name: string, subject: Subject): YamlField[] | undefined {
    if (!field) return undefined;
    if (!isSeq(field.node)) {
      this.problems.about(subject, field.line, `${name} must be a list (write [] for none)`);
      return undefined;
    }
    return field.node.items.map((item) => this.field(item, field.line));
  }

  textList(field: YamlField | undefined, name: string, subject: Subject): Cell[] | undefined {
    return this.list(field, name, subject)?.flatMap((item) => {
      const cell = this.text(item, `each entry of ${name}`, subject);
      return cell ? [cell] : [];
    });
  }
}

function readYaml(text: string, currentSettings: OrganisationSettings, problems: Problems): FileDraft | undefined {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, keepSourceTokens: true, prettyErrors: true, uniqueKeys: true });
  if (doc.errors.length) {
    for (const error of doc.errors) {
      const line = error.linePos?.[0].line ?? lineCounter.linePos(error.pos[0]).line;
      problems.add(line, `YAML syntax: ${error.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '')}`);
    }
    return undefined;
  }
  const reader = new YamlReader(doc, lineCounter, problems);
  const root = reader.field(doc.contents, 1);
  if (root.node === null || (isScalar(root.node) && root.node.value === null)) {
    problems.add(1, 'the file is empty; expected at least serviceAreas: or organisation:');
    return undefined;
  }
  const top = reader.entries(root, TOP_KEYS, { label: 'file', line: 1 });
  if (!top) return undefined;
  const organisation = top.get('organisation');
  const areas = readYamlAreas(reader, top.get('serviceAreas'));
  const roleAssignments = readYamlRoles(reader, top);
  return {
    ...(organisation ? { settings: readYamlSettings(reader, organisation, currentSettings) } : {}),
    ...(roleAssignments.length ? { roleAssignments } : {}),
    ...areas,
  };
}

function readYamlSettings(reader: YamlReader, field: YamlField, current: OrganisationSettings): OrganisationSettings {
  const subject = { label: 'organisation', line: field.line };
  const entries = reader.entries(field, SETTINGS_KEYS, subject);
  if (!entries) return current;
  const { problems } = reader;
  const cell = (key: string) => reader.text(entries.get(key), key, subject);
  const categories = entries.has('benefitCategories') ? readYamlCategories(reader, entries.get('benefitCategories')!, subject) : undefined;
  return {
    name: nameValue(cell('name'), 'name', subject, problems, false) ?? current.name,
    language: oneOfValue(cell('language'), 'language', LOCALES, subject, problems) ?? current.language,
    timeZone: timeZoneValue(cell('timeZone'), subject, problems) ?? current.timeZone,
    country: oneOfValue(cell('country'), 'country', COUNTRIES, subject, problems) ?? current.country,
    currency: oneOfValue(cell('currency'), 'currency', CURRENCIES, subject, problems) ?? current.currency,
    hoursPerFte: numberValue(cell('hoursPerFte'), 'hoursPerFte', { ...HOURS_PER_FTE_RANGE, whole: false }, subject, problems) ?? current.hoursPerFte,
    benefitCategories: categories ?? current.benefitCategories,
    followUpMonths: entries.has('followUpMonths') ? readYamlFollowUps(reader, entries.get('followUpMonths')!, subject) : current.followUpMonths,
  };
}

/** Months after an idea is done when identified benefits are followed up, e.g. [3, 12]. */
function readYamlFollowUps(reader: YamlReader, field: YamlField, subject: Subject): number[] {
  const cells = reader.textList(field, 'followUpMonths', subject) ?? [];
  const months = cells.flatMap((cell) => numberValue(cell, 'followUpMonths', FOLLOW_UP_RANGE, subject, reader.problems) ?? []);
  return [...new Set(months)].sort((a, b) => a - b);
}

function readYamlCategories(reader: YamlReader, field: YamlField, subject: Subject): BenefitCategory[] | undefined {
  const items = reader.list(field, 'benefitCategories', subject);
  if (!items) return undefined;
  if (!items.length) reader.problems.about(subject, field.line, 'benefitCategories must list at least one category');
  const firstLine = new Map<string, number>();
  return items.flatMap((item) => {
    const category = isMap(item.node) ? readYamlOwnCategory(reader, item) : readYamlBuiltInCategory(reader, item, subject);
    if (!category?.id) return [];
    const earlier = firstLine.get(category.id);
    if (earlier !== undefined) {
      reader.problems.about(subject, item.line, `benefit category ${quote(category.id)} is listed twice (first on line ${earlier})`);
      return [];
    }
    firstLine.set(category.id, item.line);
    return [category];
  });
}

function isBuiltInCategory(id: string): boolean {
  return (BUILT_IN_BENEFIT_CATEGORIES as readonly string[]).includes(id);
}

function readYamlBuiltInCategory(reader: YamlReader, item: YamlField, subject: Subject): BenefitCategory | undefined {
  const cell = reader.text(item, 'benefit category', subject);
  if (!cell) {
    if (item.node === null || isScalar(item.node)) reader.problems.about(subject, item.line, 'a benefit category is empty');
    return undefined;
  }
  const id = cell.text.trim();
  if (!isBuiltInCategory(id)) {
    reader.problems.about(
      subject,
      cell.line,
      `benefit category ${quote(id)} is not built in (${BUILT_IN_BENEFIT_CATEGORIES.join(', ')}); give an own category as { id: ${id}, names: { nb: ..., da: ..., en: ... } }`,
    );
  }
  return { id };
}

function readYamlOwnCategory(reader: YamlReader, item: YamlField): BenefitCategory | undefined {
  const idCell = reader.idOf(item);
  const named = subjectFor('benefit category', idCell, item.line);
  const entries = reader.entries(item, CATEGORY_KEYS, named);
  if (!entries) return undefined;
  const id = idValue(idCell, 'benefit category id', named, reader.problems);
  const namesField = entries.get('names');
  const nameEntries = namesField ? reader.entries(namesField, LOCALES, named) : undefined;
  const names: Partial<Record<(typeof LOCALES)[number], string>> = {};
  for (const locale of LOCALES) {
    const name = nameValue(reader.text(nameEntries?.get(locale), `names.${locale}`, named), `names.${locale}`, named, reader.problems, false);
    if (name !== undefined) names[locale] = name;
  }
  const hasNames = Object.keys(names).length > 0;
  if (!hasNames && !namesField && id && !isBuiltInCategory(id)) {
    reader.problems.about(named, item.line, `an own benefit category needs names, e.g. names: { nb: ..., da: ..., en: ... }`);
  }
  return hasNames ? { id, names } : { id };
}

function readYamlRoles(reader: YamlReader, top: ReadonlyMap<string, YamlField>): ImportedRole[] {
  return ORG_ROLES.flatMap((role) => {
    const key = ROLE_KEYS[role];
    const field = top.get(key);
    const subject = { label: key, line: field?.line ?? 1 };
    const cells = reader.textList(field, key, subject);
    return cells ? [{ role, people: peopleValue(cells, { entry: 'entry', list: key }, subject, reader.problems) }] : [];
  });
}

function readYamlAreas(reader: YamlReader, field: YamlField | undefined): Pick<FileDraft, 'areas' | 'units'> {
  const items = reader.list(field, 'serviceAreas', { label: 'serviceAreas', line: field?.line ?? 1 }) ?? [];
  const areas: AreaDraft[] = [];
  const units: UnitDraft[] = [];
  for (const item of items) {
    const idCell = reader.idOf(item);
    const subject = subjectFor('service area', idCell, item.line);
    const entries = reader.entries(item, AREA_KEYS, subject);
    if (!entries) continue;
    const id = idValue(idCell, 'service area id', subject, reader.problems);
    const name = nameValue(reader.text(entries.get('name'), 'name', subject), 'name', subject, reader.problems, false);
    const leaders = reader.textList(entries.get('leaders'), 'leaders', subject);
    areas.push({
      id,
      line: item.line,
      ...(name !== undefined ? { name } : {}),
      ...(leaders ? { leaders: peopleValue(leaders, { entry: 'leader', list: 'leaders', limit: MAX_LEADERS }, subject, reader.problems) } : {}),
    });
    for (const unit of reader.list(entries.get('units'), 'units', subject) ?? []) {
      const draft = readYamlUnit(reader, unit, id);
      if (draft) units.push(draft);
    }
  }
  return { areas, units };
}

function readYamlUnit(reader: YamlReader, item: YamlField, serviceAreaId: string): UnitDraft | undefined {
  const { problems } = reader;
  const idCell = reader.idOf(item);
  const subject = subjectFor('unit', idCell, item.line);
  const entries = reader.entries(item, UNIT_KEYS, subject);
  if (!entries) return undefined;
  const cell = (key: string) => reader.text(entries.get(key), key, subject);
  const code = unitCodeValue(cell('code'), 'code', subject, problems);
  const name = nameValue(cell('name'), 'name', subject, problems, false);
  const leaders = reader.textList(entries.get('leaders'), 'leaders', subject);
  const members = reader.textList(entries.get('members'), 'members', subject);
  const headcount = numberValue(cell('headcount'), 'headcount', { ...HEADCOUNT_RANGE, whole: true }, subject, problems);
  const scheduleField = entries.get('schedule');
  const schedule = scheduleField && scheduleField.node !== null ? readYamlSchedule(reader, scheduleField, subject) : undefined;
  return {
    id: idValue(idCell, 'unit id', subject, problems),
    line: item.line,
    serviceAreaId,
    ...(code ? { code } : {}),
    ...(name !== undefined ? { name } : {}),
    ...(leaders ? { leaders: peopleValue(leaders, { entry: 'leader', list: 'leaders', limit: MAX_LEADERS }, subject, problems) } : {}),
    ...(members ? { members: peopleValue(members, { entry: 'member', list: 'members', limit: MAX_PEOPLE_PER_UNIT }, subject, problems) } : {}),
    ...(headcount !== undefined ? { headcount } : {}),
    ...(schedule ? { schedule } : {}),
  };
}

/** `schedule: { weekdays: [1, 2, 3, 4, 5], time: '08:30', pauses: [{ from: ..., to: ... }] }`. */
function readYamlSchedule(reader: YamlReader, field: YamlField, subject: Subject): ScheduleDraft {
  const { problems } = reader;
  const names = { weekdays: 'schedule.weekdays', time: 'schedule.time' };
  const entries = reader.entries(field, SCHEDULE_KEYS, subject);
  if (!entries) return { line: field.line, names, broken: true };
  // An unknown key (reported) may be a misspelt part: do not also report that part as missing.
  let broken = isMap(field.node) && field.node.items.length !== entries.size;
  let weekdays: number[] | undefined;
  if (entries.has('weekdays')) {
    const daysField = entries.get('weekdays')!;
    const cells = reader.textList(daysField, names.weekdays, subject);
    weekdays = cells ? weekdaysValue(cells, names.weekdays, subject, daysField.line, problems) : undefined;
    broken ||= !weekdays;
  }
  const timeCell = reader.text(entries.get('time'), names.time, subject);
  const time = timeCell ? meetingTimeValue(timeCell, names.time, subject, problems) : undefined;
  broken ||= !!timeCell && !time;
  let pauses: { from: string; to: string }[] | undefined;
  if (entries.has('pauses')) {
    const pausesField = entries.get('pauses')!;
    const items = reader.list(pausesField, 'schedule.pauses', subject);
    broken ||= !items;
    if (items && items.length > MAX_PAUSES) {
      problems.about(subject, items[MAX_PAUSES].line, `schedule.pauses lists ${items.length} pauses; at most ${MAX_PAUSES} are allowed`);
      broken = true;
    }
    pauses = (items ?? []).flatMap((item) => {
      const pause = readYamlPause(reader, item, subject);
      broken ||= !pause;
      return pause ? [pause] : [];
    });
  }
  return { line: field.line, names, broken, ...(weekdays ? { weekdays } : {}), ...(time ? { time } : {}), ...(pauses ? { pauses } : {}) };
}

function readYamlPause(reader: YamlReader, item: YamlField, subject: Subject): { from: string; to: string } | undefined {
  const entries = reader.entries(item, PAUSE_KEYS, subject);
  if (!entries) return undefined;
  const date = (key: 'from' | 'to'): Cell | undefined => {
    const cell = reader.text(entries.get(key), `schedule.pauses ${key}`, subject);
    if (!cell) reader.problems.about(subject, item.line, `a pause in schedule.pauses needs ${key}, a date as YYYY-MM-DD`);
    else if (!isLocalDate(cell.text.trim())) reader.problems.about(subject, cell.line, `schedule.pauses ${key} ${quote(cell.text.trim())} must be a date as YYYY-MM-DD, e.g. "2026-07-01"`);
    else return { text: cell.text.trim(), line: cell.line };
    return undefined;
  };
  const from = date('from');
  const to = date('to');
  if (!from || !to) return undefined;
  if (from.text > to.text) {
    reader.problems.about(subject, to.line, `a pause in schedule.pauses ends (${to.text}) before it starts (${from.text})`);
    return undefined;
  }
  return { from: from.text, to: to.text };
}

// ---------------------------------------------------------------------------------------------
// CSV

interface CsvRecord {
  readonly values: readonly string[];
  /** The physical line the record starts on. */
  readonly line: number;
}

type CsvRow = Readonly<Record<Exclude<CsvColumn, OptionalCsvColumn>, Cell> & Partial<Record<OptionalCsvColumn, Cell>>>;

function readCsv(text: string, problems: Problems): FileDraft | undefined {
  const records = parseCsvRecords(text, problems);
  if (!records) return undefined;
  const [header, ...rows] = records;
  if (!header) {
    problems.add(1, `the file is empty; the first line must be the header: ${CSV_COLUMNS.join(',')}`);
    return undefined;
  }
  const columns = readCsvHeader(header, problems);
  if (!columns) return undefined;
  const areas = new Map<string, { draft: AreaDraft; row: CsvRow }>();
  const units: UnitDraft[] = [];
  for (const record of rows) {
    const row = csvRow(record, columns, header.values.length, problems);
    if (!row) continue;
    const area = readCsvArea(row, problems);
    const first = areas.get(area.id);
    if (!first) areas.set(area.id, { draft: area, row });
    else checkSameArea(first, { draft: area, row }, problems);
    units.push(readCsvUnit(row, area.id, problems));
  }
  return { areas: [...areas.values()].map((area) => area.draft).filter((area) => area.id), units };
}

function parseCsvRecords(text: string, problems: Problems): CsvRecord[] | undefined {
  // csv-parse counts a CRLF inside a quoted field as two lines; with plain LF its line count is exact.
  const normalised = text.replace(/\r\n?/g, '\n');
  let parsed: { record: string[]; info: { lines: number } }[];
  try {
    parsed = parseCsv(normalised, { info: true, bom: true, trim: true, skip_empty_lines: true, relax_column_count: true }) as unknown as typeof parsed;
  } catch (error) {
    problems.add(csvErrorLine(error, normalised), `CSV syntax: ${error instanceof Error ? error.message : String(error)}`);
    return undefined;
  }
  // `info.lines` is the line a record ends on; a quoted field may span several lines.
  const linesInside = (values: readonly string[]) => values.reduce((sum, value) => sum + (value.match(/\n/g)?.length ?? 0), 0);
  return parsed
    .map(({ record, info }) => ({ values: record, line: info.lines - linesInside(record) }))
    .filter((record) => record.values.some((value) => value !== ''));
}

/**
 * csv-parse reports the line it stopped on; for a quote left open that is the end of the file, so
 * the line the quote opened on is found here instead: that is where the administrator must look.
 */
function csvErrorLine(error: unknown, text: string): number {
  const { code, lines } = error as { code?: unknown; lines?: unknown };
  if (code === 'CSV_QUOTE_NOT_CLOSED') {
    let openedAt = -1;
    for (let index = 0; index < text.length; index++) {
      if (text[index] === '"') openedAt = openedAt < 0 ? index : -1;
    }
    if (openedAt >= 0) return text.slice(0, openedAt).split('\n').length;
  }
  return typeof lines === 'number' ? lines : 1;
}

function readCsvHeader(header: CsvRecord, problems: Problems): ReadonlyMap<CsvColumn, number> | undefined {
  const names = header.values.map((value) => value.trim().toLowerCase());
  if (names.length === 1 && names[0].includes(';')) {
    problems.add(header.line, 'the header has a single column: separate the columns with commas (","); ";" separates people within a cell');
    return undefined;
  }
  const columns = new Map<CsvColumn, number>();
  let valid = true;
  names.forEach((name, index) => {
    const column = CSV_COLUMNS.find((known) => known === name);
    if (!column) {
      problems.add(header.line, `unknown column ${quote(name)}; expected ${CSV_COLUMNS.join(', ')}`);
      valid = false;
    } else if (columns.has(column)) {
      problems.add(header.line, `column ${quote(name)} appears twice`);
      valid = false;
    } else {
      columns.set(column, index);
    }
  });
  const missing = CSV_COLUMNS.filter((column) => !columns.has(column) && !isOptionalColumn(column));
  if (missing.length) {
    problems.add(header.line, `the header lacks the column${missing.length > 1 ? 's' : ''} ${missing.join(', ')}`);
    valid = false;
  }
  return valid ? columns : undefined;
}

function csvRow(record: CsvRecord, columns: ReadonlyMap<CsvColumn, number>, width: number, problems: Problems): CsvRow | undefined {
  if (record.values.length !== width) {
    problems.add(record.line, `the row has ${record.values.length} fields, but the header has ${width}`);
    return undefined;
  }
  const present = CSV_COLUMNS.filter((column) => columns.has(column));
  return Object.fromEntries(present.map((column) => [column, { text: record.values[columns.get(column)!], line: record.line }])) as CsvRow;
}

function csvPeople(cell: Cell): Cell[] {
  return cell.text
    .split(CSV_LIST_SEPARATOR)
    .map((text) => text.trim())
    .filter(Boolean)
    .map((text) => ({ text, line: cell.line }));
}

function readCsvArea(row: CsvRow, problems: Problems): AreaDraft {
  const line = row.service_area_id.line;
  const subject = subjectFor('service area', row.service_area_id, line);
  const column = 'service_area_leaders';
  return {
    id: idValue(row.service_area_id, 'service_area_id', subject, problems),
    line,
    name: nameValue(row.service_area_name, 'service_area_name', subject, problems, true),
    leaders: peopleValue(csvPeople(row[column]), { entry: column, list: column, limit: MAX_LEADERS }, subject, problems),
  };
}

/** Every row repeats its service area; a row that disagrees with the first is a mistake, not an update. */
function checkSameArea(first: { draft: AreaDraft; row: CsvRow }, later: { draft: AreaDraft; row: CsvRow }, problems: Problems): void {
  const subject = { label: `service area ${quote(later.draft.id)}`, line: later.draft.line };
  if (first.draft.name && later.draft.name && first.draft.name !== later.draft.name) {
    problems.about(subject, later.draft.line, `service_area_name ${quote(later.draft.name)} differs from ${quote(first.draft.name)} on line ${first.draft.line}`);
  }
  const leaders = (draft: AreaDraft) => (draft.leaders ?? []).map(formatPersonRef).sort().join(CSV_LIST_SEPARATOR);
  if (leaders(first.draft) !== leaders(later.draft)) {
    const written = (row: CsvRow) => quote(row.service_area_leaders.text.trim());
    problems.about(subject, later.draft.line, `service_area_leaders ${written(later.row)} differs from ${written(first.row)} on line ${first.draft.line}`);
  }
}

function readCsvUnit(row: CsvRow, serviceAreaId: string, problems: Problems): UnitDraft {
  const line = row.unit_id.line;
  const subject = subjectFor('unit', row.unit_id, line);
  const code = unitCodeValue(row.unit_code, 'unit_code', subject, problems);
  const headcount = numberValue(row.headcount, 'headcount', { ...HEADCOUNT_RANGE, whole: true }, subject, problems);
  const column = 'unit_leaders';
  const schedule = readCsvSchedule(row, subject, problems);
  return {
    id: idValue(row.unit_id, 'unit_id', subject, problems),
    line,
    serviceAreaId,
    ...(code ? { code } : {}),
    name: nameValue(row.unit_name, 'unit_name', subject, problems, true),
    leaders: peopleValue(csvPeople(row[column]), { entry: column, list: column, limit: MAX_LEADERS }, subject, problems),
    ...(headcount !== undefined ? { headcount } : {}),
    ...(schedule ? { schedule } : {}),
  };
}

/** `meeting_weekdays` ("1;2;3;4;5") and `meeting_time` ("08:30"); both empty keeps the stored schedule. */
function readCsvSchedule(row: CsvRow, subject: Subject, problems: Problems): ScheduleDraft | undefined {
  const daysCell = isBlank(row.meeting_weekdays) ? undefined : row.meeting_weekdays;
  const timeCell = isBlank(row.meeting_time) ? undefined : row.meeting_time;
  if (!daysCell && !timeCell) return undefined;
  const names = { weekdays: 'meeting_weekdays', time: 'meeting_time' };
  const weekdays = daysCell ? weekdaysValue(csvPeople(daysCell), names.weekdays, subject, daysCell.line, problems) : undefined;
  const time = timeCell ? meetingTimeValue(timeCell, names.time, subject, problems) : undefined;
  const broken = (!!daysCell && !weekdays) || (!!timeCell && !time);
  return { line: subject.line, names, broken, ...(weekdays ? { weekdays } : {}), ...(time ? { time } : {}) };
}

// ---------------------------------------------------------------------------------------------
// Cross-checks over the whole file and the stored organisation, then the import itself

function assemble(draft: FileDraft, current: OrganisationSnapshot, problems: Problems): OrganisationImport {
  return {
    ...(draft.settings ? { settings: draft.settings } : {}),
    serviceAreas: assembleAreas(draft.areas, current, problems),
    units: assembleUnits(draft.units, current, problems),
    ...(draft.roleAssignments ? { roleAssignments: draft.roleAssignments } : {}),
  };
}

/** Keeps the first of each id and reports the others against it. */
function withoutDuplicates<T extends { id: string; line: number }>(items: readonly T[], what: string, problems: Problems): T[] {
  const firstLine = new Map<string, number>();
  return items.filter((item) => {
    if (!item.id) return false;
    const earlier = firstLine.get(item.id);
    if (earlier !== undefined) {
      problems.add(item.line, `${what} id ${quote(item.id)} is used twice in the file (first on line ${earlier})`);
      return false;
    }
    firstLine.set(item.id, item.line);
    return true;
  });
}

function assembleAreas(drafts: readonly AreaDraft[], current: OrganisationSnapshot, problems: Problems): ServiceArea[] {
  return withoutDuplicates(drafts, 'service area', problems).flatMap((draft) => {
    const stored = findServiceArea(current, draft.id);
    const name = draft.name ?? stored?.name;
    if (name === undefined) {
      problems.add(draft.line, `service area ${quote(draft.id)} is not stored yet, so the file must give its name`);
      return [];
    }
    return [{ id: draft.id, name, leaders: draft.leaders ?? stored?.leaders ?? [] }];
  });
}

function assembleUnits(drafts: readonly UnitDraft[], current: OrganisationSnapshot, problems: Problems): ImportedUnit[] {
  const units = withoutDuplicates(drafts, 'unit', problems);
  checkUnitCodes(units, current, problems);
  const nextCode = codeAllocator(current.units, units.flatMap((unit) => (unit.code ? [unit.code.text] : [])));
  return units.flatMap((draft): ImportedUnit[] => {
    const stored = findUnit(current, draft.id);
    const name = draft.name ?? stored?.name;
    if (name === undefined) {
      problems.add(draft.line, `unit ${quote(draft.id)} is not stored yet, so the file must give its name`);
      return [];
    }
    const headcount = draft.headcount ?? stored?.headcount;
    const schedule = assembleSchedule(draft, stored, problems);
    return [
      {
        id: draft.id,
        code: draft.code?.text ?? (stored?.code || nextCode()),
        name,
        serviceAreaId: draft.serviceAreaId,
        leaders: draft.leaders ?? stored?.leaders ?? [],
        ...(draft.members ? { members: draft.members } : {}),
        ...(headcount !== undefined ? { headcount } : {}),
        ...(schedule ? { schedule } : {}),
      },
    ];
  });
}

/** The file's schedule over the stored one: what the file leaves out is kept; a new schedule needs days and a time. */
function assembleSchedule(draft: UnitDraft, stored: Unit | undefined, problems: Problems): MeetingSchedule | undefined {
  const given = draft.schedule;
  if (!given) return stored?.schedule;
  if (given.broken) return undefined;
  const weekdays = given.weekdays ?? stored?.schedule?.weekdays;
  const time = given.time ?? stored?.schedule?.time;
  if (!weekdays || !time) {
    const missing = [weekdays ? '' : given.names.weekdays, time ? '' : given.names.time].filter(Boolean).join(' and ');
    problems.add(given.line, `unit ${quote(draft.id)} has no stored meeting schedule, so the file must give ${missing}`);
    return undefined;
  }
  return canonicalSchedule(weekdays, time, given.pauses ?? stored?.schedule?.pauses ?? []);
}

/**
 * A unit code prefixes the human-facing ids of the unit's items ("SA-42"), so two units must never
 * share one: not within the file, and not with a stored unit that is a different unit.
 */
function checkUnitCodes(units: readonly UnitDraft[], current: OrganisationSnapshot, problems: Problems): void {
  const claimed = new Map<string, UnitDraft>();
  for (const unit of units) {
    if (!unit.code) continue;
    const code = unit.code.text;
    const subject = { label: `unit ${quote(unit.id)}`, line: unit.line };
    const other = claimed.get(code);
    if (other) problems.about(subject, unit.code.line, `code ${quote(code)} is also given to unit ${quote(other.id)} on line ${other.line}`);
    else claimed.set(code, unit);
    const owner = current.units.find((stored) => stored.code === code && stored.id !== unit.id);
    if (owner) problems.about(subject, unit.code.line, `code ${quote(code)} already belongs to the stored unit ${quote(owner.id)}`);
  }
}

/** Hands out free codes by the domain's rule, counting codes stored or written in the file as taken. */
function codeAllocator(stored: readonly Unit[], codesInFile: readonly string[]): () => string {
  const placeholder = (code: string): Unit => ({ id: '', code, name: '', serviceAreaId: '', leaders: [], members: [] });
  const taken: Unit[] = [...stored, ...codesInFile.map(placeholder)];
  return () => {
    const code = nextUnitCode(taken);
    taken.push(placeholder(code));
    return code;
  };
}

const refsKey = (refs: readonly PersonRef[]): string => refs.map(formatPersonRef).join(',');

function sameArea(area: ServiceArea, stored: ServiceArea): boolean {
  return area.name === stored.name && refsKey(area.leaders) === refsKey(stored.leaders);
}

function sameUnit(unit: ImportedUnit, stored: Unit): boolean {
  return (
    unit.code === stored.code &&
    unit.name === stored.name &&
    unit.serviceAreaId === stored.serviceAreaId &&
    unit.headcount === stored.headcount &&
    JSON.stringify(unit.schedule) === JSON.stringify(stored.schedule) &&
    refsKey(unit.leaders) === refsKey(stored.leaders) &&
    (unit.members === undefined || refsKey(unit.members) === refsKey(stored.members))
  );
}

function countChanges<T extends { id: string }, S>(items: readonly T[], storedOf: (id: string) => S | undefined, same: (item: T, stored: S) => boolean): ImportCounts {
  let created = 0;
  let updated = 0;
  let unchanged = 0;
  for (const item of items) {
    const stored = storedOf(item.id);
    if (stored === undefined) created++;
    else if (same(item, stored)) unchanged++;
    else updated++;
  }
  return { created, updated, unchanged };
}

function summarise(data: OrganisationImport, current: OrganisationSnapshot): ImportSummary {
  const roles: Partial<Record<OrgRole, number>> = {};
  for (const assignment of data.roleAssignments ?? []) roles[assignment.role] = assignment.people.length;
  return {
    serviceAreas: countChanges(data.serviceAreas, (id) => findServiceArea(current, id), sameArea),
    units: countChanges(data.units, (id) => findUnit(current, id), sameUnit),
    settingsChanged: data.settings !== undefined && JSON.stringify(data.settings) !== JSON.stringify(current.settings),
    roles,
  };
}

// ---------------------------------------------------------------------------------------------
// Export

const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function sortedUnits(snapshot: OrganisationSnapshot): Unit[] {
  return [...snapshot.units].sort((a, b) => byText(a.serviceAreaId, b.serviceAreaId) || byText(a.id, b.id));
}

function categoryForFile(category: BenefitCategory): string | BenefitCategory {
  return category.names && Object.keys(category.names).length ? { id: category.id, names: category.names } : category.id;
}

function unitForFile(unit: Unit): Record<string, unknown> {
  return {
    id: unit.id,
    code: unit.code,
    name: unit.name,
    leaders: unit.leaders.map(formatPersonRef),
    // Members usually come from the Teams roster; exported only when there are some, so that
    // re-importing the file never clears a roster that filled in after the export.
    ...(unit.members.length ? { members: unit.members.map(formatPersonRef) } : {}),
    ...(unit.headcount !== undefined ? { headcount: unit.headcount } : {}),
    ...(unit.schedule ? { schedule: { weekdays: [...unit.schedule.weekdays], time: unit.schedule.time, pauses: unit.schedule.pauses.map(({ from, to }) => ({ from, to })) } } : {}),
  };
}

function areasForFile(snapshot: OrganisationSnapshot): Record<string, unknown>[] {
  const units = sortedUnits(snapshot);
  const unitsIn = (areaId: string) => units.filter((unit) => unit.serviceAreaId === areaId).map(unitForFile);
  const areas = [...snapshot.serviceAreas].sort((a, b) => byText(a.id, b.id));
  const stored = areas.map((area) => ({ id: area.id, name: area.name, leaders: area.leaders.map(formatPersonRef), units: unitsIn(area.id) }));
  // A unit whose area is missing still appears, under an entry that names only the area's id.
  const orphanAreaIds = [...new Set(units.map((unit) => unit.serviceAreaId))].filter((id) => !findServiceArea(snapshot, id));
  return [...stored, ...orphanAreaIds.map((id) => ({ id, units: unitsIn(id) }))];
}

function formatYaml(snapshot: OrganisationSnapshot): string {
  const { settings } = snapshot;
  const holders = (role: OrgRole) => snapshot.roleAssignments.filter((a) => a.role === role).map((a) => formatPersonRef(a.person));
  const doc = new Document({
    organisation: {
      name: settings.name,
      language: settings.language,
      timeZone: settings.timeZone,
      country: settings.country,
      currency: settings.currency,
      hoursPerFte: settings.hoursPerFte,
      benefitCategories: settings.benefitCategories.map(categoryForFile),
      followUpMonths: [...settings.followUpMonths],
    },
    ...Object.fromEntries(ORG_ROLES.map((role) => [ROLE_KEYS[role], holders(role)])),
    serviceAreas: areasForFile(snapshot),
  });
  doc.commentBefore = ' Tavla organisation file. Import with: npm run org -- import <file> (see docs/org-import.md)';
  // Short lists of people read best on one line: leaders: [a@kommune.no, b@kommune.no].
  // Times and dates are quoted, so that no YAML 1.1 tool reads 08:30 as a number or a date as a timestamp.
  visit(doc, {
    Scalar(_, scalar) {
      if (typeof scalar.value === 'string' && /^(\d\d:\d\d|\d{4}-\d\d-\d\d)$/.test(scalar.value)) scalar.type = 'QUOTE_SINGLE';
    },
    Seq(_, seq) {
      // Weekday numbers too: weekdays: [1, 2, 3, 4, 5].
      if (seq.items.every(isScalar) && (seq.items.length <= SHORT_LIST || seq.items.every((item) => typeof item.value === 'number'))) seq.flow = true;
    },
  });
  return doc.toString({ lineWidth: 0, flowCollectionPadding: false });
}

function formatCsv(snapshot: OrganisationSnapshot): string {
  const people = (refs: readonly PersonRef[]) => refs.map(formatPersonRef).join(CSV_LIST_SEPARATOR);
  const rows = sortedUnits(snapshot).map((unit): Record<CsvColumn, string> => {
    const area = findServiceArea(snapshot, unit.serviceAreaId);
    return {
      service_area_id: unit.serviceAreaId,
      service_area_name: area?.name ?? '',
      service_area_leaders: people(area?.leaders ?? []),
      unit_id: unit.id,
      unit_code: unit.code,
      unit_name: unit.name,
      unit_leaders: people(unit.leaders),
      headcount: unit.headcount === undefined ? '' : String(unit.headcount),
      meeting_weekdays: unit.schedule?.weekdays.join(CSV_LIST_SEPARATOR) ?? '',
      meeting_time: unit.schedule?.time ?? '',
    };
  });
  return stringifyCsv(rows, { header: true, columns: [...CSV_COLUMNS] });
}
