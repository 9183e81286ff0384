import { BoardCardData, BoardEntryCardData, CardModels, IdeaFormCardData, ItemCardData } from '../../src/cards/models';
import { EMPTY_IDEA_FORM } from '../../src/cards/ideaCards';

const ideaForm: IdeaFormCardData = {
  units: [{ title: 'Hjemmetjenesten nord', value: 'hjemmetjenesten-nord' }, { title: 'Sykehjem øst', value: 'sykehjem-ost' }],
  fixedUnitId: '',
  types: [{ title: 'Forbedre', value: 'improve' }, { title: 'Føde', value: 'create' }, { title: 'Fjerne', value: 'remove' }],
  wastes: [{ title: 'Venting', value: 'waiting' }, { title: 'Transport', value: 'transport' }],
  categories: [{ title: 'Kvalitet', value: 'quality' }, { title: 'Drivstoff', value: 'fuel' }],
  people: [{ title: 'Kari Nilsen', value: '00000000-0000-4000-8000-000000000004' }],
  today: '2026-11-22',
  values: EMPTY_IDEA_FORM,
  sourceLabel: '',
  errors: {},
  requiredMessages: { unitId: 'Enhet må fylles ut.', title: 'Tittel må fylles ut.', type: 'Type må fylles ut.' },
  inDialog: false,
};

const item: ItemCardData = {
  ref: { unitId: 'hjemmetjenesten-nord', number: 42, version: 3 },
  refreshUserIds: ['29:ola', '29:kari'],
  id: 'HN-42',
  title: 'Færre vaktbytter',
  statusText: 'Pågår',
  statusColor: 'Accent',
  noteColor: 'Default',
  submittedBy: 'Foreslått av Ola Bakken 20.11.2026',
  benefitMissing: false,
  facts: [{ title: 'Ansvarlig', value: 'Kari Nilsen' }, { title: 'Frist', value: '01.12.2026' }],
  situation: 'Vi bruker mye tid på vaktbytter.',
  proposal: 'Byttebørs på tavla.',
  actionItems: [
    { id: 1, line: 'Ring leverandør · Ola · 30.11.2026', overdue: true, done: false, canComplete: true },
    { id: 2, line: '✔ Lag skjema · Kari · –', overdue: false, done: true, canComplete: false },
  ],
  rootCause: 'Hvorfor? (1) Ingen oversikt',
  comments: [{ line: 'Kari, 21.11.2026: God idé!' }],
  sourceUrl: 'https://teams.microsoft.com/l/message/19:abc/1700000000000',
  can: { plan: true, addAction: true, comment: true, rootCause: true },
  moves: [{ title: 'Evalueres', value: 'evaluating' }, { title: 'Planlagt', value: 'planned' }],
  efforts: [{ title: 'Enkel', value: 'easy' }, { title: 'Krevende', value: 'hard' }],
  impacts: [{ title: 'Liten effekt', value: 'low' }, { title: 'Stor effekt', value: 'high' }],
  people: [{ title: 'Kari Nilsen', value: 'k' }, { title: 'Ola Bakken', value: 'o' }],
  whys: [{ id: 'why1', label: 'Hvorfor? (1)', value: 'Ingen oversikt' }, { id: 'why2', label: 'Hvorfor? (2)', value: '' }],
  fishbone: [{ id: 'fishbone_people', label: 'Mennesker', value: '' }],
  today: '2026-11-22',
  values: { to: '', reason: '', effort: 'easy', impact: 'high', ownerId: 'k', dueDate: '2026-12-01', actionText: '', actionOwnerId: '', actionDueDate: '', comment: '' },
  errors: {},
  requiredMessages: { to: 'Ny status må fylles ut.', actionText: 'Hva skal gjøres? må fylles ut.', comment: 'Din kommentar må fylles ut.' },
};

const boardCounts = [
  { title: 'Ny', value: '12' },
  { title: 'Planlagt', value: '4' },
  { title: 'Pågår', value: '3' },
  { title: 'Evalueres', value: '1' },
  { title: 'Ferdig', value: '9' },
  { title: 'Parkert', value: '2' },
  { title: 'Avvist', value: '1' },
];

/** The longest title the form allows, with every tag: the heaviest board line there is. */
const boardEntry = (number: number, unitName?: string): BoardEntryCardData => ({
  unitId: 'hjemmetjenesten-nord',
  number,
  id: `HN-${number}`,
  title: `${'Færre vaktbytter og bedre oversikt over ledige vakter i helgene '.repeat(2)}`.slice(0, 120),
  statusText: 'Pågår',
  owner: 'Kari Nilsen-Bakkebø',
  due: 'frist 01.12.2026',
  tags: [
    { text: 'FORFALT', color: 'Attention' },
    { text: 'GEVINST MANGLER', color: 'Warning' },
  ],
  ...(unitName ? { unitName } : {}),
});

const fullPage = Array.from({ length: 8 }, (_, i) => boardEntry(500 - i));
const board: BoardCardData = { unitId: 'hjemmetjenesten-nord', title: 'Forbedringstavle – Hjemmetjenesten nord', counts: boardCounts, entries: fullPage, page: 1, paging: {} };

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
  'idea-form': [
    ideaForm,
    {
      ...ideaForm,
      units: [],
      fixedUnitId: 'hjemmetjenesten-nord',
      people: [],
      values: { ...EMPTY_IDEA_FORM, title: 'x'.repeat(130), sourceUrl: 'https://teams.microsoft.com/l/message/1', wastes: 'waiting,transport' },
      sourceLabel: 'teams.microsoft.com',
      error: 'Rett opp feltene som er merket.',
      errors: { title: 'Tittel er for lang.', dueDate: 'Frist kan ikke være tilbake i tid.', ownerId: 'Ansvarlig: velg et av alternativene.' },
      inDialog: true,
    },
  ],
  idea: [
    item,
    {
      ...item,
      note: 'Kari Nilsen endret dette kl. 10:42.',
      noteColor: 'Attention',
      reason: 'Begrunnelse: venter på budsjett',
      benefitMissing: true,
      actionItems: [],
      comments: [],
      can: { plan: false, addAction: false, comment: true, rootCause: false },
      moves: [],
      refreshUserIds: [],
      errors: { reason: 'Begrunnelse må fylles ut.', actionText: 'For lang.' },
    },
  ],
  'idea-summary': [
    { ref: { unitId: 'hjemmetjenesten-nord', number: 42 }, headline: 'Nytt forslag HN-42 fra Ola', id: 'HN-42', title: 'Færre vaktbytter', statusText: 'Ny' },
    { ref: { unitId: 'hjemmetjenesten-nord', number: 43 }, headline: 'Forslaget ditt ble avvist', id: 'HN-43', title: 'Ny kaffe', statusText: 'Avvist', text: 'Begrunnelse: for dyrt' },
  ],
  board: [
    { ...board, counts: boardCounts.map((c) => ({ ...c, value: '0' })), entries: [] },
    board,
    { ...board, page: 2, paging: { text: 'Side 2 av 63', previous: 1, next: 3 } },
    { ...board, entries: [{ ...boardEntry(7), tags: [], owner: 'ingen ansvarlig', due: 'frist –' }], page: 63, paging: { text: 'Side 63 av 63', previous: 62 } },
  ],
  'my-items': [
    { entries: [], page: 1, paging: {} },
    { entries: fullPage.map((e, i) => ({ ...boardEntry(e.number, i % 2 ? 'Sykehjem øst' : 'Hjemmetjenesten nord') })), page: 1, paging: { text: 'Side 1 av 3', next: 2 } },
    { entries: [{ ...boardEntry(3, 'Sykehjem øst'), tags: [] }], page: 3, paging: { text: 'Side 3 av 3', previous: 2 } },
  ],
  'choose-unit': [
    { units: [{ unitId: 'hjemmetjenesten-nord', name: 'Hjemmetjenesten nord' }, { unitId: 'sykehjem-ost', name: 'Sykehjem øst' }] },
    { units: Array.from({ length: 30 }, (_, i) => ({ unitId: `enhet-${i}`, name: `Enhet nummer ${i} med et ganske langt navn i tjenesteområdet` })) },
  ],
};
