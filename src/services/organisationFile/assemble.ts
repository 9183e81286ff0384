/** Cross-checks over the whole file and the stored organisation, then the import itself. */
import { OrganisationSnapshot, ServiceArea, Unit, findServiceArea, findUnit, nextUnitCode } from '../../domain/organisation';
import { MeetingSchedule } from '../../domain/schedule';
import { schedule as canonicalSchedule } from '../../domain/scheduleForm';
import { OrganisationImport } from '../../ports/organisationRepository';
import { assembleGoals } from './assembleGoals';
import { AreaDraft, FileDraft, ImportedUnit, UnitDraft } from './drafts';
import { Problems, quote } from './problems';

export function assemble(draft: FileDraft, current: OrganisationSnapshot, problems: Problems): OrganisationImport {
  const serviceAreas = assembleAreas(draft.areas, current, problems);
  const units = assembleUnits(draft.units, current, problems);
  // Checked even when the file lists no goal: a unit moved to another area must not leave its goals hanging.
  const goals = assembleGoals(draft.goals ?? [], current, { areas: serviceAreas, units, unitDrafts: draft.units }, problems);
  return {
    ...(draft.settings ? { settings: draft.settings } : {}),
    serviceAreas,
    units,
    ...(draft.roleAssignments ? { roleAssignments: draft.roleAssignments } : {}),
    ...(goals.length ? { goals } : {}),
  };
}

/** Keeps the first of each id and reports the others against it. */
function withoutDuplicates<T extends { id: string; line: number }>(items: readonly T[], what: string, problems: Problems): T[] {
  const firstLine = new Map<string, number>();
  return items.filter((item) => {
    if (!item.id) return false;
    const earlier = firstLine.get(item.id);
    if (earlier !== undefined) {
      problems.add(item.line, `${what} id ${quote(item.id)} is used twice in the file (first on line ${earlier})`);
      return false;
    }
    firstLine.set(item.id, item.line);
    return true;
  });
}

function assembleAreas(drafts: readonly AreaDraft[], current: OrganisationSnapshot, problems: Problems): ServiceArea[] {
  return withoutDuplicates(drafts, 'service area', problems).flatMap((draft) => {
    const stored = findServiceArea(current, draft.id);
    const name = draft.name ?? stored?.name;
    if (name === undefined) {
      problems.add(draft.line, `service area ${quote(draft.id)} is not stored yet, so the file must give its name`);
      return [];
    }
    return [{ id: draft.id, name, leaders: draft.leaders ?? stored?.leaders ?? [] }];
  });
}

function assembleUnits(drafts: readonly UnitDraft[], current: OrganisationSnapshot, problems: Problems): ImportedUnit[] {
  const units = withoutDuplicates(drafts, 'unit', problems);
  checkUnitCodes(units, current, problems);
  const nextCode = codeAllocator(current.units, units.flatMap((unit) => (unit.code ? [unit.code.text] : [])));
  return units.flatMap((draft): ImportedUnit[] => {
    const stored = findUnit(current, draft.id);
    const name = draft.name ?? stored?.name;
    if (name === undefined) {
      problems.add(draft.line, `unit ${quote(draft.id)} is not stored yet, so the file must give its name`);
      return [];
    }
    const headcount = draft.headcount ?? stored?.headcount;
    const schedule = assembleSchedule(draft, stored, problems);
    const kind = draft.kind ?? stored?.kind;
    return [
      {
        id: draft.id,
        code: draft.code?.text ?? (stored?.code || nextCode()),
        name,
        serviceAreaId: draft.serviceAreaId,
        leaders: draft.leaders ?? stored?.leaders ?? [],
        ...(draft.members ? { members: draft.members } : {}),
        ...(headcount !== undefined ? { headcount } : {}),
        ...(schedule ? { schedule } : {}),
        ...(kind ? { kind } : {}),
      },
    ];
  });
}

/** The file's schedule over the stored one: what the file leaves out is kept; a new schedule needs days and a time. */
function assembleSchedule(draft: UnitDraft, stored: Unit | undefined, problems: Problems): MeetingSchedule | undefined {
  const given = draft.schedule;
  if (!given) return stored?.schedule;
  if (given.broken) return undefined;
  const weekdays = given.weekdays ?? stored?.schedule?.weekdays;
  const time = given.time ?? stored?.schedule?.time;
  if (!weekdays || !time) {
    const missing = [weekdays ? '' : given.names.weekdays, time ? '' : given.names.time].filter(Boolean).join(' and ');
    problems.add(given.line, `unit ${quote(draft.id)} has no stored meeting schedule, so the file must give ${missing}`);
    return undefined;
  }
  return canonicalSchedule(weekdays, time, given.pauses ?? stored?.schedule?.pauses ?? []);
}

/**
 * A unit code prefixes the human-facing ids of the unit's items ("SA-42"), so two units must never
 * share one: not within the file, and not with a stored unit that is a different unit.
 */
function checkUnitCodes(units: readonly UnitDraft[], current: OrganisationSnapshot, problems: Problems): void {
  const claimed = new Map<string, UnitDraft>();
  for (const unit of units) {
    if (!unit.code) continue;
    const code = unit.code.text;
    const subject = { label: `unit ${quote(unit.id)}`, line: unit.line };
    const other = claimed.get(code);
    if (other) problems.about(subject, unit.code.line, `code ${quote(code)} is also given to unit ${quote(other.id)} on line ${other.line}`);
    else claimed.set(code, unit);
    const owner = current.units.find((stored) => stored.code === code && stored.id !== unit.id);
    if (owner) problems.about(subject, unit.code.line, `code ${quote(code)} already belongs to the stored unit ${quote(owner.id)}`);
  }
}

/** Hands out free codes by the domain's rule, counting codes stored or written in the file as taken. */
function codeAllocator(stored: readonly Unit[], codesInFile: readonly string[]): () => string {
  const placeholder = (code: string): Unit => ({ id: '', code, name: '', serviceAreaId: '', leaders: [], members: [] });
  const taken: Unit[] = [...stored, ...codesInFile.map(placeholder)];
  return () => {
    const code = nextUnitCode(taken);
    taken.push(placeholder(code));
    return code;
  };
}
