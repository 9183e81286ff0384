import { fishboneSuggestionCard } from '../../cards/fishboneCards';
import { localDate } from '../../domain/dates';
import { suggestionStretch } from '../../domain/fishbone';
import { localTime, weekdayOf } from '../../domain/schedule';
import { DEFAULT_STAGNATION } from '../../domain/stagnation';
import { JobRunLedger } from '../../ports/jobRuns';
import { OutgoingMessage, Outbox } from '../../ports/outbox';
import { PeopleRepository } from '../../ports/peopleRepository';
import { FishboneService } from '../../services/leadership/fishbones';
import { OrganisationDirectory } from '../../services/organisationDirectory';
import { DuePeriod, OncePerPeriodJob, PeriodWork } from '../periodicJob';

export const FISHBONE_SUGGESTION_JOB = 'fishboneSuggestion';

/**
 * On Monday mornings, with the digest: for each unit flagged as stagnating for `afterWeeks` (a
 * setting) beyond the stagnation threshold, and with no fishbone analysis in the last half-year,
 * the Lean coaches and the unit's service-area leaders get a card to start one. Keyed by the
 * stretch of `afterWeeks` weeks, so the same unit is suggested at most once per stretch.
 */
export class FishboneSuggestionJob extends OncePerPeriodJob {
  readonly name = FISHBONE_SUGGESTION_JOB;

  constructor(
    private readonly fishbones: FishboneService,
    private readonly people: PeopleRepository,
    private readonly directory: OrganisationDirectory,
    private readonly outbox: Outbox,
    private readonly settings: { readonly digestTime: string; readonly stagnationWeeks: number; readonly fishboneAfterWeeks: number },
    ledger: JobRunLedger,
  ) {
    super(ledger);
  }

  protected async due(now: Date): Promise<DuePeriod | undefined> {
    const { timeZone } = (await this.directory.snapshot()).settings;
    const today = localDate(now, timeZone);
    if (weekdayOf(today) !== 1 || localTime(now, timeZone) < this.settings.digestTime) return undefined;
    return { period: today };
  }

  protected async work(today: string): Promise<PeriodWork> {
    const { language } = (await this.directory.snapshot()).settings;
    const thresholds = { ...DEFAULT_STAGNATION, quietWeeks: this.settings.stagnationWeeks };
    const afterWeeks = this.settings.fishboneAfterWeeks;
    const stretch = suggestionStretch(today, afterWeeks);
    const suggestions = await this.fishbones.suggestions(today, thresholds, afterWeeks);
    const messages: OutgoingMessage[] = (
      await Promise.all(
        suggestions.flatMap((suggestion) =>
          suggestion.recipientIds.map(async (recipientId) => ({
            key: `${FISHBONE_SUGGESTION_JOB}|${stretch}|${suggestion.unit.id}|${recipientId}`,
            job: FISHBONE_SUGGESTION_JOB,
            target: { kind: 'person' as const, aadObjectId: recipientId },
            card: fishboneSuggestionCard((await this.people.get(recipientId))?.locale ?? language, suggestion, thresholds.quietWeeks),
          })),
        ),
      )
    ).flat();
    const enqueued = messages.length ? (await this.outbox.enqueue(messages)).queued : 0;
    return { enqueued, complete: true };
  }
}
