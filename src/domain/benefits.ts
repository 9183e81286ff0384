import { Scale } from './amounts';
import { LocalDate } from './dates';
import { PersonName } from './ideas';

/** What kind of gain: time (hours), money, a quantity or capacity, a resource (fuel, purchases), or quality. */
export const BENEFIT_KINDS = ['time', 'money', 'quantity', 'resource', 'quality'] as const;
export type BenefitKind = (typeof BENEFIT_KINDS)[number];

export const BENEFIT_PERIODS = ['oneOff', 'week', 'month', 'year'] as const;
export type BenefitPeriod = (typeof BENEFIT_PERIODS)[number];

/** Identified: an estimate. Realized: measured against the baseline, and counted once the TOL approves. */
export const BENEFIT_STAGES = ['identified', 'realized'] as const;
export type BenefitStage = (typeof BENEFIT_STAGES)[number];

export const APPROVAL_STATES = ['notNeeded', 'pending', 'approved', 'rejected', 'changesRequested'] as const;
export type ApprovalState = (typeof APPROVAL_STATES)[number];

export const DECISIONS = ['approved', 'rejected', 'changesRequested'] as const;
export type Decision = (typeof DECISIONS)[number];

/** The scale each kind's amount is kept in (see amounts.ts). Quality has no amount of its own. */
export const KIND_SCALE: Readonly<Record<Exclude<BenefitKind, 'quality'>, Scale>> = {
  time: 'hours',
  money: 'money',
  quantity: 'quantity',
  resource: 'quantity',
};

export interface Benefit {
  readonly unitId: string;
  readonly ideaNumber: number;
  /** Unique within the idea; sorts in registration order. */
  readonly id: string;
  readonly category: string;
  readonly kind: BenefitKind;
  readonly stage: BenefitStage;
  readonly period: BenefitPeriod;
  /** Scaled integer (see KIND_SCALE); absent for quality. */
  readonly amount?: number;
  /** What a quantity or resource is counted in ("litres", "purchases"). */
  readonly measure?: string;
  /** The quality indicator ("falls per month"), or what a quantity describes. */
  readonly indicator?: string;
  /** The baseline (nullpunkt) and the measured value, as written. */
  readonly baseline?: string;
  readonly measured?: string;
  /** How the freed time or money is used (budget cut, or put into other tasks). */
  readonly usage?: string;
  readonly owner: PersonName;
  readonly evidence?: string;
  readonly registeredOn: LocalDate;
  readonly submittedBy: PersonName;
  readonly approval: ApprovalState;
  readonly decision?: { readonly by: PersonName; readonly at: string; readonly outcome: Decision; readonly comment?: string };
  /** When the approval request last went to the TOLs, for the weekly reminder. */
  readonly approvalRequestedAt?: string;
  /** Follow-up reminders already sent for this identified benefit (by months after done). */
  readonly followUpsSent: readonly number[];
  /** No more follow-ups: every interval was reminded of, or a realized gain was measured from it. */
  readonly followUpsClosed?: boolean;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly version: number;
  readonly lastChangeId: string;
}

const PER_YEAR: Readonly<Record<BenefitPeriod, number>> = { oneOff: 1, week: 52, month: 12, year: 1 };

/** The amount over a year: 2 h per week is 104 h per year. A one-off gain counts once. */
export function annualised(benefit: Pick<Benefit, 'amount' | 'period'>): number {
  return (benefit.amount ?? 0) * PER_YEAR[benefit.period];
}

/** Full-time equivalents from hours in hundredths, e.g. 10400 (104 h) at 1700 h/FTE is 0.0612. */
export function fteFromHours(hundredthsOfHours: number, hoursPerFte: number): number {
  return hundredthsOfHours / 100 / hoursPerFte;
}

/** Whether it counts as realized in totals: only what the TOL approved. */
export const countsAsRealized = (b: Pick<Benefit, 'stage' | 'approval'>): boolean => b.stage === 'realized' && b.approval === 'approved';
export const countsAsIdentified = (b: Pick<Benefit, 'stage' | 'approval'>): boolean => b.stage === 'identified' && b.approval !== 'rejected';

export interface Totals {
  /** Hours in hundredths, per year. */
  readonly hours: number;
  /** Money in minor units, per year. */
  readonly money: number;
  /** Registrations of other kinds (quantity, resource, quality), counted. */
  readonly other: number;
}

export interface BenefitTotals {
  readonly identified: Totals;
  readonly realized: Totals;
  readonly pending: number;
}

const ZERO: Totals = { hours: 0, money: 0, other: 0 };

function add(totals: Totals, benefit: Benefit): Totals {
  if (benefit.kind === 'time') return { ...totals, hours: totals.hours + annualised(benefit) };
  if (benefit.kind === 'money') return { ...totals, money: totals.money + annualised(benefit) };
  return { ...totals, other: totals.other + 1 };
}

/**
 * Identified and realized gains, kept apart, for registrations made in [from, to] (inclusive
 * local dates). Only approved realized gains count as realized; pending ones are counted aside.
 */
export function totalsFor(benefits: readonly Benefit[], from: LocalDate, to: LocalDate): BenefitTotals {
  let identified = ZERO;
  let realized = ZERO;
  let pending = 0;
  for (const benefit of benefits) {
    if (benefit.registeredOn < from || benefit.registeredOn > to) continue;
    if (countsAsIdentified(benefit)) identified = add(identified, benefit);
    if (countsAsRealized(benefit)) realized = add(realized, benefit);
    if (benefit.approval === 'pending') pending++;
  }
  return { identified, realized, pending };
}

/** First day of the quarter and of the year that `today` is in. */
export function quarterStart(today: LocalDate): LocalDate {
  const month = Number(today.slice(5, 7));
  const first = Math.floor((month - 1) / 3) * 3 + 1;
  return `${today.slice(0, 4)}-${String(first).padStart(2, '0')}-01`;
}

export const yearStart = (today: LocalDate): LocalDate => `${today.slice(0, 4)}-01-01`;

/**
 * A registration that still asks something of someone: a realized gain waiting for a decision, or
 * an identified gain whose follow-ups are not over. Agendas, digests and reminders read only these.
 */
export function isLiveBenefit(benefit: Pick<Benefit, 'approval' | 'stage' | 'followUpsClosed'>): boolean {
  if (benefit.approval === 'pending') return true;
  return benefit.stage === 'identified' && benefit.approval !== 'rejected' && !benefit.followUpsClosed;
}
