// npm run org: bulk set-up of service areas, units, leaders and roles from a YAML or CSV file, and
// export of the stored organisation in the same formats. The rules live in
// src/services/organisationFile/; this file only reads arguments, opens storage and prints.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../src/config';
import { DomainError } from '../src/domain/errors';
import { OrganisationFileFormat } from '../src/services/organisationFile';
import {
  UnknownFileFormatError,
  describeImportSummary,
  exportOrganisation,
  fileFormatFromName,
  importOrganisation,
  isOrganisationFileFormat,
} from '../src/services/organisationImport';
import { openStorage } from '../src/storage/openStorage';
import { OrganisationTable } from '../src/storage/organisationTable';
import { EXIT_FAILED, EXIT_OK, UsageError, runCommandLine } from './cli';

const USAGE = `Usage:
  npm run org -- import <file.yaml|file.yml|file.csv> [--dry-run]
  npm run org -- export [--format yaml|csv] [--categories | --goals] [--out <file>]
  npm run org -- --help

import   checks the whole file and writes it only when every line is valid; problems are
         printed as <file>:<line>: <message> and nothing is written. --dry-run checks only.
export   writes the stored organisation as YAML (default) or CSV to stdout, or to --out
         (whose extension picks the format unless --format is given). In CSV, --categories
         writes the benefit categories (their own CSV file) instead of the units, --goals the
         goal breakdown (also a CSV file of its own).
Settings come from the environment and .env, as for the bot (STORAGE_CONNECTION_STRING,
STORAGE_ACCOUNT_URL or the embedded Azurite over DATA_DIR, and TABLE_PREFIX).
See docs/org-import.md for the file formats.`;


type Command =
  | { readonly kind: 'help' }
  | { readonly kind: 'import'; readonly file: string; readonly format: OrganisationFileFormat; readonly dryRun: boolean }
  | { readonly kind: 'export'; readonly format: OrganisationFileFormat; readonly out?: string; readonly categories: boolean; readonly goals: boolean };

function formatOption(value: string | undefined): OrganisationFileFormat | undefined {
  if (value === undefined) return undefined;
  if (!isOrganisationFileFormat(value)) throw new UsageError(`--format must be yaml or csv, not "${value}"`);
  return value;
}

function parseCommand(args: readonly string[]): Command {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...args],
      allowPositionals: true,
      options: {
        'dry-run': { type: 'boolean' },
        format: { type: 'string' },
        out: { type: 'string' },
        categories: { type: 'boolean' },
        goals: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const { values, positionals } = parsed;
  const [verb, ...rest] = positionals;
  if (values.help || verb === 'help') return { kind: 'help' };
  const format = formatOption(values.format);
  switch (verb) {
    case 'import': {
      if (rest.length !== 1) throw new UsageError('import needs exactly one file');
      if (values.out !== undefined) throw new UsageError('--out belongs to export');
      if (values.categories) throw new UsageError('--categories belongs to export (import tells a categories file by its header)');
      if (values.goals) throw new UsageError('--goals belongs to export (import tells a goals file by its header)');
      return { kind: 'import', file: rest[0], format: format ?? fileFormatFromName(rest[0]), dryRun: values['dry-run'] ?? false };
    }
    case 'export': {
      if (rest.length) throw new UsageError(`export takes no file argument (use --out ${rest[0]})`);
      if (values['dry-run']) throw new UsageError('--dry-run belongs to import');
      const exportFormat = format ?? (values.out ? fileFormatFromName(values.out) : 'yaml');
      if (values.categories && exportFormat !== 'csv') throw new UsageError('--categories is for CSV (YAML has the categories under organisation:)');
      if (values.goals && exportFormat !== 'csv') throw new UsageError('--goals is for CSV (YAML has the goals under the organisation, each area and each unit)');
      if (values.goals && values.categories) throw new UsageError('--goals and --categories are two files: export one at a time');
      return { kind: 'export', format: exportFormat, ...(values.out ? { out: values.out } : {}), categories: values.categories ?? false, goals: values.goals ?? false };
    }
    default:
      throw new UsageError(verb ? `unknown command "${verb}"` : 'a command is required');
  }
}

/** `.env` in the working directory, which `npm run` makes the project root (as for the bot). */
function loadDotEnv(): void {
  const envFile = resolve('.env');
  // Variables set in the shell win: loadEnvFile does not overwrite them.
  if (existsSync(envFile) && typeof process.loadEnvFile === 'function') process.loadEnvFile(envFile);
}

async function withOrganisation<T>(use: (repo: OrganisationTable) => Promise<T>): Promise<T> {
  loadDotEnv();
  const config = loadConfig();
  const opened = await openStorage(config.storage, config.tablePrefix);
  try {
    return await use(new OrganisationTable(opened.store));
  } finally {
    await opened.close();
  }
}

async function runImport(command: Extract<Command, { kind: 'import' }>): Promise<number> {
  const text = readFileSync(command.file, 'utf8');
  const outcome = await withOrganisation((repo) => importOrganisation(repo, text, command.format, { dryRun: command.dryRun }));
  if (!outcome.ok) {
    for (const problem of outcome.problems) console.error(`${command.file}:${problem.line}: ${problem.message}`);
    console.error(`Nothing was imported: ${outcome.problems.length} problem${outcome.problems.length === 1 ? '' : 's'} in ${command.file}.`);
    return EXIT_FAILED;
  }
  console.log(describeImportSummary(outcome.summary, outcome.dryRun));
  return EXIT_OK;
}

async function runExport(command: Extract<Command, { kind: 'export' }>): Promise<number> {
  const text = await withOrganisation((repo) => exportOrganisation(repo, command.format, { categories: command.categories, goals: command.goals }));
  if (command.out) {
    writeFileSync(command.out, text, 'utf8');
    console.log(`Wrote ${command.out}`);
  } else {
    process.stdout.write(text);
  }
  return EXIT_OK;
}

/** The import's own failures; configuration and storage are described as for every tool (cli.ts). */
function describeOrgFailure(error: unknown): string | undefined {
  // The storage adapter checks every row's size before it writes the first one.
  if (error instanceof DomainError && error.code === 'invalid') return `Error: a row is too large for Azure Tables (${JSON.stringify(error.params)}); nothing was written`;
  if (error instanceof UnknownFileFormatError) return `Error: ${error.message}`;
  if (error instanceof Error && 'code' in error && error.code === 'ENOENT' && 'path' in error) return `Error: no such file: ${String(error.path)}`;
  return undefined;
}

runCommandLine({
  usage: USAGE,
  parse: (args) => {
    const command = parseCommand(args);
    return command.kind === 'help' ? 'help' : command;
  },
  run: (command) => (command.kind === 'import' ? runImport(command) : runExport(command)),
  describe: describeOrgFailure,
});
