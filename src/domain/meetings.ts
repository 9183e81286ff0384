import { LocalDate, isLocalDate } from './dates';
import { FieldIssue, ValidationError } from './errors';
import { IDEA_STATUSES, IdeaStatus, PersonName } from './ideas';
import { FieldChecker } from './text';

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

export interface MeetingFormContext {
  readonly today: LocalDate;
  /** Who may be chosen as a new owner: the unit's people. */
  readonly people: readonly PersonName[];
  /** The numbers of the unit's open ideas: the items a decision may be about. */
  readonly openIdeas: readonly number[];
}

type Raw = Readonly<Record<string, unknown>>;

const present = (value: unknown): value is string | number => (typeof value === 'string' && value.trim() !== '') || typeof value === 'number';

/** Input ids of decision row `n` (1-based). */
export const decisionFields = (n: number) => ({ idea: `decision${n}Idea`, status: `decision${n}Status`, owner: `decision${n}Owner`, due: `decision${n}Due` });

function readDecision(checks: FieldChecker, raw: Raw, n: number, context: MeetingFormContext, chosen: Set<number>): MeetingDecision | undefined {
  const fields = decisionFields(n);
  const [idea, status, owner, due] = [raw[fields.idea], raw[fields.status], raw[fields.owner], raw[fields.due]];
  if (![idea, status, owner, due].some(present)) return undefined;
  if (!present(idea)) {
    checks.add({ field: fields.idea, problem: 'required' });
    return undefined;
  }
  const number = Number(String(idea).trim());
  if (!context.openIdeas.includes(number)) {
    checks.add({ field: fields.idea, problem: 'unknownOption' });
    return undefined;
  }
  if (chosen.has(number)) {
    checks.add({ field: fields.idea, problem: 'duplicate' });
    return undefined;
  }
  chosen.add(number);
  const newStatus = checks.oneOf(fields.status, present(status) ? String(status) : undefined, IDEA_STATUSES);
  let newOwner: PersonName | undefined;
  if (present(owner)) {
    newOwner = context.people.find((p) => p.id === String(owner).trim().toLowerCase());
    if (!newOwner) checks.add({ field: fields.owner, problem: 'unknownOption' });
  }
  let dueDate: LocalDate | undefined;
  if (present(due)) {
    const value = String(due).trim().slice(0, 10);
    if (!isLocalDate(value)) checks.add({ field: fields.due, problem: 'invalidFormat' });
    else if (value < context.today) checks.add({ field: fields.due, problem: 'pastDate' });
    else dueDate = value;
  }
  // An item chosen with nothing to change is no decision at all.
  if (!newStatus && !newOwner && !dueDate) return undefined;
  return { ideaNumber: number, ...(newStatus ? { status: newStatus } : {}), ...(newOwner ? { owner: newOwner } : {}), ...(dueDate ? { dueDate } : {}) };
}

/**
 * Held or not (a reason is required when not), attendees 0-200, short notes, and up to three quick
 * decisions (`decision<n>Idea`, `decision<n>Status`, `decision<n>Owner`, `decision<n>Due`).
 */
export function readMeetingForm(raw: Raw, context: MeetingFormContext): MeetingForm {
  const checks = new FieldChecker();
  const held = checks.oneOf('held', raw.held, HELD_CHOICES, { required: true });
  const reason = checks.text('reason', raw.reason, 'shortText', { required: held === 'no' });
  const attendees = checks.integer('attendees', raw.attendees, ATTENDEES_RANGE);
  const notes = checks.text('notes', raw.notes, 'longText');
  const chosen = new Set<number>();
  const decisions = Array.from({ length: MAX_DECISIONS }, (_, i) => readDecision(checks, raw, i + 1, context, chosen)).filter((d): d is MeetingDecision => !!d);
  if (checks.issues.length) throw new ValidationError(checks.issues);
  return {
    held: held === 'yes',
    ...(reason && held === 'no' ? { reason } : {}),
    ...(attendees !== undefined && held === 'yes' ? { attendees } : {}),
    ...(notes ? { notes } : {}),
    decisions,
  };
}

/** A meeting date from card data: a real date, and not in the future (a meeting cannot be logged ahead). */
export function meetingDateIssue(date: string, today: LocalDate): FieldIssue | undefined {
  if (!isLocalDate(date)) return { field: 'date', problem: 'invalidFormat' };
  return date > today ? { field: 'date', problem: 'outOfRange' } : undefined;
}
