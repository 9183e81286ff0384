/** CSV text to rows of cells, each on its physical line, with the header checked against the known columns. */
import { parse as parseCsv } from 'csv-parse/sync';
import { CSV_COLUMNS, CSV_LIST_SEPARATOR, CsvColumn, OptionalCsvColumn, isOptionalColumn } from './csvLayout';
import { Cell, Problems, quote } from './problems';

export interface CsvRecord {
  readonly values: readonly string[];
  /** The physical line the record starts on. */
  readonly line: number;
}

export type CsvRow = Readonly<Record<Exclude<CsvColumn, OptionalCsvColumn>, Cell> & Partial<Record<OptionalCsvColumn, Cell>>>;

export function parseCsvRecords(text: string, problems: Problems): CsvRecord[] | undefined {
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

export function readCsvHeader(header: CsvRecord, problems: Problems): ReadonlyMap<CsvColumn, number> | undefined {
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

export function csvRow(record: CsvRecord, columns: ReadonlyMap<CsvColumn, number>, width: number, problems: Problems): CsvRow | undefined {
  if (record.values.length !== width) {
    problems.add(record.line, `the row has ${record.values.length} fields, but the header has ${width}`);
    return undefined;
  }
  const present = CSV_COLUMNS.filter((column) => columns.has(column));
  return Object.fromEntries(present.map((column) => [column, { text: record.values[columns.get(column)!], line: record.line }])) as CsvRow;
}

export function csvPeople(cell: Cell): Cell[] {
  return cell.text
    .split(CSV_LIST_SEPARATOR)
    .map((text) => text.trim())
    .filter(Boolean)
    .map((text) => ({ text, line: cell.line }));
}
