import { digestCard } from '../../cards/rhythmCards';
import { accessFor, isAdministrator } from '../../domain/access';
import { localDate } from '../../domain/dates';
import { localTime, weekdayOf } from '../../domain/schedule';
import { DEFAULT_STAGNATION } from '../../domain/stagnation';
import { OutgoingMessage, Outbox } from '../../ports/outbox';
import { PeopleRepository } from '../../ports/peopleRepository';
import { OrganisationDirectory } from '../../services/organisationDirectory';
import { DigestView, WeeklyDigests } from '../../services/rhythm/weeklyDigest';
import { Reachability, UnreachableList } from '../../services/reach/reachability';
import { JobRunLedger } from '../../ports/jobRuns';
import { HolidayCheckFactory } from '../holidays';
import { DuePeriod, OncePerPeriodJob, PeriodWork } from '../periodicJob';
import { recipientLocales } from '../recipientLocale';

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
    /** Who cannot be reached 1:1: listed in administrators' organisation digests. */
    private readonly reach?: Pick<Reachability, 'list'>,
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
    const org = await this.directory.snapshot();
    const { country, language } = org.settings;
    const views = await this.digests.build(today, this.holidays(country), { ...DEFAULT_STAGNATION, quietWeeks: this.settings.stagnationWeeks });
    const localeOf = recipientLocales(this.people, language);
    // Read once, and only if some administrator gets the organisation digest.
    const forAdministrator = (view: DigestView) => view.scope === 'organisation' && isAdministrator(accessFor({ aadObjectId: view.recipientId, name: '' }, org));
    const unreachable: UnreachableList | undefined = this.reach && views.some(forAdministrator) ? await this.reach.list() : undefined;
    const messages: OutgoingMessage[] = await Promise.all(
      views.map(async (view) => ({
        key: `${DIGEST_JOB}|${today}|${view.recipientId}|${view.scope}:${view.scopeId}`,
        job: DIGEST_JOB,
        // A unit leader's digest can go to the unit's channel if no personal chat can be opened.
        target: { kind: 'person' as const, aadObjectId: view.recipientId, ...(view.scope === 'unit' ? { unitId: view.scopeId } : {}) },
        card: digestCard(await localeOf(view.recipientId), view, unreachable && forAdministrator(view) ? { unreachable } : {}),
      })),
    );
    const enqueued = messages.length ? (await this.outbox.enqueue(messages)).queued : 0;
    return { enqueued, complete: true };
  }
}
