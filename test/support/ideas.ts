import { Idea } from '../../src/domain/ideas';

/** A valid idea for storage and rule tests; override what the test is about. */
export function sampleIdea(overrides: Partial<Idea> = {}): Idea {
  const at = '2026-11-20T08:00:00.000Z';
  return {
    unitId: 'hjemmetjenesten-nord',
    number: 1,
    title: 'Færre vaktbytter',
    situation: 'Vi bruker mye tid på å bytte vakter.',
    proposal: 'Lag en byttebørs på tavla.',
    type: 'improve',
    wastes: ['waiting'],
    benefitAreas: ['time'],
    status: 'new',
    submitter: { id: '00000000-0000-4000-8000-000000000007', name: 'Ola Bakken' },
    actions: [],
    createdAt: at,
    updatedAt: at,
    statusChangedAt: at,
    benefitRegistered: false,
    version: 1,
    lastChange: { id: 'change-1', by: { id: '00000000-0000-4000-8000-000000000007', name: 'Ola Bakken' }, at, what: 'submitted' },
    ...overrides,
  };
}
