import { RhythmSettings } from '../config';
import { composeServices } from '../composition';
import { Logger } from '../ports/logger';
import { JobTrigger } from '../ports/jobTrigger';
import { cachedHolidayChecks } from './holidays';
import { ScheduledJob } from './jobRunner';
import { BenefitFollowUpJob } from './jobs/benefitFollowUps';
import { MeetingPrompts } from './jobs/meetingPrompts';
import { OutboxPurgeJob } from './jobs/outboxPurge';
import { OverdueReminderJob } from './jobs/overdueReminders';
import { WeeklyDigestJob } from './jobs/weeklyDigest';
import { RevisionReminderJob } from './jobs/revisionReminders';
import { FishboneSuggestionJob } from './jobs/fishboneSuggestions';

type Composition = Pick<ReturnType<typeof composeServices>, 'services' | 'repositories'>;

export interface RhythmJobs {
  /** What the scheduler runs on every tick (on the instance holding the lease). */
  readonly jobs: readonly ScheduledJob[];
  /** "Send now": the same job objects, so a period done by hand is known to the scheduler at once. */
  readonly trigger: JobTrigger;
}

/**
 * The scheduled jobs of the rhythm (prompts, reminders, digests, benefit follow-ups, outbox purge),
 * built once per process and shared by the scheduler and an administrator's "send now".
 */
export function createRhythmJobs(
  { services, repositories }: Composition,
  deps: {
    readonly logger: Logger;
    readonly rhythm: RhythmSettings;
    /** Weeks of stagnation before a fishbone analysis is suggested (FISHBONE_AFTER_WEEKS). */
    readonly fishboneAfterWeeks?: number;
  },
): RhythmJobs {
  const { logger, rhythm } = deps;
  const holidays = cachedHolidayChecks();
  const prompts = new MeetingPrompts(services.directory, services.agenda, repositories.outbox, holidays, logger, repositories.jobRuns);
  const reminders = new OverdueReminderJob(services.overdueReminders, repositories.people, services.directory, repositories.outbox, holidays, rhythm, repositories.jobRuns);
  const jobs: ScheduledJob[] = [
    prompts,
    reminders,
    new WeeklyDigestJob(services.weeklyDigests, repositories.people, services.directory, repositories.outbox, holidays, rhythm, repositories.jobRuns, services.reach),
    new BenefitFollowUpJob(services.benefitReminders, services.directory, rhythm, repositories.jobRuns),
    new OutboxPurgeJob(repositories.outbox, services.directory, repositories.jobRuns),
    new RevisionReminderJob(services.revisions, repositories.people, services.directory, repositories.outbox, rhythm, repositories.jobRuns),
    new FishboneSuggestionJob(services.fishbones, repositories.people, services.directory, repositories.outbox, { ...rhythm, fishboneAfterWeeks: deps.fishboneAfterWeeks ?? 8 }, repositories.jobRuns),
  ];
  const trigger: JobTrigger = {
    runNow: (run, now) => (run.job === 'prompt' ? prompts.runNow(now, [run.unitId]) : reminders.runNow(now)),
  };
  return { jobs, trigger };
}
