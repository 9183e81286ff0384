// npm run report: a report as XLSX, CSV or JSON, from the command line, for the operator who holds
// the storage keys. The arithmetic is the bot's own (src/domain/report.ts, via ReportService);
// this file only reads arguments, opens storage (as scripts/org.ts does) and writes the file.
import { existsSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../src/config';
import { DEFAULT_STAGNATION } from '../src/domain/stagnation';
import { DomainError, ValidationError } from '../src/domain/errors';
import { isLocale, Locale } from '../src/domain/locale';
import { parsePeriod } from '../src/domain/reportPeriod';
import { ReportScope, parseScopeToken } from '../src/domain/reportScope';
import { reportCsv } from '../src/exports/reportCsv';
import { reportJson } from '../src/exports/reportJson';
import { reportWorkbook } from '../src/exports/reportWorkbook';
import { systemClock } from '../src/ports/clock';
import { cachedHolidayChecks } from '../src/scheduler/holidays';
import { OrganisationDirectory } from '../src/services/organisationDirectory';
import { ReportService } from '../src/services/reports/reportService';
import { BenefitTable } from '../src/storage/benefitTable';
import { IdeaTable } from '../src/storage/ideaTable';
import { MeetingTable } from '../src/storage/meetingTable';
import { openStorage } from '../src/storage/openStorage';
import { OrganisationTable } from '../src/storage/organisationTable';
import { EXIT_OK, UsageError, runCommandLine } from './cli';

const USAGE = `Usage:
  npm run report -- --scope unit|area|org [--id <unit or area id>] --period <period>
                    --format xlsx|csv|json [--out <file>] [--lang nb|da|en]

--period   2026Q3 (a quarter), 2026H1 (a half-year), 2026 (a year),
           or 2026-01-01..2026-02-15 (any dates, at most three years)
--format   xlsx: a sheet per level and benefits by category; csv: one table, UTF-8 with BOM,
           ";" and decimal commas for nb and da, "," for en; json: the figures as data
--out      the file to write; without it the report goes to stdout
--lang     the language of headers; default the organisation's
Settings come from the environment and .env, as for the bot (STORAGE_CONNECTION_STRING,
STORAGE_ACCOUNT_URL or the embedded Azurite over DATA_DIR, TABLE_PREFIX, STAGNATION_WEEKS).
See docs/reports.md.`;


const FORMATS = ['xlsx', 'csv', 'json'] as const;
type Format = (typeof FORMATS)[number];

interface Command {
  readonly scope: ReportScope;
  readonly period: NonNullable<ReturnType<typeof parsePeriod>>;
  readonly format: Format;
  readonly out?: string;
  readonly lang?: Locale;
}

function parseCommand(args: readonly string[]): Command | 'help' {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...args],
      options: { scope: { type: 'string' }, id: { type: 'string' }, period: { type: 'string' }, format: { type: 'string' }, out: { type: 'string' }, lang: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    }));
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  if (values.help) return 'help';
  const kind = values.scope;
  if (kind !== 'unit' && kind !== 'area' && kind !== 'org') throw new UsageError('--scope must be unit, area or org');
  if (kind === 'org' && values.id) throw new UsageError('--id is for --scope unit or area');
  if (kind !== 'org' && !values.id) throw new UsageError(`--scope ${kind} needs --id`);
  const scope = parseScopeToken(kind === 'org' ? 'organisation' : `${kind}:${values.id}`);
  if (!scope) throw new UsageError(`--id "${values.id}" is not ${kind === 'area' ? 'an area' : 'a unit'} id (lowercase letters, digits and dashes)`);
  const period = parsePeriod(values.period ?? '');
  if (!period) throw new UsageError(`--period "${values.period ?? ''}" is not a period (2026Q3, 2026H1, 2026 or 2026-01-01..2026-02-15)`);
  const format = FORMATS.find((f) => f === values.format);
  if (!format) throw new UsageError('--format must be xlsx, csv or json');
  const lang = values.lang;
  if (lang !== undefined && !isLocale(lang)) throw new UsageError('--lang must be nb, da or en');
  return { scope, period, format, ...(values.out ? { out: values.out } : {}), ...(lang ? { lang } : {}) };
}

function loadDotEnv(): void {
  const envFile = resolve('.env');
  if (existsSync(envFile) && typeof process.loadEnvFile === 'function') process.loadEnvFile(envFile);
}

async function run(command: Command): Promise<number> {
  loadDotEnv();
  const config = loadConfig();
  const opened = await openStorage(config.storage, config.tablePrefix);
  try {
    const directory = new OrganisationDirectory(new OrganisationTable(opened.store), systemClock);
    const reports = new ReportService(new IdeaTable(opened.store), new BenefitTable(opened.store), new MeetingTable(opened.store), directory, systemClock, {
      holidays: cachedHolidayChecks(),
      thresholds: { ...DEFAULT_STAGNATION, quietWeeks: config.rhythm.stagnationWeeks },
    });
    const view = await reports.reportForOperator({ scope: command.scope, period: command.period });
    const locale = command.lang ?? view.settings.language;
    const body = command.format === 'xlsx' ? await reportWorkbook(locale, view, systemClock.now()) : command.format === 'csv' ? reportCsv(locale, view) : reportJson(view);
    if (command.out) {
      writeFileSync(command.out, body);
      console.error(`Wrote ${command.out}: ${view.name}, ${view.period.from} – ${view.period.to}, ${view.units.length} unit${view.units.length === 1 ? '' : 's'}`);
    } else {
      process.stdout.write(body);
    }
    return EXIT_OK;
  } finally {
    await opened.close();
  }
}

/** The report's own failures; configuration and storage are described as for every tool (cli.ts). */
function describeReportFailure(error: unknown): string | undefined {
  if (error instanceof DomainError && error.code === 'notFound') return 'Error: no such unit or service area in the stored organisation';
  if (error instanceof ValidationError) return 'Error: that period has not started yet';
  return undefined;
}

runCommandLine({ usage: USAGE, parse: parseCommand, run, describe: describeReportFailure });
