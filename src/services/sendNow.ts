import { isAdministrator } from '../domain/access';
import { DomainError } from '../domain/errors';
import { OrganisationSnapshot, Unit, findUnit } from '../domain/organisation';
import { Person } from '../domain/people';
import { Clock } from '../ports/clock';
import { JobTrigger, ManualRun } from '../ports/jobTrigger';
import { OrganisationDirectory } from './organisationDirectory';

export type SendNowResult =
  | { readonly kind: 'queued'; readonly count: number }
  /** Nothing was due: no overdue items, or the meeting is logged already. */
  | { readonly kind: 'nothing' }
  /** Done already today; `at` when the job knows when. */
  | { readonly kind: 'alreadyDone'; readonly at?: Date }
  /** The unit has no channel to post its prompt in. */
  | { readonly kind: 'noChannel'; readonly unit: string };

/** The units whose board-meeting prompt can be sent: those linked to a channel. */
export const promptableUnits = (org: OrganisationSnapshot): Unit[] => org.units.filter((unit) => !!unit.channel);

/**
 * "Send now" on the status card: an administrator brings a unit's meeting prompt, or today's
 * overdue reminders, forward. The scheduler's once-per-period rule holds (see JobTrigger): what
 * was already sent today is not sent again, and the administrator is told so.
 */
export class SendNow {
  constructor(
    private readonly directory: OrganisationDirectory,
    private readonly trigger: JobTrigger,
    private readonly clock: Clock,
  ) {}

  async run(person: Person, request: ManualRun): Promise<SendNowResult> {
    const { access, org } = await this.directory.accessOf(person);
    if (!isAdministrator(access)) throw new DomainError('forbidden');
    if (request.job === 'prompt') {
      const unit = findUnit(org, request.unitId);
      if (!unit) throw new DomainError('notFound');
      if (!unit.channel) return { kind: 'noChannel', unit: unit.name };
    }
    const outcome = await this.trigger.runNow(request, this.clock.now());
    if (outcome.kind === 'alreadyDone') return { kind: 'alreadyDone', ...(outcome.at ? { at: outcome.at } : {}) };
    return outcome.enqueued ? { kind: 'queued', count: outcome.enqueued } : { kind: 'nothing' };
  }
}
