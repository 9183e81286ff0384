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

export interface CardModels {
  help: HelpCardData;
  whoami: WhoAmICardData;
  setup: SetupCardData;
  notice: NoticeCardData;
}

export type CardName = keyof CardModels;
