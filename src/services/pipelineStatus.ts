import { isAdministrator } from '../domain/access';
import { DomainError } from '../domain/errors';
import { Person } from '../domain/people';
import { Clock } from '../ports/clock';
import { PipelineMonitor } from '../ports/messageSender';
import { PipelineStatus } from '../ports/outbox';
import { OrganisationDirectory } from './organisationDirectory';
import { Reachability, UnreachableList } from './reach/reachability';

/** How far back the status counts sent messages and failures. */
const WINDOW_DAYS = 7;

/** The pipeline, and the people it cannot reach 1:1. */
export interface PipelineOverview extends PipelineStatus {
  readonly unreachable: UnreachableList;
}

/** The delivery pipeline's state for administrators: queued, sent, failed, when each job last ran, and who cannot be reached. */
export class PipelineStatusService {
  constructor(
    private readonly monitor: PipelineMonitor,
    private readonly reach: Pick<Reachability, 'list'>,
    private readonly directory: OrganisationDirectory,
    private readonly clock: Clock,
  ) {}

  async status(person: Person): Promise<PipelineOverview> {
    const { access } = await this.directory.accessOf(person);
    if (!isAdministrator(access)) throw new DomainError('forbidden');
    const since = new Date(this.clock.now().getTime() - WINDOW_DAYS * 86_400_000);
    const [status, unreachable] = await Promise.all([this.monitor.status({ since, recentFailures: 5 }), this.reach.list()]);
    return { ...status, unreachable };
  }
}
