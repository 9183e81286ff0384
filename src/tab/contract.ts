import type { Role } from '../domain/access';
import type { BoardColumn } from '../domain/boardColumns';
import type { Effort, IdeaStatus, IdeaType, Impact, Waste } from '../domain/ideas';
import type { Locale } from '../domain/locale';

/**
 * The JSON the tab's API answers with, shared by the server (src/tab/api) and the page (web/tab).
 * Types only: the page imports nothing from the server but these shapes.
 */

export interface PersonDto {
  readonly id: string;
  readonly name: string;
}

export interface UnitDto {
  readonly id: string;
  readonly code: string;
  readonly name: string;
}

/** GET /tab/api/me: who is signed in, and which boards they may see. */
export interface MeDto {
  readonly person: PersonDto;
  readonly roles: readonly Role[];
  readonly units: readonly UnitDto[];
  /** The organisation's language: the page's fallback when neither Teams nor the address names one. */
  readonly language: Locale;
  /** The organisation's time zone: dates and times on the page are shown in it, as on the cards. */
  readonly timeZone: string;
  /** Asked with ?channel=: the unit linked to that channel, when this person may see its board. */
  readonly channel?: { readonly linked: boolean; readonly unit?: UnitDto };
}

/** One idea as a card on the board. */
export interface CardDto {
  readonly unitId: string;
  readonly number: number;
  /** "HN-42". */
  readonly shortId: string;
  readonly title: string;
  readonly status: IdeaStatus;
  readonly type: IdeaType;
  readonly wastes: readonly Waste[];
  readonly owner?: PersonDto;
  /** The date that matters: the earliest missed one when overdue. */
  readonly dueDate?: string;
  readonly overdue: boolean;
  readonly benefitMissing: boolean;
  readonly effort?: Effort;
  readonly impact?: Impact;
  /** The version the card shows: a change is applied to this version only. */
  readonly version: number;
  /** Submitted or owned by the viewer, or one of its open action items is theirs. */
  readonly mine: boolean;
  /** Moves the viewer may make now (a hint; the server decides again). */
  readonly moves: readonly IdeaStatus[];
}

/** GET /tab/api/units/:unitId/board */
export interface BoardDto {
  readonly unit: UnitDto;
  readonly today: string;
  readonly columns: Readonly<Record<BoardColumn, readonly CardDto[]>>;
  readonly parked: readonly CardDto[];
  readonly canPlan: boolean;
}

/** GET /tab/api/units/:unitId/closed?page=n: done and rejected this quarter. */
export interface ClosedDto {
  readonly from: string;
  readonly to: string;
  readonly done: number;
  readonly rejected: number;
  readonly entries: readonly CardDto[];
  readonly page: number;
  readonly pages: number;
}

export interface ActionDto {
  readonly id: number;
  readonly text: string;
  readonly owner?: PersonDto;
  readonly dueDate?: string;
  readonly done: boolean;
  readonly overdue: boolean;
}

export interface CommentDto {
  readonly at: string;
  readonly by: PersonDto;
  readonly text: string;
}

export interface HistoryDto {
  readonly at: string;
  readonly by: PersonDto;
  /** A change kind (history.<what> in the catalogs). */
  readonly what: string;
  readonly detail: string;
}

/** GET /tab/api/units/:unitId/ideas/:number */
export interface ItemDto {
  readonly card: CardDto;
  readonly unit: UnitDto;
  readonly situation?: string;
  readonly proposal?: string;
  readonly statusReason?: string;
  readonly benefitAreas: readonly string[];
  readonly submitter: PersonDto;
  readonly createdAt: string;
  readonly actions: readonly ActionDto[];
  readonly comments: readonly CommentDto[];
  /** Newest first. */
  readonly history: readonly HistoryDto[];
  /** Who may be chosen as owner. */
  readonly people: readonly PersonDto[];
  readonly can: { readonly plan: boolean; readonly comment: boolean; readonly addAction: boolean };
  readonly today: string;
}

/** GET /tab/api/mine */
export interface MineDto {
  readonly entries: readonly (CardDto & { readonly unit: UnitDto })[];
  readonly today: string;
}

export interface TotalsDto {
  readonly hours: number;
  readonly fte: number;
  readonly money: number;
  readonly other: number;
}

/** GET /tab/api/units/:unitId/picture */
export interface PictureDto {
  readonly today: string;
  readonly meetings: readonly { readonly weekStart: string; readonly week: number; readonly held: number; readonly scheduled: number }[];
  readonly hasSchedule: boolean;
  readonly ideas: readonly { readonly month: string; readonly submitted: number; readonly done: number }[];
  readonly gains: readonly { readonly month: string; readonly identifiedHours: number; readonly realizedHours: number }[];
  readonly gainsThisYear: { readonly identified: TotalsDto; readonly realized: TotalsDto; readonly pending: number; readonly currency: string };
  readonly stagnation: {
    readonly quietWeeks: number;
    readonly noNewIdea: boolean;
    readonly noStatusChange: boolean;
    readonly noMeetingLogged: boolean;
    readonly unassigned: readonly { readonly shortId: string; readonly number: number; readonly title: string }[];
    readonly longOverdue: readonly { readonly shortId: string; readonly number: number; readonly title: string }[];
  };
}

/** A change from the tab: POST /tab/api/units/:unitId/ideas/:number/changes */
export type ChangeRequest =
  | { readonly kind: 'move'; readonly version: number; readonly to: IdeaStatus; readonly reason?: string }
  | { readonly kind: 'assign'; readonly version: number; readonly ownerId?: string; readonly dueDate?: string }
  | { readonly kind: 'prioritise'; readonly version: number; readonly effort: Effort; readonly impact: Impact }
  | { readonly kind: 'completeAction'; readonly version: number; readonly actionId: number };

/** Every refusal: a stable code and a message in the user's language; sometimes more. */
export interface RefusalDto {
  readonly error: string;
  readonly message: string;
  /** A stale version: the card as it is now. */
  readonly current?: CardDto;
  /** Problems by field name. */
  readonly fields?: Readonly<Record<string, string>>;
}
