import { Clock } from './ports/clock';
import { IdGenerator } from './ports/ids';
import { Logger } from './ports/logger';
import { Notifier } from './ports/notifier';
import { PeopleRepository } from './ports/peopleRepository';
import { ChannelSetup } from './services/channelSetup';
import { IdeaChanges } from './services/ideas/ideaChanges';
import { IdeaContexts } from './services/ideas/ideaContext';
import { IdeaSubmission } from './services/ideas/ideaSubmission';
import { IdeaViews } from './services/ideas/ideaViews';
import { OrganisationDirectory } from './services/organisationDirectory';
import { PeopleService } from './services/peopleService';
import { BenefitApproval } from './services/benefits/benefitApproval';
import { BenefitLedger } from './services/benefits/benefitLedger';
import { LedgerExport } from './services/benefits/ledgerExport';
import { BenefitRegistration } from './services/benefits/benefitRegistration';
import { BenefitReminders } from './services/benefits/benefitReminders';
import { ApprovalInbox } from './services/benefits/approvalInbox';
import { WaitingForDecision } from './services/waitingForDecision';
import { BenefitTable } from './storage/benefitTable';
import { IdeaTable } from './storage/ideaTable';
import { LeaseTable } from './storage/leaseTable';
import { JobRunTable } from './storage/jobRunTable';
import { WorkIndexTable } from './storage/workIndexTable';
import { ReachTable } from './storage/reachTable';
import { Reachability } from './services/reach/reachability';
import { ServiceUrlSettings } from './services/reach/tenantServiceUrls';
import { OutboxTable } from './storage/outboxTable';
import { OutboxNotifier } from './scheduler/outboxNotifier';
import { PipelineStatusService } from './services/pipelineStatus';
import { ReminderStateTable } from './storage/reminderStateTable';
import { DEFAULT_REMINDER_RULES, OverdueReminders, ReminderRules } from './services/rhythm/overdueReminders';
import { WeeklyDigests } from './services/rhythm/weeklyDigest';
import { DigestOnDemand } from './services/rhythm/digestOnDemand';
import { DEFAULT_STAGNATION } from './domain/stagnation';
import { cachedHolidayChecks } from './scheduler/holidays';
import { OrganisationTable } from './storage/organisationTable';
import { PeopleTable } from './storage/peopleTable';
import { TableStore } from './storage/tableStore';
import { MeetingTable } from './storage/meetingTable';
import { logDamage } from './storage/storedJson';
import { AgendaService } from './services/rhythm/agenda';
import { MeetingSchedules } from './services/rhythm/meetingSchedules';
import { MeetingService } from './services/rhythm/meetings';
import { TavlaServices } from './teams/deps';
import { ReportService } from './services/reports/reportService';
import { RevisionService } from './services/leadership/revisions';
import { RevisionTable } from './storage/revisionTable';
import { FishboneTable } from './storage/fishboneTable';
import { FishboneService } from './services/leadership/fishbones';
import { OutboxFishbonePublisher } from './scheduler/fishbonePublisher';
import { GoalTable } from './storage/goalTable';
import { GoalViews } from './services/goals/goalViews';
import { GoalSetting } from './services/goals/goalSetting';
import { IdeaSearchIndex } from './search/ideaSearchIndex';
import { IndexedIdeas } from './services/learning/indexedIdeas';
import { LiveIdeaIndex } from './services/learning/liveIdeaIndex';
import { SimilarIdeas } from './services/learning/similarIdeas';
import { Stakeholders } from './services/learning/stakeholders';
import { StakeholderTable } from './storage/stakeholderTable';
import { PracticeTable } from './storage/practiceTable';
import { WhereElse } from './services/learning/whereElse';

export interface CompositionOptions {
  readonly clock: Clock;
  readonly ids: IdGenerator;
  readonly logger: Logger;
  /**
   * Where notifications go. By default into the outbox, like every proactive message; tests may
   * record them instead. Built once the directory exists (cards need the organisation's settings).
   */
  readonly notifier?: (parts: { directory: OrganisationDirectory; people: PeopleRepository; outbox: OutboxTable }) => Notifier;
  /** How often overdue items are reminded of, and when they go to the unit leader. */
  readonly reminderRules?: ReminderRules;
  /** The configured service URL and allowed tenants, for reaching people never seen. */
  readonly reach?: ServiceUrlSettings;
  /** Weeks without activity before the digest (and a report) flags a unit (STAGNATION_WEEKS). */
  readonly stagnationWeeks?: number;
  /**
   * How long the organisation is kept between reads (default 30 s by the clock). Writing the demo
   * history moves its clock by days at a time; nothing else changes the organisation meanwhile.
   */
  readonly organisationCacheMs?: number;
}

/** Repositories and services over one set of tables: the same wiring for the server and the tests. */
export function composeServices(store: TableStore, options: CompositionOptions) {
  // A damaged row in a list is logged and left out; read on its own, it is refused with a clear message.
  const report = logDamage(options.logger);
  const workIndex = new WorkIndexTable(store);
  const organisation = new OrganisationTable(store, report);
  const directory = new OrganisationDirectory(organisation, options.clock, options.organisationCacheMs);
  const ideaTable = new IdeaTable(store, report, workIndex);
  // Similar ideas: this instance's index, kept current by every idea written through the repository.
  const ideaIndex = new LiveIdeaIndex(ideaTable, directory, options.clock, options.logger, (locale) => new IdeaSearchIndex(locale));
  const repositories = {
    organisation,
    people: new PeopleTable(store),
    workIndex,
    ideas: new IndexedIdeas(ideaTable, ideaIndex),
    benefits: new BenefitTable(store, report),
    reminderStates: new ReminderStateTable(store),
    meetings: new MeetingTable(store, report),
    outbox: new OutboxTable(store, options.clock, options.ids),
    leases: new LeaseTable(store),
    jobRuns: new JobRunTable(store),
    reach: new ReachTable(store),
    revisions: new RevisionTable(store, report),
    fishbones: new FishboneTable(store, report),
    goals: new GoalTable(store),
  };
  const people = new PeopleService(repositories.people, repositories.organisation, directory);
  const reach = new Reachability(repositories.reach, repositories.people, directory, options.clock, options.reach ?? { allowedTenantIds: [] });
  const parts = { directory, people: repositories.people, outbox: repositories.outbox };
  const notifier = options.notifier?.(parts) ?? new OutboxNotifier(repositories.outbox, repositories.people, directory);
  const contexts = new IdeaContexts(directory, repositories.people, options.clock, options.ids);
  const benefitRegistration = new BenefitRegistration(repositories.ideas, repositories.benefits, contexts, notifier, options.logger);
  const agenda = new AgendaService(repositories.ideas, repositories.benefits, repositories.meetings);
  const ideaSubmission = new IdeaSubmission(repositories.ideas, contexts, notifier, options.logger, (idea, unit) => stakeholders.invite(idea, unit));
  // "Where else?": asked when an idea is done and its realized gain approved, whichever comes last.
  const whereElse = new WhereElse(ideaTable, repositories.benefits, new PracticeTable(store), ideaIndex, ideaSubmission, directory, notifier, options.clock, options.logger);
  repositories.ideas.listeners.push((idea) => whereElse.ideaWritten(idea));
  const stakeholders = new Stakeholders(repositories.ideas, new StakeholderTable(store), contexts, notifier, options.logger);
  const ideaChanges = new IdeaChanges(repositories.ideas, contexts, notifier, options.logger);
  const similarIdeas = new SimilarIdeas(ideaIndex, repositories.ideas, repositories.benefits, directory, ideaChanges, options.clock);
  const reminderRules = options.reminderRules ?? DEFAULT_REMINDER_RULES;
  const weeklyDigests = new WeeklyDigests(repositories.ideas, repositories.benefits, repositories.meetings, directory, (org, unitId) => whereElse.pending(org, unitId));
  const approvalInbox = new ApprovalInbox(repositories.ideas, repositories.benefits, directory, options.clock);
  const fishbones = new FishboneService(repositories.ideas, repositories.meetings, repositories.fishbones, contexts, new OutboxFishbonePublisher(repositories.outbox, directory));
  const reports = new ReportService(repositories.ideas, repositories.benefits, repositories.meetings, directory, options.clock, {
    holidays: cachedHolidayChecks(),
    thresholds: { ...DEFAULT_STAGNATION, quietWeeks: options.stagnationWeeks ?? DEFAULT_STAGNATION.quietWeeks },
    fishboneDates: (unitId, from, to) => fishbones.concludedDates(unitId, from, to),
    practiceSpread: (unitId, until) => whereElse.spreadOf(unitId, until),
  });
  const services: TavlaServices = {
    directory,
    people,
    channelSetup: new ChannelSetup(repositories.organisation, directory, people, options.logger),
    ideaSubmission,
    ideaChanges,
    ideaViews: new IdeaViews(repositories.ideas, contexts, workIndex),
    benefitRegistration,
    benefitApproval: new BenefitApproval(repositories.ideas, repositories.benefits, contexts, notifier, options.logger, [(idea, registrations) => whereElse.gainApproved(idea, registrations)]),
    approvalInbox,
    // Escalated items are those the daily reminders send on to the unit leader: the same threshold.
    waitingForDecision: new WaitingForDecision(approvalInbox, repositories.ideas, directory, options.clock, reminderRules),
    benefitLedger: new BenefitLedger(repositories.ideas, repositories.benefits, contexts),
    ledgerExport: new LedgerExport(repositories.ideas, repositories.benefits, contexts),
    benefitReminders: new BenefitReminders(repositories.ideas, repositories.benefits, directory, benefitRegistration, notifier, options.clock, options.ids, options.logger),
    agenda,
    // Quick decisions at the meeting go through the same idea rules, storage and notifications as the item card.
    meetings: new MeetingService(repositories.ideas, repositories.meetings, agenda, contexts, ideaChanges),
    meetingSchedules: new MeetingSchedules(repositories.organisation, directory),
    overdueReminders: new OverdueReminders(repositories.ideas, repositories.reminderStates, repositories.people, directory, workIndex, reminderRules),
    weeklyDigests,
    digestOnDemand: new DigestOnDemand(weeklyDigests, directory, options.clock, cachedHolidayChecks(), { ...DEFAULT_STAGNATION, quietWeeks: options.stagnationWeeks ?? DEFAULT_STAGNATION.quietWeeks }),
    pipelineStatus: new PipelineStatusService(repositories.outbox, reach, directory, options.clock),
    reach,
    reports,
    revisions: new RevisionService(repositories.ideas, repositories.revisions, reports, contexts, (unitId, from, to) => fishbones.summaries(unitId, from, to)),
    fishbones,
    goalViews: new GoalViews(repositories.ideas, repositories.benefits, directory, options.clock),
    goalSetting: new GoalSetting(repositories.goals, directory),
    learning: { index: ideaIndex, similar: similarIdeas, stakeholders, whereElse },
  };
  return { services, repositories, notifier };
}
