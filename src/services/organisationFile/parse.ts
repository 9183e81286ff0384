/** File text to a checked import: read the format into drafts, cross-check them against the stored organisation, summarise. */
import { OrganisationSnapshot } from '../../domain/organisation';
import { OrganisationImport } from '../../ports/organisationRepository';
import { assemble } from './assemble';
import { isCategoriesCsv, readCategoriesCsv } from './csvCategories';
import { readCsv } from './csvFile';
import { FileProblem, Problems } from './problems';
import { ImportSummary, summarise } from './summary';
import { readYaml } from './yamlFile';

export type OrganisationFileFormat = 'yaml' | 'csv';

export const ORGANISATION_FILE_FORMATS: readonly OrganisationFileFormat[] = ['yaml', 'csv'];

export type ParseResult =
  | { readonly ok: true; readonly data: OrganisationImport; readonly summary: ImportSummary }
  | { readonly ok: false; readonly problems: readonly FileProblem[] };

export function parseOrganisationFile(text: string, format: OrganisationFileFormat, current: OrganisationSnapshot): ParseResult {
  const problems = new Problems();
  const draft = format === 'yaml' ? readYaml(text, current.settings, problems) : isCategoriesCsv(text) ? readCategoriesCsv(text, current.settings, problems) : readCsv(text, problems);
  const data = draft && assemble(draft, current, problems);
  if (!data || problems.any) return { ok: false, problems: problems.sorted() };
  return { ok: true, data, summary: summarise(data, current) };
}
