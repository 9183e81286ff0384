import {
  ActionItemInput,
  AssignmentInput,
  CommentInput,
  MoveInput,
  PriorityInput,
  RootCauseInput,
  checkActionItem,
  checkAssignment,
  checkComment,
  checkMoveReason,
  checkPriority,
  checkRootCause,
} from '../../domain/ideaForm';
import { Idea } from '../../domain/ideas';
import { Change, IdeaStanding, addAction, assign, canComment, completeAction, handOver, moveIdea, prioritise, recordRootCause, reschedule } from '../../domain/ideaRules';
import { DomainError, ValidationError } from '../../domain/errors';
import { IDEA_STATUSES } from '../../domain/ideas';
import { Unit } from '../../domain/organisation';
import { Person } from '../../domain/people';
import { IdeaRepository } from '../../ports/ideaRepository';
import { Logger } from '../../ports/logger';
import { Notifier } from '../../ports/notifier';
import { StaleCardError } from './ideaErrors';
import { IdeaContexts, UnitContext } from './ideaContext';

/**
 * Which idea, and which version of it the person's card showed. Without a version (a reminder
 * card's button about one specific item) the change applies to whatever is current.
 */
export interface IdeaOnCard {
  readonly unitId: string;
  readonly number: number;
  readonly version?: number;
}

/**
 * A change to one idea, as typed: text still to be checked against today and the unit's people.
 * Problems are reported by these field names. `actionId` undefined means the idea itself.
 */
export type IdeaCommand =
  | ({ readonly kind: 'move' } & MoveInput)
  | ({ readonly kind: 'prioritise' } & PriorityInput)
  | ({ readonly kind: 'assign' } & AssignmentInput)
  | ({ readonly kind: 'addAction' } & ActionItemInput)
  | { readonly kind: 'completeAction'; readonly actionId: number }
  | ({ readonly kind: 'rootCause' } & RootCauseInput)
  | { readonly kind: 'reschedule'; readonly actionId?: number; readonly dueDate?: string }
  | { readonly kind: 'handOver'; readonly actionId?: number; readonly ownerId?: string };

type Apply = (idea: Idea, standing: IdeaStanding, change: Change) => Idea;

/**
 * Changing an idea from its card. Inputs are checked before storage is touched; the change is
 * applied under the idea's ETag and only to the version the person saw, so of two people acting
 * at once exactly one wins and the other gets the fresh card with what changed.
 */
export class IdeaChanges {
  constructor(
    private readonly ideas: IdeaRepository,
    private readonly contexts: IdeaContexts,
    private readonly notifier: Notifier,
    private readonly logger: Logger,
  ) {}

  async apply(person: Person & { teamsId?: string }, target: IdeaOnCard, command: IdeaCommand): Promise<{ idea: Idea; unit: Unit }> {
    const context = await this.contexts.forUnit(person, target.unitId);
    const apply = await this.prepare(context, command);
    const change = this.contexts.change(context);
    const idea = await this.ideas.update(
      target.unitId,
      target.number,
      (current) => {
        if (target.version !== undefined && current.version !== target.version) throw new StaleCardError(current);
        return apply(current, this.contexts.viewer(context, current), change);
      },
      (before, after) => ({ at: change.at, by: change.by, what: after.lastChange.what, detail: describe(before, after) }),
    );
    if (command.kind === 'move' && (idea.status === 'rejected' || idea.status === 'parked') && idea.submitter.id !== context.me.id) {
      await this.notifier.toPerson(idea.submitter.id, { kind: 'ideaStopped', idea, unit: context.unit }).catch((error: unknown) => {
        this.logger.warn({ unitId: idea.unitId, number: idea.number, err: String(error) }, 'could not tell the submitter');
      });
    }
    return { idea, unit: context.unit };
  }

  async comment(person: Person & { teamsId?: string }, target: Omit<IdeaOnCard, 'version'>, comment: CommentInput): Promise<void> {
    const context = await this.contexts.forUnit(person, target.unitId);
    const text = checkComment(comment);
    const idea = await this.ideas.get(target.unitId, target.number);
    if (!idea) throw new DomainError('notFound');
    if (!canComment(this.contexts.viewer(context, idea))) throw new DomainError('forbidden');
    const at = this.contexts.clock.now().toISOString();
    await this.ideas.addComment(target.unitId, target.number, { at, by: context.me, text });
    // Someone else's first comment is the idea's first answer (time to first response in reports).
    if (!idea.firstResponseAt && idea.submitter.id !== context.me.id) {
      await this.ideas.recordFirstResponse(target.unitId, target.number, at).catch((error: unknown) => {
        // The comment is stored; a missed measurement must not tell the person it failed.
        this.logger.warn({ unitId: target.unitId, number: target.number, err: error instanceof Error ? error.message : String(error) }, 'could not record the first response');
      });
    }
  }

  /** Checks the command's inputs before any storage call; returns the domain change to apply. */
  private async prepare(context: UnitContext, command: IdeaCommand): Promise<Apply> {
    switch (command.kind) {
      case 'move': {
        const to = IDEA_STATUSES.find((s) => s === command.to);
        if (!to) throw new ValidationError([{ field: 'to', problem: 'unknownOption' }]);
        const { reason } = checkMoveReason(command);
        return (idea, standing, change) => moveIdea(idea, to, standing, change, reason);
      }
      case 'prioritise': {
        const { effort, impact } = checkPriority(command);
        return (idea, standing, change) => prioritise(idea, effort, impact, standing, change);
      }
      case 'assign': {
        const checked = checkAssignment(command, context);
        const owner = await this.contexts.withTeamsId(checked.owner);
        return (idea, standing, change) => assign(idea, owner, checked.dueDate, standing, change);
      }
      case 'addAction': {
        const checked = checkActionItem(command, context);
        const owner = await this.contexts.withTeamsId(checked.owner);
        return (idea, standing, change) => addAction(idea, { text: checked.text, ...(owner ? { owner } : {}), ...(checked.dueDate ? { dueDate: checked.dueDate } : {}) }, standing, change);
      }
      case 'completeAction':
        return (idea, standing, change) => completeAction(idea, command.actionId, standing, change);
      case 'rootCause': {
        const rootCause = checkRootCause(command);
        return (idea, standing, change) => recordRootCause(idea, rootCause, standing, change);
      }
      case 'reschedule': {
        const { dueDate } = checkAssignment({ dueDate: command.dueDate ?? '' }, context);
        if (!dueDate) throw new ValidationError([{ field: 'dueDate', problem: 'required' }]);
        return (idea, standing, change) => reschedule(idea, command.actionId, dueDate, standing, change);
      }
      case 'handOver': {
        const { owner } = checkAssignment({ ownerId: command.ownerId ?? '' }, context);
        if (!owner) throw new ValidationError([{ field: 'ownerId', problem: 'required' }]);
        const to = (await this.contexts.withTeamsId(owner)) ?? owner;
        return (idea, standing, change) => handOver(idea, command.actionId, to, standing, change);
      }
    }
  }
}

/** A short, language-neutral history line; cards translate the kind and show values as they are. */
function describe(before: Idea, after: Idea): string {
  switch (after.lastChange.what) {
    case 'status':
      return `${before.status} -> ${after.status}${after.statusReason ? `: ${after.statusReason}` : ''}`;
    case 'priority':
      return `effort=${after.effort} impact=${after.impact}`;
    case 'assigned':
      return `owner=${after.owner?.name ?? '-'} due=${after.dueDate ?? '-'}`;
    case 'action':
      return after.actions[after.actions.length - 1]?.text ?? '';
    case 'actionDone':
      return after.actions.find((a, i) => a.done && !before.actions[i]?.done)?.text ?? '';
    default:
      return '';
  }
}
