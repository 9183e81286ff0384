/** The file's goals over the stored ones, checked as one tree against the organisation the import leaves. */
import { Goal, PlacementProblem, findGoal, treeProblems } from '../../domain/goals';
import { OrganisationSnapshot, ServiceArea } from '../../domain/organisation';
import { ImportedUnit, UnitDraft } from './drafts';
import { GoalFileDraft } from './goalDrafts';
import { Problems, quote } from './problems';

const LEVEL_WORDS = { organisation: 'the organisation', area: 'service area', unit: 'unit' } as const;

function ownerText(goal: Pick<Goal, 'level' | 'ownerId'>): string {
  return goal.level === 'organisation' ? LEVEL_WORDS.organisation : `${LEVEL_WORDS[goal.level]} ${quote(goal.ownerId ?? '')}`;
}

/** What is wrong, in the administrator's words, and what to write instead. */
function problemText(problem: PlacementProblem, goal: Goal, goals: readonly Goal[], areaOf: (unitId: string) => string | undefined): string {
  const parent = goal.parentId ? findGoal(goals, goal.parentId) : undefined;
  switch (problem) {
    case 'unknownOwner':
      return `${ownerText(goal)} is neither in the file nor stored`;
    case 'parentRequired':
      return goal.level === 'area' ? 'needs a parent: one of the organisation goals' : `needs a parent: a goal of its unit's service area ${quote(areaOf(goal.ownerId ?? '') ?? '')}`;
    case 'noParentAllowed':
      return 'is an organisation goal and hangs under no other goal: leave out parent';
    case 'unknownParent':
      return `parent ${quote(goal.parentId ?? '')} is neither in the file nor stored`;
    case 'parentLevel':
      return `parent ${quote(goal.parentId ?? '')} is a goal of ${ownerText(parent!)}; a ${goal.level} goal hangs under ${goal.level === 'area' ? 'an organisation goal' : 'a goal of its own service area'}`;
    case 'parentClosed':
      return `parent ${quote(goal.parentId ?? '')} is closed: choose an open goal, or close this one too (closed: true)`;
    case 'parentOtherArea':
      return `parent ${quote(goal.parentId ?? '')} belongs to ${ownerText(parent!)}, but the unit is in service area ${quote(areaOf(goal.ownerId ?? '') ?? '')}: a unit goal hangs under a goal of its own area`;
  }
}

/**
 * Each goal in the file over its stored version (omitted keys keep what is stored); a goal keeps
 * its level and owner for good. Then every open goal, in the file or stored, must hang validly in
 * the organisation as the import leaves it: a unit that moves to another area takes no goal with
 * it that still hangs under the old area's.
 */
export function assembleGoals(
  drafts: readonly GoalFileDraft[],
  current: OrganisationSnapshot,
  after: { readonly areas: readonly ServiceArea[]; readonly units: readonly ImportedUnit[]; readonly unitDrafts: readonly UnitDraft[] },
  problems: Problems,
): Goal[] {
  const firstLine = new Map<string, number>();
  const fromFile = drafts.flatMap((draft): Goal[] => {
    const subject = { label: `goal ${quote(draft.id)}`, line: draft.line };
    if (!draft.id) return [];
    const earlier = firstLine.get(draft.id);
    if (earlier !== undefined) {
      problems.add(draft.line, `goal id ${quote(draft.id)} is used twice in the file (first on line ${earlier})`);
      return [];
    }
    firstLine.set(draft.id, draft.line);
    const stored = findGoal(current.goals, draft.id);
    if (stored && (stored.level !== draft.level || (stored.ownerId ?? '') !== (draft.ownerId ?? ''))) {
      problems.about(subject, draft.line, `belongs to ${ownerText(stored)}; a goal cannot move to another owner: close it (closed: true) and add a new one there`);
      return [];
    }
    const title = draft.title ?? stored?.title;
    if (!title) {
      problems.about(subject, draft.line, 'is not stored yet, so the file must give its title');
      return [];
    }
    const parentId = draft.parent?.text ?? stored?.parentId;
    const measure = draft.measure ?? stored?.measure;
    const target = draft.target ?? stored?.target;
    return [
      {
        id: draft.id,
        level: draft.level,
        ...(draft.ownerId ? { ownerId: draft.ownerId } : {}),
        ...(parentId ? { parentId } : {}),
        title,
        ...(measure ? { measure } : {}),
        ...(target ? { target } : {}),
        closed: draft.closed ?? stored?.closed ?? false,
      },
    ];
  });
  const inFile = new Set(fromFile.map((goal) => goal.id));
  const tree = [...current.goals.filter((goal) => !inFile.has(goal.id)), ...fromFile];
  const org = {
    serviceAreas: [...current.serviceAreas.filter((area) => !after.areas.some((a) => a.id === area.id)), ...after.areas],
    units: [...current.units.filter((unit) => !after.units.some((u) => u.id === unit.id)), ...after.units],
  };
  const areaOf = (unitId: string) => org.units.find((unit) => unit.id === unitId)?.serviceAreaId;
  for (const { goal, problem } of treeProblems(tree, org)) {
    const draft = drafts.find((d) => d.id === goal.id);
    if (draft) {
      problems.about({ label: `goal ${quote(goal.id)}`, line: draft.line }, draft.parent?.line ?? draft.line, problemText(problem, goal, tree, areaOf));
      continue;
    }
    // A stored goal the file did not list, left hanging by what the file changes (a unit moved to another area).
    const unitDraft = after.unitDrafts.find((u) => u.id === goal.ownerId);
    const line = unitDraft?.line ?? 1;
    problems.add(line, `stored goal ${quote(goal.id)} of ${ownerText(goal)} ${problemText(problem, goal, tree, areaOf)}; list it under the unit with a new parent, or close it (closed: true)`);
  }
  return fromFile;
}
