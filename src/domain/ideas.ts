import { LocalDate } from './dates';

/** PDCA along the board, plus the two ways out. */
export const IDEA_STATUSES = ['new', 'planned', 'inProgress', 'evaluating', 'done', 'parked', 'rejected'] as const;
export type IdeaStatus = (typeof IDEA_STATUSES)[number];

/** 3×F: improve what exists, create something new, remove what we should stop doing. */
export const IDEA_TYPES = ['improve', 'create', 'remove'] as const;
export type IdeaType = (typeof IDEA_TYPES)[number];

/** The eight wastes of Lean. */
export const WASTES = ['overproduction', 'waiting', 'transport', 'overProcessing', 'inventory', 'motion', 'defects', 'unusedTalent'] as const;
export type Waste = (typeof WASTES)[number];

export const EFFORTS = ['easy', 'hard'] as const;
export type Effort = (typeof EFFORTS)[number];
export const IMPACTS = ['low', 'high'] as const;
export type Impact = (typeof IMPACTS)[number];

/** Fishbone (Ishikawa) categories for root-cause notes. */
export const FISHBONE_CATEGORIES = ['people', 'method', 'machine', 'material', 'measurement', 'environment'] as const;
export type FishboneCategory = (typeof FISHBONE_CATEGORIES)[number];

export interface PersonName {
  /** Entra object id. */
  readonly id: string;
  readonly name: string;
  /** The Teams user id ("29:..."), when known: lets the person's card refresh itself. */
  readonly teamsId?: string;
}

export interface ActionItem {
  readonly id: number;
  readonly text: string;
  readonly owner?: PersonName;
  readonly dueDate?: LocalDate;
  readonly done: boolean;
  readonly doneAt?: string;
}

export interface RootCause {
  readonly whys: readonly string[];
  readonly fishbone: Partial<Readonly<Record<FishboneCategory, string>>>;
}

/** What the last change was, so someone holding an older card can be told what happened. */
export interface LastChange {
  /** Unique per change: lets storage recognise its own write when a response was lost and retried. */
  readonly id: string;
  readonly by: PersonName;
  readonly at: string;
  readonly what: ChangeKind;
  readonly status?: IdeaStatus;
}

/**
 * Where an idea came from when it was not proposed by someone in the unit: the follow-up points of
 * a half-yearly revision, or the actions of a fishbone analysis. They carry leadership follow-up
 * as action items (on the board, with reminders), but reports do not count them as improvement ideas.
 */
export const IDEA_ORIGINS = ['revision', 'fishbone'] as const;
export type IdeaOrigin = (typeof IDEA_ORIGINS)[number];

export const CHANGE_KINDS = ['submitted', 'status', 'priority', 'assigned', 'action', 'actionDone', 'rootCause', 'benefit'] as const;
export type ChangeKind = (typeof CHANGE_KINDS)[number];

export interface Idea {
  readonly unitId: string;
  /** Sequential per unit; with the unit's code it makes the short id, e.g. "HN-42". */
  readonly number: number;
  readonly title: string;
  readonly situation?: string;
  readonly proposal?: string;
  readonly type: IdeaType;
  readonly wastes: readonly Waste[];
  readonly benefitAreas: readonly string[];
  readonly status: IdeaStatus;
  /** Why it was parked or rejected; the submitter is told. */
  readonly statusReason?: string;
  readonly submitter: PersonName;
  readonly owner?: PersonName;
  readonly dueDate?: LocalDate;
  readonly effort?: Effort;
  readonly impact?: Impact;
  readonly actions: readonly ActionItem[];
  readonly rootCause?: RootCause;
  /** A link back to the Teams message the idea was saved from. */
  readonly sourceUrl?: string;
  readonly origin?: IdeaOrigin;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly statusChangedAt: string;
  /**
   * The first answer the idea got after it was submitted: its first status change, or the first
   * comment by someone other than the submitter. "Time to first response" is measured to it.
   */
  readonly firstResponseAt?: string;
  readonly doneAt?: string;
  /** Set by the benefit registration; a done idea without one is flagged "benefit missing". */
  readonly benefitRegistered: boolean;
  /** Increases with every change; a card shows the version it was made from, to detect stale cards. */
  readonly version: number;
  readonly lastChange: LastChange;
}

export const MAX_ACTIONS_PER_IDEA = 30;
export const MAX_WHYS = 5;

export function shortId(unitCode: string, number: number): string {
  return `${unitCode}-${number}`;
}

/** Parses "HN-42" (any case) into its unit code and number. */
export function parseShortId(text: string): { code: string; number: number } | undefined {
  const match = /^([A-Za-z][A-Za-z0-9]{0,5})-(\d{1,7})$/.exec(text.trim());
  return match ? { code: match[1].toUpperCase(), number: Number(match[2]) } : undefined;
}

export const isClosed = (status: IdeaStatus): boolean => status === 'done' || status === 'rejected' || status === 'parked';

export function isIdeaOverdue(idea: Pick<Idea, 'dueDate' | 'status'>, today: LocalDate): boolean {
  return !!idea.dueDate && idea.dueDate < today && !isClosed(idea.status);
}

export function isActionOverdue(action: Pick<ActionItem, 'dueDate' | 'done'>, today: LocalDate): boolean {
  return !!action.dueDate && action.dueDate < today && !action.done;
}

export function overdueActions(idea: Idea, today: LocalDate): ActionItem[] {
  return isClosed(idea.status) && idea.status !== 'done' ? [] : idea.actions.filter((a) => isActionOverdue(a, today));
}

/** A done improvement idea with no benefit registered; follow-up ideas of revisions and analyses have none to register. */
export const benefitMissing = (idea: Pick<Idea, 'status' | 'benefitRegistered' | 'origin'>): boolean => idea.status === 'done' && !idea.benefitRegistered && !idea.origin;

/**
 * Live work: what a board, an agenda, "my items" or a reminder can still be about. Open and parked
 * ideas (parked ones may come back); a done idea while its benefit is missing or one of its action
 * items is still open. Rejected ideas, and done ones with nothing left to do, are history: read by
 * date when asked.
 */
export function isLiveWork(idea: Pick<Idea, 'status' | 'benefitRegistered' | 'actions' | 'origin'>): boolean {
  if (idea.status !== 'done' && idea.status !== 'rejected') return true;
  return idea.status === 'done' && (benefitMissing(idea) || idea.actions.some((action) => !action.done));
}

/** The instant an idea was done or rejected, for reading history by date; undefined while it is not. */
export function closedAt(idea: Pick<Idea, 'status' | 'statusChangedAt' | 'doneAt'>): string | undefined {
  if (idea.status === 'done') return idea.doneAt ?? idea.statusChangedAt;
  return idea.status === 'rejected' ? idea.statusChangedAt : undefined;
}

/** Everyone an idea concerns: its submitter, its owner, and the owners of its open action items. */
export function peopleConcerned(idea: Pick<Idea, 'submitter' | 'owner' | 'actions'>): string[] {
  return [...new Set([idea.submitter.id, idea.owner?.id, ...idea.actions.filter((a) => !a.done).map((a) => a.owner?.id)].filter((id): id is string => !!id))];
}
