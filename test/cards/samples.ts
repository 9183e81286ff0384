import { CardModels } from '../../src/cards/models';

/**
 * Representative data for every card template, including the awkward cases (empty lists, errors
 * shown, long text). The type forces a sample for each card added to CardModels.
 */
export const CARD_SAMPLES: { readonly [K in keyof CardModels]: readonly CardModels[K][] } = {
  help: [
    { commands: [{ word: 'idé', text: 'foreslå et forbedringsforslag' }, { word: 'tavle', text: 'forbedringstavla' }] },
    { lead: 'I did not understand "blah". Here is what I can do:', commands: [{ word: 'help', text: 'what I can do' }] },
  ],
  whoami: [
    { name: 'Kari Nilsen', roles: 'enhetsleder, medarbeider', units: 'Hjemmetjenesten nord (leder)', serviceAreas: 'Ingen ennå' },
    { name: 'Ny Person', roles: 'Ingen', units: 'Ingen', serviceAreas: 'Ingen', note: 'Du er ikke med i noen enhet ennå.' },
  ],
  setup: [
    {
      units: [{ title: 'Hjemmetjenesten nord', value: 'hjemmetjenesten-nord' }],
      serviceAreas: [{ title: 'Helse og omsorg', value: 'helse-omsorg' }],
      canSetUp: true,
      errors: {},
      values: { unitId: '', name: '', serviceAreaId: '' },
    },
    {
      units: [],
      serviceAreas: [{ title: 'Helse og omsorg', value: 'helse-omsorg' }],
      canSetUp: true,
      error: 'Rett opp feltene som er merket.',
      errors: { name: 'Navn på den nye enheten må fylles ut.', serviceAreaId: 'Tjenesteområde: velg et av alternativene.' },
      values: { unitId: '', name: '', serviceAreaId: 'nope' },
    },
    { units: [], serviceAreas: [], canSetUp: false, errors: {}, values: { unitId: '', name: '', serviceAreaId: '' } },
  ],
  notice: [
    { title: 'Denne kanalen hører til Hjemmetjenesten nord', text: 'Koblet av Kari Nilsen. 3 personer ...', tone: 'good' },
    { title: 'Det gikk ikke', text: 'x'.repeat(2000), tone: 'attention' },
    { title: 'Info', text: '', tone: 'default' },
  ],
};
