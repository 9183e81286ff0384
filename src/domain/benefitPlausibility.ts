import { SCALES } from './amounts';
import { BenefitMeasure } from './benefitMeasure';
import { BenefitPeriod, annualised } from './benefits';
import { FieldIssue } from './errors';
import { Currency } from './organisation';

/**
 * Whether the numbers of a benefit can be true. A time gain larger than all the hours the unit
 * works (1,000,000 h a week for 28 people, counted once as 30,588 FTE) is refused with that
 * reason; a gain that is merely unusually large is asked to be confirmed on the form.
 */

export interface PlausibilityContext {
  /** People in the unit (its headcount, else the people Tavla knows in it); undefined: not known. */
  readonly headcount?: number;
  readonly hoursPerFte: number;
  readonly currency: Currency;
  /** The person ticked "the amount is right" on the form. */
  readonly confirmed: boolean;
}

/** A value of the indicator to check, named by the form field it was typed into. */
export interface CheckedValue {
  readonly field: string;
  readonly value: number;
}

/** Above this share of a unit's working hours a time gain is unusual; without a headcount, above two FTE. */
const UNUSUAL_SHARE_OF_HOURS = 0.1;
const UNUSUAL_FTE_WITHOUT_HEADCOUNT = 2;
/** A money gain per year above this (in the currency's main unit) is unusual for one improvement. */
const UNUSUAL_MONEY: Readonly<Record<Currency, number>> = { NOK: 1_000_000, DKK: 1_000_000, SEK: 1_000_000, EUR: 100_000 };
/** A quantity or quality value ten times the baseline, or above a million, is more likely a slip than a gain. */
const UNUSUAL_FACTOR = 10;
const UNUSUAL_QUANTITY = 1_000_000;

/** The unit's working hours in a year, in hundredths; undefined when its size is not known. */
export function unitHoursPerYear(context: Pick<PlausibilityContext, 'headcount' | 'hoursPerFte'>): number | undefined {
  return context.headcount ? Math.round(context.headcount * context.hoursPerFte * SCALES.hours) : undefined;
}

const wholeHours = (hundredths: number): number => Math.round(hundredths / SCALES.hours);

/**
 * Problems with the values of one registration: refusals (`implausible`) for time beyond the
 * unit's hours, and (unless confirmed) a request to confirm (`unconfirmed`) an unusually large gain.
 * `values` are the baseline, target or measured values as typed; `gain` is the gain per period;
 * `baseline` the baseline's value, typed now or stored with the plan.
 */
export function plausibilityIssues(
  measure: BenefitMeasure,
  period: BenefitPeriod,
  values: readonly CheckedValue[],
  gain: number | undefined,
  baseline: number | undefined,
  context: PlausibilityContext,
): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const capacity = unitHoursPerYear(context);
  if (measure === 'hours' && capacity !== undefined) {
    for (const { field, value } of values) {
      const perYear = annualised({ amount: value, period });
      if (perYear > capacity) {
        issues.push({ field, problem: 'implausible', params: { reason: 'moreThanUnit', hours: wholeHours(perYear), capacity: wholeHours(capacity), headcount: context.headcount ?? 0, hoursPerFte: context.hoursPerFte } });
      }
    }
  }
  if (issues.length || context.confirmed || gain === undefined || gain <= 0) return issues;
  if (isUnusual(measure, period, values, gain, baseline, context, capacity)) issues.push({ field: 'confirmLarge', problem: 'unconfirmed', params: { reason: measure, gain } });
  return issues;
}

function isUnusual(measure: BenefitMeasure, period: BenefitPeriod, values: readonly CheckedValue[], gain: number, baseline: number | undefined, context: PlausibilityContext, capacity: number | undefined): boolean {
  const perYear = annualised({ amount: gain, period });
  switch (measure) {
    case 'hours':
      return perYear > (capacity !== undefined ? capacity * UNUSUAL_SHARE_OF_HOURS : UNUSUAL_FTE_WITHOUT_HEADCOUNT * context.hoursPerFte * SCALES.hours);
    case 'money':
      return perYear > UNUSUAL_MONEY[context.currency] * SCALES.money;
    case 'quantity':
    case 'quality': {
      const tenfold = baseline !== undefined && baseline > 0 && values.some((v) => v.value >= baseline * UNUSUAL_FACTOR);
      return tenfold || values.some((v) => v.value > UNUSUAL_QUANTITY * SCALES.quantity);
    }
  }
}
