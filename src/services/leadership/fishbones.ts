import { LocalDate, addDays, localDate } from '../../domain/dates';
import { DomainError } from '../../domain/errors';
import {
  CauseInput,
  ConclusionInput,
  FishboneAnalysis,
  FishboneReason,
  MAX_CAUSES,
  addCauses,
  canAddCauses,
  canFacilitateFishbone,
  checkCauses,
  checkConclusion,
  conclude,
  fishboneSuggested,
  mainCauses,
  recentFishboneSince,
  weeksStalled,
} from '../../domain/fishbone';
import { followUpIdea } from '../../domain/followUpIdea';
import { Idea, PersonName } from '../../domain/ideas';
import { OrganisationSettings, Unit } from '../../domain/organisation';
import { Person, objectIdsOf } from '../../domain/people';
import { StagnationThresholds } from '../../domain/stagnation';
import { FishbonePublisher } from '../../ports/fishbonePublisher';
import { FishboneRepository } from '../../ports/fishboneRepository';
import { IdeaRepository } from '../../ports/ideaRepository';
import { MeetingRepository } from '../../ports/meetingRepository';
import { IdeaContexts, UnitContext } from '../ideas/ideaContext';
import { peopleWithMe } from './facilitators';
import { ideasActiveBetween } from '../ideas/ideaReads';
import { FishboneSummary } from './fishboneSummaries';

export interface FishboneView {
  readonly unit: Unit;
  readonly settings: OrganisationSettings;
  readonly analysis: FishboneAnalysis;
  /** The idea its actions are on, once concluded. */
  readonly idea?: Idea;
  readonly today: LocalDate;
  /** Who may own an action: the unit's people and the person concluding. */
  readonly people: readonly PersonName[];
  readonly canAdd: boolean;
  readonly canFacilitate: boolean;
}

export interface ConcludeFishbone {
  readonly version: number;
  readonly input: ConclusionInput;
  /** The action idea's title, in the organisation's language. */
  readonly ideaTitle: string;
}

/** A unit that has stalled long enough for an analysis, and who is to be asked to start one. */
export interface FishboneSuggestion {
  readonly unit: Unit;
  readonly weeks: number;
  /** Lean coaches and the unit's service-area leaders. */
  readonly recipientIds: readonly string[];
}

/**
 * Fishbone analyses of units that do not move on. A facilitator (the unit's leader, its
 * service-area leader, a Lean coach) starts one, on request or when the unit has stalled; the
 * staff are asked in the unit's channel and add causes under the six categories; the facilitators
 * pick the main causes and decide on actions, which become action items on one idea.
 */
export class FishboneService {
  constructor(
    private readonly ideas: IdeaRepository,
    private readonly meetings: MeetingRepository,
    private readonly fishbones: FishboneRepository,
    private readonly contexts: IdeaContexts,
    private readonly publisher: FishbonePublisher,
  ) {}

  /** The units this person may start, or take part in, an analysis of. */
  async units(person: Person): Promise<Unit[]> {
    const { access, org } = await this.contexts.directory.accessOf(person);
    return org.units.filter((unit) => canAddCauses(access, unit));
  }

  /** The unit's analysis under way, or the latest of the last half-year; undefined when none. */
  async latest(person: Person, unitId: string): Promise<FishboneView | undefined> {
    const context = await this.contexts.forUnit(person, unitId);
    this.requireParticipant(context);
    const recent = await this.fishbones.startedSince(unitId, recentFishboneSince(context.today));
    const analysis = recent.find((a) => a.status === 'collecting') ?? recent[recent.length - 1];
    return analysis ? this.viewOf(context, analysis) : undefined;
  }

  /** Whether this person may start one in the unit (for the card that offers it). */
  async mayStart(person: Person, unitId: string): Promise<{ unit: Unit; mayStart: boolean }> {
    const context = await this.contexts.forUnit(person, unitId);
    return { unit: context.unit, mayStart: canFacilitateFishbone(context.access, context.unit) };
  }

  /**
   * Starts an analysis and asks the staff in the unit's channel; one already collecting is returned
   * instead, so two facilitators pressing at once do not start two.
   */
  async start(person: Person & { teamsId?: string }, unitId: string, reason: FishboneReason): Promise<{ view: FishboneView; posted: boolean; started: boolean }> {
    const context = await this.contexts.forUnit(person, unitId);
    if (!canFacilitateFishbone(context.access, context.unit)) throw new DomainError('forbidden');
    const under = (await this.fishbones.startedSince(unitId, recentFishboneSince(context.today))).find((a) => a.status === 'collecting');
    if (under) return { view: await this.viewOf(context, under), posted: false, started: false };
    const change = this.contexts.change(context);
    const analysis: FishboneAnalysis = {
      unitId,
      // The day first, so a date range of analyses is a key range; the id generator keeps two apart.
      id: `${context.today}-${this.contexts.ids.next().replace(/[^A-Za-z0-9]/g, '').slice(0, 12)}`,
      reason,
      status: 'collecting',
      startedOn: context.today,
      startedBy: context.me,
      causes: [],
      mainCauseIds: [],
      version: 1,
      changeId: change.id,
    };
    await this.fishbones.create(analysis);
    const posted = await this.publisher.toUnitChannel(context.unit, analysis);
    return { view: await this.viewOf(context, analysis), posted, started: true };
  }

  async view(person: Person, unitId: string, id: string): Promise<FishboneView> {
    const context = await this.contexts.forUnit(person, unitId);
    this.requireParticipant(context);
    return this.viewOf(context, await this.get(unitId, id));
  }

  /** Adds the causes typed (one per line under each category). */
  async addCauses(person: Person & { teamsId?: string }, unitId: string, id: string, input: CauseInput): Promise<{ view: FishboneView; added: number }> {
    const context = await this.contexts.forUnit(person, unitId);
    if (!canAddCauses(context.access, context.unit)) throw new DomainError('forbidden');
    const current = await this.get(unitId, id);
    if (current.status !== 'collecting') throw new DomainError('staleCard');
    const causes = checkCauses(input, MAX_CAUSES - current.causes.length);
    const change = this.contexts.change(context);
    const analysis = await this.fishbones.update(unitId, id, (fresh) => addCauses(fresh, causes, context.me, change));
    return { view: await this.viewOf(context, analysis), added: causes.length };
  }

  /**
   * Concludes: the main causes, the conclusion, and the actions as action items on one idea. A card
   * made from an older version (someone added causes since) is refused with the fresh analysis.
   */
  async conclude(person: Person & { teamsId?: string }, unitId: string, id: string, command: ConcludeFishbone): Promise<FishboneView> {
    const context = await this.contexts.forUnit(person, unitId);
    if (!canFacilitateFishbone(context.access, context.unit)) throw new DomainError('forbidden');
    const current = await this.get(unitId, id);
    if (current.status !== 'collecting' || current.version !== command.version) throw new DomainError('staleCard');
    const people = peopleWithMe(context);
    const conclusion = checkConclusion(command.input, current, { today: context.today, people });
    const change = this.contexts.change(context);
    let ideaNumber: number | undefined;
    if (conclusion.actions.length) {
      const actions = await Promise.all(conclusion.actions.map(async (a) => ({ ...a, ...(a.owner ? { owner: (await this.contexts.withTeamsId(a.owner)) ?? a.owner } : {}) })));
      const owner = people.find((p) => objectIdsOf(context.unit.leaders, context.org.aliases).includes(p.id)) ?? context.me;
      const idea = await this.ideas.create(
        unitId,
        (number) => followUpIdea({ unitId, number, title: command.ideaTitle, origin: 'fishbone', owner, actions, change }),
        (created) => ({ at: change.at, by: change.by, what: 'submitted', detail: created.title }),
      );
      ideaNumber = idea.number;
    }
    const analysis = await this.fishbones.update(unitId, id, (fresh) => {
      if (fresh.version !== command.version) throw new DomainError('staleCard');
      return conclude(fresh, conclusion, ideaNumber, context.me, context.today, change.id);
    });
    return this.viewOf(context, analysis);
  }

  /** What revisions show of a unit's analyses started in [from, to]. */
  async summaries(unitId: string, from: LocalDate, to: LocalDate): Promise<FishboneSummary[]> {
    const analyses = (await this.fishbones.startedSince(unitId, from)).filter((a) => a.startedOn <= to);
    return analyses.map((a) => ({
      id: a.id,
      startedOn: a.startedOn,
      ...(a.concludedOn ? { concludedOn: a.concludedOn } : {}),
      mainCauses: mainCauses(a).map((c) => c.text),
      ...(a.outcome ? { outcome: a.outcome } : {}),
      ...(a.ideaNumber !== undefined ? { ideaNumber: a.ideaNumber } : {}),
    }));
  }

  /** Days a unit's analyses were concluded on, in [from, to] (reports count them). An analysis concludes within weeks of its start. */
  async concludedDates(unitId: string, from: LocalDate, to: LocalDate): Promise<LocalDate[]> {
    const analyses = await this.fishbones.startedSince(unitId, addDays(from, -FISHBONE_LOOKBACK_DAYS));
    return analyses.flatMap((a) => (a.concludedOn && a.concludedOn >= from && a.concludedOn <= to ? [a.concludedOn] : []));
  }

  /**
   * Units flagged as stagnating for `afterWeeks` beyond the threshold, with no analysis in the last
   * half-year, and whom to ask. Reads per unit are bounded by those weeks and by live work.
   */
  async suggestions(today: LocalDate, thresholds: StagnationThresholds, afterWeeks: number): Promise<FishboneSuggestion[]> {
    const org = await this.contexts.directory.snapshot();
    const coaches = objectIdsOf(org.roleAssignments.filter((a) => a.role === 'coach').map((a) => a.person), org.aliases);
    const since = addDays(today, -7 * (thresholds.quietWeeks + afterWeeks) - 7);
    const found = await Promise.all(
      org.units.map(async (unit): Promise<FishboneSuggestion[]> => {
        const [ideas, logs, recent] = await Promise.all([
          ideasActiveBetween(this.ideas, unit.id, since, today),
          this.meetings.list(unit.id, since, today),
          this.fishbones.startedSince(unit.id, recentFishboneSince(today)),
        ]);
        const weeks = weeksStalled(ideas, logs.map((l) => l.date), today, org.settings.timeZone, thresholds, afterWeeks);
        if (!fishboneSuggested(weeks, afterWeeks, recent[recent.length - 1]?.startedOn, today)) return [];
        const leaders = objectIdsOf(org.serviceAreas.find((a) => a.id === unit.serviceAreaId)?.leaders ?? [], org.aliases);
        return [{ unit, weeks, recipientIds: [...new Set([...coaches, ...leaders])] }];
      }),
    );
    return found.flat();
  }

  private async get(unitId: string, id: string): Promise<FishboneAnalysis> {
    const analysis = await this.fishbones.get(unitId, id);
    if (!analysis) throw new DomainError('notFound');
    return analysis;
  }

  private requireParticipant(context: UnitContext): void {
    if (!canAddCauses(context.access, context.unit)) throw new DomainError('forbidden');
  }

  private async viewOf(context: UnitContext, analysis: FishboneAnalysis): Promise<FishboneView> {
    const idea = analysis.ideaNumber !== undefined ? await this.ideas.get(context.unit.id, analysis.ideaNumber) : undefined;
    return {
      unit: context.unit,
      settings: context.org.settings,
      analysis,
      ...(idea ? { idea } : {}),
      today: localDate(this.contexts.clock.now(), context.org.settings.timeZone),
      people: peopleWithMe(context),
      canAdd: canAddCauses(context.access, context.unit),
      canFacilitate: canFacilitateFishbone(context.access, context.unit),
    };
  }
}

/** How far back from a period an analysis concluded in it may have started. */
const FISHBONE_LOOKBACK_DAYS = 366;

