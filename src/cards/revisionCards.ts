import { LocalDate, addDays, cachedFormatter } from '../domain/dates';
import { shortId } from '../domain/ideas';
import { Locale } from '../domain/locale';
import { Unit } from '../domain/organisation';
import { Deviation, GEMBA_CHECKS, MAX_FOLLOW_UPS } from '../domain/revision';
import { plural, t } from '../i18n';
import { LANGUAGE_TAGS, formatDate, formatList } from '../i18n/format';
import { RevisionReminder, RevisionView } from '../services/leadership/revisions';
import { AdaptiveCardJson, renderCard } from './renderer';
import { figureFacts } from './reportCards';
import { Choice, TextColor } from './models';
import { RevisionCardData, RevisionFollowUpRow } from './revisionModels';
import { checkInput, followUpInputs } from './revisionInputs';

/** The revision cards: a unit's half-yearly revision with its Gemba form, and the list of units to open. */

/** People offered as participants and owners; the card must stay well under Teams' size limit. */
export const MAX_PEOPLE_ON_REVISION = 25;
/** Ids listed in one deviation line; the rest are counted. */
const MAX_IDS = 6;
/** A suggested follow-up point is due this many days after the visit. */
const SUGGESTED_DUE_DAYS = 42;

/** "september 2026", "September 2026": the month a round is held in. */
export function monthLabel(locale: Locale, firstOfMonth: LocalDate): string {
  const [year, month] = firstOfMonth.split('-').map(Number);
  return cachedFormatter(LANGUAGE_TAGS[locale], { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(Date.UTC(year, month - 1, 1)));
}

const capitalised = (text: string): string => text.charAt(0).toLocaleUpperCase() + text.slice(1);

function ids(unit: Unit, ideas: readonly { number: number }[]): string {
  const listed = ideas.slice(0, MAX_IDS).map((i) => shortId(unit.code, i.number)).join(', ');
  return ideas.length > MAX_IDS ? `${listed} …` : listed;
}

function quietFlags(locale: Locale, flags: readonly ('noNewIdea' | 'noStatusChange' | 'noMeetingLogged')[]): string {
  return formatList(locale, flags.map((flag) => t(locale, `report.flag.${flag}`)));
}

function deviationText(locale: Locale, unit: Unit, deviation: Deviation): string {
  switch (deviation.kind) {
    case 'missedMeetings':
      return plural(locale, 'revision.dev.missedMeetings', deviation.dates.length, { dates: deviation.dates.slice(0, MAX_IDS).map((d) => formatDate(locale, d)).join(', ') + (deviation.dates.length > MAX_IDS ? ' …' : '') });
    case 'benefitMissing':
      return t(locale, 'revision.dev.benefitMissing', { ids: ids(unit, deviation.ideas) });
    case 'longOverdue':
      return t(locale, 'revision.dev.longOverdue', { ids: ids(unit, deviation.ideas) });
    case 'unassigned':
      return t(locale, 'revision.dev.unassigned', { ids: ids(unit, deviation.ideas) });
    case 'quiet':
      return t(locale, 'revision.dev.quiet', { flags: quietFlags(locale, deviation.flags) });
    case 'previousOpen':
      return plural(locale, 'revision.dev.previousOpen', deviation.actions.length);
  }
}

/** What a deviation suggests doing about it: the text a follow-up point starts from. */
function suggestion(locale: Locale, unit: Unit, deviation: Deviation): string {
  switch (deviation.kind) {
    case 'missedMeetings':
    case 'quiet':
    case 'previousOpen':
      return t(locale, `revision.suggest.${deviation.kind}`);
    default:
      return t(locale, `revision.suggest.${deviation.kind}`, { ids: ids(unit, deviation.ideas) });
  }
}

export interface RevisionCardOptions {
  readonly note?: string;
  readonly noteColor?: TextColor;
  /** The form as typed, kept when it comes back with problems. */
  readonly values?: Readonly<Record<string, string>>;
  readonly errors?: Readonly<Record<string, string>>;
}

function followUpRows(locale: Locale, view: RevisionView, options: RevisionCardOptions): RevisionFollowUpRow[] {
  const typed = options.values;
  const errors = options.errors ?? {};
  const leader = view.people.find((p) => view.leaderIds.includes(p.id));
  // Before the first save, each deviation suggests a point; the TOL edits or clears them.
  const suggested = !view.record && !typed ? view.deviations.slice(0, MAX_FOLLOW_UPS).map((d) => suggestion(locale, view.unit, d)) : [];
  return Array.from({ length: MAX_FOLLOW_UPS }, (_, i) => {
    const inputs = followUpInputs(i + 1);
    const text = typed ? (typed[inputs.text] ?? '') : (suggested[i] ?? '');
    const owner = typed ? (typed[inputs.owner] ?? '') : suggested[i] && leader ? leader.id : '';
    const due = typed ? (typed[inputs.due] ?? '') : suggested[i] ? addDays(view.today, SUGGESTED_DUE_DAYS) : '';
    return {
      textId: inputs.text,
      ownerId: inputs.owner,
      dueId: inputs.due,
      textLabel: t(locale, 'revision.followUpTextLabel', { n: i + 1 }),
      text,
      owner,
      due,
      ...(errors[inputs.text] ? { textError: errors[inputs.text] } : {}),
      ...(errors[inputs.owner] ? { ownerError: errors[inputs.owner] } : {}),
      ...(errors[inputs.due] ? { dueError: errors[inputs.due] } : {}),
    };
  });
}

function previousLines(locale: Locale, view: RevisionView): { heading?: string; lines: { text: string }[] } {
  const { previous } = view;
  if (!previous) return { heading: t(locale, 'revision.visitHeading'), lines: [{ text: t(locale, 'revision.firstRevision') }] };
  const heading = t(locale, 'revision.previousHeading', { month: monthLabel(locale, `${previous.record.round}-01`) });
  if (!previous.total) return { heading, lines: [{ text: t(locale, 'revision.previousNone') }] };
  return {
    heading,
    lines: [
      { text: t(locale, 'revision.previousStatus', { closed: previous.total - previous.open.length, total: previous.total }) },
      ...previous.open.map((a) => ({ text: t(locale, 'revision.openPoint', { text: a.text, owner: a.owner?.name ?? '–', date: a.dueDate ? formatDate(locale, a.dueDate) : '–' }) })),
    ],
  };
}

function visitLines(locale: Locale, view: RevisionView): { text: string }[] {
  const { record } = view;
  if (!record) return [];
  const names = [...record.participants.map((p) => p.name), ...(record.otherParticipants ? [record.otherParticipants] : [])];
  return [
    { text: t(locale, 'revision.recordedBy', { date: formatDate(locale, record.visitedOn), name: record.recordedBy.name }) },
    ...(names.length ? [{ text: t(locale, 'revision.participants', { names: names.join(', ') }) }] : []),
    { text: t(locale, 'revision.checksDone', { count: record.checks.length, total: GEMBA_CHECKS.length }) },
    ...(record.observations ? [{ text: t(locale, 'revision.observations', { text: record.observations }) }] : []),
  ];
}

export function revisionCardData(locale: Locale, view: RevisionView, options: RevisionCardOptions = {}): RevisionCardData {
  const { unit, record, round } = view;
  const month = monthLabel(locale, round.starts);
  const previous = previousLines(locale, view);
  const points = record?.followUp && view.followUpIdea ? view.followUpIdea.actions.filter((a) => record.followUp?.actionIds.includes(a.id)) : [];
  const typed = options.values;
  const people: Choice[] = view.people.slice(0, MAX_PEOPLE_ON_REVISION).map((p) => ({ title: p.name, value: p.id }));
  return {
    ref: { unitId: unit.id, round: round.round, version: record?.version ?? 0 },
    title: t(locale, 'revision.title', { unit: unit.name }),
    subtitle: capitalised(t(locale, 'revision.subtitle', { month, from: formatDate(locale, round.period.from), to: formatDate(locale, round.period.to) })),
    ...(options.note ? { note: options.note } : {}),
    noteColor: options.noteColor ?? 'Default',
    facts: figureFacts(locale, view.row, view.settings),
    deviations: view.deviations.map((d) => ({ text: deviationText(locale, unit, d) })),
    ...(previous.heading ? { previousHeading: previous.heading } : {}),
    previous: previous.lines,
    fishbones: view.fishbones.map((f) =>
      f.concludedOn
        ? { text: t(locale, 'revision.fishboneConcluded', { date: formatDate(locale, f.concludedOn), causes: f.mainCauses.join('; ') || (f.outcome ?? '') }) }
        : { text: t(locale, 'revision.fishboneOpen', { date: formatDate(locale, f.startedOn) }) },
    ),
    visit: visitLines(locale, view),
    ...(points.length && record?.followUp ? { pointsHeading: t(locale, 'revision.pointsHeading', { id: shortId(unit.code, record.followUp.ideaNumber) }) } : {}),
    points: points.map((a) => ({
      done: a.done,
      text: a.done ? t(locale, 'revision.pointDone', { text: a.text, owner: a.owner?.name ?? '–' }) : t(locale, 'revision.pointOpen', { text: a.text, owner: a.owner?.name ?? '–', date: a.dueDate ? formatDate(locale, a.dueDate) : '–' }),
    })),
    canRecord: view.canRecord,
    formHeading: t(locale, record ? 'revision.formHeadingAgain' : 'revision.formHeading'),
    today: view.today,
    people,
    values: {
      visitedOn: typed?.visitedOn ?? record?.visitedOn ?? view.today,
      participantIds: typed?.participantIds ?? record?.participants.map((p) => p.id).join(',') ?? '',
      otherParticipants: typed?.otherParticipants ?? record?.otherParticipants ?? '',
      observations: typed?.observations ?? record?.observations ?? '',
    },
    checks: GEMBA_CHECKS.map((check) => ({
      id: checkInput(check),
      title: t(locale, `revision.check.${check}`),
      value: typed ? (typed[checkInput(check)] === 'true' ? 'true' : 'false') : record?.checks.includes(check) ? 'true' : 'false',
    })),
    followUps: view.canRecord ? followUpRows(locale, view, options) : [],
    errors: options.errors ?? {},
  };
}

export const revisionCard = (locale: Locale, view: RevisionView, options: RevisionCardOptions = {}): AdaptiveCardJson => renderCard('revision', locale, revisionCardData(locale, view, options));

/** Units to open a revision for: after "revisjon", or as the reminder two weeks ahead. */
export function revisionUnitsCard(locale: Locale, units: readonly Unit[], reminder?: Pick<RevisionReminder, 'area' | 'round'>): AdaptiveCardJson {
  return renderCard('unit-choice', locale, {
    headline: reminder ? t(locale, 'revision.reminderHeadline', { month: monthLabel(locale, reminder.round.starts), area: reminder.area.name }) : t(locale, 'revision.chooseHeading'),
    ...(reminder ? { intro: t(locale, 'revision.reminderIntro') } : {}),
    verb: 'revision.show',
    button: t(locale, 'revision.open'),
    units: units.map((unit) => ({ unitId: unit.id, name: unit.name })),
  });
}
