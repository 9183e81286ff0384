import { unitsOf } from '../../domain/access';
import { ValidationError } from '../../domain/errors';
import { IdeaInput, checkIdeaDraft } from '../../domain/ideaForm';
import { goalsForIdeas } from '../../domain/goals';
import { Idea, IdeaRef } from '../../domain/ideas';
import { canPropose, standingOf } from '../../domain/ideaRules';
import { Unit } from '../../domain/organisation';
import { stakeholderChoices } from '../../domain/stakeholders';
import { Person } from '../../domain/people';
import { IdeaRepository } from '../../ports/ideaRepository';
import { Logger } from '../../ports/logger';
import { Notifier } from '../../ports/notifier';
import { IdeaContexts } from './ideaContext';

export interface SubmitIdea {
  /** The unit chosen on the form, or the unit of the channel it was written in. */
  readonly unitId?: string;
  /** The idea as typed. */
  readonly idea: IdeaInput;
  readonly sourceUrl?: string;
  /** True when submitted in the unit's own channel, where the card already shows it. */
  readonly inUnitChannel?: boolean;
  /** The practice of another unit this idea adopts ("tried elsewhere"). */
  readonly adoptedFrom?: IdeaRef;
}

/** Proposing an improvement: anyone in a unit can, in under a minute, from chat, channel or a message. */
export class IdeaSubmission {
  constructor(
    private readonly ideas: IdeaRepository,
    private readonly contexts: IdeaContexts,
    private readonly notifier: Notifier,
    private readonly logger: Logger,
    /** After an idea is saved: the units it names as affected are asked (see learning/stakeholders). */
    private readonly onSubmitted: (idea: Idea, unit: Unit) => Promise<void> = async () => {},
  ) {}

  /** The units this person can propose ideas in, for the form's unit choice. */
  async unitsFor(person: Person): Promise<Unit[]> {
    const { access, org } = await this.contexts.directory.accessOf(person);
    return unitsOf(access, org).filter((unit) => canPropose(standingOf(access, unit)));
  }

  /** Checks the form as submit would, storing nothing: the idea's unit, or the problems. */
  async check(person: Person & { teamsId?: string }, input: SubmitIdea): Promise<Unit> {
    return (await this.prepare(person, input)).context.unit;
  }

  private async prepare(person: Person & { teamsId?: string }, input: SubmitIdea) {
    const unitId = input.unitId || (await this.onlyUnit(person));
    const context = await this.contexts.forUnit(person, unitId);
    if (!canPropose(standingOf(context.access, context.unit))) throw new ValidationError([{ field: 'unitId', problem: 'unknownOption' }]);
    const draft = checkIdeaDraft(input.idea, {
      ...context,
      benefitCategories: context.org.settings.benefitCategories.map((c) => c.id),
      goalIds: goalsForIdeas(context.org.goals, context.unit.id).map((goal) => goal.id),
      stakeholderUnitIds: stakeholderChoices(context.org, context.unit).map((unit) => unit.id),
    });
    return { context, draft };
  }

  async submit(person: Person & { teamsId?: string }, input: SubmitIdea): Promise<{ idea: Idea; unit: Unit }> {
    const { context, draft } = await this.prepare(person, input);
    const owner = await this.contexts.withTeamsId(draft.owner);
    const change = this.contexts.change(context);
    const idea = await this.ideas.create(
      context.unit.id,
      (number) => ({
        ...draft,
        ...(owner ? { owner } : {}),
        unitId: context.unit.id,
        number,
        status: 'new',
        submitter: context.me,
        actions: [],
        ...(input.sourceUrl ? { sourceUrl: input.sourceUrl } : {}),
        ...(input.adoptedFrom ? { adoptedFrom: input.adoptedFrom } : {}),
        createdAt: change.at,
        updatedAt: change.at,
        statusChangedAt: change.at,
        benefitRegistered: false,
        version: 1,
        lastChange: { id: change.id, by: change.by, at: change.at, what: 'submitted' },
      }),
      (created) => ({ at: change.at, by: change.by, what: 'submitted', detail: created.title }),
    );
    if (!input.inUnitChannel && context.unit.channel) {
      await this.notifier.toUnitChannel(context.unit, { kind: 'ideaSubmitted', idea, unit: context.unit }).catch((error: unknown) => {
        this.logger.warn({ unitId: context.unit.id, number: idea.number, err: String(error) }, 'could not post the idea in the unit channel');
      });
    }
    await this.onSubmitted(idea, context.unit);
    return { idea, unit: context.unit };
  }

  /** A person in exactly one unit need not choose; anyone else must. */
  private async onlyUnit(person: Person): Promise<string> {
    const units = await this.unitsFor(person);
    if (units.length === 1) return units[0].id;
    throw new ValidationError([{ field: 'unitId', problem: 'required' }]);
  }
}
