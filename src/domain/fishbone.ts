import { Access, canManageUnit, isAdministrator } from './access';
import { LocalDate, addDays, daysBetween } from './dates';
import { DomainError, ValidationError } from './errors';
import { FieldChecker } from './fieldChecker';
import { FISHBONE_CATEGORIES, FishboneCategory, Idea, PersonName } from './ideas';
import { Unit } from './organisation';
import { StagnationThresholds, stagnationOf } from './stagnation';
import { TEXT_LIMITS, cleanText, lengthOf } from './text';

/**
 * A fishbone analysis (FBA) of a unit that does not move on: "What stops us from fully succeeding
 * with Lean?". The unit's staff add causes under the six categories; the leader, the service-area
 * leader and the Lean coach pick the main causes and turn them into action items.
 */

export type FishboneStatus = 'collecting' | 'concluded';
/** Why it was started: suggested because the unit stalled, or asked for by its leader or the coach. */
export type FishboneReason = 'stagnation' | 'request';

export interface FishboneCause {
  readonly id: number;
  readonly category: FishboneCategory;
  readonly text: string;
  readonly by: PersonName;
  readonly at: string;
}

export interface FishboneAnalysis {
  readonly unitId: string;
  /** "<yyyy-mm-dd>-<salt>": sorts by the day it was started. */
  readonly id: string;
  readonly reason: FishboneReason;
  readonly status: FishboneStatus;
  readonly startedOn: LocalDate;
  readonly startedBy: PersonName;
  readonly causes: readonly FishboneCause[];
  readonly mainCauseIds: readonly number[];
  readonly outcome?: string;
  readonly concludedOn?: LocalDate;
  readonly concludedBy?: PersonName;
  /** The idea that carries its action items (see followUpIdea.ts). */
  readonly ideaNumber?: number;
  readonly version: number;
  readonly changeId: string;
}

/** Causes one analysis holds: enough for a unit, and the row stays far below Azure Tables' limits. */
export const MAX_CAUSES = 100;
/** Actions one analysis decides on. */
export const MAX_FISHBONE_ACTIONS = 5;
/** A cause is a short line, like a sticky note on the fishbone. */
export const CAUSE_LIMIT = TEXT_LIMITS.title;
/** Analyses this recent mean the unit is being helped: no new suggestion. */
export const FISHBONE_QUIET_DAYS = 182;

// ---------------------------------------------------------------------------------------------
// Who

/** The unit's leader, its service-area leader, a Lean coach or an administrator starts and concludes an analysis. */
export function canFacilitateFishbone(access: Access, unit: Pick<Unit, 'id' | 'serviceAreaId'>): boolean {
  return canManageUnit(access, unit) || access.orgRoles.has('coach') || isAdministrator(access);
}

/** Everyone in the unit adds causes, and so do those who facilitate. */
export function canAddCauses(access: Access, unit: Pick<Unit, 'id' | 'serviceAreaId'>): boolean {
  return access.memberOf.has(unit.id) || canFacilitateFishbone(access, unit);
}

// ---------------------------------------------------------------------------------------------
// Collecting causes

export type CauseInput = Partial<Readonly<Record<FishboneCategory, string>>>;

/** A category's field name in problems, e.g. `causes.method`. */
export const causeField = (category: FishboneCategory): string => `causes.${category}`;

/** One cause per line; blank lines are none. Every problem is reported at once. */
export function checkCauses(input: CauseInput, roomLeft: number): { category: FishboneCategory; text: string }[] {
  const checks = new FieldChecker();
  const causes = FISHBONE_CATEGORIES.flatMap((category) => {
    const lines = cleanText(input[category] ?? '', 'shortText')
      .split('\n')
      .map((line) => cleanText(line, 'title'))
      .filter(Boolean);
    const long = lines.find((line) => lengthOf(line) > CAUSE_LIMIT);
    if (long) checks.add({ field: causeField(category), problem: 'tooLong', params: { limit: CAUSE_LIMIT, length: lengthOf(long) } });
    return long ? [] : lines.map((text) => ({ category, text }));
  });
  if (!causes.length && !checks.issues.length) checks.add({ field: 'causes', problem: 'required' });
  if (causes.length > roomLeft) checks.add({ field: 'causes', problem: 'outOfRange', params: { min: 1, max: Math.max(roomLeft, 0) } });
  return checks.done(causes);
}

export function addCauses(analysis: FishboneAnalysis, causes: readonly { category: FishboneCategory; text: string }[], by: PersonName, change: { id: string; at: string }): FishboneAnalysis {
  if (analysis.status !== 'collecting') throw new DomainError('staleCard');
  if (analysis.causes.length + causes.length > MAX_CAUSES) throw new ValidationError([{ field: 'causes', problem: 'outOfRange', params: { min: 1, max: MAX_CAUSES - analysis.causes.length } }]);
  const first = analysis.causes.reduce((max, c) => Math.max(max, c.id), 0) + 1;
  return {
    ...analysis,
    causes: [...analysis.causes, ...causes.map((c, i) => ({ ...c, id: first + i, by, at: change.at }))],
    version: analysis.version + 1,
    changeId: change.id,
  };
}

// ---------------------------------------------------------------------------------------------
// Concluding

export interface ConclusionInput {
  readonly mainCauseIds?: readonly string[];
  readonly outcome?: string;
  readonly actions?: readonly { readonly text?: string; readonly ownerId?: string; readonly dueDate?: string }[];
}

export interface Conclusion {
  readonly mainCauseIds: readonly number[];
  readonly outcome?: string;
  readonly actions: readonly { readonly text: string; readonly owner?: PersonName; readonly dueDate?: LocalDate }[];
}

export const actionField = (n: number, part: 'text' | 'ownerId' | 'dueDate'): string => `actions.${n}.${part}`;

/** At least one main cause, and each action with an owner and a due date (the reminders need them). */
export function checkConclusion(input: ConclusionInput, analysis: FishboneAnalysis, context: { today: LocalDate; people: readonly PersonName[] }): Conclusion {
  const checks = new FieldChecker();
  const known = new Set(analysis.causes.map((c) => c.id));
  const ids = [...new Set((input.mainCauseIds ?? []).map((id) => Number(id)))];
  if (!ids.length) checks.add({ field: 'mainCauseIds', problem: 'required' });
  else if (ids.some((id) => !known.has(id))) checks.add({ field: 'mainCauseIds', problem: 'unknownOption' });
  const outcome = checks.text('outcome', input.outcome, 'longText');
  const given = input.actions ?? [];
  const actions = given.slice(0, MAX_FISHBONE_ACTIONS).flatMap((action, i) => {
    const n = i + 1;
    if (![action.text, action.ownerId, action.dueDate].some((v) => v?.trim())) return [];
    const text = checks.text(actionField(n, 'text'), action.text, 'shortText', { required: true });
    const owner = checks.person(actionField(n, 'ownerId'), action.ownerId, context.people, { required: true });
    const dueDate = checks.dueDate(actionField(n, 'dueDate'), action.dueDate, context.today, { required: true });
    return text ? [{ text, ...(owner ? { owner } : {}), ...(dueDate ? { dueDate } : {}) }] : [];
  });
  return checks.done({ mainCauseIds: ids.filter((id) => known.has(id)), ...(outcome ? { outcome } : {}), actions });
}

export function conclude(analysis: FishboneAnalysis, conclusion: Conclusion, ideaNumber: number | undefined, by: PersonName, today: LocalDate, changeId: string): FishboneAnalysis {
  if (analysis.status !== 'collecting') throw new DomainError('staleCard');
  return {
    ...analysis,
    status: 'concluded',
    mainCauseIds: conclusion.mainCauseIds,
    ...(conclusion.outcome ? { outcome: conclusion.outcome } : {}),
    concludedOn: today,
    concludedBy: by,
    ...(ideaNumber !== undefined ? { ideaNumber } : {}),
    version: analysis.version + 1,
    changeId,
  };
}

export const mainCauses = (analysis: Pick<FishboneAnalysis, 'causes' | 'mainCauseIds'>): FishboneCause[] => analysis.causes.filter((c) => analysis.mainCauseIds.includes(c.id));

// ---------------------------------------------------------------------------------------------
// When to suggest one

/**
 * How many whole weeks a unit has been flagged as quiet beyond the stagnation threshold: 0 when it
 * is not flagged at all. Quiet means no new idea, nothing moved, or no meeting logged (the
 * digest's flags). Checked a week at a time up to `maxWeeks`, from the ideas and meetings of that
 * long (the caller reads quietWeeks + maxWeeks of history).
 */
export function weeksStalled(ideas: readonly Idea[], meetingsLogged: readonly LocalDate[], today: LocalDate, timeZone: string, thresholds: StagnationThresholds, maxWeeks: number): number {
  const quiet = (extra: number) => {
    const flags = stagnationOf(ideas, meetingsLogged, today, timeZone, { ...thresholds, quietWeeks: thresholds.quietWeeks + extra });
    return flags.noNewIdea || flags.noStatusChange || flags.noMeetingLogged;
  };
  if (!quiet(0)) return 0;
  let weeks = 0;
  while (weeks < maxWeeks && quiet(weeks + 1)) weeks++;
  return weeks;
}

/**
 * Whether to suggest an analysis: the unit has been flagged for `afterWeeks` (a setting) and has
 * had no analysis in the last half-year. How often it is repeated is the job's business.
 */
export function fishboneSuggested(stalledWeeks: number, afterWeeks: number, lastStarted: LocalDate | undefined, today: LocalDate): boolean {
  if (stalledWeeks < afterWeeks) return false;
  return !lastStarted || daysBetween(lastStarted, today) > FISHBONE_QUIET_DAYS;
}

/**
 * Which stretch of `afterWeeks` weeks a Monday falls in, counted from a fixed Monday: a suggestion
 * keyed by it goes out at most once per stretch, however often the job runs.
 */
export function suggestionStretch(monday: LocalDate, afterWeeks: number): number {
  return Math.floor(daysBetween('2001-01-01', monday) / 7 / afterWeeks);
}

/** The day from which an analysis counts as recent: FISHBONE_QUIET_DAYS back. */
export const recentFishboneSince = (today: LocalDate): LocalDate => addDays(today, -FISHBONE_QUIET_DAYS);
