import { LocalDate, isLocalDate } from './dates';
import { ValidationError } from './errors';
import { Effort, EFFORTS, FISHBONE_CATEGORIES, FishboneCategory, IDEA_TYPES, IMPACTS, Idea, Impact, MAX_WHYS, PersonName, RootCause, WASTES } from './ideas';
import { FieldChecker } from './text';

/**
 * Reading card inputs into checked values. Every reader reports all problems at once, keyed by
 * the card's input ids, so the form comes back with each message next to its field.
 */

export interface FormContext {
  readonly today: LocalDate;
  /** Who may be chosen as an owner (the unit's people), by Entra object id. */
  readonly people: readonly PersonName[];
}

/** What the idea form says, checked. */
export type IdeaDraft = Pick<Idea, 'title' | 'situation' | 'proposal' | 'type' | 'wastes' | 'benefitAreas' | 'owner' | 'dueDate'>;

type Raw = Readonly<Record<string, unknown>>;

/** Multi-select choice sets submit "a,b,c". */
function many<T extends string>(checks: FieldChecker, field: string, raw: unknown, allowed: readonly T[]): T[] {
  if (raw === undefined || raw === null || raw === '') return [];
  const values = String(raw).split(',').map((v) => v.trim()).filter(Boolean);
  const unknown = values.filter((v) => !(allowed as readonly string[]).includes(v));
  if (unknown.length) checks.add({ field, problem: 'unknownOption' });
  return [...new Set(values.filter((v): v is T => (allowed as readonly string[]).includes(v)))];
}

function date(checks: FieldChecker, field: string, raw: unknown, today: LocalDate): LocalDate | undefined {
  if (raw === undefined || raw === null || raw === '') return undefined;
  const value = String(raw).trim().slice(0, 10);
  if (!isLocalDate(value)) {
    checks.add({ field, problem: 'invalidFormat' });
    return undefined;
  }
  if (value < today) {
    checks.add({ field, problem: 'pastDate' });
    return undefined;
  }
  return value;
}

function person(checks: FieldChecker, field: string, raw: unknown, people: readonly PersonName[]): PersonName | undefined {
  if (raw === undefined || raw === null || raw === '') return undefined;
  const found = people.find((p) => p.id === String(raw).toLowerCase());
  if (!found) checks.add({ field, problem: 'unknownOption' });
  return found;
}

function done<T>(checks: FieldChecker, value: T): T {
  if (checks.issues.length) throw new ValidationError(checks.issues);
  return value;
}

export function readIdeaDraft(raw: Raw, context: FormContext & { readonly benefitCategories: readonly string[] }): IdeaDraft {
  const checks = new FieldChecker();
  const title = checks.text('title', raw.title, 'title', { required: true });
  const situation = checks.text('situation', raw.situation, 'longText');
  const proposal = checks.text('proposal', raw.proposal, 'longText');
  const type = checks.oneOf('type', raw.type, IDEA_TYPES, { required: true });
  const wastes = many(checks, 'wastes', raw.wastes, WASTES);
  const benefitAreas = many(checks, 'benefitAreas', raw.benefitAreas, context.benefitCategories);
  const owner = person(checks, 'ownerId', raw.ownerId, context.people);
  const dueDate = date(checks, 'dueDate', raw.dueDate, context.today);
  return done(checks, {
    title: title!,
    type: type!,
    wastes,
    benefitAreas,
    ...(situation ? { situation } : {}),
    ...(proposal ? { proposal } : {}),
    ...(owner ? { owner } : {}),
    ...(dueDate ? { dueDate } : {}),
  });
}

export function readMove(raw: Raw): { reason?: string } {
  const checks = new FieldChecker();
  const reason = checks.text('reason', raw.reason, 'shortText');
  return done(checks, reason ? { reason } : {});
}

export function readPriority(raw: Raw): { effort: Effort; impact: Impact } {
  const checks = new FieldChecker();
  const effort = checks.oneOf('effort', raw.effort, EFFORTS, { required: true });
  const impact = checks.oneOf('impact', raw.impact, IMPACTS, { required: true });
  return done(checks, { effort: effort!, impact: impact! });
}

export function readAssignment(raw: Raw, context: FormContext): { owner?: PersonName; dueDate?: LocalDate } {
  const checks = new FieldChecker();
  const owner = person(checks, 'ownerId', raw.ownerId, context.people);
  const dueDate = date(checks, 'dueDate', raw.dueDate, context.today);
  return done(checks, { ...(owner ? { owner } : {}), ...(dueDate ? { dueDate } : {}) });
}

export function readActionItem(raw: Raw, context: FormContext): { text: string; owner?: PersonName; dueDate?: LocalDate } {
  const checks = new FieldChecker();
  const text = checks.text('actionText', raw.actionText, 'shortText', { required: true });
  const owner = person(checks, 'actionOwnerId', raw.actionOwnerId, context.people);
  const dueDate = date(checks, 'actionDueDate', raw.actionDueDate, context.today);
  return done(checks, { text: text!, ...(owner ? { owner } : {}), ...(dueDate ? { dueDate } : {}) });
}

export function readComment(raw: Raw): string {
  const checks = new FieldChecker();
  const text = checks.text('comment', raw.comment, 'longText', { required: true });
  return done(checks, text!);
}

export function readRootCause(raw: Raw): RootCause {
  const checks = new FieldChecker();
  const whys = Array.from({ length: MAX_WHYS }, (_, i) => checks.text(`why${i + 1}`, raw[`why${i + 1}`], 'shortText') ?? '');
  const fishbone: Partial<Record<FishboneCategory, string>> = {};
  for (const category of FISHBONE_CATEGORIES) {
    const text = checks.text(`fishbone_${category}`, raw[`fishbone_${category}`], 'shortText');
    if (text) fishbone[category] = text;
  }
  return done(checks, { whys, fishbone });
}
