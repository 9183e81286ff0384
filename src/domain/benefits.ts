import { BenefitMeasure, Direction } from './benefitMeasure';
import { LocalDate } from './dates';
import { PersonName } from './ideas';

export const BENEFIT_PERIODS = ['oneOff', 'week', 'month', 'year'] as const;
export type BenefitPeriod = (typeof BENEFIT_PERIODS)[number];

/**
 * Identified: the benefit plan, its target against the baseline. Realized: a dated measurement
 * against the baseline (of a plan, or an unplanned gain), counted once the TOL approves it.
 */
export const BENEFIT_STAGES = ['identified', 'realized'] as const;
export type BenefitStage = (typeof BENEFIT_STAGES)[number];

export const APPROVAL_STATES = ['notNeeded', 'pending', 'approved', 'rejected', 'changesRequested'] as const;
export type ApprovalState = (typeof APPROVAL_STATES)[number];

export const DECISIONS = ['approved', 'rejected', 'changesRequested'] as const;
export type Decision = (typeof DECISIONS)[number];

/**
 * How freed time or money is used, as benefit realisation asks of every realized time or money
 * gain: cut from the budget, or put into named other work. Registrations made before the question
 * had two answers said it in free text only: those are `unstated`.
 */
export const FREED_USES = ['budget', 'otherWork'] as const;
export type FreedUseKind = (typeof FREED_USES)[number] | 'unstated';
export interface FreedUse {
  readonly kind: FreedUseKind;
  /** The other work by name, or a note on the budget cut. */
  readonly text?: string;
}

/** A value of the indicator on a date, in the measure's scale (see MEASURE_SCALE). */
export interface Reading {
  readonly value: number;
  readonly on: LocalDate;
}

export interface Benefit {
  readonly unitId: string;
  readonly ideaNumber: number;
  /** Unique within the idea; sorts in registration order. */
  readonly id: string;
  readonly category: string;
  /** What the category was measured in when this was registered. */
  readonly measure: BenefitMeasure;
  readonly stage: BenefitStage;
  /** The period the indicator's values are per (hours spent per week); one-off for quality. */
  readonly period: BenefitPeriod;
  /**
   * The gain per period, scaled: a plan's planned gain (target against baseline), a measurement's
   * gain against the baseline (never below zero). Summed for hours and money.
   */
  readonly amount?: number;
  /**
   * Of an approved measurement of a plan: what it adds to the realized total, i.e. its gain less
   * the plan's gain already approved before it (negative when the gain fell back). Past periods
   * keep their figures, and a plan measured twice is not counted twice. Absent: the whole amount.
   */
  readonly counted?: number;
  /** What is measured ("time spent on shift swaps", "falls per month"). */
  readonly indicator?: string;
  /** What quantity and quality values are counted in ("litres", "score 1–5"). */
  readonly unit?: string;
  /** Which way is better for the indicator. */
  readonly better?: Direction;
  readonly baseline?: Reading;
  /** The plan's target and the date it is expected by. */
  readonly target?: Reading;
  /** A measurement's measured value and the date it was measured. */
  readonly measured?: Reading;
  /** The plan a measurement belongs to; absent for a plan and for an unplanned gain. */
  readonly planId?: string;
  /** Why a measured gain falls short of the plan's target. */
  readonly gap?: string;
  /** How freed time or money is used: required for a realized hours or money gain. */
  readonly use?: FreedUse;
  /** The baseline and measured value as written, from registrations made before values were numbers. */
  readonly legacy?: { readonly baseline?: string; readonly measured?: string };
  /** The benefit owner (gevinstansvarlig) in the line organisation. */
  readonly owner: PersonName;
  readonly evidence?: string;
  readonly registeredOn: LocalDate;
  readonly submittedBy: PersonName;
  readonly approval: ApprovalState;
  readonly decision?: { readonly by: PersonName; readonly at: string; readonly outcome: Decision; readonly comment?: string };
  /** When the approval request last went to the TOLs, for the weekly reminder. */
  readonly approvalRequestedAt?: string;
  /** Follow-up reminders already sent for this plan (by months after done). */
  readonly followUpsSent: readonly number[];
  /** No more follow-ups: every interval was reminded of, or (before plans) a realized gain was measured from it. */
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

/** Whether it counts as realized in totals: only measurements the TOL approved. A plan counts as identified unless rejected. */
export const countsAsRealized = (b: Pick<Benefit, 'stage' | 'approval'>): boolean => b.stage === 'realized' && b.approval === 'approved';
export const countsAsIdentified = (b: Pick<Benefit, 'stage' | 'approval'>): boolean => b.stage === 'identified' && b.approval !== 'rejected';

export interface Totals {
  /** Hours in hundredths, per year. */
  readonly hours: number;
  /** Money in minor units, per year. */
  readonly money: number;
  /** Registrations measured in quantities or quality, counted. */
  readonly other: number;
}

export interface BenefitTotals {
  readonly identified: Totals;
  readonly realized: Totals;
  readonly pending: number;
}

const ZERO: Totals = { hours: 0, money: 0, other: 0 };

/** What a registration counts for: a plan its planned gain, an approved measurement what it adds. */
export const countedAmount = (benefit: Pick<Benefit, 'stage' | 'amount' | 'counted'>): number => (benefit.stage === 'realized' ? (benefit.counted ?? benefit.amount ?? 0) : (benefit.amount ?? 0));

function add(totals: Totals, benefit: Benefit): Totals {
  const perYear = annualised({ amount: countedAmount(benefit), period: benefit.period });
  if (benefit.measure === 'hours') return { ...totals, hours: totals.hours + perYear };
  if (benefit.measure === 'money') return { ...totals, money: totals.money + perYear };
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

/** Realized hours and money (per year), by how the freed resources are used. */
export type RealizedUse = Readonly<Record<FreedUseKind, { readonly hours: number; readonly money: number }>>;

/**
 * The realized (approved) hours and money of registrations made in [from, to], by use: cut from
 * the budget, or put into other work, as Vestre Toten reports its 21.5 realized FTE.
 */
export function realizedUse(benefits: readonly Benefit[], from: LocalDate, to: LocalDate): RealizedUse {
  const sums = { budget: { hours: 0, money: 0 }, otherWork: { hours: 0, money: 0 }, unstated: { hours: 0, money: 0 } };
  for (const benefit of benefits) {
    if (benefit.registeredOn < from || benefit.registeredOn > to || !countsAsRealized(benefit)) continue;
    if (benefit.measure !== 'hours' && benefit.measure !== 'money') continue;
    sums[benefit.use?.kind ?? 'unstated'][benefit.measure === 'hours' ? 'hours' : 'money'] += annualised({ amount: countedAmount(benefit), period: benefit.period });
  }
  return sums;
}

/** First day of the quarter and of the year that `today` is in. */
export function quarterStart(today: LocalDate): LocalDate {
  const month = Number(today.slice(5, 7));
  const first = Math.floor((month - 1) / 3) * 3 + 1;
  return `${today.slice(0, 4)}-${String(first).padStart(2, '0')}-01`;
}

export const yearStart = (today: LocalDate): LocalDate => `${today.slice(0, 4)}-01-01`;

/** A quarter: its first and last day, and "2026 Q3" for labels. */
export interface Quarter {
  readonly from: LocalDate;
  readonly to: LocalDate;
  readonly year: number;
  readonly number: 1 | 2 | 3 | 4;
}

/** The `count` quarters up to and including the one `today` is in, oldest first; the last ends today. */
export function recentQuarters(today: LocalDate, count: number): Quarter[] {
  const quarters: Quarter[] = [];
  let year = Number(today.slice(0, 4));
  let number = Math.floor((Number(today.slice(5, 7)) - 1) / 3) + 1;
  for (let i = 0; i < count; i++) {
    const first = `${year}-${String((number - 1) * 3 + 1).padStart(2, '0')}-01`;
    const last = i === 0 ? today : `${year}-${String(number * 3).padStart(2, '0')}-${number === 1 || number === 4 ? '31' : '30'}`;
    quarters.unshift({ from: first, to: last, year, number: number as Quarter['number'] });
    number -= 1;
    if (number === 0) {
      number = 4;
      year -= 1;
    }
  }
  return quarters;
}

/**
 * A registration that still asks something of someone: a realized gain waiting for a decision, or
 * an identified gain whose follow-ups are not over. Agendas, digests and reminders read only these.
 */
export function isLiveBenefit(benefit: Pick<Benefit, 'approval' | 'stage' | 'followUpsClosed'>): boolean {
  if (benefit.approval === 'pending') return true;
  return benefit.stage === 'identified' && benefit.approval !== 'rejected' && !benefit.followUpsClosed;
}
