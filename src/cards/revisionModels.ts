import { Choice, TextColor } from './models';

/** The revision cards' data (cards/revision.json, cards/revision-units.json). */

export interface RevisionFollowUpRow {
  readonly textId: string;
  readonly ownerId: string;
  readonly dueId: string;
  readonly textLabel: string;
  readonly text: string;
  readonly owner: string;
  readonly due: string;
  readonly textError?: string;
  readonly ownerError?: string;
  readonly dueError?: string;
}

export interface RevisionCardData {
  /** Goes back with every button: which unit and round, and the version of the record shown. */
  readonly ref: { readonly unitId: string; readonly round: string; readonly version: number };
  readonly title: string;
  readonly subtitle: string;
  readonly note?: string;
  readonly noteColor: TextColor;
  readonly facts: readonly { readonly title: string; readonly value: string }[];
  readonly deviations: readonly { readonly text: string }[];
  readonly previousHeading?: string;
  readonly previous: readonly { readonly text: string }[];
  readonly fishbones: readonly { readonly text: string }[];
  readonly visit: readonly { readonly text: string }[];
  readonly pointsHeading?: string;
  readonly points: readonly { readonly text: string; readonly done: boolean }[];
  readonly canRecord: boolean;
  readonly formHeading: string;
  readonly today: string;
  readonly people: readonly Choice[];
  readonly values: { readonly visitedOn: string; readonly participantIds: string; readonly otherParticipants: string; readonly observations: string };
  readonly checks: readonly { readonly id: string; readonly title: string; readonly value: string }[];
  readonly followUps: readonly RevisionFollowUpRow[];
  readonly errors: Readonly<Partial<Record<'visitedOn' | 'participantIds' | 'otherParticipants' | 'observations' | 'checks', string>>>;
}

/**
 * Units to choose from, each with a button (cards/unit-choice.json): the answer to "revisjon" or
 * "fiskebein" for someone with several units, the revision reminder, the fishbone suggestion.
 */
export interface UnitChoiceCardData {
  readonly headline: string;
  readonly intro?: string;
  /** The card verb each unit's button runs, with { unitId }. */
  readonly verb: string;
  readonly button: string;
  /** Carried by the buttons: why a fishbone analysis is started from this card. */
  readonly reason?: 'stagnation';
  readonly units: readonly { readonly unitId: string; readonly name: string; readonly detail?: string }[];
}
