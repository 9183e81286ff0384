/** The rows of a CSV file to drafts of service areas and units. */
import { MAX_LEADERS } from '../../domain/organisation';
import { formatPersonRef } from '../../domain/people';
import { CSV_COLUMNS, CSV_LIST_SEPARATOR } from './csvLayout';
import { CsvRow, csvPeople, csvRow, parseCsvRecords, readCsvHeader } from './csvRows';
import { AreaDraft, FileDraft, ScheduleDraft, UnitDraft } from './drafts';
import { optionalSlug } from './goalDrafts';
import { Problems, Subject, isBlank, quote, subjectFor } from './problems';
import { HEADCOUNT_RANGE, idValue, meetingTimeValue, nameValue, numberValue, peopleValue, unitCodeValue, weekdaysValue } from './values';

export function readCsv(text: string, problems: Problems): FileDraft | undefined {
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
  const kind = optionalSlug(row.unit_kind, 'unit_kind', subject, problems);
  return {
    id: idValue(row.unit_id, 'unit_id', subject, problems),
    line,
    serviceAreaId,
    ...(code ? { code } : {}),
    name: nameValue(row.unit_name, 'unit_name', subject, problems, true),
    leaders: peopleValue(csvPeople(row[column]), { entry: column, list: column, limit: MAX_LEADERS }, subject, problems),
    ...(headcount !== undefined ? { headcount } : {}),
    ...(schedule ? { schedule } : {}),
    ...(kind ? { kind: kind.text } : {}),
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
