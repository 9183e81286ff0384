/**
 * The organisation's benefit categories as CSV: a file of its own (its header starts with
 * `category_id`), one row per category, because the units file has one row per unit.
 *
 *   category_id,measure,unit,name_nb,name_da,name_en
 *   time,hours,,,,
 *   fuel,quantity,litres,Drivstoff,Brændstof,Fuel
 *
 * Built-in categories (quality, time, money, capacity) need no names; an own category needs a
 * measure and at least one name. The file lists all categories: it replaces the stored list.
 */
import { stringify as stringifyCsv } from 'csv-stringify/sync';
import { BENEFIT_MEASURES } from '../../domain/benefitMeasure';
import { LOCALES, Locale } from '../../domain/locale';
import { BUILT_IN_MEASURES, BenefitCategory, OrganisationSettings, isBuiltInCategory } from '../../domain/organisation';
import { parseCsvRecords } from './csvRows';
import { FileDraft } from './drafts';
import { Problems, isBlank, quote, subjectFor } from './problems';
import { idValue, nameValue, oneOfValue } from './values';

export const CATEGORY_CSV_COLUMNS = ['category_id', 'measure', 'unit', ...LOCALES.map((locale) => `name_${locale}` as const)] as const;
type CategoryColumn = (typeof CATEGORY_CSV_COLUMNS)[number];

/** A CSV file of categories rather than units: told apart by its first header cell. */
export function isCategoriesCsv(text: string): boolean {
  return /^\uFEFF?\s*"?category_id"?\s*[,;]/i.test(text);
}

export function readCategoriesCsv(text: string, current: OrganisationSettings, problems: Problems): FileDraft | undefined {
  const records = parseCsvRecords(text, problems);
  if (!records) return undefined;
  const [header, ...rows] = records;
  if (!header) return undefined;
  const names = header.values.map((value) => value.trim().toLowerCase());
  const columns = new Map<CategoryColumn, number>();
  names.forEach((name, index) => {
    const column = CATEGORY_CSV_COLUMNS.find((known) => known === name);
    if (!column) problems.add(header.line, `unknown column ${quote(name)}; expected ${CATEGORY_CSV_COLUMNS.join(', ')}`);
    else columns.set(column, index);
  });
  if (!columns.has('measure')) problems.add(header.line, 'the header lacks the column measure');
  if (problems.any) return undefined;
  if (!rows.length) problems.add(header.line, 'the file lists no category; at least one is needed');
  const seen = new Map<string, number>();
  const categories = rows.flatMap((record): BenefitCategory[] => {
    const cell = (column: CategoryColumn) => {
      const index = columns.get(column);
      return index === undefined ? undefined : { text: record.values[index] ?? '', line: record.line };
    };
    const idCell = cell('category_id');
    const subject = subjectFor('benefit category', idCell, record.line);
    const id = idValue(idCell, 'category_id', subject, problems);
    const earlier = seen.get(id);
    if (id && earlier !== undefined) problems.about(subject, record.line, `is listed twice (first on line ${earlier})`);
    seen.set(id, record.line);
    const measureCell = cell('measure');
    const measure = isBlank(measureCell) && isBuiltInCategory(id) ? BUILT_IN_MEASURES[id] : oneOfValue(measureCell, 'measure', BENEFIT_MEASURES, subject, problems);
    if (!measure && isBlank(measureCell)) problems.about(subject, record.line, `measure is required: ${BENEFIT_MEASURES.join(', ')}`);
    const unit = nameValue(cell('unit'), 'unit', subject, problems, false);
    if (unit && measure && measure !== 'quantity' && measure !== 'quality') problems.about(subject, record.line, `unit is only for a quantity or quality category; ${quote(id)} is measured in ${measure}`);
    const categoryNames: Partial<Record<Locale, string>> = {};
    for (const locale of LOCALES) {
      const name = nameValue(cell(`name_${locale}`), `name_${locale}`, subject, problems, false);
      if (name) categoryNames[locale] = name;
    }
    const named = Object.keys(categoryNames).length > 0;
    if (!named && id && !isBuiltInCategory(id)) problems.about(subject, record.line, 'an own benefit category needs at least one name (name_nb, name_da or name_en)');
    // Keys in the order every other reader writes them, so an unchanged list compares as unchanged.
    return id && measure ? [{ id, ...(named ? { names: categoryNames } : {}), measure, ...(unit ? { unit } : {}) }] : [];
  });
  return { settings: { ...current, benefitCategories: categories }, areas: [], units: [] };
}

export function formatCategoriesCsv(settings: OrganisationSettings): string {
  const rows = settings.benefitCategories.map((category): Record<CategoryColumn, string> => ({
    category_id: category.id,
    measure: category.measure,
    unit: category.unit ?? '',
    name_nb: category.names?.nb ?? '',
    name_da: category.names?.da ?? '',
    name_en: category.names?.en ?? '',
  }));
  return stringifyCsv(rows, { header: true, columns: [...CATEGORY_CSV_COLUMNS] });
}
