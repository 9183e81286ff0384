/**
 * CSV: a header row, then one row per unit with the columns
 *   service_area_id, service_area_name, service_area_leaders, unit_id, unit_code, unit_name, unit_leaders, headcount
 * and optionally meeting_weekdays ("1;2;3;4;5"), meeting_time ("08:30") and unit_kind ("home-care").
 * People in a cell are separated by ";". `unit_code`, `headcount` and the meeting columns may be
 * empty (keep the stored value; a new unit gets the next free code; pauses are kept). Rows of one
 * service area must agree on its name and leaders. Settings, organisation roles, members and
 * schedule pauses are not in CSV; they keep their stored values.
 */
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
  'unit_kind',
] as const;
export type CsvColumn = (typeof CSV_COLUMNS)[number];
/** Columns a file may leave out altogether (files written before they existed stay valid). */
const OPTIONAL_CSV_COLUMNS = ['meeting_weekdays', 'meeting_time', 'unit_kind'] as const;
export type OptionalCsvColumn = (typeof OPTIONAL_CSV_COLUMNS)[number];
export const isOptionalColumn = (column: CsvColumn): column is OptionalCsvColumn => (OPTIONAL_CSV_COLUMNS as readonly string[]).includes(column);

export const CSV_LIST_SEPARATOR = ';';
