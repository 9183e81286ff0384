import { EFFORTS, FISHBONE_CATEGORIES, IDEA_STATUSES, IDEA_TYPES, IMPACTS, Idea, IdeaStatus, MAX_WHYS, PersonName, WASTES, isActionOverdue, isIdeaOverdue, benefitMissing } from '../domain/ideas';
import { allowedMoves, canAddAction, canComment, canCompleteAction, canEditRootCause, canPlan } from '../domain/ideaRules';
import { Locale } from '../domain/locale';
import { OrganisationSettings, Unit } from '../domain/organisation';
import { t } from '../i18n';
import { formatDay, formatTime } from '../i18n/format';
import { AuditEntry } from '../ports/ideaRepository';
import { ItemView } from '../services/ideas/ideaViews';
import { categoryLabel, choices, dateLabel, effortLabel, fishboneLabel, ideaId, impactLabel, statusLabel, typeLabel, wasteLabel } from './labels';
import { Choice, IdeaFormValues, ItemCardData, TextColor } from './models';
import { fishboneInput, whyInput } from './formInputs';
import { AdaptiveCardJson, renderCard } from './renderer';
import { NO_GOAL, ideaGoalFacts } from './goalCards';

/** Building the idea cards' data from what the services return. */

const STATUS_COLORS: Readonly<Record<IdeaStatus, TextColor>> = {
  new: 'Accent',
  planned: 'Default',
  inProgress: 'Accent',
  evaluating: 'Warning',
  done: 'Good',
  parked: 'Default',
  rejected: 'Attention',
};

/** Teams refreshes a card automatically for at most 60 listed users. */
const MAX_REFRESH_USERS = 60;

export const EMPTY_IDEA_FORM: IdeaFormValues = {
  unitId: '',
  title: '',
  situation: '',
  proposal: '',
  type: 'improve',
  wastes: '',
  benefitAreas: '',
  ownerId: '',
  dueDate: '',
  sourceUrl: '',
  goalId: '',
  stakeholders: '',
};

const personChoices = (people: readonly PersonName[]): Choice[] => people.map((p) => ({ value: p.id, title: p.name }));

export interface IdeaFormOptions {
  readonly units: readonly Unit[];
  readonly fixedUnitId: string;
  readonly settings: OrganisationSettings;
  readonly people: readonly PersonName[];
  /** The open goals the idea may serve (see goalChoices). */
  readonly goals?: readonly Choice[];
  /** Units the idea may name as affected. */
  readonly stakeholderUnits?: readonly Unit[];
  readonly today: string;
  readonly values?: Partial<IdeaFormValues>;
  readonly error?: string;
  readonly errors?: Readonly<Record<string, string>>;
  readonly inDialog?: boolean;
}

/**
 * The host of the link back to a Teams message, or undefined when it is not an https URL. The
 * form is shown again with what came back from the card, so the link may be anything.
 */
function linkHost(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' ? parsed.hostname : undefined;
  } catch {
    return undefined;
  }
}

export function ideaFormCard(locale: Locale, options: IdeaFormOptions): AdaptiveCardJson {
  const given = { ...EMPTY_IDEA_FORM, ...options.values };
  const sourceHost = linkHost(given.sourceUrl);
  // A link that is not one is dropped rather than carried on to the next submission.
  const values = { ...given, sourceUrl: sourceHost ? given.sourceUrl : '' };
  const required = (label: Parameters<typeof t>[1]) => t(locale, 'field.required', { field: t(locale, label) });
  return renderCard('idea-form', locale, {
    units: options.units.map((u) => ({ value: u.id, title: u.name })),
    fixedUnitId: options.fixedUnitId,
    types: choices(IDEA_TYPES, (v) => typeLabel(locale, v)),
    wastes: choices(WASTES, (v) => wasteLabel(locale, v)),
    categories: options.settings.benefitCategories.map((c) => ({ value: c.id, title: categoryLabel(locale, c) })),
    people: personChoices(options.people),
    ...(options.goals?.length ? { goals: options.goals } : {}),
    stakeholderUnits: (options.stakeholderUnits ?? []).map((u) => ({ value: u.id, title: u.name })),
    today: options.today,
    values,
    sourceLabel: sourceHost ?? '',
    ...(options.error ? { error: options.error } : {}),
    errors: options.errors ?? {},
    requiredMessages: { unitId: required('ideaForm.unitLabel'), title: required('ideaForm.titleLabel'), type: required('ideaForm.typeLabel') },
    inDialog: options.inDialog ?? false,
  });
}

export interface ItemCardOptions {
  readonly note?: string;
  readonly noteColor?: TextColor;
  readonly values?: Partial<ItemCardData['values']>;
  readonly errors?: Readonly<Record<string, string>>;
  /** Which affected units have answered (see learning/stakeholders). */
  readonly stakeholders?: string;
  readonly canNameStakeholders?: boolean;
  /** The practice of another unit the idea adopts, in words. */
  readonly adoptedFrom?: string;
}

/** Who should see their own live copy: submitter, owner and action owners. */
function refreshUsers(idea: Idea): string[] {
  const ids = [idea.submitter.teamsId, idea.owner?.teamsId, ...idea.actions.map((a) => a.owner?.teamsId)].filter((id): id is string => !!id);
  return [...new Set(ids)].slice(0, MAX_REFRESH_USERS);
}

function rootCauseText(locale: Locale, idea: Idea): string | undefined {
  if (!idea.rootCause) return undefined;
  const whys = idea.rootCause.whys.map((why, i) => `${t(locale, 'item.whyLabel', { n: i + 1 })} ${why}`);
  const bones = FISHBONE_CATEGORIES.flatMap((c) => (idea.rootCause?.fishbone[c] ? [`${fishboneLabel(locale, c)}: ${idea.rootCause.fishbone[c]}`] : []));
  const lines = [...whys, ...bones];
  return lines.length ? lines.join('\n\n') : undefined;
}

export function itemCard(locale: Locale, view: ItemView, options: ItemCardOptions = {}): AdaptiveCardJson {
  const { idea, unit, standing, today, settings } = view;
  const me = standing;
  const none = t(locale, 'item.none');
  const list = (items: string[]) => (items.length ? items.join(', ') : none);
  const facts = [
    { title: t(locale, 'item.owner'), value: idea.owner?.name ?? none },
    { title: t(locale, 'item.due'), value: `${dateLabel(locale, idea.dueDate)}${isIdeaOverdue(idea, today) ? ` (${t(locale, 'item.overdue')})` : ''}` },
    { title: t(locale, 'item.type'), value: typeLabel(locale, idea.type) },
    { title: t(locale, 'item.benefitAreas'), value: list(idea.benefitAreas.map((c) => categoryLabel(locale, c, settings.benefitCategories))) },
    { title: t(locale, 'item.wastes'), value: list(idea.wastes.map((w) => wasteLabel(locale, w))) },
    { title: t(locale, 'item.priority'), value: idea.effort && idea.impact ? `${effortLabel(locale, idea.effort)} · ${impactLabel(locale, idea.impact)}` : none },
    ...ideaGoalFacts(locale, idea, view.goals ?? []),
  ];
  const open = (view.goals ?? []).filter((goal) => !goal.closed).map((goal) => ({ value: goal.id, title: goal.title }));
  // A linked idea can be unlinked: Teams offers no way back to a choice set's placeholder.
  const goals = open.length && idea.goalId ? [{ value: NO_GOAL, title: t(locale, 'goals.noGoal') }, ...open] : open;
  const myId = view.viewerId;
  const values: ItemCardData['values'] = {
    to: '',
    reason: '',
    effort: idea.effort ?? '',
    impact: idea.impact ?? '',
    ownerId: idea.owner?.id ?? '',
    dueDate: idea.dueDate ?? '',
    actionText: '',
    actionOwnerId: '',
    actionDueDate: '',
    comment: '',
    ...options.values,
  };
  const required = (label: Parameters<typeof t>[1]) => t(locale, 'field.required', { field: t(locale, label) });
  return renderCard('idea', locale, {
    ref: { unitId: unit.id, number: idea.number, version: idea.version },
    refreshUserIds: refreshUsers(idea),
    id: ideaId(unit.code, idea.number),
    title: idea.title,
    statusText: statusLabel(locale, idea.status),
    statusColor: STATUS_COLORS[idea.status],
    ...(options.note ? { note: options.note } : {}),
    noteColor: options.noteColor ?? 'Default',
    submittedBy: t(locale, 'item.submittedBy', { name: idea.submitter.name, date: formatDay(locale, idea.createdAt, settings.timeZone) }),
    ...(idea.statusReason ? { reason: t(locale, 'item.reason', { reason: idea.statusReason }) } : {}),
    benefitMissing: benefitMissing(idea),
    ...(goals.length ? { goals, goalValue: idea.goalId ?? '' } : {}),
    // Anyone who may see the idea may register its benefit; not for ideas that were stopped.
    canRegisterBenefit: idea.status !== 'rejected' && idea.status !== 'parked',
    facts,
    ...(idea.situation ? { situation: idea.situation } : {}),
    ...(idea.proposal ? { proposal: idea.proposal } : {}),
    actionItems: idea.actions.map((a) => ({
      id: a.id,
      line: `${a.done ? '✔ ' : ''}${t(locale, 'item.actionLine', { text: a.text, owner: a.owner?.name ?? t(locale, 'board.noOwner'), due: dateLabel(locale, a.dueDate) })}`,
      overdue: isActionOverdue(a, today),
      done: a.done,
      canComplete: !a.done && canCompleteAction(me, a, myId),
    })),
    ...(rootCauseText(locale, idea) ? { rootCause: rootCauseText(locale, idea) } : {}),
    comments: view.comments.map((c) => ({ line: t(locale, 'item.commentLine', { name: c.by.name, date: formatDay(locale, c.at, settings.timeZone), text: c.text }) })),
    history: view.history.map((entry) => ({ line: historyLine(locale, entry, settings.timeZone) })),
    ...(idea.sourceUrl ? { sourceUrl: idea.sourceUrl } : {}),
    ...(options.stakeholders ? { stakeholders: options.stakeholders } : {}),
    canNameStakeholders: options.canNameStakeholders ?? false,
    ...(options.adoptedFrom ? { adoptedFrom: options.adoptedFrom } : {}),
    can: { plan: canPlan(me), addAction: canAddAction(me), comment: canComment(me), rootCause: canEditRootCause(me) },
    moves: allowedMoves(idea, me).map((status) => ({ value: status, title: statusLabel(locale, status) })),
    efforts: choices(EFFORTS, (v) => effortLabel(locale, v)),
    impacts: choices(IMPACTS, (v) => impactLabel(locale, v)),
    people: personChoices(view.people),
    whys: Array.from({ length: MAX_WHYS }, (_, i) => ({ id: whyInput(i + 1), label: t(locale, 'item.whyLabel', { n: i + 1 }), value: idea.rootCause?.whys[i] ?? '' })),
    fishbone: FISHBONE_CATEGORIES.map((c) => ({ id: fishboneInput(c), label: fishboneLabel(locale, c), value: idea.rootCause?.fishbone[c] ?? '' })),
    today,
    values,
    errors: options.errors ?? {},
    requiredMessages: { to: required('item.moveTo'), actionText: required('item.actionTextLabel'), comment: required('item.commentLabel') },
  });
}

const HISTORY_KINDS = ['submitted', 'status', 'priority', 'assigned', 'action', 'actionDone', 'rootCause', 'benefit', 'benefitDecision', 'goal', 'stakeholders'] as const;

/** "21.11.2026 10:42 · Kari Nilsen: status Ny → Planlagt". Kinds the catalog does not know show as recorded. */
function historyLine(locale: Locale, entry: AuditEntry, timeZone: string): string {
  const kind = HISTORY_KINDS.find((k) => k === entry.what);
  const moved = /^(\w+) -> (\w+)/.exec(entry.detail);
  const statusOf = (value: string) => IDEA_STATUSES.find((s) => s === value);
  const from = moved && statusOf(moved[1]);
  const to = moved && statusOf(moved[2]);
  const what = kind === 'status' && from && to ? `${statusLabel(locale, from)} → ${statusLabel(locale, to)}` : kind ? t(locale, `history.${kind}`) : entry.what;
  return t(locale, 'item.historyLine', { when: `${formatDay(locale, entry.at, timeZone)} ${formatTime(locale, entry.at, timeZone)}`, name: entry.by.name, what });
}

/** "Kari Nilsen changed this at 10:42 ..." for someone whose card was out of date. */
export function staleNote(locale: Locale, idea: Idea, timeZone: string): string {
  return t(locale, 'item.changedBy', { name: idea.lastChange.by.name, time: formatTime(locale, idea.lastChange.at, timeZone) });
}

export function ideaSummaryCard(locale: Locale, idea: Idea, unit: Unit, headline: string, text?: string): AdaptiveCardJson {
  return renderCard('idea-summary', locale, {
    ref: { unitId: unit.id, number: idea.number },
    headline,
    id: ideaId(unit.code, idea.number),
    title: idea.title,
    statusText: statusLabel(locale, idea.status),
    ...(text ? { text } : {}),
  });
}
