/**
 * Bulk set-up of the organisation from a file an administrator edits: YAML (everything) or CSV
 * (one row per unit). Parsing checks every rule and collects every problem with the line it is
 * on, so the administrator fixes the whole file in one go, and nothing is imported until the whole
 * file is valid. Full description with examples: docs/org-import.md.
 *
 * The public API; the work is done in ./organisationFile/ (each format's layout is described in
 * yamlLayout.ts and csvLayout.ts there).
 */
export { CSV_COLUMNS } from './organisationFile/csvLayout';
export { formatOrganisationFile } from './organisationFile/format';
export { ORGANISATION_FILE_FORMATS, parseOrganisationFile } from './organisationFile/parse';
export type { OrganisationFileFormat, ParseResult } from './organisationFile/parse';
export type { FileProblem } from './organisationFile/problems';
export type { ImportCounts, ImportSummary } from './organisationFile/summary';
