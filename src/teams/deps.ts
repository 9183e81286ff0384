import { TurnContext } from 'botbuilder';
import { ExportLinks } from './http/exportLinks';
import { Logger } from '../ports/logger';
import { PersonRecord } from '../ports/peopleRepository';
import { Clock } from '../ports/clock';
import { BenefitApproval } from '../services/benefits/benefitApproval';
import { BenefitLedger } from '../services/benefits/benefitLedger';
import { LedgerExport } from '../services/benefits/ledgerExport';
import { BenefitRegistration } from '../services/benefits/benefitRegistration';
import { BenefitReminders } from '../services/benefits/benefitReminders';
import { ApprovalInbox } from '../services/benefits/approvalInbox';
import { WaitingForDecision } from '../services/waitingForDecision';
import { ChannelSetup } from '../services/channelSetup';
import { PipelineStatusService } from '../services/pipelineStatus';
import { Reachability } from '../services/reach/reachability';
import { SendNow } from '../services/sendNow';
import { OverdueReminders } from '../services/rhythm/overdueReminders';
import { WeeklyDigests } from '../services/rhythm/weeklyDigest';
import { DigestOnDemand } from '../services/rhythm/digestOnDemand';
import { IdeaChanges } from '../services/ideas/ideaChanges';
import { IdeaSubmission } from '../services/ideas/ideaSubmission';
import { IdeaViews } from '../services/ideas/ideaViews';
import { OrganisationDirectory } from '../services/organisationDirectory';
import { PeopleService } from '../services/peopleService';
import { AgendaService } from '../services/rhythm/agenda';
import { MeetingSchedules } from '../services/rhythm/meetingSchedules';
import { MeetingService } from '../services/rhythm/meetings';
import { ReportService } from '../services/reports/reportService';
import { RevisionService } from '../services/leadership/revisions';
import { FishboneService } from '../services/leadership/fishbones';
import { ReportLinks } from './http/reportLinks';
import { GoalViews } from '../services/goals/goalViews';
import { GoalSetting } from '../services/goals/goalSetting';
import { LearningServices } from '../services/learning/learning';

/** What Teams can tell us about people beyond the activity itself (the roster). */
export interface TeamsDirectory {
  /** The UPN of the activity's sender, from the roster; undefined when Teams does not say. */
  senderUpn(context: TurnContext): Promise<string | undefined>;
  /** Everyone in the team the activity came from. */
  teamRoster(context: TurnContext): Promise<PersonRecord[]>;
}

export interface TavlaServices {
  readonly directory: OrganisationDirectory;
  readonly people: PeopleService;
  readonly channelSetup: ChannelSetup;
  readonly ideaSubmission: IdeaSubmission;
  readonly ideaChanges: IdeaChanges;
  readonly ideaViews: IdeaViews;
  readonly benefitRegistration: BenefitRegistration;
  readonly benefitApproval: BenefitApproval;
  readonly approvalInbox: ApprovalInbox;
  readonly waitingForDecision: WaitingForDecision;
  readonly benefitLedger: BenefitLedger;
  readonly ledgerExport: LedgerExport;
  readonly benefitReminders: BenefitReminders;
  readonly agenda: AgendaService;
  readonly meetings: MeetingService;
  readonly meetingSchedules: MeetingSchedules;
  readonly overdueReminders: OverdueReminders;
  readonly weeklyDigests: WeeklyDigests;
  readonly digestOnDemand: DigestOnDemand;
  readonly pipelineStatus: PipelineStatusService;
  readonly reports: ReportService;
  readonly revisions: RevisionService;
  readonly fishbones: FishboneService;
  readonly reach: Reachability;
  readonly goalViews: GoalViews;
  readonly goalSetting: GoalSetting;
  readonly learning: LearningServices;
}

export interface AppDeps {
  readonly services: TavlaServices;
  /** "Send now" on the status card: built with the scheduler's jobs, after the services. */
  readonly sendNow: SendNow;
  readonly teams: TeamsDirectory;
  /** Empty allows every tenant (local mode). */
  readonly allowedTenantIds: readonly string[];
  readonly logger: Logger;
  readonly clock: Clock;
  /** Signs report download links; absent, report cards carry no download buttons. */
  readonly reportLinks?: ReportLinks;
  /** Signed download links for ledger CSV files; without them the export says downloads are off. */
  readonly exportLinks?: ExportLinks;
}
