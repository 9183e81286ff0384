/** The `organisation:` mapping of a YAML file: the settings, with follow-up months and benefit categories. */
import { isMap, isScalar } from 'yaml';
import { LOCALES } from '../../domain/locale';
import { BENEFIT_MEASURES, BenefitMeasure } from '../../domain/benefitMeasure';
import { BUILT_IN_BENEFIT_CATEGORIES, BUILT_IN_MEASURES, BenefitCategory, COUNTRIES, CURRENCIES, OrganisationSettings, defaultMeasure, isBuiltInCategory } from '../../domain/organisation';
import { Subject, quote, subjectFor } from './problems';
import { idValue, nameValue, numberValue, oneOfValue, timeZoneValue } from './values';
import { CATEGORY_KEYS, SETTINGS_KEYS } from './yamlLayout';
import { YamlField, YamlReader } from './yamlReader';

const HOURS_PER_FTE_RANGE = { min: 1000, max: 2500 };
const FOLLOW_UP_RANGE = { min: 1, max: 36, whole: true };
const REVISION_MONTH_RANGE = { min: 1, max: 12, whole: true };

export function readYamlSettings(reader: YamlReader, field: YamlField, current: OrganisationSettings): OrganisationSettings {
  const subject = { label: 'organisation', line: field.line };
  const entries = reader.entries(field, SETTINGS_KEYS, subject);
  if (!entries) return current;
  const { problems } = reader;
  const cell = (key: string) => reader.text(entries.get(key), key, subject);
  const categories = entries.has('benefitCategories') ? readYamlCategories(reader, entries.get('benefitCategories')!, subject, current.benefitCategories) : undefined;
  return {
    name: nameValue(cell('name'), 'name', subject, problems, false) ?? current.name,
    language: oneOfValue(cell('language'), 'language', LOCALES, subject, problems) ?? current.language,
    timeZone: timeZoneValue(cell('timeZone'), subject, problems) ?? current.timeZone,
    country: oneOfValue(cell('country'), 'country', COUNTRIES, subject, problems) ?? current.country,
    currency: oneOfValue(cell('currency'), 'currency', CURRENCIES, subject, problems) ?? current.currency,
    hoursPerFte: numberValue(cell('hoursPerFte'), 'hoursPerFte', { ...HOURS_PER_FTE_RANGE, whole: false }, subject, problems) ?? current.hoursPerFte,
    benefitCategories: categories ?? current.benefitCategories,
    followUpMonths: entries.has('followUpMonths') ? readYamlFollowUps(reader, entries.get('followUpMonths')!, subject) : current.followUpMonths,
    ...revisionMonths(reader, entries.get('revisionMonths'), subject, current),
  };
}

/** Months of the half-yearly revision, e.g. [3, 9]; omitted keeps the stored ones (or the default). */
function revisionMonths(reader: YamlReader, field: YamlField | undefined, subject: Subject, current: OrganisationSettings): Pick<OrganisationSettings, 'revisionMonths'> {
  if (!field) return current.revisionMonths ? { revisionMonths: current.revisionMonths } : {};
  const cells = reader.textList(field, 'revisionMonths', subject) ?? [];
  const months = cells.flatMap((cell) => numberValue(cell, 'revisionMonths', REVISION_MONTH_RANGE, subject, reader.problems) ?? []);
  if (!cells.length) reader.problems.about(subject, field.line, 'revisionMonths must list at least one month (1..12)');
  return { revisionMonths: [...new Set(months)].sort((a, b) => a - b) };
}

/** Months after an idea is done when identified benefits are followed up, e.g. [3, 12]. */
function readYamlFollowUps(reader: YamlReader, field: YamlField, subject: Subject): number[] {
  const cells = reader.textList(field, 'followUpMonths', subject) ?? [];
  const months = cells.flatMap((cell) => numberValue(cell, 'followUpMonths', FOLLOW_UP_RANGE, subject, reader.problems) ?? []);
  return [...new Set(months)].sort((a, b) => a - b);
}

function readYamlCategories(reader: YamlReader, field: YamlField, subject: Subject, stored: readonly BenefitCategory[]): BenefitCategory[] | undefined {
  const items = reader.list(field, 'benefitCategories', subject);
  if (!items) return undefined;
  if (!items.length) reader.problems.about(subject, field.line, 'benefitCategories must list at least one category');
  const firstLine = new Map<string, number>();
  return items.flatMap((item) => {
    const category = isMap(item.node) ? readYamlOwnCategory(reader, item, stored) : readYamlBuiltInCategory(reader, item, subject);
    if (!category?.id) return [];
    const earlier = firstLine.get(category.id);
    if (earlier !== undefined) {
      reader.problems.about(subject, item.line, `benefit category ${quote(category.id)} is listed twice (first on line ${earlier})`);
      return [];
    }
    firstLine.set(category.id, item.line);
    return [category];
  });
}

function readYamlBuiltInCategory(reader: YamlReader, item: YamlField, subject: Subject): BenefitCategory | undefined {
  const cell = reader.text(item, 'benefit category', subject);
  if (!cell) {
    if (item.node === null || isScalar(item.node)) reader.problems.about(subject, item.line, 'a benefit category is empty');
    return undefined;
  }
  const id = cell.text.trim();
  if (!isBuiltInCategory(id)) {
    reader.problems.about(
      subject,
      cell.line,
      `benefit category ${quote(id)} is not built in (${BUILT_IN_BENEFIT_CATEGORIES.join(', ')}); give an own category as { id: ${id}, measure: quantity, unit: litres, names: { nb: ..., da: ..., en: ... } }`,
    );
  }
  return { id, measure: defaultMeasure(id) };
}

function readYamlOwnCategory(reader: YamlReader, item: YamlField, stored: readonly BenefitCategory[]): BenefitCategory | undefined {
  const idCell = reader.idOf(item);
  const named = subjectFor('benefit category', idCell, item.line);
  const entries = reader.entries(item, CATEGORY_KEYS, named);
  if (!entries) return undefined;
  const id = idValue(idCell, 'benefit category id', named, reader.problems);
  const namesField = entries.get('names');
  const nameEntries = namesField ? reader.entries(namesField, LOCALES, named) : undefined;
  const names: Partial<Record<(typeof LOCALES)[number], string>> = {};
  for (const locale of LOCALES) {
    const name = nameValue(reader.text(nameEntries?.get(locale), `names.${locale}`, named), `names.${locale}`, named, reader.problems, false);
    if (name !== undefined) names[locale] = name;
  }
  const hasNames = Object.keys(names).length > 0;
  if (!hasNames && !namesField && id && !isBuiltInCategory(id)) {
    reader.problems.about(named, item.line, `an own benefit category needs names, e.g. names: { nb: ..., da: ..., en: ... }`);
  }
  const { measure, unit } = readYamlMeasure(reader, entries, named, id, stored);
  return { id, ...(hasNames ? { names } : {}), measure, ...(unit ? { unit } : {}) };
}

/**
 * What a category is measured in, and the unit of a quantity. Built-in categories have theirs; an
 * own category keeps its stored measure when the file omits it, and a new one must give it.
 */
function readYamlMeasure(reader: YamlReader, entries: ReadonlyMap<string, YamlField>, named: Subject, id: string, stored: readonly BenefitCategory[]): { measure: BenefitMeasure; unit?: string } {
  const before = stored.find((category) => category.id === id);
  const written = oneOfValue(reader.text(entries.get('measure'), 'measure', named), 'measure', BENEFIT_MEASURES, named, reader.problems);
  const measure = written ?? before?.measure ?? (isBuiltInCategory(id) ? BUILT_IN_MEASURES[id] : undefined);
  if (!measure && id && !entries.has('measure')) {
    reader.problems.about(named, named.line, `an own benefit category needs a measure: ${BENEFIT_MEASURES.join(', ')}, e.g. measure: quantity`);
  }
  const unitCell = reader.text(entries.get('unit'), 'unit', named);
  const unit = unitCell ? nameValue(unitCell, 'unit', named, reader.problems, false) : entries.has('unit') ? undefined : before?.unit;
  if (unit && measure && measure !== 'quantity' && measure !== 'quality') reader.problems.about(named, unitCell?.line ?? named.line, `unit is only for a quantity or quality category; ${quote(id)} is measured in ${measure}`);
  return { measure: measure ?? 'quality', ...(unit ? { unit } : {}) };
}
