import { canManageUnit, unitsVisibleTo } from '../../domain/access';
import { DomainError } from '../../domain/errors';
import { OrganisationSettings, Unit, findUnit, unitForChannel } from '../../domain/organisation';
import { Person } from '../../domain/people';
import { ScheduleInput, checkSchedule } from '../../domain/scheduleForm';
import { OrganisationRepository } from '../../ports/organisationRepository';
import { OrganisationDirectory } from '../organisationDirectory';

/** Whose schedule a "schedule" command is about. */
export type ScheduleChoice =
  | { readonly kind: 'unit'; readonly unit: Unit; readonly canManage: boolean; readonly settings: OrganisationSettings }
  | { readonly kind: 'choose'; readonly units: readonly Unit[] }
  | { readonly kind: 'none' };

export interface ScheduleView {
  readonly unit: Unit;
  readonly settings: OrganisationSettings;
}

/**
 * A unit's board-meeting schedule: weekdays, local time and pauses. The unit's leader sets it (or
 * the service-area leader, or an administrator), decided from stored roles on every save.
 */
export class MeetingSchedules {
  constructor(
    private readonly organisation: OrganisationRepository,
    private readonly directory: OrganisationDirectory,
  ) {}

  /** In a unit's channel: that unit. Elsewhere: the one unit the person may set up, or a choice. */
  async which(person: Person, conversationId: string): Promise<ScheduleChoice> {
    const { access, org } = await this.directory.accessOf(person);
    const channelUnit = unitForChannel(org, conversationId);
    if (channelUnit) return { kind: 'unit', unit: channelUnit, canManage: canManageUnit(access, channelUnit), settings: org.settings };
    const units = unitsVisibleTo(access, org).filter((unit) => canManageUnit(access, unit));
    if (units.length === 1) return { kind: 'unit', unit: units[0], canManage: true, settings: org.settings };
    return units.length ? { kind: 'choose', units } : { kind: 'none' };
  }

  /** The unit, for its schedule form; only for someone who may change the schedule. */
  async view(person: Person, unitId: string): Promise<ScheduleView> {
    const { access, org } = await this.directory.accessOf(person);
    const unit = findUnit(org, unitId);
    if (!unit) throw new DomainError('notFound');
    if (!canManageUnit(access, unit)) throw new DomainError('forbidden');
    return { unit, settings: org.settings };
  }

  /** Checks the schedule and stores it on the unit, under the unit's ETag. */
  async save(person: Person, unitId: string, input: ScheduleInput): Promise<ScheduleView> {
    const { settings } = await this.view(person, unitId);
    const schedule = checkSchedule(input);
    const unit = await this.organisation.updateUnit(unitId, (current) => ({ ...current, schedule }));
    this.directory.invalidate();
    return { unit, settings };
  }
}
