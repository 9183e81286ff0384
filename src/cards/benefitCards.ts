import { toNumber } from '../domain/amounts';
import { MEASURE_SCALE } from '../domain/benefitMeasure';
import { BenefitStory } from '../domain/benefitStory';
import { ApprovalState, Benefit } from '../domain/benefits';
import { LocalDate } from '../domain/dates';
import { Idea } from '../domain/ideas';
import { Locale } from '../domain/locale';
import { OrganisationSettings, Unit } from '../domain/organisation';
import { t } from '../i18n';
import { formatDate, formatDay } from '../i18n/format';
import { planFacts } from './benefitFormCard';
import { benefitArithmetic, perPeriodText, valueText } from './benefitValues';
import { lineChart } from './charts';
import { categoryLabel, ideaId } from './labels';
import { BenefitCardData, ReadableColor } from './benefitModels';
import { AdaptiveCardJson, renderCard } from './renderer';

/** One benefit registration as a card: the plan, its measurements and their chart, and the decision. */

/** Teams refreshes a card automatically for at most 60 listed users. */
const MAX_REFRESH_USERS = 60;
/** Measurements listed (and drawn) on a card; the latest ones. */
const MAX_MEASUREMENTS = 8;

/** Pending reads in the accent colour, refusals in attention red: both readable on white, unlike Warning yellow. */
const APPROVAL_COLORS: Readonly<Record<ApprovalState, ReadableColor>> = {
  notNeeded: 'Default',
  pending: 'Accent',
  approved: 'Default',
  rejected: 'Attention',
  changesRequested: 'Attention',
};

const DECIDED_KEYS = { approved: 'benefit.decidedApproved', rejected: 'benefit.decidedRejected', changesRequested: 'benefit.decidedChangesRequested' } as const;

export const decisionWord = (locale: Locale, outcome: NonNullable<Benefit['decision']>['outcome']): string => t(locale, `decision.${outcome}`);

/** What a benefit card shows: the registration, its plan and measurements, its idea and unit, and what this viewer may do. */
export interface BenefitCardView {
  readonly benefit: Benefit;
  /** The plan and its measurements; without it the card shows the registration alone. */
  readonly story?: BenefitStory;
  readonly idea: Idea;
  readonly unit: Unit;
  readonly settings: OrganisationSettings;
  /** Decided server-side from stored roles; buttons show only while the registration is pending. */
  readonly canDecide: boolean;
}

export interface BenefitCardOptions {
  /** Teams user ids whose copy refreshes itself. */
  readonly refreshUserIds?: readonly (string | undefined)[];
  readonly headline?: string;
  readonly note?: string;
  readonly noteColor?: ReadableColor;
  /** What was typed in the comment box, kept when the card comes back with an error. */
  readonly comment?: string;
  readonly errors?: { readonly comment?: string };
  /** Show a button to the viewer's approvals (opened from that list, or more wait after a decision). */
  readonly inboxButton?: boolean;
}

/** The submitter and whoever decided: their copies refresh themselves, whatever the conversation. */
export function knownRefreshIds(benefit: Benefit): string[] {
  return [benefit.submittedBy.teamsId, benefit.decision?.by.teamsId].filter((id): id is string => !!id);
}

function kindLine(locale: Locale, benefit: Benefit, settings: OrganisationSettings): string {
  const category = categoryLabel(locale, benefit.category, settings.benefitCategories);
  const key = benefit.stage === 'identified' ? 'benefit.kindPlan' : benefit.planId ? 'benefit.kindMeasurement' : 'benefit.kindUnplanned';
  return t(locale, key, { category });
}

function facts(locale: Locale, benefit: Benefit, plan: Benefit | undefined, settings: OrganisationSettings): { title: string; value: string }[] {
  const shown = plan ? planFacts(locale, plan, settings).filter((fact) => fact.title !== t(locale, 'benefit.planned', { amount: '' }).replace(/:\s*$/, '')) : [];
  const reading = (key: 'benefit.baseline' | 'benefit.measured', r: { value: number; on: LocalDate } | undefined) =>
    r ? [{ title: t(locale, key), value: t(locale, 'benefit.reading', { value: perPeriodText(locale, benefit, r.value, settings), date: formatDate(locale, r.on) }) }] : [];
  const own = plan
    ? [...(plan.baseline ? [] : reading('benefit.baseline', benefit.baseline)), ...reading('benefit.measured', benefit.measured)]
    : [...(benefit.indicator ? [{ title: t(locale, 'benefit.indicator'), value: benefit.indicator }] : []), ...reading('benefit.baseline', benefit.baseline), ...reading('benefit.measured', benefit.measured)];
  const legacy = [
    ...(benefit.legacy?.baseline && !benefit.baseline ? [{ title: t(locale, 'benefit.baseline'), value: benefit.legacy.baseline }] : []),
    ...(benefit.legacy?.measured && !benefit.measured ? [{ title: t(locale, 'benefit.measured'), value: benefit.legacy.measured }] : []),
  ];
  return [...shown, ...own, ...legacy, { title: t(locale, 'benefit.owner'), value: benefit.owner.name }];
}

/** Measurements shown: not the rejected ones, the latest few. */
const shownMeasurements = (story: BenefitStory | undefined, benefit: Benefit): Benefit[] =>
  (story?.measurements ?? (benefit.stage === 'realized' ? [benefit] : [])).filter((m) => m.approval !== 'rejected' || m.id === benefit.id).slice(-MAX_MEASUREMENTS);

function measurementLines(locale: Locale, benefit: Benefit, measurements: readonly Benefit[], settings: OrganisationSettings) {
  return measurements.flatMap((m) =>
    m.measured
      ? [
          {
            text: t(locale, 'benefit.measurementLine', {
              date: formatDate(locale, m.measured.on),
              value: perPeriodText(locale, m, m.measured.value, settings),
              gain: perPeriodText(locale, m, m.amount ?? 0, settings),
              state: t(locale, `approval.${m.approval}`),
            }),
            bold: m.id === benefit.id,
          },
        ]
      : [],
  );
}

/**
 * The plan's indicator over time: each measurement from the baseline on, against the baseline and
 * the target, as a line chart with a table for clients that cannot draw it. None without a
 * baseline and at least one measurement.
 */
export function measurementChart(locale: Locale, plan: Pick<Benefit, 'measure' | 'indicator' | 'unit' | 'baseline' | 'target' | 'better'>, measurements: readonly Benefit[], settings: OrganisationSettings) {
  const baseline = plan.baseline ?? measurements.find((m) => m.baseline)?.baseline;
  const measured = measurements.flatMap((m) => (m.measured ? [m.measured] : []));
  if (!baseline || !measured.length) return undefined;
  const scale = MEASURE_SCALE[plan.measure];
  const number = (scaled: number) => toNumber(scaled, scale);
  const dates = [...new Set([baseline.on, ...measured.map((m) => m.on), ...(plan.target ? [plan.target.on] : [])])].sort();
  const label = (date: LocalDate) => formatDate(locale, date);
  const measuredOn = new Map([[baseline.on, baseline.value], ...measured.map((m) => [m.on, m.value] as const)]);
  const series = [
    { legend: t(locale, 'chart.measured'), values: dates.filter((d) => measuredOn.has(d)).map((d) => ({ x: label(d), y: number(measuredOn.get(d) ?? 0) })) },
    { legend: t(locale, 'chart.baseline'), values: dates.map((d) => ({ x: label(d), y: number(baseline.value) })) },
    ...(plan.target ? [{ legend: t(locale, 'chart.target'), values: dates.map((d) => ({ x: label(d), y: number(plan.target!.value) })) }] : []),
  ];
  const text = (scaled: number | undefined) => (scaled === undefined ? '' : valueText(locale, plan.measure, scaled, settings, plan.unit));
  return lineChart({
    title: t(locale, 'benefit.chartTitle', { indicator: plan.indicator ?? t(locale, 'benefit.measured') }),
    yAxisTitle: plan.measure === 'hours' ? t(locale, 'benefitAmount.hours', { n: '' }).trim() : plan.measure === 'money' ? settings.currency : (plan.unit ?? ''),
    series,
    table: {
      header: [t(locale, 'benefit.chartDate'), t(locale, 'chart.measured'), t(locale, 'chart.baseline'), ...(plan.target ? [t(locale, 'chart.target')] : [])],
      rows: dates.map((d) => [label(d), text(measuredOn.get(d)), text(baseline.value), ...(plan.target ? [text(plan.target.value)] : [])]),
    },
  });
}

/** What the card's "measure" button opens the form from, and what it says. */
function registerAction(locale: Locale, benefit: Benefit): { registerTitle?: string; registerFrom: string } {
  if (benefit.stage === 'identified') return benefit.approval === 'rejected' ? { registerFrom: '' } : { registerTitle: t(locale, 'benefit.addMeasurement'), registerFrom: benefit.id };
  if (benefit.approval === 'changesRequested') return { registerTitle: t(locale, 'benefit.registerAgain'), registerFrom: benefit.id };
  if (benefit.approval === 'approved' && benefit.planId) return { registerTitle: t(locale, 'benefit.addMeasurement'), registerFrom: benefit.planId };
  return { registerFrom: '' };
}

export function benefitCard(locale: Locale, view: BenefitCardView, options: BenefitCardOptions = {}): AdaptiveCardJson {
  const { benefit, idea, unit, settings, story } = view;
  const plan = story?.plan ?? (benefit.stage === 'identified' ? benefit : undefined);
  const measurements = shownMeasurements(story, benefit);
  const arithmetic = benefitArithmetic(locale, benefit, settings);
  const chart = measurementChart(locale, plan ?? benefit, measurements, settings);
  const { decision } = benefit;
  const refreshUserIds = [...new Set((options.refreshUserIds ?? knownRefreshIds(benefit)).filter((id): id is string => !!id))].slice(0, MAX_REFRESH_USERS);
  const use = benefit.use ? [t(locale, `freedUse.${benefit.use.kind}`), benefit.use.text].filter(Boolean).join(': ') : undefined;
  const data: BenefitCardData = {
    ref: { unitId: unit.id, number: idea.number, benefitId: benefit.id },
    refreshUserIds,
    ...(options.headline ? { headline: options.headline } : {}),
    shownApproval: benefit.approval,
    ...(options.note ? { note: options.note } : {}),
    noteColor: options.noteColor ?? 'Default',
    idea: `${ideaId(unit.code, idea.number)} ${idea.title}`,
    unitName: unit.name,
    kindLine: kindLine(locale, benefit, settings),
    stateText: t(locale, `approval.${benefit.approval}`),
    stateColor: APPROVAL_COLORS[benefit.approval],
    ...(arithmetic ? { arithmetic: t(locale, benefit.stage === 'identified' ? 'benefit.planned' : 'benefit.gain', { amount: arithmetic }) } : {}),
    facts: facts(locale, benefit, benefit.stage === 'realized' ? plan : benefit, settings),
    ...(chart ? { chart } : {}),
    measurements: benefit.stage === 'identified' || measurements.length > 1 ? measurementLines(locale, benefit, measurements, settings) : [],
    ...(benefit.gap ? { gap: benefit.gap } : {}),
    ...(use ? { use } : {}),
    ...(benefit.evidence ? { evidence: benefit.evidence } : {}),
    registeredBy: t(locale, 'benefit.registeredBy', { name: benefit.submittedBy.name, date: formatDay(locale, benefit.createdAt, settings.timeZone) }),
    ...(decision ? { decision: t(locale, DECIDED_KEYS[decision.outcome], { name: decision.by.name, date: formatDay(locale, decision.at, settings.timeZone) }) } : {}),
    ...(decision?.comment ? { decisionComment: t(locale, 'benefit.commentLine', { comment: decision.comment }) } : {}),
    canDecide: view.canDecide && benefit.approval === 'pending',
    ...registerAction(locale, benefit),
    comment: options.comment ?? '',
    errors: options.errors ?? {},
    showInbox: options.inboxButton ?? false,
  };
  return renderCard('benefit', locale, data);
}
