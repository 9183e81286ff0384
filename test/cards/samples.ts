import { RHYTHM_SAMPLES } from './rhythmSamples';
import { BoardCardData, BoardEntryCardData, CardModels, IdeaFormCardData, ItemCardData } from '../../src/cards/models';
import { BenefitCardData, BenefitFormCardData, BenefitLedgerCardData } from '../../src/cards/benefitModels';
import { measurementChart } from '../../src/cards/benefitCards';
import { EMPTY_BENEFIT_FORM } from '../../src/cards/benefitFormCard';
import { formatMoney } from '../../src/cards/benefitValues';
import { MAX_MISSING_ON_LEDGER, MAX_ROWS_ON_LEDGER, quarterCharts } from '../../src/cards/ledgerCard';
import { Benefit, recentQuarters } from '../../src/domain/benefits';
import { DEFAULT_ORGANISATION } from '../../src/domain/organisation';
import { EMPTY_IDEA_FORM } from '../../src/cards/ideaCards';
import { MEETING_SAMPLES } from './meetingSamples';
import { REPORT_SAMPLES } from './reportSamples';
import { REVISION_SAMPLES } from './revisionSamples';
import { FISHBONE_SAMPLES } from './fishboneSamples';
import { GOAL_CHOICES, GOAL_SAMPLES, GOAL_SUMMARIES } from './goalSamples';
import { LEARNING_DIGEST_SAMPLES, LEARNING_SAMPLES } from './learningSamples';
import { APPROVAL_INBOX_SAMPLES, WAITING_SAMPLE } from './inboxSamples';

const ideaForm: IdeaFormCardData = {
  units: [{ title: 'Hjemmetjenesten nord', value: 'hjemmetjenesten-nord' }, { title: 'Sykehjem øst', value: 'sykehjem-ost' }],
  fixedUnitId: '',
  types: [{ title: 'Forbedre', value: 'improve' }, { title: 'Føde', value: 'create' }, { title: 'Fjerne', value: 'remove' }],
  wastes: [{ title: 'Venting', value: 'waiting' }, { title: 'Transport', value: 'transport' }],
  categories: [{ title: 'Kvalitet', value: 'quality' }, { title: 'Drivstoff', value: 'fuel' }],
  people: [{ title: 'Kari Nilsen', value: '00000000-0000-4000-8000-000000000004' }],
  stakeholderUnits: [{ title: 'Sykehjem øst', value: 'sykehjem-ost' }, { title: 'Veg og park', value: 'veg-og-park' }],
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
  stakeholders: 'Berørte enheter: Sykehjem øst (har svart) og Veg og park (ikke ennå). 1 av 2 berørte enheter har svart.',
  canNameStakeholders: true,
  adoptedFrom: 'Tar i bruk praksisen fra SO-7 (Sykehjem øst)',
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
  history: [{ line: '21.11.2026 10:42 · Kari Nilsen: Ny → Planlagt' }, { line: '20.11.2026 08:00 · Ola Bakken: foreslo ideen' }],
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

const formBase = {
  ref: { unitId: 'hjemmetjenesten-nord', number: 42, fromBenefitId: '' },
  idea: 'HN-42 Færre vaktbytter',
  unitName: 'Hjemmetjenesten nord',
  errors: {},
  categories: [{ title: 'Kvalitet', value: 'quality' }, { title: 'Tid', value: 'time' }, { title: 'Penger', value: 'money' }, { title: 'Kapasitet', value: 'capacity' }, { title: 'Drivstoff', value: 'fuel' }],
  stages: [{ title: 'Planlagt: vi venter en gevinst (identifisert)', value: 'identified' }, { title: 'Allerede målt: gevinsten er der (realisert)', value: 'realized' }],
  periods: [{ title: 'Engangs', value: 'oneOff' }, { title: 'Per uke', value: 'week' }, { title: 'Per måned', value: 'month' }, { title: 'Per år', value: 'year' }],
  uses: [{ title: 'Kuttet i budsjettet', value: 'budget' }, { title: 'Brukt til andre oppgaver', value: 'otherWork' }],
  people: [{ title: 'Kari Nilsen', value: '00000000-0000-4000-8000-000000000004' }, { title: 'Ola Bakken', value: '00000000-0000-4000-8000-000000000007' }],
  labels: { indicatorPlaceholder: 'f.eks. tid brukt på vaktbytter', baseline: 'Timer brukt før (nullpunkt)', target: 'Mål: timer brukt etter', measured: 'Timer brukt nå (målt)', use: 'Hvordan brukes den frigjorte tiden?' },
  requiredMessages: {
    category: 'Hva er gevinsten? må fylles ut.',
    stage: 'Planlagt eller allerede målt? må fylles ut.',
    indicator: 'Hva måles (indikator) må fylles ut.',
    period: 'Verdiene gjelder per må fylles ut.',
    baseline: 'Timer brukt før (nullpunkt) må fylles ut.',
    baselineOn: 'Nullpunktet målt må fylles ut.',
    target: 'Mål: timer brukt etter må fylles ut.',
    targetBy: 'Målet nås innen må fylles ut.',
    measured: 'Timer brukt nå (målt) må fylles ut.',
    measuredOn: 'Målt dato må fylles ut.',
    ownerId: 'Gevinsteier må fylles ut.',
  },
  submitTitle: 'Lagre planen',
  heading: 'Tid · gevinstplan',
  intro: 'Gevinstplanen: indikatoren før endringen (nullpunkt) og målet.',
  planFacts: [],
} as const;
const hidden = { indicator: false, unit: false, period: false, baseline: false, target: false, measured: false, gap: false, use: false, owner: false };

/** Step one: what the gain is, and planned or measured. */
const benefitFormChoose: BenefitFormCardData = { ...formBase, step: 'choose', show: hidden, values: { ...EMPTY_BENEFIT_FORM, category: 'time', ownerId: '00000000-0000-4000-8000-000000000007' } };

/** Step two for a time plan: indicator, period, baseline and target with dates, owner. */
const benefitForm: BenefitFormCardData = {
  ...formBase,
  step: 'details',
  show: { ...hidden, indicator: true, period: true, baseline: true, target: true, owner: true },
  values: { ...EMPTY_BENEFIT_FORM, category: 'time', stage: 'identified', period: 'week', baselineOn: '2026-11-20', targetBy: '2027-02-20', ownerId: '00000000-0000-4000-8000-000000000007' },
};

const ledgerSettings = { ...DEFAULT_ORGANISATION };
const planSample: Benefit = {
  unitId: 'hjemmetjenesten-nord', ideaNumber: 42, id: '0mhx1a2b3c4d5e', category: 'time', measure: 'hours', stage: 'identified', period: 'week', amount: 300,
  indicator: 'Tid brukt på vaktbytter', better: 'lower', baseline: { value: 500, on: '2026-08-01' }, target: { value: 200, on: '2026-12-01' },
  owner: { id: 'kari', name: 'Kari Nilsen' }, registeredOn: '2026-08-03', submittedBy: { id: 'kari', name: 'Kari Nilsen' }, approval: 'notNeeded', followUpsSent: [],
  createdAt: '2026-08-03T09:00:00.000Z', updatedAt: '2026-08-03T09:00:00.000Z', version: 1, lastChangeId: 'c1',
};
const measurementsSample: Benefit[] = [
  { ...planSample, id: 'm1', stage: 'realized', planId: planSample.id, amount: 150, measured: { value: 350, on: '2026-10-01' }, approval: 'approved', target: undefined },
  { ...planSample, id: 'm2', stage: 'realized', planId: planSample.id, amount: 250, measured: { value: 250, on: '2026-11-19' }, approval: 'pending', target: undefined, gap: 'Noen bytter avtales fortsatt på telefon' },
];
const chartSample = measurementChart('nb', planSample, measurementsSample, ledgerSettings);

const benefit: BenefitCardData = {
  ref: { unitId: 'hjemmetjenesten-nord', number: 42, benefitId: '0mhx1a2b3c4d5e' },
  refreshUserIds: ['29:ola', '29:lars'],
  headline: 'Ny godkjenning: Ola Bakken har registrert en realisert gevinst for HN-42 Færre vaktbytter.',
  shownApproval: 'pending',
  noteColor: 'Default',
  idea: 'HN-42 Færre vaktbytter',
  unitName: 'Hjemmetjenesten nord',
  kindLine: 'Tid · måling',
  stateText: 'Venter på godkjenning fra tjenesteområdelederen',
  stateColor: 'Accent',
  arithmetic: 'Målt gevinst: 2,5 t/uke ≈ 130 t/år ≈ 0,08 årsverk',
  facts: [
    { title: 'Indikator', value: 'Tid brukt på vaktbytter' },
    { title: 'Nullpunkt', value: '5 t/uke den 01.08.2026' },
    { title: 'Mål', value: '2 t/uke innen 01.12.2026' },
    { title: 'Målt', value: '2,5 t/uke den 19.11.2026' },
    { title: 'Gevinsteier', value: 'Kari Nilsen' },
  ],
  ...(chartSample ? { chart: chartSample } : {}),
  measurements: [
    { text: '01.10.2026: 3,5 t/uke · gevinst 1,5 t/uke · Godkjent – telles som realisert', bold: false },
    { text: '19.11.2026: 2,5 t/uke · gevinst 2,5 t/uke · Venter på godkjenning fra tjenesteområdelederen', bold: true },
  ],
  gap: 'Noen bytter avtales fortsatt på telefon',
  use: 'Brukt til andre oppgaver: Mer tid med brukerne på morgenrunden.',
  evidence: 'Vaktbok uke 40–44.',
  registeredBy: 'Registrert av Ola Bakken 20.11.2026',
  canDecide: true,
  registerFrom: '',
  comment: '',
  errors: {},
  showInbox: false,
};

const ledgerRows = (count: number, currency: 'NOK' | 'DKK', locale: 'nb' | 'da') =>
  Array.from({ length: count }, (_, i) => ({
    name: `Enhet nummer ${i + 1} med et ganske langt navn`,
    identified: `${(i / 10).toFixed(2).replace('.', ',')} årsverk · ${formatMoney(locale, 123456700 + i * 100, currency)}`,
    realized: `0,0${i % 10} årsverk`,
    ...(i % 3 ? {} : { note: '2 venter på godkjenning · 3 ferdige uten gevinst' }),
    open: { kind: 'unit', id: `enhet-${i + 1}` },
  }));

const ledgerFigures = (currency: 'NOK' | 'DKK', locale: 'nb' | 'da') => [
  { label: 'Timer per år', identified: '1 234,5 t', realized: '104 t' },
  { label: 'Årsverk', identified: '0,73', realized: '0,06' },
  { label: 'Penger per år', identified: formatMoney(locale, 1234567800, currency), realized: formatMoney(locale, 1000000, currency) },
  { label: 'Andre gevinster (antall)', identified: '12', realized: '3' },
];

const ledger: BenefitLedgerCardData = {
  scope: { kind: 'area', id: 'helse-omsorg' },
  title: 'Gevinster – Helse og omsorg',
  asOf: 'Per 20.11.2026. Som realisert telles bare gevinster tjenesteområdelederen har godkjent.',
  periods: [
    { heading: 'Dette kvartalet', figures: ledgerFigures('NOK', 'nb') },
    { heading: 'Hittil i år', figures: ledgerFigures('NOK', 'nb') },
  ],
  pending: '3 realiserte gevinster venter på godkjenning.',
  pendingCount: 3,
  showApprovals: true,
  charts: quarterCharts('nb', recentQuarters('2026-11-20', 4).map((quarter, i) => ({ quarter, totals: { identified: { hours: 170000 * (i + 1), money: 1234500 * i, other: i }, realized: { hours: 85000 * i, money: 500000 * i, other: 0 }, pending: 1 } })), ledgerSettings),
  use: [{ text: 'Kuttet i budsjettet: 0,50 årsverk · 48 000 kr' }, { text: 'Brukt til andre oppgaver: 1,25 årsverk · 25 000 kr' }, { text: 'Ikke oppgitt: 0,10 årsverk · 0 kr' }],
  exports: [{ title: 'Dette kvartalet', period: 'quarter' }, { title: 'Forrige kvartal', period: 'lastQuarter' }, { title: 'Hittil i år', period: 'year' }, { title: 'I fjor', period: 'lastYear' }],
  exportNote: 'CSV-filen for dette kvartalet er klar. Lenken virker i 15 minutter og bare for deg.',
  exportUrl: 'https://tavla.example/exports/ledger/l1.eyJwIjoiMDAifQ.abc',
  rowsHeading: 'Per enhet, hittil i år',
  rows: ledgerRows(MAX_ROWS_ON_LEDGER, 'NOK', 'nb'),
  rowsMore: 'og 23 til',
  missing: Array.from({ length: MAX_MISSING_ON_LEDGER }, (_, i) => ({ unitId: 'hjemmetjenesten-nord', number: 100 + i, text: `HN-${100 + i} ${'Færre vaktbytter og bedre oversikt over ledige vakter '.repeat(2).slice(0, 120)} · Hjemmetjenesten nord` })),
  missingMore: 'og 27 til',
  switches: [{ title: 'Teknisk drift', kind: 'area', id: 'teknisk-drift' }, { title: 'Hjemmetjenesten nord', kind: 'unit', id: 'hjemmetjenesten-nord' }],
};

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
    { ...ideaForm, goals: GOAL_CHOICES, values: { ...ideaForm.values, goalId: GOAL_CHOICES[1].value }, errors: { goalId: 'Støtter mål: velg et av alternativene.' } },
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
    { ...item, goals: [{ value: '-', title: 'Ikke noe mål' }, ...GOAL_CHOICES], goalValue: GOAL_CHOICES[0].value, errors: { goalId: 'Støtter mål: velg et av alternativene.' } },
    {
      ...item,
      note: 'Kari Nilsen endret dette kl. 10:42.',
      noteColor: 'Attention',
      reason: 'Begrunnelse: venter på budsjett',
      benefitMissing: true,
      actionItems: [],
      comments: [],
      history: [],
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
  'closed-ideas': [
    { unitId: 'hjemmetjenesten-nord', title: 'Ferdig og avvist dette kvartalet – Hjemmetjenesten nord', counts: [{ title: 'Ferdig', value: '0' }, { title: 'Avvist', value: '0' }], entries: [], paging: {} },
    {
      unitId: 'hjemmetjenesten-nord',
      title: 'Ferdig og avvist dette kvartalet – Hjemmetjenesten nord',
      counts: [{ title: 'Ferdig', value: '11' }, { title: 'Avvist', value: '2' }],
      entries: Array.from({ length: 8 }, (_, i) => ({ unitId: 'hjemmetjenesten-nord', number: 90 - i, id: `HN-${90 - i}`, title: 'T'.repeat(120), statusText: 'Ferdig', when: '12.11.2026' })),
      paging: { text: 'Side 1 av 2', next: 2 },
    },
  ],
  board: [
    { ...board, counts: boardCounts.map((c) => ({ ...c, value: '0' })), entries: [] },
    board,
    { ...board, goals: GOAL_SUMMARIES },
    { ...board, page: 2, paging: { text: 'Side 2 av 63', previous: 1, next: 3 } },
    { ...board, entries: [{ ...boardEntry(7), tags: [], owner: 'ingen ansvarlig', due: 'frist –' }], page: 63, paging: { text: 'Side 63 av 63', previous: 62 } },
  ],
  'my-items': [
    { entries: [], page: 1, paging: {}, showEmpty: true },
    { waiting: WAITING_SAMPLE, entries: [], page: 1, paging: {}, showEmpty: false },
    { waiting: { approvals: [], escalated: WAITING_SAMPLE.escalated.slice(0, 1) }, showEmpty: false, entries: fullPage.map((e, i) => ({ ...boardEntry(e.number, i % 2 ? 'Sykehjem øst' : 'Hjemmetjenesten nord') })), page: 1, paging: { text: 'Side 1 av 3', next: 2 } },
    { entries: [{ ...boardEntry(3, 'Sykehjem øst'), tags: [] }], page: 3, paging: { text: 'Side 3 av 3', previous: 2 }, showEmpty: false },
  ],
  'choose-unit': [
    { units: [{ unitId: 'hjemmetjenesten-nord', name: 'Hjemmetjenesten nord' }, { unitId: 'sykehjem-ost', name: 'Sykehjem øst' }] },
    { units: Array.from({ length: 30 }, (_, i) => ({ unitId: `enhet-${i}`, name: `Enhet nummer ${i} med et ganske langt navn i tjenesteområdet` })) },
  ],
  'benefit-form': [
    benefitFormChoose,
    { ...benefitFormChoose, error: 'Rett opp feltene som er merket.', errors: { category: 'Hva er gevinsten?: velg et av alternativene.', stage: 'x' }, values: { ...EMPTY_BENEFIT_FORM } },
    benefitForm,
    {
      ...benefitForm,
      ref: { unitId: 'hjemmetjenesten-nord', number: 42, fromBenefitId: '0mhx1a2b3c4d5e' },
      lead: 'Oppfølging av planen registrert 20.08.2026: mål indikatoren nå.',
      heading: 'Tid · måling',
      show: { ...hidden, measured: true, gap: true, use: true },
      planFacts: [{ title: 'Indikator', value: 'Tid brukt på vaktbytter' }, { title: 'Nullpunkt', value: '5 t/uke den 01.08.2026' }, { title: 'Mål', value: '2 t/uke innen 01.12.2026' }],
      submitTitle: 'Registrer målingen',
      people: Array.from({ length: 60 }, (_, i) => ({ title: `Medarbeider nummer ${i} Nilsen-Bakkebø`, value: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}` })),
      values: { ...EMPTY_BENEFIT_FORM, category: 'time', stage: 'realized', measured: '1.500', measuredOn: '2026-11-20', gap: 'x'.repeat(500), use: 'otherWork', useText: 'x'.repeat(500), evidence: 'Fakturaer' },
      error: 'Rett opp feltene som er merket.',
      confirm: 'Dette er en uvanlig stor gevinst: 1 000 t/uke. Sjekk verdiene og perioden, og kryss så av for «Ja, tallet stemmer».',
      errors: {
        measured: 'Timer brukt nå (målt): «1.500» kan leses på to måter. Skriv 1500 eller 1 500 for femten hundre, og 1,5 for en og en halv.',
        measuredOn: 'Målt dato kan ikke være fram i tid.',
        gap: 'Den målte gevinsten (1,5 t/uke) er mindre enn planlagt (3 t/uke): forklar kort hvorfor.',
        use: 'x',
        useText: 'x',
        evidence: 'x',
      },
    },
    {
      ...benefitForm,
      heading: 'Drivstoff · gevinst målt uten plan',
      show: { ...hidden, indicator: true, unit: true, period: true, baseline: true, measured: true, owner: true },
      labels: { ...benefitForm.labels, baseline: 'Verdi før (nullpunkt), liter', measured: 'Målt verdi, liter' },
      submitTitle: 'Registrer målingen',
      values: { ...EMPTY_BENEFIT_FORM, category: 'fuel', stage: 'realized', indicator: 'Diesel brukt', unit: 'liter', period: 'year', baseline: '9 000', baselineOn: '2026-01-01', measured: '7 500', measuredOn: '2026-11-20', ownerId: 'nobody' },
      errors: { indicator: 'x', unit: 'x', period: 'x', baseline: 'x', baselineOn: 'x', ownerId: 'Gevinsteier: velg et av alternativene.' },
    },
    {
      ...benefitForm,
      heading: 'Kvalitet · gevinstplan',
      show: { ...hidden, indicator: true, unit: true, baseline: true, target: true, owner: true },
      values: { ...EMPTY_BENEFIT_FORM, category: 'quality', stage: 'identified', indicator: 'Fall per måned', baseline: '6', target: '2' },
      errors: { target: 'x', targetBy: 'x' },
    },
  ],
  benefit: [
    benefit,
    { ...benefit, showInbox: true, canDecide: false, note: 'Du registrerte denne selv, så en annen tjenesteområdeleder eller en systemansvarlig avgjør den.', noteColor: 'Accent' },
    {
      ...benefit,
      headline: undefined,
      note: 'Lagret: godkjent.',
      noteColor: 'Accent',
      shownApproval: 'approved',
      stateText: 'Godkjent – telles som realisert',
      stateColor: 'Default',
      decision: 'Godkjent av Lars Haugen 21.11.2026',
      decisionComment: 'Kommentar: Godt dokumentert.',
      canDecide: false,
      refreshUserIds: [],
    },
    {
      ...benefit,
      headline: undefined,
      shownApproval: 'notNeeded',
      stateText: 'Plan – telles som identifisert',
      stateColor: 'Default',
      kindLine: 'Kvalitet · gevinstplan',
      arithmetic: 'Planlagt gevinst: 4 fall',
      facts: [{ title: 'Indikator', value: 'Fall per måned' }, { title: 'Nullpunkt', value: '6 den 01.08.2026' }, { title: 'Mål', value: '2 innen 01.12.2026' }, { title: 'Gevinsteier', value: 'Ola Bakken' }],
      chart: undefined,
      measurements: [],
      gap: undefined,
      use: undefined,
      evidence: undefined,
      legacy: undefined,
      canDecide: false,
      registerTitle: 'Legg til en måling',
      registerFrom: '0mhx1a2b3c4d5e',
    },
    {
      ...benefit,
      kindLine: 'Tid · gevinst registrert før planer',
      chart: undefined,
      measurements: [],
      facts: [{ title: 'Nullpunkt', value: '45 min hver morgen' }, { title: 'Målt', value: '15 min hver morgen' }, { title: 'Gevinsteier', value: 'Kari Nilsen' }],
      use: 'Ikke oppgitt: Morgenrunden starter tidligere',
    },
    {
      ...benefit,
      note: 'Rett opp feltene som er merket.',
      noteColor: 'Attention',
      arithmetic: '10 000 kr én gang',
      comment: 'x'.repeat(2000),
      errors: { comment: 'Kommentar må fylles ut.' },
      use: 'x'.repeat(500),
      gap: 'x'.repeat(500),
      evidence: 'x'.repeat(2000),
      refreshUserIds: Array.from({ length: 60 }, (_, i) => `29:user-${i}`),
    },
  ],
  'benefit-ledger': [
    ledger,
    { ...ledger, scope: { kind: 'unit', id: 'hjemmetjenesten-nord' }, rows: [], missing: [], missingMore: undefined, switches: [], pending: 'Ingen realiserte gevinster venter på godkjenning.', pendingCount: 0, showApprovals: false, charts: [], use: [], exportNote: undefined, exportUrl: undefined },
    {
      ...ledger,
      scope: { kind: 'organisation', id: '' },
      title: 'Gevinster – Norddjurs Kommune',
      periods: [
        { heading: 'Dette kvartal', figures: ledgerFigures('DKK', 'da') },
        { heading: 'År til dato', figures: ledgerFigures('DKK', 'da') },
      ],
      rows: ledgerRows(12, 'DKK', 'da').map((row, i) => (i % 2 ? { ...row, open: undefined } : row)),
      switches: Array.from({ length: 5 }, (_, i) => ({ title: `Område ${i}`, kind: 'area', id: `omrade-${i}` })),
    },
  ],
  'board-meeting': MEETING_SAMPLES['board-meeting'],
  'meeting-log': MEETING_SAMPLES['meeting-log'],
  'meeting-schedule': MEETING_SAMPLES['meeting-schedule'],
  'overdue-reminder': RHYTHM_SAMPLES['overdue-reminder'],
  'overdue-escalation': RHYTHM_SAMPLES['overdue-escalation'],
  'weekly-digest': [...RHYTHM_SAMPLES['weekly-digest'], ...LEARNING_DIGEST_SAMPLES],
  'pipeline-status': RHYTHM_SAMPLES['pipeline-status'],
  ...REPORT_SAMPLES,
  ...REVISION_SAMPLES,
  ...FISHBONE_SAMPLES,
  ...GOAL_SAMPLES,
  ...LEARNING_SAMPLES,
  'approval-inbox': APPROVAL_INBOX_SAMPLES,
};
