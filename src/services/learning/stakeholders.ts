import { DomainError } from '../../domain/errors';
import { checkComment, checkStakeholderUnits } from '../../domain/ideaForm';
import { Idea, isClosed } from '../../domain/ideas';
import { nameStakeholders } from '../../domain/ideaRules';
import { OrganisationSnapshot, Unit, findUnit } from '../../domain/organisation';
import { objectIdsOf, Person } from '../../domain/people';
import { StakeholderAnswer, speaksFor, stakeholderChoices } from '../../domain/stakeholders';
import { IdeaRepository } from '../../ports/ideaRepository';
import { Logger } from '../../ports/logger';
import { Notifier } from '../../ports/notifier';
import { StakeholderRepository } from '../../ports/stakeholderRepository';
import { IdeaContexts } from '../ideas/ideaContext';

export interface IdeaKey {
  readonly unitId: string;
  readonly number: number;
}

/** One idea as a stakeholder unit's leader sees it on their card. */
export interface StakeholderView {
  readonly idea: Idea;
  readonly unit: Unit;
  readonly stakeholder: Unit;
  /** False once the idea is closed, or for someone who does not lead the stakeholder unit. */
  readonly canAnswer: boolean;
}

/** The units an idea names, each with whether it has answered: for the item card. */
export interface StakeholderLines {
  readonly units: readonly { readonly unit: Unit; readonly answered: boolean }[];
}

/**
 * Stakeholders (silo risk): an idea names the other units it affects, at submission or later from
 * its card. Each newly named unit's leaders get a short card through the outbox (so it reaches
 * people who never wrote to the bot) and may comment; the comment goes on the idea, and the idea's
 * card says which units have answered. Planning is never blocked by them.
 */
export class Stakeholders {
  constructor(
    private readonly ideas: IdeaRepository,
    private readonly answers: StakeholderRepository,
    private readonly contexts: IdeaContexts,
    private readonly notifier: Notifier,
    private readonly logger: Logger,
  ) {}

  /** Asks the leaders of the units the idea names that were not asked before. A card that cannot be queued is logged, not thrown: the idea is saved. */
  async invite(idea: Idea, unit: Unit): Promise<void> {
    if (!idea.stakeholders?.length) return;
    try {
      const org = await this.contexts.directory.snapshot();
      const asked = await this.answers.ask(idea.unitId, idea.number, idea.stakeholders, this.contexts.clock.now().toISOString());
      for (const stakeholder of asked.map((id) => findUnit(org, id)).filter((u): u is Unit => !!u)) {
        for (const leader of objectIdsOf(stakeholder.leaders, org.aliases)) await this.notifier.toPerson(leader, { kind: 'stakeholderAsked', idea, unit, stakeholder });
      }
    } catch (error) {
      this.logger.warn({ unitId: idea.unitId, number: idea.number, err: error instanceof Error ? error.message : String(error) }, 'could not ask the affected units');
    }
  }

  /** The units the idea's own people may name: every other unit, and which are named now. */
  async choices(person: Person, key: IdeaKey): Promise<{ idea: Idea; unit: Unit; choices: Unit[] }> {
    const context = await this.contexts.forUnit(person, key.unitId);
    const idea = await this.ideas.get(key.unitId, key.number);
    if (!idea) throw new DomainError('notFound');
    this.contexts.viewer(context, idea);
    return { idea, unit: context.unit, choices: stakeholderChoices(context.org, context.unit) };
  }

  /** Names the units the idea affects (from its card): its leaders, owner or submitter; newly named ones are asked. */
  async name(person: Person & { teamsId?: string }, key: IdeaKey, input: { readonly stakeholders?: readonly string[] }): Promise<Idea> {
    const context = await this.contexts.forUnit(person, key.unitId);
    const unitIds = checkStakeholderUnits(input, stakeholderChoices(context.org, context.unit).map((unit) => unit.id));
    const change = this.contexts.change(context);
    const names = (ids: readonly string[] | undefined) => (ids ?? []).map((id) => findUnit(context.org, id)?.name ?? id).join(', ');
    const idea = await this.ideas.update(
      key.unitId,
      key.number,
      (current) => nameStakeholders(current, unitIds, this.contexts.viewer(context, current), change),
      (_before, after) => ({ at: change.at, by: change.by, what: 'stakeholders', detail: names(after.stakeholders) }),
    );
    await this.invite(idea, context.unit);
    return idea;
  }

  /** Which named units have answered, for the item card; nothing read when the idea names none. */
  async lines(org: OrganisationSnapshot, idea: Idea): Promise<StakeholderLines | undefined> {
    if (!idea.stakeholders?.length) return undefined;
    const answers: StakeholderAnswer[] = await this.answers.answers(idea.unitId, idea.number);
    const answered = new Set(answers.filter((a) => a.answeredAt).map((a) => a.unitId));
    const units = idea.stakeholders.flatMap((id) => {
      const unit = findUnit(org, id);
      return unit ? [{ unit, answered: answered.has(id) }] : [];
    });
    return { units };
  }

  /** The idea as the stakeholder unit's leader sees it. */
  async view(person: Person, key: IdeaKey, stakeholderUnitId: string): Promise<StakeholderView> {
    const { access, org } = await this.contexts.directory.accessOf(person);
    const unit = findUnit(org, key.unitId);
    const stakeholder = findUnit(org, stakeholderUnitId);
    const idea = unit && stakeholder ? await this.ideas.get(key.unitId, key.number) : undefined;
    if (!unit || !stakeholder || !idea || !idea.stakeholders?.includes(stakeholderUnitId)) throw new DomainError('notFound');
    if (!speaksFor(access, stakeholderUnitId)) throw new DomainError('forbidden');
    return { idea, unit, stakeholder, canAnswer: !isClosed(idea.status) };
  }

  /**
   * The stakeholder unit's comment: on the idea (its people see it with their other comments),
   * marked as that unit's answer. Only the unit's leader answers for it, while the idea is open.
   */
  async answer(person: Person & { teamsId?: string }, key: IdeaKey, stakeholderUnitId: string, input: { readonly text?: string }, prefix: (unit: Unit, text: string) => string): Promise<StakeholderView> {
    const view = await this.view(person, key, stakeholderUnitId);
    if (!view.canAnswer) throw new DomainError('conflict');
    const text = checkComment(input);
    const at = this.contexts.clock.now().toISOString();
    const context = await this.contexts.forUnit(person, key.unitId);
    await this.ideas.addComment(key.unitId, key.number, { at, by: context.me, text: prefix(view.stakeholder, text) });
    await this.answers.answer(key.unitId, key.number, stakeholderUnitId, at, context.me);
    return view;
  }
}
