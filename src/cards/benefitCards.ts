import { toNumber } from '../domain/amounts';
import { BENEFIT_KINDS, BENEFIT_PERIODS, BENEFIT_STAGES, Benefit, BenefitKind, BenefitTotals, KIND_SCALE, Totals, ApprovalState, annualised, fteFromHours } from '../domain/benefits';
import { Idea, PersonName } from '../domain/ideas';
import { Locale } from '../domain/locale';
import { OrganisationSettings, Unit } from '../domain/organisation';
import { plural, t } from '../i18n';
import { formatDate, formatDay, formatNumber, LANGUAGE_TAGS } from '../i18n/format';
import { LedgerRow, LedgerView } from '../services/benefits/benefitLedger';
import { categoryLabel, choices, ideaId } from './labels';
import { BenefitFormValues, BenefitLedgerCardData, Choice, LedgerFigureData, TextColor } from './models';
import { AdaptiveCardJson, renderCard } from './renderer';

/** Building the benefit cards' data (form, registration, ledger) from what the services return. */

/** Teams refreshes a card automatically for at most 60 listed users. */
const MAX_REFRESH_USERS = 60;
/** The ledger lists at most this many done ideas that still lack a benefit. */
export const MAX_MISSING_ON_LEDGER = 10;
/** Rows (units or service areas) a ledger card carries, to stay well under Teams' card size limit. */
export const MAX_ROWS_ON_LEDGER = 20;
/** Top-level actions a card may carry; one is the ledger's Refresh. */
const MAX_SWITCHES = 5;

const TAGS = LANGUAGE_TAGS;

export const EMPTY_BENEFIT_FORM: BenefitFormValues = {
  category: '',
  kind: '',
  stage: 'identified',
  amount: '',
  period: '',
  measure: '',
  indicator: '',
  baseline: '',
  measured: '',
  usage: '',
  ownerId: '',
  evidence: '',
};

// ---------------------------------------------------------------------------------------------
// Numbers

/** Money from minor units in the organisation's currency: "1 500 kr", "1.500 kr.", "NOK 1,500". */
export function formatMoney(locale: Locale, minor: number, currency: string): string {
  const decimals = minor % 100 === 0 ? 0 : 2;
  return new Intl.NumberFormat(TAGS[locale], { style: 'currency', currency, minimumFractionDigits: decimals, maximumFractionDigits: decimals }).format(minor / 100);
}

/** Full-time equivalents always with two decimals: "0,06". */
export function formatFte(locale: Locale, fte: number): string {
  return new Intl.NumberFormat(TAGS[locale], { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(fte);
}

const hoursText = (locale: Locale, hundredths: number): string => t(locale, 'benefitAmount.hours', { n: formatNumber(locale, toNumber(hundredths, 'hours'), 2) });
const fteText = (locale: Locale, hundredths: number, hoursPerFte: number): string => t(locale, 'benefitAmount.fte', { n: formatFte(locale, fteFromHours(hundredths, hoursPerFte)) });

/** A scaled amount written back as people type it ("2,5" in nb/da), without grouping, for prefilling the form. */
function typedAmount(locale: Locale, kind: BenefitKind, amount: number | undefined): string {
  if (amount === undefined || kind === 'quality') return '';
  const text = String(toNumber(amount, KIND_SCALE[kind]));
  return locale === 'en' ? text : text.replace('.', ',');
}

/**
 * The arithmetic behind a gain, e.g. "2 h/week ≈ 104 h/yr ≈ 0.06 FTE" or "1 500 kr/month ≈
 * 18 000 kr/yr". Quality gains have no amount, so no arithmetic.
 */
export function benefitArithmetic(locale: Locale, benefit: Pick<Benefit, 'kind' | 'amount' | 'period' | 'measure'>, settings: Pick<OrganisationSettings, 'currency' | 'hoursPerFte'>): string | undefined {
  if (benefit.kind === 'quality' || benefit.amount === undefined) return undefined;
  const perYear = annualised(benefit);
  const chain = (format: (scaled: number) => string, ...extra: string[]): string => {
    const parts = [t(locale, `benefitAmount.${benefit.period}`, { amount: format(benefit.amount ?? 0) })];
    if (benefit.period === 'week' || benefit.period === 'month') parts.push(t(locale, 'benefitAmount.year', { amount: format(perYear) }));
    return [...parts, ...extra].join(' ≈ ');
  };
  switch (benefit.kind) {
    case 'time':
      return chain((v) => hoursText(locale, v), fteText(locale, perYear, settings.hoursPerFte));
    case 'money':
      return chain((v) => formatMoney(locale, v, settings.currency));
    default:
      return chain((v) => `${formatNumber(locale, toNumber(v, 'quantity'), 3)} ${benefit.measure ?? ''}`.trim());
  }
}

// ---------------------------------------------------------------------------------------------
// The form

export interface BenefitFormOptions {
  readonly idea: Idea;
  readonly unit: Unit;
  readonly settings: OrganisationSettings;
  readonly people: readonly PersonName[];
  readonly values?: Partial<BenefitFormValues>;
  /** The registration this one follows up (identified -> realized, or again after changes). */
  readonly fromBenefitId?: string;
  readonly lead?: string;
  readonly error?: string;
  readonly errors?: Readonly<Record<string, string>>;
}

/** Built-in categories suggest the kind, so a phone user has one choice less to make. */
const KIND_FOR_CATEGORY: Readonly<Record<string, BenefitKind>> = { time: 'time', money: 'money', quality: 'quality', capacity: 'quantity' };

/** A fresh form: the idea's first expected benefit area, its owner (or the viewer) as benefit owner. */
export function benefitFormDefaults(idea: Idea, settings: OrganisationSettings, people: readonly PersonName[], viewerId: string): BenefitFormValues {
  const category = idea.benefitAreas.find((area) => settings.benefitCategories.some((c) => c.id === area)) ?? '';
  const known = (id: string | undefined) => (id && people.some((p) => p.id === id) ? id : undefined);
  return {
    ...EMPTY_BENEFIT_FORM,
    category,
    kind: KIND_FOR_CATEGORY[category] ?? '',
    ownerId: known(idea.owner?.id) ?? known(viewerId) ?? '',
  };
}

/** The form filled from an earlier registration, as a realized (measured) one. */
export function benefitFormFrom(locale: Locale, benefit: Benefit): BenefitFormValues {
  return {
    category: benefit.category,
    kind: benefit.kind,
    stage: 'realized',
    amount: typedAmount(locale, benefit.kind, benefit.amount),
    period: benefit.kind === 'quality' ? '' : benefit.period,
    measure: benefit.measure ?? '',
    indicator: benefit.indicator ?? '',
    baseline: benefit.baseline ?? '',
    measured: benefit.stage === 'realized' ? (benefit.measured ?? '') : '',
    usage: benefit.usage ?? '',
    ownerId: benefit.owner.id,
    evidence: benefit.evidence ?? '',
  };
}

export function benefitFormCard(locale: Locale, options: BenefitFormOptions): AdaptiveCardJson {
  const { idea, unit, settings } = options;
  const required = (label: Parameters<typeof t>[1]) => t(locale, 'field.required', { field: t(locale, label) });
  return renderCard('benefit-form', locale, {
    ref: { unitId: unit.id, number: idea.number, fromBenefitId: options.fromBenefitId ?? '' },
    idea: `${ideaId(unit.code, idea.number)} ${idea.title}`,
    unitName: unit.name,
    ...(options.lead ? { lead: options.lead } : {}),
    categories: settings.benefitCategories.map((c) => ({ value: c.id, title: categoryLabel(locale, c) })),
    kinds: choices(BENEFIT_KINDS, (v) => t(locale, `benefitKind.${v}`)),
    stages: choices(BENEFIT_STAGES, (v) => t(locale, `benefitStage.${v}`)),
    periods: choices(BENEFIT_PERIODS, (v) => t(locale, `benefitPeriod.${v}`)),
    people: options.people.map((p): Choice => ({ value: p.id, title: p.name })),
    values: { ...EMPTY_BENEFIT_FORM, ...options.values },
    ...(options.error ? { error: options.error } : {}),
    errors: options.errors ?? {},
    requiredMessages: {
      category: required('benefitForm.categoryLabel'),
      kind: required('benefitForm.kindLabel'),
      stage: required('benefitForm.stageLabel'),
      ownerId: required('benefitForm.ownerLabel'),
    },
  });
}

// ---------------------------------------------------------------------------------------------
// One registration

const APPROVAL_COLORS: Readonly<Record<ApprovalState, TextColor>> = {
  notNeeded: 'Accent',
  pending: 'Warning',
  approved: 'Good',
  rejected: 'Attention',
  changesRequested: 'Attention',
};

const DECIDED_KEYS = { approved: 'benefit.decidedApproved', rejected: 'benefit.decidedRejected', changesRequested: 'benefit.decidedChangesRequested' } as const;

export const decisionWord = (locale: Locale, outcome: NonNullable<Benefit['decision']>['outcome']): string => t(locale, `decision.${outcome}`);

/** What a benefit card shows: the registration, its idea and unit, and what this viewer may do. */
export interface BenefitCardView {
  readonly benefit: Benefit;
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
  readonly noteColor?: TextColor;
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

export function benefitCard(locale: Locale, view: BenefitCardView, options: BenefitCardOptions = {}): AdaptiveCardJson {
  const { benefit, idea, unit, settings } = view;
  const facts = [
    { title: t(locale, 'benefit.category'), value: categoryLabel(locale, benefit.category, settings.benefitCategories) },
    { title: t(locale, 'benefit.kind'), value: t(locale, `benefitKind.${benefit.kind}`) },
    { title: t(locale, 'benefit.stage'), value: t(locale, `benefitStage.${benefit.stage}`) },
    ...(benefit.measure && (benefit.kind === 'quantity' || benefit.kind === 'resource') ? [{ title: t(locale, 'benefit.measure'), value: benefit.measure }] : []),
    ...(benefit.indicator ? [{ title: t(locale, 'benefit.indicator'), value: benefit.indicator }] : []),
    ...(benefit.baseline ? [{ title: t(locale, 'benefit.baseline'), value: benefit.baseline }] : []),
    ...(benefit.measured ? [{ title: t(locale, 'benefit.measured'), value: benefit.measured }] : []),
    { title: t(locale, 'benefit.owner'), value: benefit.owner.name },
  ];
  const arithmetic = benefitArithmetic(locale, benefit, settings);
  const { decision } = benefit;
  const registerTitle =
    benefit.stage === 'identified' && benefit.approval !== 'rejected'
      ? t(locale, 'benefit.registerRealized')
      : benefit.approval === 'changesRequested'
        ? t(locale, 'benefit.registerAgain')
        : undefined;
  const refreshUserIds = [...new Set((options.refreshUserIds ?? knownRefreshIds(benefit)).filter((id): id is string => !!id))].slice(0, MAX_REFRESH_USERS);
  return renderCard('benefit', locale, {
    ref: { unitId: unit.id, number: idea.number, benefitId: benefit.id },
    refreshUserIds,
    ...(options.headline ? { headline: options.headline } : {}),
    shownApproval: benefit.approval,
    ...(options.note ? { note: options.note } : {}),
    noteColor: options.noteColor ?? 'Default',
    idea: `${ideaId(unit.code, idea.number)} ${idea.title}`,
    unitName: unit.name,
    stateText: t(locale, `approval.${benefit.approval}`),
    stateColor: APPROVAL_COLORS[benefit.approval],
    ...(arithmetic ? { arithmetic } : {}),
    facts,
    ...(benefit.usage ? { usage: benefit.usage } : {}),
    ...(benefit.evidence ? { evidence: benefit.evidence } : {}),
    registeredBy: t(locale, 'benefit.registeredBy', { name: benefit.submittedBy.name, date: formatDay(locale, benefit.createdAt, settings.timeZone) }),
    ...(decision ? { decision: t(locale, DECIDED_KEYS[decision.outcome], { name: decision.by.name, date: formatDay(locale, decision.at, settings.timeZone) }) } : {}),
    ...(decision?.comment ? { decisionComment: t(locale, 'benefit.commentLine', { comment: decision.comment }) } : {}),
    canDecide: view.canDecide && benefit.approval === 'pending',
    ...(registerTitle ? { registerTitle } : {}),
    comment: options.comment ?? '',
    errors: options.errors ?? {},
    showInbox: options.inboxButton ?? false,
  });
}

// ---------------------------------------------------------------------------------------------
// The ledger

export type LedgerScopeData = { readonly kind: 'unit' | 'area' | 'organisation'; readonly id: string };

/** Another ledger this person may open, shown as a button. */
export interface LedgerSwitch extends LedgerScopeData {
  readonly title: string;
}

function figures(locale: Locale, totals: BenefitTotals, settings: OrganisationSettings): LedgerFigureData[] {
  const row = (label: string, format: (totals: Totals) => string): LedgerFigureData => ({ label, identified: format(totals.identified), realized: format(totals.realized) });
  return [
    row(t(locale, 'ledger.hours'), (x) => t(locale, 'benefitAmount.hours', { n: formatNumber(locale, toNumber(x.hours, 'hours'), 1) })),
    row(t(locale, 'ledger.fte'), (x) => formatFte(locale, fteFromHours(x.hours, settings.hoursPerFte))),
    row(t(locale, 'ledger.money'), (x) => formatMoney(locale, x.money, settings.currency)),
    row(t(locale, 'ledger.other'), (x) => formatNumber(locale, x.other, 0)),
  ];
}

/** A row's figures in one cell: FTE, and money when there is any. */
function compact(locale: Locale, totals: Totals, settings: OrganisationSettings): string {
  const parts = [fteText(locale, totals.hours, settings.hoursPerFte)];
  if (totals.money) parts.push(formatMoney(locale, totals.money, settings.currency));
  return parts.join(' · ');
}

function rowNote(locale: Locale, row: LedgerRow): string | undefined {
  const notes = [
    ...(row.pendingNow ? [plural(locale, 'ledger.rowPending', row.pendingNow)] : []),
    ...(row.missing.length ? [plural(locale, 'ledger.rowMissing', row.missing.length)] : []),
  ];
  return notes.length ? notes.join(' · ') : undefined;
}

export function scopeData(scope: LedgerView['scope']): LedgerScopeData {
  switch (scope.kind) {
    case 'unit':
      return { kind: 'unit', id: scope.unitId };
    case 'area':
      return { kind: 'area', id: scope.areaId };
    case 'organisation':
      return { kind: 'organisation', id: '' };
  }
}

/**
 * Identified vs realized, this quarter and year to date; the rows below; what still lacks a benefit.
 * `approvalsButton`: the viewer decides on benefits, so the pending line opens their approvals.
 */
export function ledgerCard(locale: Locale, view: LedgerView, switches: readonly LedgerSwitch[] = [], approvalsButton = false): AdaptiveCardJson {
  const { settings, total } = view;
  const scope = scopeData(view.scope);
  const rowsOpen = scope.kind === 'organisation' ? 'area' : 'unit';
  const missing = [...total.missing].sort((a, b) => (a.idea.doneAt ?? '').localeCompare(b.idea.doneAt ?? ''));
  const pending = total.pendingNow;
  const data: BenefitLedgerCardData = {
    scope,
    title: t(locale, 'ledger.title', { scope: view.title }),
    asOf: t(locale, 'ledger.asOf', { date: formatDate(locale, view.today) }),
    periods: [
      { heading: t(locale, 'ledger.quarter'), figures: figures(locale, total.quarter, settings) },
      { heading: t(locale, 'ledger.yearToDate'), figures: figures(locale, total.yearToDate, settings) },
    ],
    pending: plural(locale, 'ledger.pending', pending),
    pendingCount: pending,
    showApprovals: approvalsButton && pending > 0,
    rowsHeading: t(locale, scope.kind === 'organisation' ? 'ledger.perArea' : 'ledger.perUnit'),
    rows:
      scope.kind === 'unit'
        ? []
        : view.rows.slice(0, MAX_ROWS_ON_LEDGER).map((row) => {
            const note = rowNote(locale, row);
            return {
              name: row.name,
              identified: compact(locale, row.yearToDate.identified, settings),
              realized: compact(locale, row.yearToDate.realized, settings),
              ...(note ? { note } : {}),
              open: { kind: rowsOpen, id: row.id },
            };
          }),
    ...(scope.kind !== 'unit' && view.rows.length > MAX_ROWS_ON_LEDGER ? { rowsMore: t(locale, 'ledger.more', { count: view.rows.length - MAX_ROWS_ON_LEDGER }) } : {}),
    missing: missing.slice(0, MAX_MISSING_ON_LEDGER).map(({ idea, unit }) => ({
      unitId: unit.id,
      number: idea.number,
      text: `${ideaId(unit.code, idea.number)} ${idea.title}${scope.kind === 'unit' ? '' : ` · ${unit.name}`}`,
    })),
    ...(missing.length > MAX_MISSING_ON_LEDGER ? { missingMore: t(locale, 'ledger.more', { count: missing.length - MAX_MISSING_ON_LEDGER }) } : {}),
    switches: switches.filter((s) => s.kind !== scope.kind || s.id !== scope.id).slice(0, MAX_SWITCHES),
  };
  return renderCard('benefit-ledger', locale, data);
}
