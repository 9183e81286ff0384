/** Export of the stored organisation, in either format. */
import { stringify as stringifyCsv } from 'csv-stringify/sync';
import { Document, isScalar, visit } from 'yaml';
import { BUILT_IN_MEASURES, BenefitCategory, ORG_ROLES, OrgRole, OrganisationSnapshot, Unit, findServiceArea, isBuiltInCategory } from '../../domain/organisation';
import { PersonRef, formatPersonRef } from '../../domain/people';
import { formatCategoriesCsv } from './csvCategories';
import { CSV_COLUMNS, CSV_LIST_SEPARATOR, CsvColumn } from './csvLayout';
import { OrganisationFileFormat } from './parse';
import { ROLE_KEYS } from './yamlLayout';

const SHORT_LIST = 4;

/**
 * The stored organisation as a file. YAML holds everything; CSV holds the units, or (with
 * `categories`) the benefit categories, which have a CSV file of their own.
 */
export function formatOrganisationFile(snapshot: OrganisationSnapshot, format: OrganisationFileFormat, options: { readonly categories?: boolean } = {}): string {
  if (format === 'yaml') return formatYaml(snapshot);
  return options.categories ? formatCategoriesCsv(snapshot.settings) : formatCsv(snapshot);
}

const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function sortedUnits(snapshot: OrganisationSnapshot): Unit[] {
  return [...snapshot.units].sort((a, b) => byText(a.serviceAreaId, b.serviceAreaId) || byText(a.id, b.id));
}

/** A built-in category with its own measure and no unit or names is written as its id alone. */
function categoryForFile(category: BenefitCategory): string | Record<string, unknown> {
  const plain = isBuiltInCategory(category.id) && category.measure === BUILT_IN_MEASURES[category.id] && !category.unit && !(category.names && Object.keys(category.names).length);
  if (plain) return category.id;
  return { id: category.id, measure: category.measure, ...(category.unit ? { unit: category.unit } : {}), ...(category.names && Object.keys(category.names).length ? { names: category.names } : {}) };
}

function unitForFile(unit: Unit): Record<string, unknown> {
  return {
    id: unit.id,
    code: unit.code,
    name: unit.name,
    leaders: unit.leaders.map(formatPersonRef),
    // Members usually come from the Teams roster; exported only when there are some, so that
    // re-importing the file never clears a roster that filled in after the export.
    ...(unit.members.length ? { members: unit.members.map(formatPersonRef) } : {}),
    ...(unit.headcount !== undefined ? { headcount: unit.headcount } : {}),
    ...(unit.schedule ? { schedule: { weekdays: [...unit.schedule.weekdays], time: unit.schedule.time, pauses: unit.schedule.pauses.map(({ from, to }) => ({ from, to })) } } : {}),
  };
}

function areasForFile(snapshot: OrganisationSnapshot): Record<string, unknown>[] {
  const units = sortedUnits(snapshot);
  const unitsIn = (areaId: string) => units.filter((unit) => unit.serviceAreaId === areaId).map(unitForFile);
  const areas = [...snapshot.serviceAreas].sort((a, b) => byText(a.id, b.id));
  const stored = areas.map((area) => ({ id: area.id, name: area.name, leaders: area.leaders.map(formatPersonRef), units: unitsIn(area.id) }));
  // A unit whose area is missing still appears, under an entry that names only the area's id.
  const orphanAreaIds = [...new Set(units.map((unit) => unit.serviceAreaId))].filter((id) => !findServiceArea(snapshot, id));
  return [...stored, ...orphanAreaIds.map((id) => ({ id, units: unitsIn(id) }))];
}

function formatYaml(snapshot: OrganisationSnapshot): string {
  const { settings } = snapshot;
  const holders = (role: OrgRole) => snapshot.roleAssignments.filter((a) => a.role === role).map((a) => formatPersonRef(a.person));
  const doc = new Document({
    organisation: {
      name: settings.name,
      language: settings.language,
      timeZone: settings.timeZone,
      country: settings.country,
      currency: settings.currency,
      hoursPerFte: settings.hoursPerFte,
      benefitCategories: settings.benefitCategories.map(categoryForFile),
      followUpMonths: [...settings.followUpMonths],
      ...(settings.revisionMonths ? { revisionMonths: [...settings.revisionMonths] } : {}),
    },
    ...Object.fromEntries(ORG_ROLES.map((role) => [ROLE_KEYS[role], holders(role)])),
    serviceAreas: areasForFile(snapshot),
  });
  doc.commentBefore = ' Tavla organisation file. Import with: npm run org -- import <file> (see docs/org-import.md)';
  // Short lists of people read best on one line: leaders: [a@kommune.no, b@kommune.no].
  // Times and dates are quoted, so that no YAML 1.1 tool reads 08:30 as a number or a date as a timestamp.
  visit(doc, {
    Scalar(_, scalar) {
      if (typeof scalar.value === 'string' && /^(\d\d:\d\d|\d{4}-\d\d-\d\d)$/.test(scalar.value)) scalar.type = 'QUOTE_SINGLE';
    },
    Seq(_, seq) {
      // Weekday numbers too: weekdays: [1, 2, 3, 4, 5].
      if (seq.items.every(isScalar) && (seq.items.length <= SHORT_LIST || seq.items.every((item) => typeof item.value === 'number'))) seq.flow = true;
    },
  });
  return doc.toString({ lineWidth: 0, flowCollectionPadding: false });
}

function formatCsv(snapshot: OrganisationSnapshot): string {
  const people = (refs: readonly PersonRef[]) => refs.map(formatPersonRef).join(CSV_LIST_SEPARATOR);
  const rows = sortedUnits(snapshot).map((unit): Record<CsvColumn, string> => {
    const area = findServiceArea(snapshot, unit.serviceAreaId);
    return {
      service_area_id: unit.serviceAreaId,
      service_area_name: area?.name ?? '',
      service_area_leaders: people(area?.leaders ?? []),
      unit_id: unit.id,
      unit_code: unit.code,
      unit_name: unit.name,
      unit_leaders: people(unit.leaders),
      headcount: unit.headcount === undefined ? '' : String(unit.headcount),
      meeting_weekdays: unit.schedule?.weekdays.join(CSV_LIST_SEPARATOR) ?? '',
      meeting_time: unit.schedule?.time ?? '',
    };
  });
  return stringifyCsv(rows, { header: true, columns: [...CSV_COLUMNS] });
}
