import { Scale } from './amounts';

/**
 * What a benefit is measured in: hours, money, a quantity with a unit (litres, purchases, visits),
 * or a quality indicator (falls per month, satisfaction 1–5). Each benefit category carries one,
 * so the form asks a single question ("what is the gain?") and shows only that measure's fields.
 */
export const BENEFIT_MEASURES = ['hours', 'money', 'quantity', 'quality'] as const;
export type BenefitMeasure = (typeof BENEFIT_MEASURES)[number];

/** The scale each measure's values are kept in (see amounts.ts): exact integers, never floats. */
export const MEASURE_SCALE: Readonly<Record<BenefitMeasure, Scale>> = {
  hours: 'hours',
  money: 'money',
  quantity: 'quantity',
  quality: 'quantity',
};

/** Hours and money gains are annualised and summed (FTE, currency); quantities and quality are counted. */
export const isSummed = (measure: BenefitMeasure): measure is 'hours' | 'money' => measure === 'hours' || measure === 'money';

/** Which way is better for the indicator: less time spent and less money spent, more satisfaction. */
export const DIRECTIONS = ['lower', 'higher'] as const;
export type Direction = (typeof DIRECTIONS)[number];
