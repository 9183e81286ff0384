import { Agenda } from '../domain/agenda';
import { LocalDate } from '../domain/dates';
import { Idea, PersonName, shortId } from '../domain/ideas';
import { Locale } from '../domain/locale';
import { MAX_DECISIONS, MeetingDecision, MeetingLog } from '../domain/meetings';
import { Unit } from '../domain/organisation';
import { MeetingSchedule } from '../domain/schedule';
import { MAX_PAUSES, WEEKDAYS } from '../domain/scheduleForm';
import { decisionInputs, pauseInputs } from './formInputs';
import { TextKey, t } from '../i18n';
import { formatDate, formatList, formatLongDate } from '../i18n/format';
import { LogFormView } from '../services/rhythm/meetings';
import { statusLabel } from './labels';
import { BoardMeetingCardData, Choice, ColoredLine, DecisionRowCardData, MeetingScheduleCardData, TextColor } from './models';
import { AdaptiveCardJson, renderCard } from './renderer';

/** Building the board-meeting prompt, the meeting log form and the schedule form. */

/** Each agenda section shows this many lines, then "and N more": the prompt stays a glance. */
export const AGENDA_LINES = 5;
/** Idea titles in the log form's item picker are cut to this many characters. */
const PICKER_TITLE = 60;

const WEEKDAY_KEYS: Readonly<Record<(typeof WEEKDAYS)[number], TextKey>> = {
  1: 'schedule.weekday1',
  2: 'schedule.weekday2',
  3: 'schedule.weekday3',
  4: 'schedule.weekday4',
  5: 'schedule.weekday5',
  6: 'schedule.weekday6',
  7: 'schedule.weekday7',
};

export const weekdayName = (locale: Locale, day: number): string => t(locale, WEEKDAY_KEYS[day as (typeof WEEKDAYS)[number]]);

/** "Monday, Tuesday and Friday at 08:30, pause 01.07.2026–09.08.2026". */
export function scheduleSummary(locale: Locale, schedule: MeetingSchedule): string {
  const days = formatList(locale, schedule.weekdays.map((day) => weekdayName(locale, day)));
  const pauses = schedule.pauses.map((p) => t(locale, 'schedule.pauseLine', { from: formatDate(locale, p.from), to: formatDate(locale, p.to) }));
  return [t(locale, 'schedule.summary', { days, time: schedule.time }), ...pauses].join(', ');
}

/** What the prompt card shows: the unit, the meeting, its agenda and its log. */
export interface PromptCardView {
  readonly unit: Pick<Unit, 'id' | 'code' | 'name'>;
  readonly date: LocalDate;
  readonly agenda: Agenda;
  readonly log?: MeetingLog;
}

export interface PromptCardOptions {
  readonly note?: string;
  readonly noteColor?: TextColor;
}

const idOf = (unit: Pick<Unit, 'code'>, idea: Pick<Idea, 'number'>) => shortId(unit.code, idea.number);

function section(title: string, lines: readonly ColoredLine[], locale: Locale) {
  const more = lines.length - AGENDA_LINES;
  return { title, lines: lines.slice(0, AGENDA_LINES), ...(more > 0 ? { more: t(locale, 'agenda.more', { count: more }) } : {}) };
}

function agendaSections(locale: Locale, unit: PromptCardView['unit'], agenda: Agenda): BoardMeetingCardData['sections'] {
  const noOwner = t(locale, 'board.noOwner');
  const owner = (person: PersonName | undefined) => person?.name ?? noOwner;
  const plain = (text: string): ColoredLine => ({ text, color: 'Default' });
  const sections = [
    section(
      t(locale, 'agenda.overdue', { count: agenda.overdue.length }),
      agenda.overdue.map((item) => ({
        text:
          item.actionId === undefined
            ? t(locale, 'agenda.overdueIdea', { id: idOf(unit, item.idea), title: item.text, owner: owner(item.owner), date: formatDate(locale, item.dueDate) })
            : t(locale, 'agenda.overdueAction', { id: idOf(unit, item.idea), text: item.text, owner: owner(item.owner), date: formatDate(locale, item.dueDate) }),
        color: 'Attention',
      })),
      locale,
    ),
    section(
      agenda.since
        ? t(locale, 'agenda.newSince', { date: formatDate(locale, agenda.since.date), count: agenda.newIdeas.length })
        : t(locale, 'agenda.newIdeas', { count: agenda.newIdeas.length }),
      agenda.newIdeas.map((idea) => plain(t(locale, 'agenda.newIdea', { id: idOf(unit, idea), title: idea.title, name: idea.submitter.name }))),
      locale,
    ),
    section(
      t(locale, 'agenda.inProgress', { count: agenda.inProgress.length }),
      agenda.inProgress.map((idea) => plain(t(locale, 'agenda.inProgressLine', { id: idOf(unit, idea), title: idea.title, status: statusLabel(locale, idea.status), owner: owner(idea.owner) }))),
      locale,
    ),
    section(
      t(locale, 'agenda.benefitMissing', { count: agenda.benefitMissing.length }),
      agenda.benefitMissing.map((idea) => ({ text: t(locale, 'agenda.benefitMissingLine', { id: idOf(unit, idea), title: idea.title, owner: owner(idea.owner) }), color: 'Attention' })),
      locale,
    ),
    section(
      t(locale, 'agenda.pendingApprovals', { count: agenda.pendingApprovals.length }),
      agenda.pendingApprovals.map(({ benefit, idea }) =>
        plain(
          t(locale, 'agenda.approvalLine', {
            id: shortId(unit.code, benefit.ideaNumber),
            title: idea?.title ?? '',
            name: benefit.submittedBy.name,
            date: formatDate(locale, benefit.registeredOn),
          }),
        ),
      ),
      locale,
    ),
  ];
  return sections.filter((s) => s.lines.length > 0);
}

/** "HN-4: In progress, owner Ola Bakken, due 12.03.2026". */
export function decisionLine(locale: Locale, unit: Pick<Unit, 'code'>, decision: MeetingDecision): string {
  const changes = [
    ...(decision.status ? [statusLabel(locale, decision.status)] : []),
    ...(decision.owner ? [t(locale, 'meeting.changeOwner', { name: decision.owner.name })] : []),
    ...(decision.dueDate ? [t(locale, 'meeting.changeDue', { date: formatDate(locale, decision.dueDate) })] : []),
  ];
  return t(locale, 'meeting.decisionLine', { id: shortId(unit.code, decision.ideaNumber), changes: changes.join(', ') });
}

/** "Logged by Kari Nilsen: held, 7 present". */
export function loggedText(locale: Locale, log: MeetingLog): string {
  const name = log.loggedBy.name;
  if (!log.held) return t(locale, 'meeting.loggedNotHeld', { name, reason: log.reason ?? '' });
  return log.attendees === undefined ? t(locale, 'meeting.loggedHeldNoCount', { name }) : t(locale, 'meeting.loggedHeld', { name, attendees: log.attendees });
}

/**
 * The prompt posted in the unit's channel at meeting time, in the organisation's language. Once the
 * meeting is logged, the same card says how, for everyone in the channel.
 */
export function meetingPromptCard(locale: Locale, view: PromptCardView, options: PromptCardOptions = {}): AdaptiveCardJson {
  const { log, unit } = view;
  return renderCard('board-meeting', locale, {
    unitId: unit.id,
    date: view.date,
    title: t(locale, 'meeting.promptTitle', { unit: unit.name }),
    dateText: formatLongDate(locale, view.date),
    ...(options.note ? { note: options.note } : {}),
    noteColor: options.noteColor ?? 'Default',
    ...(log ? { logged: loggedText(locale, log) } : {}),
    loggedColor: log?.held === false ? 'Warning' : 'Good',
    loggedLines: log
      ? [
          ...(log.notes ? [t(locale, 'meeting.notesLine', { notes: log.notes })] : []),
          ...(log.decisions.length ? [`${t(locale, 'meeting.decisionsHeading')}: ${log.decisions.map((d) => decisionLine(locale, unit, d)).join('; ')}`] : []),
        ]
      : [],
    sections: agendaSections(locale, unit, view.agenda),
    logButton: t(locale, log ? 'meeting.changeLogButton' : 'meeting.logButton'),
  });
}

export interface LogFormOptions {
  readonly note?: string;
  readonly noteColor?: TextColor;
  /** What was typed, kept when the form comes back with errors. */
  readonly values?: Readonly<Record<string, string>>;
  readonly errors?: Readonly<Record<string, string>>;
  /** The log version the form was first made from, kept when it comes back with errors. */
  readonly version?: number;
}

const cut = (text: string, length: number) => ([...text].length > length ? `${[...text].slice(0, length - 1).join('')}…` : text);

/** The meeting log form for the person who pressed "Log the meeting" (prefilled from the current log). */
export function meetingLogCard(locale: Locale, view: LogFormView, options: LogFormOptions = {}): AdaptiveCardJson {
  const typed = options.values ?? {};
  const errors = options.errors ?? {};
  const log = view.log;
  const value = (key: string, fallback: string) => typed[key] ?? fallback;
  const decisions: DecisionRowCardData[] = Array.from({ length: MAX_DECISIONS }, (_, i) => {
    const ids = decisionInputs(i + 1);
    return {
      label: t(locale, 'meeting.decisionLabel', { n: i + 1 }),
      ids,
      values: { idea: value(ids.idea, ''), status: value(ids.status, ''), owner: value(ids.owner, ''), due: value(ids.due, '') },
      errors: {
        ...(errors[ids.idea] ? { idea: errors[ids.idea] } : {}),
        ...(errors[ids.status] ? { status: errors[ids.status] } : {}),
        ...(errors[ids.owner] ? { owner: errors[ids.owner] } : {}),
        ...(errors[ids.due] ? { due: errors[ids.due] } : {}),
      },
    };
  });
  const typedAttendees = typed.attendees?.trim();
  const attendees = typedAttendees ? Number(typedAttendees) : typedAttendees === '' ? undefined : log?.attendees;
  const ideas: Choice[] = view.ideas.map((idea) => ({ value: String(idea.number), title: cut(`${idOf(view.unit, idea)} ${idea.title}`, PICKER_TITLE) }));
  return renderCard('meeting-log', locale, {
    unitId: view.unit.id,
    date: view.date,
    version: options.version ?? log?.version ?? 0,
    title: t(locale, 'meeting.formTitle', { unit: view.unit.name }),
    dateText: formatLongDate(locale, view.date),
    ...(options.note ? { note: options.note } : {}),
    noteColor: options.noteColor ?? 'Default',
    values: {
      held: value('held', log ? (log.held ? 'yes' : 'no') : 'yes'),
      reason: value('reason', log?.reason ?? ''),
      notes: value('notes', log?.notes ?? ''),
    },
    ...(attendees !== undefined && Number.isFinite(attendees) ? { attendees } : {}),
    errors,
    showDecisions: ideas.length > 0 && (view.moves.length > 0 || view.canAssign),
    canAssign: view.canAssign,
    ideas,
    moves: view.moves.map((status) => ({ value: status, title: statusLabel(locale, status) })),
    people: view.people.map((p) => ({ value: p.id, title: p.name })),
    decisions,
    today: view.today,
    requiredMessages: { held: t(locale, 'field.required', { field: t(locale, 'meeting.heldLabel') }) },
  });
}

/** The schedule form's inputs for a stored schedule (or an empty form). */
export function scheduleFormValues(current: MeetingSchedule | undefined): Record<string, string> {
  const values: Record<string, string> = { weekdays: current?.weekdays.join(',') ?? '', time: current?.time ?? '' };
  for (let n = 1; n <= MAX_PAUSES; n++) {
    const ids = pauseInputs(n);
    values[ids.from] = current?.pauses[n - 1]?.from ?? '';
    values[ids.to] = current?.pauses[n - 1]?.to ?? '';
  }
  return values;
}

export interface ScheduleCardOptions {
  readonly note?: string;
  readonly noteColor?: TextColor;
  readonly values?: Readonly<Record<string, string>>;
  readonly errors?: Readonly<Record<string, string>>;
}

/** A unit's schedule form, prefilled with the stored schedule (or what was typed). */
export function meetingScheduleCard(locale: Locale, unit: Unit, options: ScheduleCardOptions = {}): AdaptiveCardJson {
  const values = { ...scheduleFormValues(unit.schedule), ...options.values };
  const errors = options.errors ?? {};
  const required = (label: TextKey) => t(locale, 'field.required', { field: t(locale, label) });
  const pauses: MeetingScheduleCardData['pauses'] = Array.from({ length: MAX_PAUSES }, (_, i) => {
    const n = i + 1;
    const { from: fromId, to: toId } = pauseInputs(n);
    return {
      fromId,
      toId,
      fromLabel: t(locale, 'schedule.pauseFromLabel', { n }),
      toLabel: t(locale, 'schedule.pauseToLabel', { n }),
      from: values[fromId] ?? '',
      to: values[toId] ?? '',
      ...(errors[fromId] ? { fromError: errors[fromId] } : {}),
      ...(errors[toId] ? { toError: errors[toId] } : {}),
    };
  });
  return renderCard('meeting-schedule', locale, {
    unitId: unit.id,
    title: t(locale, 'schedule.title', { unit: unit.name }),
    ...(options.note ? { note: options.note } : {}),
    noteColor: options.noteColor ?? 'Default',
    current: unit.schedule ? t(locale, 'schedule.current', { summary: scheduleSummary(locale, unit.schedule) }) : t(locale, 'schedule.none'),
    noChannel: !unit.channel,
    weekdays: WEEKDAYS.map((day) => ({ value: String(day), title: weekdayName(locale, day) })),
    values: { weekdays: values.weekdays ?? '', time: values.time ?? '' },
    pauses,
    errors: { ...(errors.weekdays ? { weekdays: errors.weekdays } : {}), ...(errors.time ? { time: errors.time } : {}) },
    requiredMessages: { weekdays: required('schedule.weekdaysLabel'), time: required('schedule.timeLabel') },
    units: [],
  });
}

/** For someone leading several units: whose schedule to open. */
export function chooseScheduleUnitCard(locale: Locale, units: readonly Unit[]): AdaptiveCardJson {
  return renderCard('meeting-schedule', locale, {
    unitId: '',
    title: '',
    noteColor: 'Default',
    current: '',
    noChannel: false,
    weekdays: [],
    values: { weekdays: '', time: '' },
    pauses: [],
    errors: {},
    requiredMessages: { weekdays: '', time: '' },
    units: units.map((unit) => ({ value: unit.id, title: unit.name })),
  });
}
