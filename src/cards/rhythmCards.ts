import { toNumber } from '../domain/amounts';
import { goalSummaries } from './goalCards';
import { Totals, fteFromHours } from '../domain/benefits';
import { isoWeek } from '../domain/dates';
import { GroupWeek, MeetingWeek, UnitWeek } from '../domain/digest';
import { shortId } from '../domain/ideas';
import { Locale } from '../domain/locale';
import { OrganisationSnapshot, peopleOfUnit } from '../domain/organisation';
import { plural, t } from '../i18n';
import { formatDate, formatDay, formatNumber, formatTime } from '../i18n/format';
import { PipelineOverview } from '../services/pipelineStatus';
import { UnreachableList } from '../services/reach/reachability';
import { DigestView } from '../services/rhythm/weeklyDigest';
import { DigestChoice, DigestWeek } from '../services/rhythm/digestOnDemand';
import { ItemInUnit, LeaderEscalation } from '../services/rhythm/overdueReminders';
import { benefitArithmetic, formatFte, formatMoney } from './benefitValues';
import { CardElement, groupedBarChart } from './charts';
import { quarterCharts } from './ledgerCard';
import { Choice, OverdueReminderCardData, ReminderItemCardData, TextColor, WeeklyDigestCardData } from './models';
import { reminderInputs } from './formInputs';
import { triedItems } from './learningCards';
import { AdaptiveCardJson, renderCard } from './renderer';
import { unreachableSection } from './unreachableSection';

/** Cards of the rhythm: the daily overdue reminder, the escalation to leaders, the Monday digest. */

/** A reminder or escalation lists at most this many items; the rest are counted. Keeps the card small. */
export const MAX_ITEMS_ON_CARD = 6;
/** People offered to hand an item over to (the unit's, in roster order). */
export const MAX_HANDOVER_CHOICES = 20;

function heading(locale: Locale, item: ItemInUnit): string {
  const id = shortId(item.unit.code, item.ideaNumber);
  return item.actionId === undefined
    ? t(locale, 'reminder.ideaHeading', { id, title: item.ideaTitle })
    : t(locale, 'reminder.actionHeading', { id, title: item.ideaTitle, text: item.text });
}

export function reminderCard(
  locale: Locale,
  items: readonly ItemInUnit[],
  context: { today: string; org: OrganisationSnapshot; note?: string; noteColor?: TextColor },
): AdaptiveCardJson {
  const shown = items.slice(0, MAX_ITEMS_ON_CARD);
  const data: OverdueReminderCardData = {
    headline: plural(locale, 'reminder.headline', items.length),
    ...(context.note ? { note: context.note } : {}),
    noteColor: context.noteColor ?? 'Good',
    today: context.today,
    items: shown.map((item, index): ReminderItemCardData => ({
      heading: heading(locale, item),
      detail: plural(locale, 'reminder.detail', item.daysOverdue, { date: formatDate(locale, item.dueDate) }),
      unitName: item.unit.name,
      unitId: item.unitId,
      number: item.ideaNumber,
      actionId: item.actionId ?? 0,
      // An idea is finished through its status steps on the item card; an action item is simply done.
      canMarkDone: item.actionId !== undefined,
      dueInput: reminderInputs(index).due,
      handOverInput: reminderInputs(index).handOver,
      people: peopleOfUnit(item.unit, context.org.aliases)
        .filter((p) => p.id !== item.owner.id)
        .slice(0, MAX_HANDOVER_CHOICES)
        .map((p) => ({ title: p.name, value: p.id })),
    })),
    ...(items.length > shown.length ? { more: plural(locale, 'reminder.more', items.length - shown.length) } : {}),
  };
  return renderCard('overdue-reminder', locale, data);
}

export function escalationCard(locale: Locale, escalation: LeaderEscalation, days: number): AdaptiveCardJson {
  const shown = escalation.items.slice(0, MAX_ITEMS_ON_CARD);
  return renderCard('overdue-escalation', locale, {
    headline: plural(locale, 'escalation.headline', escalation.items.length, { unit: escalation.unit.name, days }),
    items: shown.map((item) => ({
      heading: heading(locale, item),
      detail: t(locale, 'escalation.detail', { owner: item.owner.name, date: formatDate(locale, item.dueDate), days: item.daysOverdue }),
      unitId: item.unitId,
      number: item.ideaNumber,
    })),
    ...(escalation.items.length > shown.length ? { more: plural(locale, 'reminder.more', escalation.items.length - shown.length) } : {}),
  });
}

const hours = (locale: Locale, totals: Totals) => formatNumber(locale, toNumber(totals.hours, 'hours'), 0);

function row(locale: Locale, week: UnitWeek | GroupWeek, bold = false) {
  return {
    name: week.name,
    weight: bold ? ('Bolder' as const) : ('Default' as const),
    ideas: `${week.newIdeas} / ${week.doneIdeas} / ${week.overdue}`,
    meetings: `${week.meetingsHeld} / ${week.meetingsScheduled}`,
    benefits: `${hours(locale, week.benefitsWeek.identified)} / ${hours(locale, week.benefitsWeek.realized)}`,
  };
}

function flags(locale: Locale, view: DigestView): { text: string }[] {
  const weeks = view.thresholds.quietWeeks;
  if (view.scope === 'organisation') {
    return view.rows
      .filter((r): r is GroupWeek => 'stagnatingUnits' in r && r.stagnatingUnits > 0)
      .map((r) => ({ text: plural(locale, 'digest.flag.area', r.stagnatingUnits, { area: r.name }) }));
  }
  return view.units.flatMap((w) => [
    ...(w.stagnation.noNewIdea ? [{ text: plural(locale, 'digest.flag.noNewIdea', weeks, { unit: w.name }) }] : []),
    ...(w.stagnation.noStatusChange ? [{ text: plural(locale, 'digest.flag.noStatusChange', weeks, { unit: w.name }) }] : []),
    ...(w.stagnation.noMeetingLogged ? [{ text: plural(locale, 'digest.flag.noMeetingLogged', weeks, { unit: w.name }) }] : []),
    ...(w.stagnation.unassigned.length ? [{ text: plural(locale, 'digest.flag.unassigned', w.stagnation.unassigned.length, { unit: w.name }) }] : []),
    ...(w.stagnation.longOverdue.length ? [{ text: plural(locale, 'digest.flag.longOverdue', w.stagnation.longOverdue.length, { unit: w.name }) }] : []),
  ]);
}

/** Top-level actions a card may carry under Teams' host config. */
const MAX_DIGEST_SWITCHES = 5;

/** Asked for on demand: which week it shows, and the person's other digests to switch to. */
export interface DigestOnDemandOptions {
  readonly week: DigestWeek;
  readonly others: readonly DigestChoice[];
}

function digestSwitches(locale: Locale, view: DigestView, onDemand: DigestOnDemandOptions | undefined): WeeklyDigestCardData['switches'] {
  if (!onDemand) return [];
  const otherWeek: DigestWeek = onDemand.week === 'last' ? 'current' : 'last';
  return [
    { title: t(locale, otherWeek === 'current' ? 'digestNow.thisWeek' : 'digestNow.lastWeek'), scope: view.scope, scopeId: view.scopeId, week: otherWeek },
    ...onDemand.others.map((other) => ({ title: other.name, scope: other.scope, scopeId: other.scopeId, week: onDemand.week })),
  ].slice(0, MAX_DIGEST_SWITCHES);
}

/**
 * The Monday digest; asked for on demand, also this week so far, with buttons to the person's other
 * digests. `unreachable` is given only for an administrator's organisation digest: the people
 * Tavla cannot reach 1:1 (kept apart from the view, which the digest service builds).
 */
export function digestCard(locale: Locale, view: DigestView, options: { readonly onDemand?: DigestOnDemandOptions; readonly unreachable?: UnreachableList } = {}): AdaptiveCardJson {
  const { settings, total } = view;
  const { onDemand } = options;
  const unreachable = options.unreachable && unreachableSection(locale, options.unreachable, settings.timeZone);
  const periodKey = onDemand?.week === 'current' ? 'digestNow.periodSoFar' : 'digest.period';
  const ytd = total.benefitsYearToDate;
  const pair = (identified: string, realized: string) => t(locale, 'digest.identifiedRealized', { identified, realized });
  const rows = [...view.rows.map((w) => row(locale, w)), ...(view.rows.length > 1 ? [row(locale, { ...total, name: t(locale, 'digest.total') }, true)] : [])];
  return renderCard('weekly-digest', locale, {
    title: t(locale, `digest.title.${view.scope}`, { week: isoWeek(view.from), name: view.name }),
    period: t(locale, periodKey, { from: formatDate(locale, view.from), to: formatDate(locale, view.to) }),
    rows,
    totals: [
      { title: t(locale, 'digest.ytdHours'), value: pair(hours(locale, ytd.identified), hours(locale, ytd.realized)) },
      { title: t(locale, 'digest.ytdFte'), value: pair(formatFte(locale, fteFromHours(ytd.identified.hours, settings.hoursPerFte)), formatFte(locale, fteFromHours(ytd.realized.hours, settings.hoursPerFte))) },
      { title: t(locale, 'digest.ytdMoney'), value: pair(formatMoney(locale, ytd.identified.money, settings.currency), formatMoney(locale, ytd.realized.money, settings.currency)) },
      { title: t(locale, 'digest.pendingApprovals'), value: String(total.pendingApprovals) },
    ],
    flags: flags(locale, view),
    approvals: view.approvals.slice(0, MAX_ITEMS_ON_CARD).map(({ benefit, idea, unit }) => ({
      text: t(locale, 'digest.approvalLine', { id: shortId(unit.code, idea.number), title: idea.title, amount: benefitArithmetic(locale, benefit, settings) ?? benefit.indicator ?? '' }),
      unitId: unit.id,
      number: idea.number,
      benefitId: benefit.id,
    })),
    switches: digestSwitches(locale, view, onDemand),
    ...(view.tried?.length ? { tried: triedItems(locale, view.scopeId, view.tried, settings) } : {}),
    charts: digestCharts(locale, view),
    ...(unreachable ? { unreachable } : {}),
    ...(view.goals?.length ? { goals: goalSummaries(locale, view.goals, settings) } : {}),
  });
}

/**
 * What a digest shows as a chart: a unit's meetings held against scheduled week by week, an area's
 * (or the organisation's) identified against realized per quarter in FTE, as on the ledger.
 */
function digestCharts(locale: Locale, view: DigestView): CardElement[] {
  if (view.meetingWeeks?.length) {
    const weeks = view.meetingWeeks;
    const labels = weeks.map((week) => t(locale, 'chart.week', { week: isoWeek(week.from) }));
    const sides = [
      { legend: t(locale, 'chart.held'), value: (w: MeetingWeek) => w.held },
      { legend: t(locale, 'chart.scheduled'), value: (w: MeetingWeek) => w.scheduled },
    ];
    return [
      groupedBarChart({
        title: t(locale, 'digest.chartMeetings'),
        series: sides.map((side) => ({ legend: side.legend, values: weeks.map((week, i) => ({ x: labels[i], y: side.value(week) })) })),
        table: { header: ['', ...sides.map((side) => side.legend)], rows: weeks.map((week, i) => [labels[i], ...sides.map((side) => String(side.value(week)))]) },
      }),
    ];
  }
  return view.quarters ? quarterCharts(locale, view.quarters, view.settings).slice(0, 1) : [];
}

/** The status card's "send now" part: the units that can be prompted, and what the last press did. */
export interface SendNowCardOptions {
  readonly units: readonly Choice[];
  readonly unitId?: string;
  readonly note?: string;
  readonly noteColor?: TextColor;
}

export function pipelineStatusCard(locale: Locale, status: PipelineOverview, timeZone: string, sendNow: SendNowCardOptions = { units: [] }): AdaptiveCardJson {
  const when = (at: string) => `${formatDay(locale, at, timeZone)} ${formatTime(locale, at, timeZone)}`;
  const unreachable = unreachableSection(locale, status.unreachable, timeZone);
  return renderCard('pipeline-status', locale, {
    ...(sendNow.note ? { note: sendNow.note } : {}),
    noteColor: sendNow.noteColor ?? 'Default',
    promptUnits: sendNow.units,
    promptUnit: sendNow.unitId ?? '',
    counts: [
      { title: t(locale, 'status.queued'), value: String(status.queued) },
      { title: t(locale, 'status.sending'), value: String(status.sending) },
      { title: t(locale, 'status.sent'), value: String(status.sent) },
      { title: t(locale, 'status.failed'), value: String(status.failed) },
    ],
    failures: status.recentFailures.map((f) => ({ text: t(locale, 'status.failureLine', { at: when(f.at), job: f.job, error: f.error }) })),
    runs: status.lastRuns.map((r) => ({ title: r.job, value: t(locale, 'status.runLine', { at: when(r.at), count: r.enqueued }) })),
    ...(unreachable ? { unreachable } : {}),
  });
}
