import { fishboneCardData, fishboneConcludeCardData } from '../../src/cards/fishboneCards';
import { FishboneCardData, FishboneConcludeCardData } from '../../src/cards/fishboneModels';
import { FishboneAnalysis } from '../../src/domain/fishbone';
import { FISHBONE_CATEGORIES } from '../../src/domain/ideas';
import { DEFAULT_ORGANISATION } from '../../src/domain/organisation';
import { FishboneView } from '../../src/services/leadership/fishbones';

/** The fishbone cards' samples: a full analysis (100 causes), an empty one, a concluded one, and the conclusion form with problems. */

const people = Array.from({ length: 30 }, (_, i) => ({ id: `00000000-0000-4000-8000-${String(i + 1).padStart(12, '0')}`, name: `Person ${i + 1} Med Et Langt Etternavn` }));
const full: FishboneAnalysis = {
  unitId: 'hn',
  id: '2026-09-01-abc',
  reason: 'stagnation',
  status: 'collecting',
  startedOn: '2026-09-01',
  startedBy: people[1],
  causes: Array.from({ length: 100 }, (_, i) => ({ id: i + 1, category: FISHBONE_CATEGORIES[i % 6], text: `Årsak ${i + 1}: ${'for lite tid til tavlemøtet og oppfølging '.repeat(3)}`.slice(0, 120), by: people[i % 30], at: '2026-09-02T08:00:00Z' })),
  mainCauseIds: [],
  version: 101,
  changeId: 'c',
};
const view = (analysis: FishboneAnalysis, canFacilitate = true): FishboneView => ({
  unit: { id: 'hn', code: 'HN', name: 'Hjemmetjenesten nord', serviceAreaId: 'helse-omsorg', leaders: [], members: [] },
  settings: DEFAULT_ORGANISATION,
  analysis,
  today: '2026-09-10',
  people,
  canAdd: true,
  canFacilitate,
});

export const FISHBONE_SAMPLES: { readonly fishbone: readonly FishboneCardData[]; readonly 'fishbone-conclude': readonly FishboneConcludeCardData[] } = {
  fishbone: [
    fishboneCardData('nb', view(full)),
    fishboneCardData('nb', view({ ...full, causes: [], reason: 'request' }, false), { note: 'Startet.', noteColor: 'Good', errors: { cause_people: 'For lang.' }, values: { cause_people: 'x' }, error: 'Skriv minst én årsak.' }),
    fishboneCardData('nb', view({ ...full, status: 'concluded', mainCauseIds: [1, 2, 3, 4, 5, 6, 7, 8], outcome: 'Vi bruker for lite tid. '.repeat(40), concludedOn: '2026-09-20', concludedBy: people[1], ideaNumber: 14 })),
  ],
  'fishbone-conclude': [
    fishboneConcludeCardData('nb', view(full)),
    fishboneConcludeCardData('nb', view({ ...full, causes: full.causes.slice(0, 3) }), {
      note: 'Rett opp feltene som er merket.',
      noteColor: 'Attention',
      values: { mainCauseIds: '', outcome: 'x', action1Text: 'Sett av tid', action1Owner: '', action1Due: '' },
      errors: { mainCauseIds: 'Hovedårsaker må fylles ut.', action1Owner: 'Ansvarlig må fylles ut.', action1Due: 'Frist må fylles ut.' },
    }),
  ],
};
