import { digestCard } from '../../cards/rhythmCards';
import { localDate } from '../../domain/dates';
import { localTime, weekdayOf } from '../../domain/schedule';
import { DEFAULT_STAGNATION } from '../../domain/stagnation';
import { OutgoingMessage, Outbox } from '../../ports/outbox';
import { PeopleRepository } from '../../ports/peopleRepository';
import { OrganisationDirectory } from '../../services/organisationDirectory';
import { WeeklyDigests } from '../../services/rhythm/weeklyDigest';
import { JobRunLedger } from '../../ports/jobRuns';
import { HolidayCheckFactory } from '../holidays';
import { DuePeriod, OncePerPeriodJob, PeriodWork } from '../periodicJob';

export const DIGEST_JOB = 'digest';

/**
 * The Monday digest, from the configured morning time: one card per recipient and scope for the
 * week before. Keyed by the week's Monday, so it goes out once a week whatever runs it.
 */
export class WeeklyDigestJob extends OncePerPeriodJob {
  constructor(
    private readonly digests: WeeklyDigests,
    private readonly people: PeopleRepository,
    private readonly directory: OrganisationDirectory,
    private readonly outbox: Outbox,
    private readonly holidays: HolidayCheckFactory,
    private readonly settings: { readonly digestTime: string; readonly stagnationWeeks: number },
    ledger: JobRunLedger,
  ) {
    super(ledger);
  }

  readonly name = DIGEST_JOB;

  /** The week's Monday, once the digest time has come that Monday. */
  protected async due(now: Date): Promise<DuePeriod | undefined> {
    const { timeZone } = (await this.directory.snapshot()).settings;
    const today = localDate(now, timeZone);
    if (weekdayOf(today) !== 1 || localTime(now, timeZone) < this.settings.digestTime) return undefined;
    return { period: today };
  }

  protected async work(today: string, _now: Date): Promise<PeriodWork> {
    const { country, language } = (await this.directory.snapshot()).settings;
    const views = await this.digests.build(today, this.holidays(country), { ...DEFAULT_STAGNATION, quietWeeks: this.settings.stagnationWeeks });
    const messages: OutgoingMessage[] = await Promise.all(
      views.map(async (view) => ({
        key: `${DIGEST_JOB}|${today}|${view.recipientId}|${view.scope}:${view.scopeId}`,
        job: DIGEST_JOB,
        target: { kind: 'person' as const, aadObjectId: view.recipientId },
        card: digestCard((await this.people.get(view.recipientId))?.locale ?? language, view),
      })),
    );
    const enqueued = messages.length ? (await this.outbox.enqueue(messages)).queued : 0;
    return { enqueued, complete: true };
  }
}
