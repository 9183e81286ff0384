import { DEFAULT_ORGANISATION, Unit } from '../../src/domain/organisation';
import { revisionDeviations, revisionRound } from '../../src/domain/revision';
import { RevisionView } from '../../src/services/leadership/revisions';
import { sampleIdea } from './ideas';
import { sampleReportView } from './reportFixture';

/** A revision view with every part filled: figures, deviations, the last round's open points, a fishbone analysis, a recorded visit. */
export function sampleRevisionView(overrides: Partial<RevisionView> = {}): RevisionView {
  const row = sampleReportView().units[0];
  const unit: Unit = { id: 'hn', code: 'HN', name: 'Hjemmetjenesten nord', serviceAreaId: 'helse-omsorg', leaders: [{ kind: 'aad', id: '00000000-0000-4000-8000-000000000004' }], members: [] };
  const people = Array.from({ length: 40 }, (_, i) => ({ id: `00000000-0000-4000-8000-${String(i + 1).padStart(12, '0')}`, name: `Person ${i + 1} Med Et Langt Etternavn` }));
  const open = [{ id: 1, text: 'Hold tavlemøtene hver mandag', owner: people[3], dueDate: '2026-05-01', done: false }];
  const live = [sampleIdea({ unitId: 'hn', number: 7, status: 'done', benefitRegistered: false })];
  const round = revisionRound('2026-09')!;
  return {
    unit,
    settings: DEFAULT_ORGANISATION,
    round,
    today: '2026-09-10',
    row,
    deviations: revisionDeviations({ ...row, missedMeetings: Array.from({ length: 9 }, (_, i) => `2026-0${3 + Math.floor(i / 4)}-1${i % 4}`) }, live, open),
    previous: { record: { unitId: 'hn', round: '2026-03', visitedOn: '2026-03-12', participants: [], checks: [], deviations: {}, followUp: { ideaNumber: 5, actionIds: [1, 2] }, recordedBy: people[1], recordedAt: '2026-03-12T10:00:00Z', version: 1, changeId: 'c' }, open, total: 2 },
    fishbones: [
      { id: 'f1', startedOn: '2026-04-01', concludedOn: '2026-04-20', mainCauses: ['For lite tid til tavlemøtet', 'Uklart hvem som følger opp'], ideaNumber: 9 },
      { id: 'f2', startedOn: '2026-08-20', mainCauses: [] },
    ],
    people,
    leaderIds: [people[3].id],
    canRecord: true,
    ...overrides,
  };
}
