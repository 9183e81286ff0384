import { Totals } from '../domain/benefits';
import { FieldIssue } from '../domain/errors';
import { GoalFigures, GoalLine } from '../domain/goalProgress';
import { Goal, GoalOwner, goalVersion, goalsForIdeas } from '../domain/goals';
import { LocalDate } from '../domain/dates';
import { Idea } from '../domain/ideas';
import { Locale } from '../domain/locale';
import { OrganisationSettings, Unit } from '../domain/organisation';
import { plural, t } from '../i18n';
import { formatDate, formatList } from '../i18n/format';
import { formatMoney, hoursText } from './benefitValues';
import { GoalFormCardData, GoalOwnerData, GoalSummaryCardData, GoalsCardData } from './goalModels';
import { Choice, TextColor } from './models';
import { AdaptiveCardJson, renderCard } from './renderer';
import { OwnerGoalsView } from '../services/goals/goalViews';

/** The item card's choice for "no goal": choices need a value, and no goal id looks like this. */
export const NO_GOAL = '-';

/** The goal breakdown in words, the same on the goals card, the board, the digest, the tab and reports. */

export const ownerData = (owner: GoalOwner): GoalOwnerData => ({ level: owner.level, ownerId: owner.level === 'organisation' ? '' : owner.ownerId });

/** Realized gain in short: hours, and money when there is any ("12 t · 3 000 kr"). */
export function gainText(locale: Locale, realized: Totals, settings: Pick<OrganisationSettings, 'currency'>): string {
  const parts = [hoursText(locale, realized.hours, 1)];
  if (realized.money) parts.push(formatMoney(locale, realized.money, settings.currency));
  return parts.join(' · ');
}

/** "3 ideas (1 done) · realized 12 h". */
export const figuresText = (locale: Locale, figures: GoalFigures, settings: Pick<OrganisationSettings, 'currency'>): string =>
  plural(locale, 'goals.figures', figures.ideas, { done: figures.done, gain: gainText(locale, figures.realized, settings) });

/** "Serves: area goal › organisation goal", nearest first; undefined for a goal with nothing above. */
export const chainText = (locale: Locale, above: readonly Pick<Goal, 'title'>[]): string | undefined =>
  above.length ? t(locale, 'goals.serves', { chain: above.map((goal) => goal.title).join(' › ') }) : undefined;

/** "Measure: … · Target: …", or undefined when the goal has neither. */
export function measureText(locale: Locale, goal: Pick<Goal, 'measure' | 'target'>): string | undefined {
  const parts = [...(goal.measure ? [t(locale, 'goals.measureLine', { measure: goal.measure })] : []), ...(goal.target ? [t(locale, 'goals.targetLine', { target: goal.target })] : [])];
  return parts.length ? parts.join(' · ') : undefined;
}

export const periodText = (locale: Locale, from: LocalDate, to: LocalDate): string => t(locale, 'goals.period', { from: formatDate(locale, from), to: formatDate(locale, to) });

/** What the goals card shows: an owner's goals as the service reads them, and the settings to write gains in. */
export type GoalsCardInput = Omit<OwnerGoalsView, 'org' | 'parents'> & { readonly settings: OrganisationSettings };

/** One owner's goals, each with the chain above it and what serves it; Edit and Close for those who set them. */
export const goalsCard = (locale: Locale, view: GoalsCardInput, note?: { readonly text: string; readonly color: TextColor }): AdaptiveCardJson => renderCard('goals', locale, goalsCardData(locale, view, note));

export function goalsCardData(locale: Locale, view: GoalsCardInput, note?: { readonly text: string; readonly color: TextColor }): GoalsCardData {
  const owner = ownerData(view.owner);
  return {
    title: t(locale, 'goals.title', { owner: view.name }),
    period: periodText(locale, view.from, view.to),
    ...(note ? { note: note.text } : {}),
    noteColor: note?.color ?? 'Default',
    owner,
    goals: view.lines.map(({ goal, above, figures }) => {
      const measure = measureText(locale, goal);
      const chain = chainText(locale, above);
      return {
        title: goal.title,
        ...(measure ? { measure } : {}),
        ...(chain ? { chain } : {}),
        figures: figuresText(locale, figures, view.settings),
        ref: { ...owner, goalId: goal.id, version: goalVersion(goal) },
      };
    }),
    ...(view.lines.length ? {} : { empty: t(locale, 'goals.none') }),
    ...(view.closed.length ? { closed: t(locale, 'goals.closedList', { titles: formatList(locale, view.closed.map((goal) => goal.title)) }) } : {}),
    canSet: view.canSet,
    others: view.others.map((other) => ({ ...ownerData(other.owner), title: other.name })),
  };
}

export interface GoalFormInput {
  readonly owner: GoalOwner;
  readonly ownerName: string;
  /** The goal being edited; absent for a new one. */
  readonly goal?: Goal;
  readonly parents: readonly Goal[];
  /** What was typed, when the form comes back with problems. */
  readonly values?: Partial<GoalFormCardData['values']>;
  readonly errors?: GoalFormCardData['errors'];
  readonly note?: { readonly text: string; readonly color: TextColor };
}

/** The form for a new goal, or for changing (and so moving) one. */
export const goalFormCard = (locale: Locale, form: GoalFormInput): AdaptiveCardJson => renderCard('goal-form', locale, goalFormCardData(locale, form));

export function goalFormCardData(locale: Locale, form: GoalFormInput): GoalFormCardData {
  const { goal, owner } = form;
  const needsParent = owner.level !== 'organisation';
  const noParents = needsParent && !form.parents.length ? t(locale, owner.level === 'area' ? 'goals.noParentsArea' : 'goals.noParentsUnit') : undefined;
  const required = (label: 'goals.titleLabel' | 'goals.parentLabel') => t(locale, 'field.required', { field: t(locale, label) });
  return {
    title: t(locale, goal ? 'goals.formTitleEdit' : 'goals.formTitleNew', { owner: form.ownerName }),
    ...(form.note ? { note: form.note.text } : {}),
    noteColor: form.note?.color ?? 'Default',
    ref: { ...ownerData(owner), goalId: goal?.id ?? '', version: goal ? goalVersion(goal) : '' },
    parents: form.parents.map((parent) => ({ title: parent.title, value: parent.id })),
    needsParent,
    ...(noParents ? { noParents } : {}),
    values: {
      title: form.values?.title ?? goal?.title ?? '',
      measure: form.values?.measure ?? goal?.measure ?? '',
      target: form.values?.target ?? goal?.target ?? '',
      parentId: form.values?.parentId ?? goal?.parentId ?? (form.parents.length === 1 ? form.parents[0].id : ''),
    },
    errors: form.errors ?? {},
    requiredMessages: { title: required('goals.titleLabel'), parentId: required('goals.parentLabel') },
  };
}

/** A parent the domain refused (closed meanwhile, another area's) gets a message that says so. */
export const goalFormMessage = (locale: Locale, issue: FieldIssue): string | undefined => (issue.field === 'parentId' && issue.params?.reason ? t(locale, 'goals.parentProblem') : undefined);

/**
 * The goals an idea may be linked to, as form choices: the unit's open goals. When the form lets
 * the person choose among several units, each goal is named with its unit ("Sykehjem øst: …");
 * a goal of another unit than the one chosen is refused when the form is submitted.
 */
export function goalChoices(goals: readonly Goal[], units: readonly Pick<Unit, 'id' | 'name'>[]): Choice[] {
  return units.flatMap((unit) => goalsForIdeas(goals, unit.id).map((goal) => ({ value: goal.id, title: units.length > 1 ? `${unit.name}: ${goal.title}` : goal.title })));
}

/** The idea's goal as a fact on its card ("Goal: …"); nothing when it serves none. */
export function ideaGoalFacts(locale: Locale, idea: Pick<Idea, 'goalId'>, goals: readonly Goal[]): { title: string; value: string }[] {
  if (!idea.goalId) return [];
  return [{ title: t(locale, 'goals.titleLabel'), value: goals.find((goal) => goal.id === idea.goalId)?.title ?? idea.goalId }];
}

/** A unit's goals for its board or digest: each with its chain and what serves it. */
export const goalSummaries = (locale: Locale, lines: readonly GoalLine[], settings: Pick<OrganisationSettings, 'currency'>): GoalSummaryCardData[] =>
  lines.map(({ goal, above, figures }) => {
    const chain = chainText(locale, above);
    return { title: goal.title, ...(chain ? { chain } : {}), figures: figuresText(locale, figures, settings) };
  });
