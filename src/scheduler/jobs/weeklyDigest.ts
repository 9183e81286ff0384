import { digestCard } from '../../cards/rhythmCards';
import { localDate } from '../../domain/dates';
import { localTime, weekdayOf } from '../../domain/schedule';
import { DEFAULT_STAGNATION } from '../../domain/stagnation';
import { Clock } from '../../ports/clock';
import { OutgoingMessage, Outbox } from '../../ports/outbox';
import { PeopleRepository } from '../../ports/peopleRepository';
import { OrganisationDirectory } from '../../services/organisationDirectory';
import { WeeklyDigests } from '../../services/rhythm/weeklyDigest';
import { HolidayCheckFactory } from '../holidays';

export const DIGEST_JOB = 'digest';

/**
 * The Monday digest, from the configured morning time: one card per recipient and scope for the
 * week before. Keyed by the week's Monday, so it goes out once a week whatever runs it.
 */
export class WeeklyDigestJob {
  constructor(
    private readonly digests: WeeklyDigests,
    private readonly people: PeopleRepository,
    private readonly directory: OrganisationDirectory,
    private readonly outbox: Outbox,
    private readonly holidays: HolidayCheckFactory,
    private readonly clock: Clock,
    private readonly settings: { readonly digestTime: string; readonly stagnationWeeks: number },
  ) {}

  readonly name = DIGEST_JOB;

  async run(now: Date = this.clock.now()): Promise<{ enqueued: number }> {
    const org = await this.directory.snapshot();
    const { timeZone, country, language } = org.settings;
    const today = localDate(now, timeZone);
    if (weekdayOf(today) !== 1 || localTime(now, timeZone) < this.settings.digestTime) return { enqueued: 0 };
    const views = await this.digests.build(today, this.holidays(country), { ...DEFAULT_STAGNATION, quietWeeks: this.settings.stagnationWeeks });
    const messages: OutgoingMessage[] = await Promise.all(
      views.map(async (view) => ({
        key: `${DIGEST_JOB}|${today}|${view.recipientId}|${view.scope}:${view.scopeId}`,
        job: DIGEST_JOB,
        target: { kind: 'person' as const, aadObjectId: view.recipientId },
        card: digestCard((await this.people.get(view.recipientId))?.locale ?? language, view),
      })),
    );
    if (!messages.length) return { enqueued: 0 };
    return { enqueued: (await this.outbox.enqueue(messages)).queued };
  }
}
