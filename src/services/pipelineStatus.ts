import { isAdministrator } from '../domain/access';
import { DomainError } from '../domain/errors';
import { Person } from '../domain/people';
import { Clock } from '../ports/clock';
import { PipelineMonitor } from '../ports/messageSender';
import { PipelineStatus } from '../ports/outbox';
import { OrganisationDirectory } from './organisationDirectory';

/** How far back the status counts sent messages and failures. */
const WINDOW_DAYS = 7;

/** The delivery pipeline's state for administrators: queued, sent, failed, and when each job last ran. */
export class PipelineStatusService {
  constructor(
    private readonly monitor: PipelineMonitor,
    private readonly directory: OrganisationDirectory,
    private readonly clock: Clock,
  ) {}

  async status(person: Person): Promise<PipelineStatus> {
    const { access } = await this.directory.accessOf(person);
    if (!isAdministrator(access)) throw new DomainError('forbidden');
    const since = new Date(this.clock.now().getTime() - WINDOW_DAYS * 86_400_000);
    return this.monitor.status({ since, recentFailures: 5 });
  }
}
