import { Benefit } from './benefits';

/**
 * A benefit as a story: the plan (target against the baseline) and its dated measurements, oldest
 * first. An unplanned gain, or a registration from before plans, is a story of one.
 */
export interface BenefitStory {
  readonly plan?: Benefit;
  readonly measurements: readonly Benefit[];
}

/** The story `benefit` belongs to, from the registrations of its idea (see BenefitRepository.forIdea). */
export function storyOf(benefit: Benefit, registrations: readonly Benefit[]): BenefitStory {
  const planId = benefit.stage === 'identified' ? benefit.id : benefit.planId;
  const plan = planId ? (registrations.find((b) => b.id === planId) ?? (benefit.id === planId ? benefit : undefined)) : undefined;
  const measurements = planId ? registrations.filter((b) => b.stage === 'realized' && b.planId === planId) : [benefit];
  const withSelf = benefit.stage === 'realized' && !measurements.some((b) => b.id === benefit.id) ? [...measurements, benefit] : measurements;
  return { ...(plan ? { plan } : {}), measurements: [...withSelf].sort(byMeasuredDate) };
}

const byMeasuredDate = (a: Benefit, b: Benefit): number => (a.measured?.on ?? a.registeredOn).localeCompare(b.measured?.on ?? b.registeredOn) || a.id.localeCompare(b.id);

/** A measurement of the plan waiting for a decision: the next one waits until it is decided. */
export const pendingMeasurement = (story: BenefitStory): Benefit | undefined => story.measurements.find((b) => b.approval === 'pending');
