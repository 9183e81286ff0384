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
import { BenefitRegistration } from './services/benefits/benefitRegistration';
import { BenefitReminders } from './services/benefits/benefitReminders';
import { BenefitTable } from './storage/benefitTable';
import { IdeaTable } from './storage/ideaTable';
import { LeaseTable } from './storage/leaseTable';
import { JobRunTable } from './storage/jobRunTable';
import { WorkIndexTable } from './storage/workIndexTable';
import { OutboxTable } from './storage/outboxTable';
import { OutboxNotifier } from './scheduler/outboxNotifier';
import { PipelineStatusService } from './services/pipelineStatus';
import { ReminderStateTable } from './storage/reminderStateTable';
import { DEFAULT_REMINDER_RULES, OverdueReminders, ReminderRules } from './services/rhythm/overdueReminders';
import { WeeklyDigests } from './services/rhythm/weeklyDigest';
import { OrganisationTable } from './storage/organisationTable';
import { PeopleTable } from './storage/peopleTable';
import { TableStore } from './storage/tableStore';
import { MeetingTable } from './storage/meetingTable';
import { logDamage } from './storage/storedJson';
import { AgendaService } from './services/rhythm/agenda';
import { MeetingSchedules } from './services/rhythm/meetingSchedules';
import { MeetingService } from './services/rhythm/meetings';
import { TavlaServices } from './teams/deps';

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
}

/** Repositories and services over one set of tables: the same wiring for the server and the tests. */
export function composeServices(store: TableStore, options: CompositionOptions) {
  // A damaged row in a list is logged and left out; read on its own, it is refused with a clear message.
  const report = logDamage(options.logger);
  const workIndex = new WorkIndexTable(store);
  const repositories = {
    organisation: new OrganisationTable(store, report),
    people: new PeopleTable(store),
    workIndex,
    ideas: new IdeaTable(store, report, workIndex),
    benefits: new BenefitTable(store, report),
    reminderStates: new ReminderStateTable(store),
    meetings: new MeetingTable(store, report),
    outbox: new OutboxTable(store, options.clock, options.ids),
    leases: new LeaseTable(store),
    jobRuns: new JobRunTable(store),
  };
  const directory = new OrganisationDirectory(repositories.organisation, options.clock);
  const people = new PeopleService(repositories.people, repositories.organisation, directory);
  const parts = { directory, people: repositories.people, outbox: repositories.outbox };
  const notifier = options.notifier?.(parts) ?? new OutboxNotifier(repositories.outbox, repositories.people, directory);
  const contexts = new IdeaContexts(directory, repositories.people, options.clock, options.ids);
  const benefitRegistration = new BenefitRegistration(repositories.ideas, repositories.benefits, contexts, notifier, options.logger);
  const agenda = new AgendaService(repositories.ideas, repositories.benefits, repositories.meetings);
  const ideaChanges = new IdeaChanges(repositories.ideas, contexts, notifier, options.logger);
  const services: TavlaServices = {
    directory,
    people,
    channelSetup: new ChannelSetup(repositories.organisation, directory, people, options.logger),
    ideaSubmission: new IdeaSubmission(repositories.ideas, contexts, notifier, options.logger),
    ideaChanges,
    ideaViews: new IdeaViews(repositories.ideas, contexts, workIndex),
    benefitRegistration,
    benefitApproval: new BenefitApproval(repositories.ideas, repositories.benefits, contexts, notifier, options.logger),
    benefitLedger: new BenefitLedger(repositories.ideas, repositories.benefits, contexts),
    benefitReminders: new BenefitReminders(repositories.ideas, repositories.benefits, directory, benefitRegistration, notifier, options.clock, options.ids, options.logger),
    agenda,
    // Quick decisions at the meeting go through the same idea rules, storage and notifications as the item card.
    meetings: new MeetingService(repositories.ideas, repositories.meetings, agenda, contexts, ideaChanges),
    meetingSchedules: new MeetingSchedules(repositories.organisation, directory),
    overdueReminders: new OverdueReminders(repositories.ideas, repositories.reminderStates, repositories.people, directory, workIndex, options.reminderRules ?? DEFAULT_REMINDER_RULES),
    weeklyDigests: new WeeklyDigests(repositories.ideas, repositories.benefits, repositories.meetings, directory),
    pipelineStatus: new PipelineStatusService(repositories.outbox, directory, options.clock),
  };
  return { services, repositories, notifier };
}
