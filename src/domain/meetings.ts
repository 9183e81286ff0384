import { LocalDate, addYears, isLocalDate } from './dates';
import { FieldIssue } from './errors';
import { FieldChecker } from './fieldChecker';
import { IDEA_STATUSES, IdeaStatus, PersonName } from './ideas';

/** A change to one idea decided at the board meeting, as it was applied. */
export interface MeetingDecision {
  readonly ideaNumber: number;
  readonly status?: IdeaStatus;
  readonly owner?: PersonName;
  readonly dueDate?: LocalDate;
}

/**
 * Whether a unit's board meeting on a date was held: a measurement point the service-area leader
 * reports on. One log per unit and date; a change to it is a new version.
 */
export interface MeetingLog {
  readonly unitId: string;
  readonly date: LocalDate;
  readonly held: boolean;
  /** Why it was not held; required then. */
  readonly reason?: string;
  readonly attendees?: number;
  readonly notes?: string;
  readonly decisions: readonly MeetingDecision[];
  readonly loggedBy: PersonName;
  readonly loggedAt: string;
  /** 1 for the first log of the date; a form made from version n may only write n + 1. */
  readonly version: number;
  /** Unique per write: lets storage recognise its own write when a response was lost and retried. */
  readonly changeId: string;
}

export const MAX_DECISIONS = 3;
export const ATTENDEES_RANGE = { min: 0, max: 200 } as const;
export const HELD_CHOICES = ['yes', 'no'] as const;

/** The log form's inputs, checked. Decisions are only read here; the idea rules decide on each. */
export interface MeetingForm {
  readonly held: boolean;
  readonly reason?: string;
  readonly attendees?: number;
  readonly notes?: string;
  readonly decisions: readonly MeetingDecision[];
}

/** One quick decision as typed: which open idea (its number), and what changes. */
export interface DecisionInput {
  readonly idea?: string;
  readonly status?: string;
  readonly ownerId?: string;
  readonly dueDate?: string;
}

/** The log form as typed. */
export interface MeetingInput {
  /** "yes" or "no". */
  readonly held?: string;
  readonly reason?: string;
  readonly attendees?: string;
  readonly notes?: string;
  /** In the form's order; at most MAX_DECISIONS. */
  readonly decisions?: readonly DecisionInput[];
}

export interface MeetingFormContext {
  readonly today: LocalDate;
  /** Who may be chosen as a new owner: the unit's people. */
  readonly people: readonly PersonName[];
  /** The numbers of the unit's open ideas: the items a decision may be about. */
  readonly openIdeas: readonly number[];
}

/** Field name of part of decision `n` (1-based), e.g. `decisions.2.dueDate`. */
export const decisionField = (n: number, part: keyof DecisionInput): string => `decisions.${n}.${part}`;

const filled = (value: string | undefined): boolean => !!value?.trim();

function checkDecision(checks: FieldChecker, input: DecisionInput, n: number, context: MeetingFormContext, chosen: Set<number>): MeetingDecision | undefined {
  if (![input.idea, input.status, input.ownerId, input.dueDate].some(filled)) return undefined;
  const ideaField = decisionField(n, 'idea');
  if (!filled(input.idea)) {
    checks.add({ field: ideaField, problem: 'required' });
    return undefined;
  }
  const number = Number(input.idea!.trim());
  if (!context.openIdeas.includes(number)) {
    checks.add({ field: ideaField, problem: 'unknownOption' });
    return undefined;
  }
  if (chosen.has(number)) {
    checks.add({ field: ideaField, problem: 'duplicate' });
    return undefined;
  }
  chosen.add(number);
  const status = checks.oneOf(decisionField(n, 'status'), input.status, IDEA_STATUSES);
  const owner = checks.person(decisionField(n, 'ownerId'), input.ownerId, context.people);
  const dueDate = checks.dueDate(decisionField(n, 'dueDate'), input.dueDate, context.today);
  // An item chosen with nothing to change is no decision at all.
  if (!status && !owner && !dueDate) return undefined;
  return { ideaNumber: number, ...(status ? { status } : {}), ...(owner ? { owner } : {}), ...(dueDate ? { dueDate } : {}) };
}

/** Held or not (a reason is required when not), attendees 0-200, short notes, and up to three quick decisions. */
export function checkMeetingForm(input: MeetingInput, context: MeetingFormContext): MeetingForm {
  const checks = new FieldChecker();
  const held = checks.oneOf('held', input.held, HELD_CHOICES, { required: true });
  const reason = checks.text('reason', input.reason, 'shortText', { required: held === 'no' });
  const attendees = checks.integer('attendees', input.attendees, ATTENDEES_RANGE);
  const notes = checks.text('notes', input.notes, 'longText');
  const given = input.decisions ?? [];
  if (given.length > MAX_DECISIONS) checks.add({ field: 'decisions', problem: 'outOfRange', params: { min: 0, max: MAX_DECISIONS } });
  const chosen = new Set<number>();
  const decisions = given
    .slice(0, MAX_DECISIONS)
    .map((decision, i) => checkDecision(checks, decision, i + 1, context, chosen))
    .filter((d): d is MeetingDecision => !!d);
  return checks.done({
    held: held === 'yes',
    ...(reason && held === 'no' ? { reason } : {}),
    ...(attendees !== undefined && held === 'yes' ? { attendees } : {}),
    ...(notes ? { notes } : {}),
    decisions,
  });
}

/** Meetings further back than this cannot be logged: no one keeps a prompt that old in view. */
export const MAX_MEETING_AGE_YEARS = 1;

/**
 * A meeting date: a real date, not in the future (a meeting cannot be logged ahead) and not more
 * than MAX_MEETING_AGE_YEARS back.
 */
export function meetingDateIssue(date: string, today: LocalDate): FieldIssue | undefined {
  if (!isLocalDate(date)) return { field: 'date', problem: 'invalidFormat' };
  if (date > today) return { field: 'date', problem: 'outOfRange' };
  return date < addYears(today, -MAX_MEETING_AGE_YEARS) ? { field: 'date', problem: 'pastDate', params: { years: MAX_MEETING_AGE_YEARS } } : undefined;
}
