import { BenefitMeasure, Direction } from './benefitMeasure';
import { Benefit } from './benefits';

/**
 * The arithmetic of a benefit plan and its measurements, on exact scaled integers: the gain is
 * the distance from the baseline in the direction that is better for the indicator.
 */

/**
 * Which way is better. Hours and money are what is spent, so less is better; for quantities and
 * quality the plan says it by where its target lies (fewer litres of fuel, higher satisfaction).
 * Undefined when a target equals the baseline: that plans no change.
 */
export function directionOf(measure: BenefitMeasure, baseline: number, target: number): Direction | undefined {
  if (measure === 'hours' || measure === 'money') return 'lower';
  if (target === baseline) return undefined;
  return target < baseline ? 'lower' : 'higher';
}

/** The gain of `value` against `baseline`: positive when better, negative when worse. */
export function gainOf(better: Direction, baseline: number, value: number): number {
  return better === 'lower' ? baseline - value : value - baseline;
}

/** A plan's planned gain per period: its target against its baseline. */
export function plannedGain(plan: Pick<Benefit, 'better' | 'baseline' | 'target' | 'amount'>): number | undefined {
  if (plan.better && plan.baseline && plan.target) return gainOf(plan.better, plan.baseline.value, plan.target.value);
  // A plan registered before plans had numbers carries its estimate only.
  return plan.amount;
}

/** How far a measured gain falls short of the plan's target (0 when it reaches it or there is no target). */
export function shortfallOf(plan: Pick<Benefit, 'better' | 'baseline' | 'target' | 'amount'>, gain: number): number {
  const planned = plannedGain(plan);
  return planned === undefined ? 0 : Math.max(0, planned - gain);
}

/**
 * What an approved measurement adds to the realized total: its gain less what earlier approved
 * measurements of the same plan already counted. The sum over a plan's approved measurements is
 * then always its latest approved gain.
 */
export function countedOnApproval(measurement: Pick<Benefit, 'amount'>, approvedBefore: readonly Pick<Benefit, 'counted' | 'amount'>[]): number {
  const level = approvedBefore.reduce((sum, b) => sum + (b.counted ?? b.amount ?? 0), 0);
  return (measurement.amount ?? 0) - level;
}
