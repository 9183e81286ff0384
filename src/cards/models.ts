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
}

export interface IdeaFormCardData {
  readonly units: readonly Choice[];
  /** The unit when it is not chosen on the form (one unit, or the channel's). */
  readonly fixedUnitId: string;
  readonly types: readonly Choice[];
  readonly wastes: readonly Choice[];
  readonly categories: readonly Choice[];
  readonly people: readonly Choice[];
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
  readonly facts: readonly { readonly title: string; readonly value: string }[];
  readonly situation?: string;
  readonly proposal?: string;
  readonly actionItems: readonly { readonly id: number; readonly line: string; readonly overdue: boolean; readonly done: boolean; readonly canComplete: boolean }[];
  readonly rootCause?: string;
  readonly comments: readonly { readonly line: string }[];
  readonly sourceUrl?: string;
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
  /** Every status with its count, in board order. */
  readonly counts: readonly { readonly title: string; readonly value: string }[];
  readonly entries: readonly BoardEntryCardData[];
  readonly page: number;
  readonly paging: PagingCardData;
}

/** Everything the user owns or submitted, across units. */
export interface MyItemsCardData {
  readonly entries: readonly BoardEntryCardData[];
  readonly page: number;
  readonly paging: PagingCardData;
}

/** "Which unit's board?" for a person in several units. */
export interface ChooseUnitCardData {
  readonly units: readonly { readonly unitId: string; readonly name: string }[];
}

export interface CardModels {
  help: HelpCardData;
  whoami: WhoAmICardData;
  setup: SetupCardData;
  notice: NoticeCardData;
  'idea-form': IdeaFormCardData;
  idea: ItemCardData;
  'idea-summary': IdeaSummaryCardData;
  board: BoardCardData;
  'my-items': MyItemsCardData;
  'choose-unit': ChooseUnitCardData;
}

export type CardName = keyof CardModels;
