import { LocalDate } from './dates';
import { ValidationError } from './errors';
import { FieldChecker } from './fieldChecker';
import { Effort, EFFORTS, FISHBONE_CATEGORIES, FishboneCategory, IDEA_TYPES, IMPACTS, Idea, Impact, MAX_WHYS, PersonName, RootCause, WASTES } from './ideas';

/**
 * Checking what people typed about ideas. Each input is a typed draft (text as typed, choices as
 * their values); each check reports every problem at once, by the draft's own field names.
 */

export interface FormContext {
  readonly today: LocalDate;
  /** Who may be chosen as an owner (the unit's people), by Entra object id. */
  readonly people: readonly PersonName[];
}

/** The idea form as typed. */
export interface IdeaInput {
  readonly title?: string;
  readonly situation?: string;
  readonly proposal?: string;
  readonly type?: string;
  readonly wastes?: readonly string[];
  readonly benefitAreas?: readonly string[];
  /** Entra object id of one of the unit's people. */
  readonly ownerId?: string;
  readonly dueDate?: string;
}

/** What the idea form says, checked. */
export type IdeaDraft = Pick<Idea, 'title' | 'situation' | 'proposal' | 'type' | 'wastes' | 'benefitAreas' | 'owner' | 'dueDate'>;

export interface MoveInput {
  /** The status to move to. */
  readonly to: string;
  readonly reason?: string;
}

export interface PriorityInput {
  readonly effort?: string;
  readonly impact?: string;
}

/** Owner and due date of an idea; both empty means unassigned. */
export interface AssignmentInput {
  readonly ownerId?: string;
  readonly dueDate?: string;
}

export interface ActionItemInput {
  readonly text?: string;
  readonly ownerId?: string;
  readonly dueDate?: string;
}

export interface CommentInput {
  readonly text?: string;
}

/** Up to five whys, in order, and notes per fishbone category. */
export interface RootCauseInput {
  readonly whys: readonly string[];
  readonly fishbone: Partial<Readonly<Record<FishboneCategory, string>>>;
}

/** Field names of the root-cause notes: `whys.1` … `whys.5`, `fishbone.<category>`. */
export const whyField = (n: number): string => `whys.${n}`;
export const fishboneField = (category: FishboneCategory): string => `fishbone.${category}`;

export function checkIdeaDraft(input: IdeaInput, context: FormContext & { readonly benefitCategories: readonly string[] }): IdeaDraft {
  const checks = new FieldChecker();
  const title = checks.text('title', input.title, 'title', { required: true });
  const situation = checks.text('situation', input.situation, 'longText');
  const proposal = checks.text('proposal', input.proposal, 'longText');
  const type = checks.oneOf('type', input.type, IDEA_TYPES, { required: true });
  const wastes = checks.someOf('wastes', input.wastes, WASTES);
  const benefitAreas = checks.someOf('benefitAreas', input.benefitAreas, context.benefitCategories);
  const owner = checks.person('ownerId', input.ownerId, context.people);
  const dueDate = checks.dueDate('dueDate', input.dueDate, context.today);
  return checks.done({
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

/** A move may carry a reason (required for parking or rejecting, which the idea rules decide). */
export function checkMoveReason(input: Pick<MoveInput, 'reason'>): { reason?: string } {
  const checks = new FieldChecker();
  const reason = checks.text('reason', input.reason, 'shortText');
  return checks.done(reason ? { reason } : {});
}

export function checkPriority(input: PriorityInput): { effort: Effort; impact: Impact } {
  const checks = new FieldChecker();
  const effort = checks.oneOf('effort', input.effort, EFFORTS, { required: true });
  const impact = checks.oneOf('impact', input.impact, IMPACTS, { required: true });
  return checks.done({ effort: effort!, impact: impact! });
}

export function checkAssignment(input: AssignmentInput, context: FormContext): { owner?: PersonName; dueDate?: LocalDate } {
  const checks = new FieldChecker();
  const owner = checks.person('ownerId', input.ownerId, context.people);
  const dueDate = checks.dueDate('dueDate', input.dueDate, context.today);
  return checks.done({ ...(owner ? { owner } : {}), ...(dueDate ? { dueDate } : {}) });
}

export function checkActionItem(input: ActionItemInput, context: FormContext): { text: string; owner?: PersonName; dueDate?: LocalDate } {
  const checks = new FieldChecker();
  const text = checks.text('text', input.text, 'shortText', { required: true });
  const owner = checks.person('ownerId', input.ownerId, context.people);
  const dueDate = checks.dueDate('dueDate', input.dueDate, context.today);
  return checks.done({ text: text!, ...(owner ? { owner } : {}), ...(dueDate ? { dueDate } : {}) });
}

export function checkComment(input: CommentInput): string {
  const checks = new FieldChecker();
  const text = checks.text('text', input.text, 'longText', { required: true });
  return checks.done(text!);
}

export function checkRootCause(input: RootCauseInput): RootCause {
  if (input.whys.length > MAX_WHYS) throw new ValidationError([{ field: 'whys', problem: 'outOfRange', params: { min: 0, max: MAX_WHYS } }]);
  const checks = new FieldChecker();
  const whys = Array.from({ length: MAX_WHYS }, (_, i) => checks.text(whyField(i + 1), input.whys[i], 'shortText') ?? '');
  const fishbone: Partial<Record<FishboneCategory, string>> = {};
  for (const category of FISHBONE_CATEGORIES) {
    const text = checks.text(fishboneField(category), input.fishbone[category], 'shortText');
    if (text) fishbone[category] = text;
  }
  return checks.done({ whys, fishbone });
}
