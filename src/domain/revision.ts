import { Access, canManageUnit, isAdministrator } from './access';
import { LocalDate, addDays, addMonths } from './dates';
import { FieldChecker } from './fieldChecker';
import { ActionItem, Idea, PersonName, benefitMissing } from './ideas';
import { OrganisationSettings, Unit } from './organisation';
import { UnitReport } from './report';
import { ReportPeriod, customPeriod } from './reportPeriod';

/**
 * The half-yearly revision: the service-area leader (TOL) reviews each unit twice a year and goes
 * to Gemba; what deviates from the agreed rhythm becomes follow-up points. Rounds are named by
 * their month ("2026-09"); the months are an organisation setting.
 */

export const DEFAULT_REVISION_MONTHS: readonly number[] = [3, 9];
/** The TOL is reminded this many days before a revision month begins. */
export const REVISION_NOTICE_DAYS = 14;

export const revisionMonthsOf = (settings: Pick<OrganisationSettings, 'revisionMonths'>): readonly number[] =>
  settings.revisionMonths?.length ? settings.revisionMonths : DEFAULT_REVISION_MONTHS;

export interface RevisionRound {
  /** "2026-09": the month the revision is held in. */
  readonly round: string;
  /** The first day of that month. */
  readonly starts: LocalDate;
  /** The six months before it, whose figures the revision looks at. */
  readonly period: ReportPeriod;
}

const pad = (n: number): string => String(n).padStart(2, '0');

export function revisionRound(round: string): RevisionRound | undefined {
  const match = /^(\d{4})-(\d{2})$/.exec(round);
  if (!match || Number(match[2]) < 1 || Number(match[2]) > 12) return undefined;
  const starts = `${round}-01`;
  const period = customPeriod(addMonths(starts, -6), addDays(starts, -1));
  return period ? { round, starts, period } : undefined;
}

/**
 * The round a revision card is about today: the latest round whose notice period has begun (from
 * two weeks before its month). It stays the current round until the next one's notice begins.
 */
export function currentRound(months: readonly number[], today: LocalDate): RevisionRound {
  const year = Number(today.slice(0, 4));
  const candidates = [year - 1, year, year + 1].flatMap((y) => [...months].map((m) => `${y}-${pad(m)}`)).sort();
  const begun = candidates.filter((round) => addDays(`${round}-01`, -REVISION_NOTICE_DAYS) <= today);
  return revisionRound(begun[begun.length - 1] ?? candidates[0])!;
}

/** The round whose reminder is due today, if any: from two weeks before its month until the month ends. */
export function roundToRemind(months: readonly number[], today: LocalDate): RevisionRound | undefined {
  const round = currentRound(months, today);
  const monthEnd = addDays(addMonths(round.starts, 1), -1);
  return today <= monthEnd ? round : undefined;
}

// ---------------------------------------------------------------------------------------------
// Who

/** The unit's service-area leader, a Lean coach or an administrator holds the revision. */
export function canRecordRevision(access: Access, unit: Pick<Unit, 'id' | 'serviceAreaId'>): boolean {
  return isAdministrator(access) || access.orgRoles.has('coach') || access.serviceAreaLeaderOf.has(unit.serviceAreaId);
}

/** Those, and the unit's own leader, see the revision card. */
export function canViewRevision(access: Access, unit: Pick<Unit, 'id' | 'serviceAreaId'>): boolean {
  return canRecordRevision(access, unit) || canManageUnit(access, unit);
}

// ---------------------------------------------------------------------------------------------
// Deviations

/** What deviates from the agreed rhythm, found from the half-year's figures and the live work. */
export type Deviation =
  | { readonly kind: 'missedMeetings'; readonly dates: readonly LocalDate[] }
  | { readonly kind: 'benefitMissing'; readonly ideas: readonly Pick<Idea, 'number' | 'title'>[] }
  | { readonly kind: 'longOverdue'; readonly ideas: readonly Pick<Idea, 'number' | 'title'>[] }
  | { readonly kind: 'unassigned'; readonly ideas: readonly Pick<Idea, 'number' | 'title'>[] }
  | { readonly kind: 'quiet'; readonly flags: readonly ('noNewIdea' | 'noStatusChange' | 'noMeetingLogged')[] }
  | { readonly kind: 'previousOpen'; readonly actions: readonly ActionItem[] };

export type DeviationKind = Deviation['kind'];

const brief = (idea: Idea) => ({ number: idea.number, title: idea.title });

/**
 * The deviations a revision finds by itself: scheduled board meetings not held in the half-year;
 * done ideas with no benefit; items long overdue or without an owner; a unit gone quiet; and
 * follow-up points of the previous revision still open.
 */
export function revisionDeviations(row: UnitReport, live: readonly Idea[], previousOpen: readonly ActionItem[]): Deviation[] {
  const quiet = (['noNewIdea', 'noStatusChange', 'noMeetingLogged'] as const).filter((flag) => row.stagnation[flag]);
  const missing = live.filter((idea) => benefitMissing(idea) && !idea.origin);
  return [
    ...(row.missedMeetings.length ? [{ kind: 'missedMeetings' as const, dates: row.missedMeetings }] : []),
    ...(missing.length ? [{ kind: 'benefitMissing' as const, ideas: missing.map(brief) }] : []),
    ...(row.stagnation.longOverdue.length ? [{ kind: 'longOverdue' as const, ideas: row.stagnation.longOverdue.map(brief) }] : []),
    ...(row.stagnation.unassigned.length ? [{ kind: 'unassigned' as const, ideas: row.stagnation.unassigned.map(brief) }] : []),
    ...(quiet.length ? [{ kind: 'quiet' as const, flags: quiet }] : []),
    ...(previousOpen.length ? [{ kind: 'previousOpen' as const, actions: previousOpen }] : []),
  ];
}

// ---------------------------------------------------------------------------------------------
// The Gemba checklist and the record of the visit

/** What the TOL looks at on the floor, from the action plan and the field's guidance. */
export const GEMBA_CHECKS = ['boardCurrent', 'meetingRhythm', 'staffInvolved', 'benefitsDocumented', 'goalsLinked', 'stakeholders'] as const;
export type GembaCheck = (typeof GEMBA_CHECKS)[number];

/** Follow-up points one revision can set; more belong in a plan of their own. */
export const MAX_FOLLOW_UPS = 5;

export interface FollowUpPoint {
  readonly text: string;
  readonly owner?: PersonName;
  readonly dueDate?: LocalDate;
}

export interface RevisionRecord {
  readonly unitId: string;
  readonly round: string;
  readonly visitedOn: LocalDate;
  /** Who took part, as picked from the people Tavla knows. */
  readonly participants: readonly PersonName[];
  /** Anyone else who took part, as written. */
  readonly otherParticipants?: string;
  readonly observations?: string;
  readonly checks: readonly GembaCheck[];
  /** What was found by itself, as counts per kind, for the record. */
  readonly deviations: Readonly<Partial<Record<DeviationKind, number>>>;
  /** The idea that carries the follow-up points as action items, and their ids on it. */
  readonly followUp?: { readonly ideaNumber: number; readonly actionIds: readonly number[] };
  readonly recordedBy: PersonName;
  readonly recordedAt: string;
  /** 1 for the first save; a card made from version n may only write n + 1. */
  readonly version: number;
  readonly changeId: string;
}

/** The record form as typed. */
export interface RevisionInput {
  readonly visitedOn?: string;
  readonly participantIds?: readonly string[];
  readonly otherParticipants?: string;
  readonly observations?: string;
  readonly checks?: readonly string[];
  readonly followUps?: readonly { readonly text?: string; readonly ownerId?: string; readonly dueDate?: string }[];
}

export interface RevisionForm {
  readonly visitedOn: LocalDate;
  readonly participants: readonly PersonName[];
  readonly otherParticipants?: string;
  readonly observations?: string;
  readonly checks: readonly GembaCheck[];
  readonly followUps: readonly FollowUpPoint[];
}

export interface RevisionFormContext {
  readonly today: LocalDate;
  /** Who may be named as taking part or owning a point. */
  readonly people: readonly PersonName[];
}

/** Field name of part of follow-up point `n` (1-based), e.g. `followUps.2.ownerId`. */
export const followUpField = (n: number, part: 'text' | 'ownerId' | 'dueDate'): string => `followUps.${n}.${part}`;

/** The visit: a date up to today (a visit is recorded after it happened) and no more than a year back. */
export function checkRevisionForm(input: RevisionInput, context: RevisionFormContext): RevisionForm {
  const checks = new FieldChecker();
  const visitedOn = (input.visitedOn ?? '').trim().slice(0, 10);
  if (!visitedOn) checks.add({ field: 'visitedOn', problem: 'required' });
  else if (!/^\d{4}-\d{2}-\d{2}$/.test(visitedOn) || visitedOn > context.today) checks.add({ field: 'visitedOn', problem: visitedOn > context.today ? 'outOfRange' : 'invalidFormat', params: { min: addMonths(context.today, -12), max: context.today } });
  else if (visitedOn < addMonths(context.today, -12)) checks.add({ field: 'visitedOn', problem: 'outOfRange', params: { min: addMonths(context.today, -12), max: context.today } });
  const ids = new Set((input.participantIds ?? []).map((id) => id.trim().toLowerCase()).filter(Boolean));
  const participants = context.people.filter((p) => ids.has(p.id));
  if (participants.length < ids.size) checks.add({ field: 'participantIds', problem: 'unknownOption' });
  const otherParticipants = checks.text('otherParticipants', input.otherParticipants, 'shortText');
  const observations = checks.text('observations', input.observations, 'longText');
  const ticked = checks.someOf('checks', input.checks, GEMBA_CHECKS);
  const given = input.followUps ?? [];
  if (given.length > MAX_FOLLOW_UPS) checks.add({ field: 'followUps', problem: 'outOfRange', params: { min: 0, max: MAX_FOLLOW_UPS } });
  const followUps = given.slice(0, MAX_FOLLOW_UPS).flatMap((point, i): FollowUpPoint[] => {
    const n = i + 1;
    const filled = [point.text, point.ownerId, point.dueDate].some((v) => v?.trim());
    if (!filled) return [];
    // A point is something to do, someone to do it, and when: the reminders need all three.
    const text = checks.text(followUpField(n, 'text'), point.text, 'shortText', { required: true });
    const owner = checks.person(followUpField(n, 'ownerId'), point.ownerId, context.people, { required: true });
    const dueDate = checks.dueDate(followUpField(n, 'dueDate'), point.dueDate, context.today, { required: true });
    return text ? [{ text, ...(owner ? { owner } : {}), ...(dueDate ? { dueDate } : {}) }] : [];
  });
  return checks.done({
    visitedOn,
    participants,
    ...(otherParticipants ? { otherParticipants } : {}),
    ...(observations ? { observations } : {}),
    checks: ticked,
    followUps,
  });
}

/** The follow-up points of a recorded revision, read from its idea: those still open. */
export function openFollowUps(record: Pick<RevisionRecord, 'followUp'>, idea: Pick<Idea, 'actions'> | undefined): ActionItem[] {
  const ids = new Set(record.followUp?.actionIds ?? []);
  return (idea?.actions ?? []).filter((action) => ids.has(action.id) && !action.done);
}
