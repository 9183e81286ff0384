import { revisionCardData } from '../../src/cards/revisionCards';
import { RevisionCardData, UnitChoiceCardData } from '../../src/cards/revisionModels';
import { sampleIdea } from '../support/ideas';
import { sampleRevisionView } from '../support/revisionFixture';

/** The revision cards' samples: before the visit (suggested points), after it (points on the board), read-only, and with problems shown. */

const view = sampleRevisionView();
const recorded = sampleRevisionView({
  record: {
    unitId: 'hn',
    round: '2026-09',
    visitedOn: '2026-09-08',
    participants: view.people.slice(0, 6),
    otherParticipants: 'Verneombud',
    observations: 'Tavla er oppdatert. '.repeat(50),
    checks: ['boardCurrent', 'meetingRhythm'],
    deviations: { missedMeetings: 9 },
    followUp: { ideaNumber: 12, actionIds: [1, 2, 3, 4, 5] },
    recordedBy: view.people[1],
    recordedAt: '2026-09-08T12:00:00Z',
    version: 2,
    changeId: 'c2',
  },
  followUpIdea: sampleIdea({
    unitId: 'hn',
    number: 12,
    origin: 'revision',
    actions: Array.from({ length: 5 }, (_, i) => ({ id: i + 1, text: `Oppfølgingspunkt ${i + 1} med en ganske lang tekst om hva som skal gjøres`, owner: view.people[i], dueDate: '2026-10-20', done: i % 2 === 0 })),
  }),
});

export const REVISION_SAMPLES: { readonly revision: readonly RevisionCardData[]; readonly 'unit-choice': readonly UnitChoiceCardData[] } = {
  revision: [
    revisionCardData('nb', view),
    revisionCardData('nb', recorded, { note: 'Lagret. Oppfølgingspunktene står på tavla under HN-12.', noteColor: 'Good' }),
    revisionCardData('nb', { ...recorded, canRecord: false }),
    revisionCardData('nb', sampleRevisionView({ previous: undefined, deviations: [], fishbones: [] }), {
      note: 'Rett opp feltene som er merket.',
      noteColor: 'Attention',
      values: { visitedOn: '2026-09-20', participantIds: 'x', followUp1Text: 'Noe', followUp1Owner: '', followUp1Due: '' },
      errors: { visitedOn: 'Dato for besøket må være mellom 10.9.2025 og 10.9.2026.', participantIds: 'Hvem deltok: velg blant alternativene.', followUp1Owner: 'Ansvarlig må fylles ut.', followUp1Due: 'Frist må fylles ut.' },
    }),
  ],
  'unit-choice': [
    { headline: 'Halvårlig revisjon: velg enhet', verb: 'revision.show', button: 'Åpne', units: [{ unitId: 'hjemmetjenesten-nord', name: 'Hjemmetjenesten nord' }, { unitId: 'sykehjem-ost', name: 'Sykehjem øst', detail: 'x' }] },
    { headline: 'Den halvårlige revisjonen i september 2026 er om to uker: Helse og omsorg', intro: 'Gå til Gemba.', verb: 'fishbone.start', button: 'Start fiskebeinsanalyse', reason: 'stagnation', units: Array.from({ length: 30 }, (_, i) => ({ unitId: `enhet-${i}`, name: `Enhet ${i}` })) },
  ],
};
