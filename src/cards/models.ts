/**
 * The data each template in cards/ is expanded with. Labels are not here: templates read them
 * from the locale catalog (`s`). Everything here is already in the user's language.
 */
export interface Choice {
  readonly title: string;
  readonly value: string;
}

export interface HelpCardData {
  /** Shown above the command list, e.g. "I did not understand ...". */
  readonly lead?: string;
  readonly commands: readonly { readonly word: string; readonly text: string }[];
}

export interface WhoAmICardData {
  readonly name: string;
  readonly roles: string;
  readonly units: string;
  readonly serviceAreas: string;
  readonly note?: string;
}

export interface SetupCardData {
  readonly units: readonly Choice[];
  readonly serviceAreas: readonly Choice[];
  readonly canSetUp: boolean;
  /** A problem with the whole request (forbidden, stale, storage), shown at the top. */
  readonly error?: string;
  readonly errors: { readonly unitId?: string; readonly name?: string; readonly serviceAreaId?: string };
  /** What the user entered, kept when the card comes back with errors ('' when nothing). */
  readonly values: { readonly unitId: string; readonly name: string; readonly serviceAreaId: string };
}

export interface NoticeCardData {
  readonly title: string;
  readonly text: string;
  readonly tone: 'default' | 'good' | 'attention';
}



/** The idea form's inputs as strings, kept when the form comes back with errors. */
export interface IdeaFormValues {
  readonly unitId: string;
  readonly title: string;
  readonly situation: string;
  readonly proposal: string;
  readonly type: string;
  /** Comma-separated, as multi-select choice sets send them. */
  readonly wastes: string;
  readonly benefitAreas: string;
  readonly ownerId: string;
  readonly dueDate: string;
  readonly sourceUrl: string;
  readonly goalId: string;
  /** Other units the idea affects, comma-separated. */
  readonly stakeholders: string;
}

export interface IdeaFormCardData {
  readonly units: readonly Choice[];
  /** The unit when it is not chosen on the form (one unit, or the channel's). */
  readonly fixedUnitId: string;
  readonly types: readonly Choice[];
  readonly wastes: readonly Choice[];
  readonly categories: readonly Choice[];
  readonly people: readonly Choice[];
  /** The unit's open goals an idea may serve; absent when there are none. */
  readonly goals?: readonly Choice[];
  /** Other units the idea may name as affected (empty: the choice is not shown). */
  readonly stakeholderUnits: readonly Choice[];
  readonly today: string;
  readonly values: IdeaFormValues;
  readonly sourceLabel: string;
  readonly error?: string;
  readonly errors: Readonly<Record<string, string>>;
  /** Shown by Teams itself when a required input is empty. */
  readonly requiredMessages: { readonly unitId: string; readonly title: string; readonly type: string };
  /** In a Teams dialog (message action) cards submit with Action.Submit instead of Action.Execute. */
  readonly inDialog: boolean;
}

export type TextColor = 'Default' | 'Good' | 'Attention' | 'Warning' | 'Accent';

/** One idea with everything the viewer may see and only the actions the viewer may take. */
export interface ItemCardData {
  /** Goes back with every action: which idea, and the version this card shows. */
  readonly ref: { readonly unitId: string; readonly number: number; readonly version: number };
  /** Teams user ids whose copy of the card refreshes itself (at most 60). */
  readonly refreshUserIds: readonly string[];
  readonly id: string;
  readonly title: string;
  readonly statusText: string;
  readonly statusColor: TextColor;
  readonly note?: string;
  readonly noteColor: TextColor;
  readonly submittedBy: string;
  readonly reason?: string;
  readonly benefitMissing: boolean;
  /** The unit's open goals the idea may be linked to, and the one it serves (goal breakdown); absent when the unit has none. */
  readonly goals?: readonly Choice[];
  readonly goalValue?: string;
  /** Shows "Register benefit" (verb benefit.form) to someone who may see the idea; prominent while the benefit is missing. */
  readonly canRegisterBenefit?: boolean;
  readonly facts: readonly { readonly title: string; readonly value: string }[];
  readonly situation?: string;
  readonly proposal?: string;
  readonly actionItems: readonly { readonly id: number; readonly line: string; readonly overdue: boolean; readonly done: boolean; readonly canComplete: boolean }[];
  readonly rootCause?: string;
  readonly comments: readonly { readonly line: string }[];
  readonly history: readonly { readonly line: string }[];
  readonly sourceUrl?: string;
  /** Which affected units have answered; shown when the idea names any. */
  readonly stakeholders?: string;
  /** Shows "Affected units" (verb stakeholders.form). */
  readonly canNameStakeholders: boolean;
  /** "Adopts the practice of HN-3 (Hjemmetjenesten nord)". */
  readonly adoptedFrom?: string;
  readonly can: { readonly plan: boolean; readonly addAction: boolean; readonly comment: boolean; readonly rootCause: boolean };
  readonly moves: readonly Choice[];
  readonly efforts: readonly Choice[];
  readonly impacts: readonly Choice[];
  readonly people: readonly Choice[];
  readonly whys: readonly { readonly id: string; readonly label: string; readonly value: string }[];
  readonly fishbone: readonly { readonly id: string; readonly label: string; readonly value: string }[];
  readonly today: string;
  /** Inputs, kept when a form inside the card comes back with errors ('' when empty). */
  readonly values: Readonly<Record<'to' | 'reason' | 'effort' | 'impact' | 'ownerId' | 'dueDate' | 'actionText' | 'actionOwnerId' | 'actionDueDate' | 'comment', string>>;
  readonly errors: Readonly<Record<string, string>>;
  readonly requiredMessages: { readonly to: string; readonly actionText: string; readonly comment: string };
}

/** A compact idea card: the confirmation to the submitter and the post in the unit's channel. */
export interface IdeaSummaryCardData {
  readonly ref: { readonly unitId: string; readonly number: number };
  readonly headline: string;
  readonly id: string;
  readonly title: string;
  readonly statusText: string;
  readonly text?: string;
  /** A summary for someone outside the idea's unit: no "Open", since the board is the unit's. */
  readonly summaryOnly?: boolean;
}

/** One line of the board or of "my items": an idea and why it needs attention. */
export interface BoardEntryCardData {
  /** Goes back with "Open": which idea. */
  readonly unitId: string;
  readonly number: number;
  /** The short id, e.g. "HN-42". */
  readonly id: string;
  readonly title: string;
  readonly statusText: string;
  /** The owner's name, or the catalog's "no owner". */
  readonly owner: string;
  /** "due 01.12.2026" in the user's language. */
  readonly due: string;
  /** OVERDUE / BENEFIT MISSING, each in its colour; empty when nothing is wrong. */
  readonly tags: readonly { readonly text: string; readonly color: TextColor }[];
  /** The unit's name, on "my items" where entries come from several units. */
  readonly unitName?: string;
}

/** Paging shown only when a list has more than one page; the buttons carry the page to open. */
export interface PagingCardData {
  readonly text?: string;
  readonly previous?: number;
  readonly next?: number;
}

/** A unit's improvement board: counts per status and the items that need attention, one page. */
export interface BoardCardData {
  readonly unitId: string;
  readonly title: string;
  /** Every live status with its count, in board order. */
  readonly counts: readonly { readonly title: string; readonly value: string }[];
  readonly entries: readonly BoardEntryCardData[];
  readonly page: number;
  readonly paging: PagingCardData;
  /** The unit's goals (goal breakdown); absent when it has none. */
  readonly goals?: readonly GoalSummaryCardData[];
}

/** "Done this quarter": a unit's done and rejected ideas of the quarter, newest first. */
export interface ClosedIdeasCardData {
  readonly unitId: string;
  readonly title: string;
  readonly counts: readonly { readonly title: string; readonly value: string }[];
  readonly entries: readonly { readonly unitId: string; readonly number: number; readonly id: string; readonly title: string; readonly statusText: string; readonly when: string }[];
  readonly paging: PagingCardData;
}

/** One thing waiting for a leader's decision, with the button that opens it. */
export interface WaitingEntryCardData {
  /** "HN-42 Fewer shift swaps". */
  readonly heading: string;
  readonly detail: string;
  readonly unitId: string;
  readonly number: number;
}

/** "Waiting for your decision": approvals (opening the approval card) and long-overdue items of units they lead. */
export interface WaitingCardData {
  readonly approvals: readonly (WaitingEntryCardData & { readonly benefitId: string })[];
  /** "and 4 more approvals", next to a button that opens the whole list. */
  readonly moreApprovals?: string;
  readonly escalated: readonly WaitingEntryCardData[];
  readonly moreEscalated?: string;
}

/** Everything the user owns or submitted, across units; for leaders, what waits for their decision first. */
export interface MyItemsCardData {
  readonly waiting?: WaitingCardData;
  /** Nothing at all to show: the "well done" line. */
  readonly showEmpty: boolean;
  readonly entries: readonly BoardEntryCardData[];
  readonly page: number;
  readonly paging: PagingCardData;
}

/** A leader's benefit approvals, oldest first, each opening the approval card. */
export interface ApprovalInboxCardData {
  /** How many wait, or that none do. */
  readonly lead: string;
  readonly entries: readonly {
    readonly heading: string;
    /** The unit and the gain's arithmetic. */
    readonly detail: string;
    /** Who registered it, when, and how long it has waited. */
    readonly registered: string;
    readonly unitId: string;
    readonly number: number;
    readonly benefitId: string;
  }[];
  readonly more?: string;
  /** The viewer's own registrations waiting for someone else. */
  readonly own?: string;
}

/** "Which unit's board?" for a person in several units. */
export interface ChooseUnitCardData {
  readonly units: readonly { readonly unitId: string; readonly name: string }[];
}

/** A line of text in a colour, e.g. an overdue item on the agenda. */
export interface ColoredLine {
  readonly text: string;
  readonly color: TextColor;
}

/** The board-meeting prompt in a unit's channel: the agenda, and how the meeting was logged. */
export interface BoardMeetingCardData {
  /** Go back with "Log the meeting": which unit and meeting. */
  readonly unitId: string;
  readonly date: string;
  readonly title: string;
  /** "mandag 2. mars 2026". */
  readonly dateText: string;
  readonly note?: string;
  readonly noteColor: TextColor;
  /** "Logged by Kari Nilsen: held, 7 present", once logged. */
  readonly logged?: string;
  readonly loggedColor: TextColor;
  readonly loggedLines: readonly string[];
  /** Agenda sections that have something in them, each with at most five lines. */
  readonly sections: readonly { readonly title: string; readonly lines: readonly ColoredLine[]; readonly more?: string }[];
  readonly logButton: string;
}

/** One quick-decision row on the log form: its input ids, what was typed and what was wrong. */
export interface DecisionRowCardData {
  readonly label: string;
  readonly ids: { readonly idea: string; readonly status: string; readonly owner: string; readonly due: string };
  readonly values: { readonly idea: string; readonly status: string; readonly owner: string; readonly due: string };
  readonly errors: { readonly idea?: string; readonly status?: string; readonly owner?: string; readonly due?: string };
}

/** The meeting log form, shown to the person who pressed "Log the meeting". */
export interface MeetingLogCardData {
  readonly unitId: string;
  readonly date: string;
  /** The version of the log this form changes; 0 for a first log. */
  readonly version: number;
  readonly title: string;
  readonly dateText: string;
  readonly note?: string;
  readonly noteColor: TextColor;
  readonly values: { readonly held: string; readonly reason: string; readonly notes: string };
  /** Input.Number takes a number; absent leaves the input empty. */
  readonly attendees?: number;
  readonly errors: Readonly<Record<string, string>>;
  readonly showDecisions: boolean;
  readonly canAssign: boolean;
  readonly ideas: readonly Choice[];
  readonly moves: readonly Choice[];
  readonly people: readonly Choice[];
  readonly decisions: readonly DecisionRowCardData[];
  readonly today: string;
  readonly requiredMessages: { readonly held: string };
}

/** A unit's board-meeting schedule form; or, for someone leading several units, which unit. */
export interface MeetingScheduleCardData {
  readonly unitId: string;
  readonly title: string;
  readonly note?: string;
  readonly noteColor: TextColor;
  /** "Now: Monday to Friday at 08:30" or "No meeting schedule yet." */
  readonly current: string;
  readonly noChannel: boolean;
  readonly weekdays: readonly Choice[];
  readonly values: { readonly weekdays: string; readonly time: string };
  readonly pauses: readonly {
    readonly fromId: string;
    readonly toId: string;
    readonly fromLabel: string;
    readonly toLabel: string;
    readonly from: string;
    readonly to: string;
    readonly fromError?: string;
    readonly toError?: string;
  }[];
  readonly errors: { readonly weekdays?: string; readonly time?: string };
  readonly requiredMessages: { readonly weekdays: string; readonly time: string };
  /** Non-empty: choose a unit first (the form is not shown). */
  readonly units: readonly Choice[];
}

/** One overdue item on a reminder card, with the inputs its buttons need (ids unique per item). */
export interface ReminderItemCardData {
  readonly heading: string;
  readonly detail: string;
  readonly unitName: string;
  readonly unitId: string;
  readonly number: number;
  /** 0 for the idea itself. */
  readonly actionId: number;
  readonly canMarkDone: boolean;
  readonly dueInput: string;
  readonly handOverInput: string;
  readonly people: readonly Choice[];
}

/** The daily 1:1 reminder: one card per person listing their overdue items. */
export interface OverdueReminderCardData {
  readonly headline: string;
  readonly note?: string;
  readonly noteColor: TextColor;
  readonly today: string;
  readonly items: readonly ReminderItemCardData[];
  readonly more?: string;
}

/** To a unit leader: items overdue beyond the escalation threshold. */
export interface OverdueEscalationCardData {
  readonly headline: string;
  readonly items: readonly { readonly heading: string; readonly detail: string; readonly unitId: string; readonly number: number }[];
  readonly more?: string;
}

/** Who cannot be reached in a personal chat (administrators' status card and organisation digest). */
export interface UnreachableCardData {
  readonly heading: string;
  readonly lines: readonly { readonly text: string }[];
  readonly more?: string;
  readonly hint: string;
}

/** The Monday digest: one row per unit (or per service area for the organisation), totals, flags, approvals. */
export interface WeeklyDigestCardData {
  readonly title: string;
  readonly period: string;
  readonly rows: readonly { readonly name: string; readonly weight: 'Default' | 'Bolder'; readonly ideas: string; readonly meetings: string; readonly benefits: string }[];
  readonly totals: readonly { readonly title: string; readonly value: string }[];
  readonly flags: readonly { readonly text: string }[];
  readonly approvals: readonly { readonly text: string; readonly unitId: string; readonly number: number; readonly benefitId: string }[];
  /** A unit's digest: practices tried elsewhere, offered to it (see learning/whereElse). */
  readonly tried?: readonly TriedCardItem[];
  /** A unit's meetings held against scheduled per week; an area's identified against realized per quarter. Each with a table fallback. */
  readonly charts: readonly Readonly<Record<string, unknown>>[];
  /** Only in an administrator's organisation digest, and only when someone cannot be reached. */
  readonly unreachable?: UnreachableCardData;
  /** Asked for on demand: the other week, and the person's other digests. Empty on the Monday card. */
  readonly switches: readonly { readonly title: string; readonly scope: string; readonly scopeId: string; readonly week: string }[];
  /** The scope's goals and what serves them this year; absent when it has none. */
  readonly goals?: readonly GoalSummaryCardData[];
}

/** For administrators: how the proactive-message pipeline is doing, and "send now". */
export interface PipelineStatusCardData {
  /** What "send now" did, at the top. */
  readonly note?: string;
  readonly noteColor: TextColor;
  readonly counts: readonly { readonly title: string; readonly value: string }[];
  readonly failures: readonly { readonly text: string }[];
  readonly runs: readonly { readonly title: string; readonly value: string }[];
  readonly unreachable?: UnreachableCardData;
  /** Units whose board-meeting prompt can be sent now (they have a channel). */
  readonly promptUnits: readonly Choice[];
  /** The unit chosen last time, kept ('' when none). */
  readonly promptUnit: string;
}

import { ReportCardData, ReportFormCardData } from './reportModels';
import { BenefitCardData, BenefitFormCardData, BenefitLedgerCardData } from './benefitModels';
import { RevisionCardData, UnitChoiceCardData } from './revisionModels';
import { FishboneCardData, FishboneConcludeCardData } from './fishboneModels';
import { GoalFormCardData, GoalSummaryCardData, GoalsCardData } from './goalModels';
import { SimilarIdeasCardData, StakeholderAskCardData, StakeholdersFormCardData, TriedCardItem, WhereElseCardData } from './learningModels';

export interface CardModels {
  'pipeline-status': PipelineStatusCardData;
  'overdue-reminder': OverdueReminderCardData;
  'overdue-escalation': OverdueEscalationCardData;
  'weekly-digest': WeeklyDigestCardData;
  help: HelpCardData;
  whoami: WhoAmICardData;
  setup: SetupCardData;
  notice: NoticeCardData;
  'idea-form': IdeaFormCardData;
  idea: ItemCardData;
  'idea-summary': IdeaSummaryCardData;
  board: BoardCardData;
  'closed-ideas': ClosedIdeasCardData;
  'my-items': MyItemsCardData;
  'choose-unit': ChooseUnitCardData;
  'benefit-form': BenefitFormCardData;
  benefit: BenefitCardData;
  'benefit-ledger': BenefitLedgerCardData;
  'approval-inbox': ApprovalInboxCardData;
  'board-meeting': BoardMeetingCardData;
  'meeting-log': MeetingLogCardData;
  'meeting-schedule': MeetingScheduleCardData;
  'report-form': ReportFormCardData;
  report: ReportCardData;
  revision: RevisionCardData;
  'unit-choice': UnitChoiceCardData;
  fishbone: FishboneCardData;
  'fishbone-conclude': FishboneConcludeCardData;
  goals: GoalsCardData;
  'goal-form': GoalFormCardData;
  'similar-ideas': SimilarIdeasCardData;
  'stakeholder-ask': StakeholderAskCardData;
  'stakeholders-form': StakeholdersFormCardData;
  'where-else': WhereElseCardData;
}

export type CardName = keyof CardModels;
