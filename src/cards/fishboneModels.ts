import { Choice, TextColor } from './models';
import { RevisionFollowUpRow } from './revisionModels';

/** The fishbone cards' data (cards/fishbone.json, cards/fishbone-conclude.json). */

export interface FishboneCardData {
  /** Goes back with every button: which analysis, and the version shown. */
  readonly ref: { readonly unitId: string; readonly id: string; readonly version: number };
  readonly note?: string;
  readonly noteColor: TextColor;
  readonly title: string;
  readonly question: string;
  readonly started: string;
  readonly collecting: boolean;
  readonly canAdd: boolean;
  readonly canFacilitate: boolean;
  readonly categories: readonly {
    readonly heading: string;
    readonly lines: readonly { readonly text: string }[];
    readonly more?: string;
    readonly inputId: string;
    readonly value: string;
    readonly error?: string;
  }[];
  readonly error?: string;
  readonly concluded?: { readonly line: string; readonly mainCauses: readonly { readonly text: string }[]; readonly outcome?: string; readonly actions?: string };
}

export interface FishboneConcludeCardData {
  readonly ref: { readonly unitId: string; readonly id: string; readonly version: number };
  readonly note?: string;
  readonly noteColor: TextColor;
  readonly title: string;
  readonly causes: readonly Choice[];
  readonly people: readonly Choice[];
  readonly today: string;
  readonly values: { readonly mainCauseIds: string; readonly outcome: string };
  /** Rows of the same shape as a revision's follow-up points. */
  readonly actions: readonly RevisionFollowUpRow[];
  readonly errors: Readonly<Partial<Record<'mainCauseIds' | 'outcome', string>>>;
}
