/** The `serviceAreas:` list of a YAML file: each area, its units and their meeting schedules. */
import { isMap } from 'yaml';
import { isLocalDate } from '../../domain/dates';
import { MAX_LEADERS, MAX_PEOPLE_PER_UNIT } from '../../domain/organisation';
import { MAX_PAUSES } from '../../domain/scheduleForm';
import { AreaDraft, FileDraft, ScheduleDraft, UnitDraft } from './drafts';
import { GoalFileDraft, optionalSlug } from './goalDrafts';
import { readYamlGoals } from './yamlGoals';
import { Cell, Subject, quote, subjectFor } from './problems';
import { HEADCOUNT_RANGE, idValue, meetingTimeValue, nameValue, numberValue, peopleValue, unitCodeValue, weekdaysValue } from './values';
import { AREA_KEYS, PAUSE_KEYS, SCHEDULE_KEYS, UNIT_KEYS } from './yamlLayout';
import { YamlField, YamlReader } from './yamlReader';

export function readYamlAreas(reader: YamlReader, field: YamlField | undefined): Pick<FileDraft, 'areas' | 'units'> & { goals: GoalFileDraft[] } {
  const items = reader.list(field, 'serviceAreas', { label: 'serviceAreas', line: field?.line ?? 1 }) ?? [];
  const areas: AreaDraft[] = [];
  const units: UnitDraft[] = [];
  const goals: GoalFileDraft[] = [];
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
    goals.push(...readYamlGoals(reader, entries.get('goals'), 'area', id, subject));
    for (const unit of reader.list(entries.get('units'), 'units', subject) ?? []) {
      const draft = readYamlUnit(reader, unit, id);
      if (!draft) continue;
      units.push(draft.unit);
      goals.push(...draft.goals);
    }
  }
  return { areas, units, goals };
}

function readYamlUnit(reader: YamlReader, item: YamlField, serviceAreaId: string): { unit: UnitDraft; goals: GoalFileDraft[] } | undefined {
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
  const kind = optionalSlug(cell('kind'), 'kind', subject, problems);
  const id = idValue(idCell, 'unit id', subject, problems);
  const unit: UnitDraft = {
    id,
    line: item.line,
    serviceAreaId,
    ...(code ? { code } : {}),
    ...(name !== undefined ? { name } : {}),
    ...(leaders ? { leaders: peopleValue(leaders, { entry: 'leader', list: 'leaders', limit: MAX_LEADERS }, subject, problems) } : {}),
    ...(members ? { members: peopleValue(members, { entry: 'member', list: 'members', limit: MAX_PEOPLE_PER_UNIT }, subject, problems) } : {}),
    ...(headcount !== undefined ? { headcount } : {}),
    ...(schedule ? { schedule } : {}),
    ...(kind ? { kind: kind.text } : {}),
  };
  return { unit, goals: readYamlGoals(reader, entries.get('goals'), 'unit', id, subject) };
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
