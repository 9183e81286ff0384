/**
 * What a file says, checked field by field. Invalid values are recorded as problems and replaced
 * by a harmless stand-in ('' or a shorter list), so the cross-checks can still run; the result is
 * never used when there is a problem. `undefined` means the file leaves the value as stored.
 */
import { OrganisationSettings } from '../../domain/organisation';
import { PersonRef } from '../../domain/people';
import { MeetingSchedule } from '../../domain/schedule';
import { OrganisationImport } from '../../ports/organisationRepository';
import { GoalFileDraft } from './goalDrafts';
import { Cell } from './problems';

/** Entries of the finished import. */
export type ImportedUnit = OrganisationImport['units'][number];
export type ImportedRole = NonNullable<OrganisationImport['roleAssignments']>[number];

export interface AreaDraft {
  readonly id: string;
  readonly line: number;
  readonly name?: string;
  readonly leaders?: readonly PersonRef[];
}

export interface UnitDraft {
  readonly id: string;
  readonly line: number;
  readonly serviceAreaId: string;
  readonly code?: Cell;
  readonly name?: string;
  readonly leaders?: readonly PersonRef[];
  readonly members?: readonly PersonRef[];
  readonly headcount?: number;
  readonly schedule?: ScheduleDraft;
  readonly kind?: string;
}

/** What a file says about a unit's meeting schedule; an omitted part keeps the stored one. */
export interface ScheduleDraft {
  readonly line: number;
  readonly weekdays?: readonly number[];
  readonly time?: string;
  readonly pauses?: MeetingSchedule['pauses'];
  /** How the weekdays and time are named in a message: `schedule.weekdays` or `meeting_weekdays`. */
  readonly names: { readonly weekdays: string; readonly time: string };
  /** A part was invalid (already reported): the schedule is not assembled. */
  readonly broken: boolean;
}

export interface FileDraft {
  readonly settings?: OrganisationSettings;
  readonly roleAssignments?: readonly ImportedRole[];
  readonly areas: readonly AreaDraft[];
  readonly units: readonly UnitDraft[];
  readonly goals?: readonly GoalFileDraft[];
}
