import { OrganisationRepository } from '../ports/organisationRepository';
import {
  FileProblem,
  ImportCounts,
  ImportSummary,
  ORGANISATION_FILE_FORMATS,
  OrganisationFileFormat,
  formatOrganisationFile,
  parseOrganisationFile,
} from './organisationFile';

export type ImportOutcome =
  | { readonly ok: true; readonly dryRun: boolean; readonly summary: ImportSummary }
  | { readonly ok: false; readonly problems: readonly FileProblem[] };

/**
 * Checks the whole file against the stored organisation and writes it only when every line is
 * valid, so a file with one bad row changes nothing. A dry run checks and summarises without writing.
 */
export async function importOrganisation(
  repo: OrganisationRepository,
  text: string,
  format: OrganisationFileFormat,
  options: { readonly dryRun?: boolean } = {},
): Promise<ImportOutcome> {
  const current = await repo.load();
  const parsed = parseOrganisationFile(text, format, current);
  if (!parsed.ok) return parsed;
  const dryRun = options.dryRun ?? false;
  if (!dryRun) await repo.applyImport(parsed.data);
  return { ok: true, dryRun, summary: parsed.summary };
}

/** The stored organisation as a file; `categories` asks for the benefit categories' CSV file. */
export async function exportOrganisation(repo: OrganisationRepository, format: OrganisationFileFormat, options: { readonly categories?: boolean } = {}): Promise<string> {
  return formatOrganisationFile(await repo.load(), format, options);
}

/** A file name whose extension says neither YAML nor CSV. */
export class UnknownFileFormatError extends Error {
  constructor(readonly fileName: string) {
    super(`Cannot tell the format of "${fileName}": use a .yaml, .yml or .csv file`);
    this.name = 'UnknownFileFormatError';
  }
}

const EXTENSIONS: Readonly<Record<string, OrganisationFileFormat>> = { yaml: 'yaml', yml: 'yaml', csv: 'csv' };

/** The format a file name's extension stands for; throws UnknownFileFormatError for any other extension. */
export function fileFormatFromName(fileName: string): OrganisationFileFormat {
  const extension = /\.([^./\\]+)$/.exec(fileName)?.[1]?.toLowerCase() ?? '';
  const format = EXTENSIONS[extension];
  if (!format) throw new UnknownFileFormatError(fileName);
  return format;
}

export function isOrganisationFileFormat(value: string): value is OrganisationFileFormat {
  return (ORGANISATION_FILE_FORMATS as readonly string[]).includes(value);
}

function describeCounts(what: string, counts: ImportCounts): string {
  return `${what}: ${counts.created} new, ${counts.updated} updated, ${counts.unchanged} unchanged`;
}

/** The summary an administrator reads after an import, one fact per line. */
export function describeImportSummary(summary: ImportSummary, dryRun: boolean): string {
  const roles = Object.entries(summary.roles).map(([role, count]) => `${role}: ${count}`);
  return [
    dryRun ? 'Dry run: the file is valid; nothing was written.' : 'Imported.',
    describeCounts('Service areas', summary.serviceAreas),
    describeCounts('Units', summary.units),
    `Organisation settings: ${summary.settingsChanged ? 'updated' : 'unchanged'}`,
    ...(roles.length ? [`Roles set (people): ${roles.join(', ')}`] : []),
  ].join('\n');
}
