import { LocalDate } from '../../domain/dates';
import { DomainError } from '../../domain/errors';
import { FollowUpAction, followUpIdea, withMoreActions } from '../../domain/followUpIdea';
import { ActionItem, Idea, PersonName } from '../../domain/ideas';
import { OrganisationSettings, ServiceArea, Unit } from '../../domain/organisation';
import { objectIdsOf, Person } from '../../domain/people';
import { UnitReport } from '../../domain/report';
import {
  Deviation,
  RevisionInput,
  RevisionRecord,
  RevisionRound,
  canRecordRevision,
  canViewRevision,
  checkRevisionForm,
  currentRound,
  openFollowUps,
  revisionDeviations,
  revisionMonthsOf,
  revisionRound,
  roundToRemind,
} from '../../domain/revision';
import { IdeaRepository } from '../../ports/ideaRepository';
import { RevisionRepository } from '../../ports/revisionRepository';
import { IdeaContexts, UnitContext } from '../ideas/ideaContext';
import { peopleWithMe } from './facilitators';
import { ReportService } from '../reports/reportService';
import { FishboneSummary } from './fishboneSummaries';

export interface RevisionView {
  readonly unit: Unit;
  readonly settings: OrganisationSettings;
  readonly round: RevisionRound;
  readonly today: LocalDate;
  /** The half-year's figures, as the report's row for the unit. */
  readonly row: UnitReport;
  readonly deviations: readonly Deviation[];
  /** This round's record, once the visit is recorded, with its follow-up idea. */
  readonly record?: RevisionRecord;
  readonly followUpIdea?: Idea;
  /** The round before, and how its follow-up points stand now. */
  readonly previous?: { readonly record: RevisionRecord; readonly open: readonly ActionItem[]; readonly total: number };
  /** Fishbone analyses of the unit since the previous revision. */
  readonly fishbones: readonly FishboneSummary[];
  /** Who may be named as taking part or owning a point. */
  readonly people: readonly PersonName[];
  /** The unit's leaders among them: suggested owners of follow-up points. */
  readonly leaderIds: readonly string[];
  readonly canRecord: boolean;
}

/** Recording the visit: the form as typed, which version of the record the card showed, and the follow-up idea's title in the organisation's language. */
export interface RecordRevision {
  readonly round: string;
  readonly version: number;
  readonly form: RevisionInput;
  readonly ideaTitle: string;
}

export type RevisionOutcome = { readonly kind: 'saved'; readonly view: RevisionView } | { readonly kind: 'conflict'; readonly view: RevisionView; readonly addedTo?: number };

/** A service-area leader's reminder: their area's units, for the coming round. */
export interface RevisionReminder {
  readonly leaderId: string;
  readonly area: ServiceArea;
  readonly units: readonly Unit[];
  readonly round: RevisionRound;
}

/** Fishbone analyses of a unit between two dates; supplied by the fishbone service. */
export type FishboneLookup = (unitId: string, from: LocalDate, to: LocalDate) => Promise<FishboneSummary[]>;

/**
 * The half-yearly revision of a unit: its half-year figures (the report's row), the deviations
 * found by themselves, how the previous revision's follow-up points stand, and the record of the
 * Gemba visit with its follow-up points as action items on one idea (see followUpIdea.ts).
 */
export class RevisionService {
  constructor(
    private readonly ideas: IdeaRepository,
    private readonly revisions: RevisionRepository,
    private readonly reports: ReportService,
    private readonly contexts: IdeaContexts,
    private readonly fishbones: FishboneLookup = async () => [],
  ) {}

  /** The units whose revision this person may see. */
  async units(person: Person): Promise<Unit[]> {
    const { access, org } = await this.contexts.directory.accessOf(person);
    return org.units.filter((unit) => canViewRevision(access, unit));
  }

  async view(person: Person, unitId: string): Promise<RevisionView> {
    const context = await this.contexts.forUnit(person, unitId);
    if (!canViewRevision(context.access, context.unit)) throw new DomainError('forbidden');
    return this.build(context);
  }

  async record(person: Person & { teamsId?: string }, unitId: string, command: RecordRevision): Promise<RevisionOutcome> {
    const context = await this.contexts.forUnit(person, unitId);
    if (!canRecordRevision(context.access, context.unit)) throw new DomainError('forbidden');
    const round = revisionRound(command.round);
    // A visit is recorded for the current round, or late for an earlier one; never ahead.
    if (!round || round.round > currentRound(revisionMonthsOf(context.org.settings), context.today).round) throw new DomainError('notFound');
    const people = peopleWithMe(context);
    const form = checkRevisionForm(command.form, { today: context.today, people });
    const current = await this.revisions.get(unitId, round.round);
    if ((current?.version ?? 0) !== command.version) return { kind: 'conflict', view: await this.build(context, round) };
    const before = await this.build(context, round);
    const change = this.contexts.change(context);
    const followUp = form.followUps.length ? await this.addFollowUps(context, current, form.followUps, command.ideaTitle, change) : current?.followUp;
    const record: RevisionRecord = {
      unitId,
      round: round.round,
      visitedOn: form.visitedOn,
      participants: form.participants,
      ...(form.otherParticipants ? { otherParticipants: form.otherParticipants } : {}),
      ...(form.observations ? { observations: form.observations } : {}),
      checks: form.checks,
      deviations: Object.fromEntries(before.deviations.map((d) => [d.kind, deviationCount(d)])),
      ...(followUp ? { followUp } : {}),
      recordedBy: context.me,
      recordedAt: change.at,
      version: command.version + 1,
      changeId: change.id,
    };
    const saved = await this.revisions.save(record, command.version);
    const view = await this.build(context, round);
    // Someone saved first: their record stands; points added now are on the board all the same.
    return saved.saved ? { kind: 'saved', view } : { kind: 'conflict', view, ...(followUp && followUp !== current?.followUp ? { addedTo: followUp.ideaNumber } : {}) };
  }

  /** For the reminder job: each service-area leader's units, when a round's reminder is due today. */
  async remindersDue(today: LocalDate): Promise<RevisionReminder[]> {
    const org = await this.contexts.directory.snapshot();
    const round = roundToRemind(revisionMonthsOf(org.settings), today);
    if (!round) return [];
    return org.serviceAreas.flatMap((area) => {
      const units = org.units.filter((u) => u.serviceAreaId === area.id);
      return units.length ? objectIdsOf(area.leaders, org.aliases).map((leaderId) => ({ leaderId, area, units, round })) : [];
    });
  }

  /** The round due now, from the organisation's revision months. */
  async roundDue(today: LocalDate): Promise<RevisionRound | undefined> {
    return roundToRemind(revisionMonthsOf((await this.contexts.directory.snapshot()).settings), today);
  }

  private async addFollowUps(
    context: UnitContext,
    current: RevisionRecord | undefined,
    points: readonly FollowUpAction[],
    title: string,
    change: ReturnType<IdeaContexts['change']>,
  ): Promise<NonNullable<RevisionRecord['followUp']>> {
    const actions = await Promise.all(points.map(async (p) => ({ ...p, ...(p.owner ? { owner: (await this.contexts.withTeamsId(p.owner)) ?? p.owner } : {}) })));
    if (current?.followUp) {
      let ids: number[] = [];
      await this.ideas.update(
        context.unit.id,
        current.followUp.ideaNumber,
        (idea) => {
          const added = withMoreActions(idea, actions, change);
          ids = added.ids;
          return added.idea;
        },
        () => ({ at: change.at, by: change.by, what: 'action', detail: actions.map((a) => a.text).join(' | ') }),
      );
      return { ideaNumber: current.followUp.ideaNumber, actionIds: [...current.followUp.actionIds, ...ids] };
    }
    const owner = context.people.find((p) => objectIdsOf(context.unit.leaders, context.org.aliases).includes(p.id)) ?? context.me;
    const idea = await this.ideas.create(
      context.unit.id,
      (number) => followUpIdea({ unitId: context.unit.id, number, title, origin: 'revision', owner, actions, change }),
      (created) => ({ at: change.at, by: change.by, what: 'submitted', detail: created.title }),
    );
    return { ideaNumber: idea.number, actionIds: idea.actions.map((a) => a.id) };
  }

  private async build(context: UnitContext, round = currentRound(revisionMonthsOf(context.org.settings), context.today)): Promise<RevisionView> {
    const { unit, org, today } = context;
    const [report, records, live] = await Promise.all([
      this.reports.reportForOperator({ scope: { kind: 'unit', unitId: unit.id }, period: round.period }),
      this.revisions.list(unit.id),
      this.ideas.live(unit.id),
    ]);
    const record = records.find((r) => r.round === round.round);
    const previousRecord = [...records].reverse().find((r) => r.round < round.round);
    const [followUpIdea, previousIdea] = await Promise.all([
      record?.followUp ? this.ideas.get(unit.id, record.followUp.ideaNumber) : undefined,
      previousRecord?.followUp ? this.ideas.get(unit.id, previousRecord.followUp.ideaNumber) : undefined,
    ]);
    const previousOpen = previousRecord ? openFollowUps(previousRecord, previousIdea) : [];
    const row = report.units[0];
    const fishbones = await this.fishbones(unit.id, previousRecord?.visitedOn ?? round.period.from, today);
    return {
      unit,
      settings: org.settings,
      round,
      today,
      row,
      deviations: revisionDeviations(row, live, previousOpen),
      ...(record ? { record } : {}),
      ...(followUpIdea ? { followUpIdea } : {}),
      ...(previousRecord ? { previous: { record: previousRecord, open: previousOpen, total: previousRecord.followUp?.actionIds.length ?? 0 } } : {}),
      fishbones,
      people: peopleWithMe(context),
      leaderIds: objectIdsOf(unit.leaders, org.aliases),
      canRecord: canRecordRevision(context.access, unit),
    };
  }
}


function deviationCount(deviation: Deviation): number {
  switch (deviation.kind) {
    case 'missedMeetings':
      return deviation.dates.length;
    case 'benefitMissing':
    case 'longOverdue':
    case 'unassigned':
      return deviation.ideas.length;
    case 'quiet':
      return deviation.flags.length;
    case 'previousOpen':
      return deviation.actions.length;
  }
}

