import { BenefitInput } from '../../domain/benefitForm';
import { Decision } from '../../domain/benefits';
import { IdeaStatus, IdeaType, Waste } from '../../domain/ideas';
import { DEMO_PEOPLE } from '../demoOrganisation';

/**
 * What happened in the demo municipality over the last six months, told relative to today: about
 * forty ideas across the four units, in every status, with their action items, benefits and the
 * service-area leaders' decisions. demoHistory.ts plays it through the real services.
 *
 * Days are counted back from today ("40" is forty days ago; a negative due date lies ahead). A few
 * days are named by the week instead, so that last week and this quarter always have something.
 * The story keeps some promises the cards rely on: Hjemmetjenesten nord has an item overdue past
 * the escalation threshold (for Kari) and one realized gain waiting for Lars; Bygg og eiendom
 * stagnates (no new idea, nothing moving and no meeting logged for weeks, an item long overdue,
 * items nobody owns); the other units are lively last week.
 */

export type PersonKey = keyof typeof DEMO_PEOPLE;

export const DEMO_UNITS = {
  hn: { id: 'hjemmetjenesten-nord', leader: 'kari' },
  so: { id: 'sykehjem-ost', leader: 'siri' },
  vp: { id: 'veg-og-park', leader: 'per' },
  be: { id: 'bygg-eiendom', leader: 'per' },
} as const satisfies Record<string, { id: string; leader: PersonKey }>;

export type UnitKey = keyof typeof DEMO_UNITS;

/** Days ago; or a weekday (1 = Monday) of last week; or this week's Monday when today is later in the week (else that weekday of last week); or at most N days ago but within this quarter. */
export type DemoDay = number | { readonly lastWeek: number } | { readonly thisWeekOr: number } | { readonly inQuarter: number };

export interface DemoAction {
  readonly text: string;
  readonly owner: PersonKey;
  readonly added: number;
  /** Days ago it is due (negative: ahead). */
  readonly due: number;
  readonly done?: number;
}

export interface DemoBenefit {
  readonly by: PersonKey;
  readonly on: DemoDay;
  readonly owner: PersonKey;
  /** The form as typed, without dates: the baseline is dated two weeks before, a target three months after, a measurement on the day. */
  readonly input: DemoBenefitInput;
  /** A measurement of the idea's plan (its first registration). */
  readonly followsUp?: boolean;
  readonly decided?: { readonly by: PersonKey; readonly on: DemoDay; readonly outcome: Decision; readonly comment?: string };
}

export interface DemoIdea {
  readonly unit: UnitKey;
  readonly by: PersonKey;
  readonly title: string;
  readonly type: IdeaType;
  readonly wastes: readonly Waste[];
  readonly areas: readonly string[];
  readonly proposed: DemoDay;
  /** Who owns it from the start (default the submitter); null: nobody, as in a stagnating unit. */
  readonly owner?: PersonKey | null;
  /** Status moves by the unit leader, with the reason for parking or rejecting. */
  readonly steps?: readonly (readonly [DemoDay, IdeaStatus] | readonly [DemoDay, IdeaStatus, string])[];
  readonly assign?: { readonly on: number; readonly owner: PersonKey; readonly due: number };
  readonly actions?: readonly DemoAction[];
  readonly benefits?: readonly DemoBenefit[];
}

/** Straight from the board into the work, checked, and done: most finished ideas went this way. */
const DONE = (inProgress: DemoDay, evaluating: DemoDay, done: DemoDay): [DemoDay, IdeaStatus][] => [
  [inProgress, 'inProgress'],
  [evaluating, 'evaluating'],
  [done, 'done'],
];

export type DemoBenefitInput = Omit<BenefitInput, 'ownerId' | 'baselineOn' | 'targetBy' | 'measuredOn'>;

/** A plan: the indicator's value before, and the target. */
const plan = (category: string, indicator: string, period: string, baseline: string, target: string, extra: DemoBenefitInput = {}): DemoBenefitInput => ({ category, stage: 'identified', indicator, period, baseline, target, ...extra });
/** A measurement of the plan, with the use of freed time or money. */
const measured = (value: string, extra: DemoBenefitInput = {}): DemoBenefitInput => ({ stage: 'realized', measured: value, ...extra });
/** A gain measured without a plan before it. */
const unplanned = (category: string, indicator: string, period: string, baseline: string, value: string, extra: DemoBenefitInput = {}): DemoBenefitInput => ({ category, stage: 'realized', indicator, period, baseline, measured: value, ...extra });
const otherWork = (text: string): DemoBenefitInput => ({ use: 'otherWork', useText: text });
const budget = (text: string): DemoBenefitInput => ({ use: 'budget', useText: text });

export const DEMO_IDEAS: readonly DemoIdea[] = [
  // Hjemmetjenesten nord: Kari leads, Ola works there; Lars approves.
  {
    unit: 'hn', by: 'ola', title: 'Færre vaktbytter – byttebørs på tavla', type: 'improve', wastes: ['waiting'], areas: ['time'], proposed: 160,
    steps: DONE(145, 120, 110),
    actions: [{ text: 'Lag byttebørs-ark på tavla', owner: 'ola', added: 145, due: 135, done: 137 }],
    benefits: [
      { by: 'kari', on: 110, owner: 'ola', input: plan('time', 'Tid brukt på vaktbytter', 'week', '3', '1') },
      { by: 'kari', on: 40, owner: 'ola', followsUp: true, input: measured('1,5', { gap: 'Noen bytter avtales fortsatt på telefon', ...otherWork('Mer tid med brukerne på morgenrunden') }), decided: { by: 'lars', on: 38, outcome: 'approved', comment: 'Godt dokumentert' } },
    ],
  },
  {
    unit: 'hn', by: 'kari', title: 'Nøkkelboks ved hovedinngangen', type: 'create', wastes: ['motion'], areas: ['time'], proposed: 130,
    steps: DONE(120, 90, 80),
    benefits: [{ by: 'kari', on: 80, owner: 'kari', input: plan('time', 'Tid brukt på å hente nøkler på kontoret', 'week', '1,5', '0,5') }],
  },
  {
    unit: 'hn', by: 'ola', title: 'Felles medisinliste i appen', type: 'improve', wastes: ['defects'], areas: ['quality'], proposed: 120,
    steps: DONE(110, 75, 70),
    benefits: [{ by: 'kari', on: 65, owner: 'kari', input: unplanned('quality', 'Avvik i medisinering per måned', '', '4', '1', { unit: 'avvik' }), decided: { by: 'lars', on: 60, outcome: 'approved' } }],
  },
  {
    unit: 'hn', by: 'kari', title: 'Kjørelister klare dagen før', type: 'improve', wastes: ['waiting', 'transport'], areas: ['time'], proposed: 60,
    steps: [[55, 'planned'], ...DONE(50, 20, 12)],
    assign: { on: 55, owner: 'ola', due: 40 },
    // The one gain waiting for Lars: registered yesterday.
    benefits: [{ by: 'kari', on: 1, owner: 'kari', input: unplanned('time', 'Tid brukt på kjørelister om morgenen', 'week', '4', '1', otherWork('Morgenrunden starter tidligere')) }],
  },
  {
    unit: 'hn', by: 'ola', title: 'Digital vaktliste', type: 'create', wastes: ['overProcessing'], areas: ['time'], proposed: 75, owner: 'kari',
    steps: [[70, 'planned'], [60, 'inProgress']],
    assign: { on: 70, owner: 'kari', due: -10 },
    // Overdue past the escalation threshold: waiting for Kari's decision.
    actions: [
      { text: 'Avklar tilgang med IT', owner: 'ola', added: 60, due: 25 },
      { text: 'Test med to brukere', owner: 'kari', added: 20, due: -7 },
    ],
  },
  {
    unit: 'hn', by: 'kari', title: 'Standard for rapport ved vaktskifte', type: 'improve', wastes: ['defects'], areas: ['quality'], proposed: 45,
    steps: [[40, 'planned'], [35, 'inProgress']],
    assign: { on: 40, owner: 'kari', due: -14 },
    actions: [
      { text: 'Lag utkast til mal', owner: 'kari', added: 35, due: 3 },
      { text: 'Prøv malen i en uke', owner: 'ola', added: 35, due: -5 },
    ],
  },
  {
    unit: 'hn', by: 'ola', title: 'Faste plasser i bilparken', type: 'improve', wastes: ['motion'], areas: ['time'], proposed: 50,
    steps: [[45, 'planned'], [40, 'inProgress'], [6, 'evaluating']],
    actions: [{ text: 'Merk plassene', owner: 'ola', added: 40, due: 30, done: 31 }],
  },
  {
    unit: 'hn', by: 'ola', title: 'Mindre venting på hjelpemidler', type: 'improve', wastes: ['waiting'], areas: ['time', 'quality'], proposed: 25,
    steps: [[9, 'planned']],
    assign: { on: 9, owner: 'kari', due: -21 },
  },
  { unit: 'hn', by: 'ola', title: 'Sjekkliste for nye brukere', type: 'create', wastes: ['defects'], areas: ['quality'], proposed: { lastWeek: 2 } },
  { unit: 'hn', by: 'kari', title: 'Felles handleliste for brukerne', type: 'improve', wastes: ['transport'], areas: ['time'], proposed: { lastWeek: 4 } },
  {
    unit: 'hn', by: 'ola', title: 'Papirløs timeliste', type: 'remove', wastes: ['overProcessing'], areas: ['time'], proposed: 90,
    steps: [[85, 'rejected', 'Kommunen innfører nytt timeregistreringssystem i høst']],
  },
  {
    unit: 'hn', by: 'ola', title: 'Egen telefon for pårørende', type: 'create', wastes: [], areas: ['quality'], proposed: 70,
    steps: [[65, 'planned'], [50, 'parked', 'Tas opp igjen når budsjettet for neste år er klart']],
  },
  // Done, but nobody has registered its benefit yet: flagged on the board and the ledger.
  {
    unit: 'hn', by: 'kari', title: 'Morgenmøte på ti minutter', type: 'improve', wastes: ['waiting'], areas: ['time'], proposed: 40,
    steps: [[35, 'inProgress'], [20, 'evaluating'], [8, 'done']],
  },

  // Sykehjem øst: Siri leads, Ola works there too; Lars approves.
  {
    unit: 'so', by: 'siri', title: 'Ryddig medisinrom med 5S', type: 'improve', wastes: ['motion', 'inventory'], areas: ['time'], proposed: 175,
    steps: DONE(165, 150, 140),
    actions: [{ text: 'Sorter og merk hyllene', owner: 'ola', added: 165, due: 158, done: 157 }],
    benefits: [
      { by: 'siri', on: 140, owner: 'siri', input: plan('time', 'Tid brukt på å lete etter utstyr', 'week', '3', '1') },
      { by: 'siri', on: 50, owner: 'siri', followsUp: true, input: measured('0,5', otherWork('Mer tid til beboerne')), decided: { by: 'lars', on: 47, outcome: 'approved' } },
    ],
  },
  {
    unit: 'so', by: 'ola', title: 'Faste plasser for hjelpemidler', type: 'improve', wastes: ['motion'], areas: ['time'], proposed: 110,
    steps: DONE(100, 80, 75),
    benefits: [{ by: 'siri', on: 75, owner: 'ola', input: plan('time', 'Tid brukt på å hente hjelpemidler', 'week', '2', '1') }],
  },
  {
    unit: 'so', by: 'siri', title: 'Bestilling av mat dagen før', type: 'improve', wastes: ['overproduction'], areas: ['money'], proposed: 100,
    steps: DONE(90, 70, 60),
    // Registered and approved within this quarter, so Lars's ledger has a realized gain in it.
    benefits: [{ by: 'siri', on: { inQuarter: 30 }, owner: 'siri', input: unplanned('money', 'Kostnad for kastet mat', 'month', '12 000', '8 000', budget('Kuttet i matbudsjettet')), decided: { by: 'lars', on: { inQuarter: 27 }, outcome: 'approved' } }],
  },
  {
    unit: 'so', by: 'ola', title: 'Mindre svinn av bleier', type: 'improve', wastes: ['inventory'], areas: ['money'], proposed: 80,
    steps: DONE(70, 40, 30),
    benefits: [{ by: 'siri', on: 30, owner: 'siri', input: plan('capacity', 'Bleiepakker brukt', 'year', '1 200', '1 000', { unit: 'pakker' }) }],
  },
  {
    unit: 'so', by: 'siri', title: 'Samme tid for visitt hver dag', type: 'improve', wastes: ['waiting'], areas: ['quality'], proposed: 35,
    steps: [[30, 'planned'], [25, 'inProgress']],
    assign: { on: 30, owner: 'ola', due: -20 },
    actions: [{ text: 'Avtal fast tid med legen', owner: 'ola', added: 25, due: 5 }],
  },
  {
    unit: 'so', by: 'ola', title: 'Kortere rapportmøte', type: 'remove', wastes: ['overProcessing'], areas: ['time'], proposed: 55,
    steps: [[50, 'planned'], [45, 'inProgress'], [10, 'evaluating']],
  },
  {
    unit: 'so', by: 'siri', title: 'Sensor i stedet for nattrunde', type: 'create', wastes: ['motion'], areas: ['quality', 'time'], proposed: 30,
    steps: [[14, 'planned']],
  },
  { unit: 'so', by: 'ola', title: 'Felles oppslagstavle for pårørende', type: 'create', wastes: [], areas: ['quality'], proposed: { lastWeek: 3 } },
  { unit: 'so', by: 'siri', title: 'Opplæring i løftehjelpemidler', type: 'improve', wastes: ['defects'], areas: ['quality'], proposed: { thisWeekOr: 5 } },
  {
    unit: 'so', by: 'ola', title: 'Vaskelister på rommene', type: 'improve', wastes: [], areas: ['quality'], proposed: 60,
    steps: [[58, 'rejected', 'Løses med ny renholdsavtale']],
  },
  {
    unit: 'so', by: 'ola', title: 'Egen sprøyteskuff', type: 'improve', wastes: ['motion'], areas: ['time'], proposed: 20,
    steps: [[15, 'inProgress']],
    actions: [{ text: 'Bestill skuff', owner: 'siri', added: 15, due: -3 }],
  },

  // Veg og park: Per leads; Mette approves.
  {
    unit: 'vp', by: 'per', title: 'Faste kjøreruter for brøyting', type: 'improve', wastes: ['transport'], areas: ['money'], proposed: 180,
    steps: DONE(175, 160, 150),
    benefits: [{ by: 'per', on: 100, owner: 'per', input: unplanned('capacity', 'Diesel brukt i vintersesongen', 'year', '9 000', '7 500', { unit: 'liter' }), decided: { by: 'mette', on: 98, outcome: 'approved' } }],
  },
  {
    unit: 'vp', by: 'per', title: 'Felles innkjøp av strøsand', type: 'improve', wastes: ['inventory'], areas: ['money'], proposed: 120,
    steps: DONE(110, 90, 85),
    benefits: [{ by: 'per', on: 20, owner: 'per', input: unplanned('money', 'Kostnad for strøsand per sesong', 'oneOff', '90 000', '65 000', { ...otherWork('Nye benker i parken'), evidence: 'Faktura fra leverandøren' }), decided: { by: 'mette', on: 17, outcome: 'approved' } }],
  },
  {
    unit: 'vp', by: 'per', title: 'Verktøytavle i garasjen', type: 'improve', wastes: ['motion'], areas: ['time'], proposed: 70,
    steps: DONE(65, 50, 45),
    benefits: [{ by: 'per', on: 45, owner: 'per', input: plan('time', 'Tid brukt på å lete etter verktøy', 'week', '2,5', '1') }],
  },
  {
    unit: 'vp', by: 'per', title: 'Service etter driftstimer, ikke dato', type: 'improve', wastes: ['defects'], areas: ['money'], proposed: 95,
    steps: DONE(90, 60, 55),
    // Registered and approved within this quarter, so Mette's ledger has a realized gain in it.
    benefits: [{ by: 'per', on: { inQuarter: 15 }, owner: 'per', input: unplanned('money', 'Kostnad for service på maskinene', 'year', '24 000', '16 000', budget('Mindre innleie av maskiner')), decided: { by: 'mette', on: { inQuarter: 12 }, outcome: 'approved' } }],
  },
  {
    unit: 'vp', by: 'per', title: 'Digital avviksmelding fra bilen', type: 'create', wastes: ['overProcessing'], areas: ['time'], proposed: 40,
    steps: [[38, 'planned'], [35, 'inProgress']],
    assign: { on: 38, owner: 'per', due: -30 },
    actions: [{ text: 'Test appen i to biler', owner: 'per', added: 35, due: 4 }],
  },
  {
    unit: 'vp', by: 'per', title: 'Mindre tomkjøring mellom oppdrag', type: 'remove', wastes: ['transport'], areas: ['money'], proposed: 28,
    steps: [[21, 'planned']],
  },
  { unit: 'vp', by: 'per', title: 'Skilt for midlertidig parkering', type: 'improve', wastes: [], areas: ['quality'], proposed: { lastWeek: 1 } },
  {
    unit: 'vp', by: 'per', title: 'Felles lager for skilt', type: 'improve', wastes: ['inventory'], areas: ['time'], proposed: 60,
    steps: [[55, 'planned'], [50, 'inProgress'], [7, 'evaluating']],
  },
  {
    unit: 'vp', by: 'per', title: 'GPS på strøbilene', type: 'create', wastes: ['transport'], areas: ['money'], proposed: 100,
    steps: [[90, 'parked', 'Venter på ny rammeavtale for kjøretøy']],
  },
  { unit: 'vp', by: 'per', title: 'Fast dag for kontroll av lekeplasser', type: 'improve', wastes: ['waiting'], areas: ['quality'], proposed: { thisWeekOr: 4 } },

  // Bygg og eiendom: a good start, then nothing for weeks.
  {
    unit: 'be', by: 'per', title: 'Nøkkelregister i ett system', type: 'improve', wastes: ['overProcessing'], areas: ['time'], proposed: 178,
    steps: DONE(170, 150, 140),
    benefits: [
      { by: 'per', on: 140, owner: 'per', input: plan('time', 'Tid brukt på å føre nøkkellister', 'week', '2', '1') },
      { by: 'per', on: 45, owner: 'per', followsUp: true, input: measured('1', otherWork('Mer tid til vedlikehold')), decided: { by: 'mette', on: 43, outcome: 'approved' } },
    ],
  },
  {
    unit: 'be', by: 'per', title: 'Felles vaktordning for vaktmestre', type: 'improve', wastes: ['waiting'], areas: ['time'], proposed: 120,
    steps: [[115, 'planned'], [100, 'inProgress']],
    assign: { on: 115, owner: 'per', due: 80 },
    actions: [{ text: 'Lag forslag til turnus', owner: 'per', added: 100, due: 50 }],
  },
  { unit: 'be', by: 'per', title: 'Energimåling i skolebygg', type: 'create', wastes: [], areas: ['money'], proposed: 90, owner: null, steps: [[85, 'planned']] },
  { unit: 'be', by: 'per', title: 'Faste rutiner for sluk-rens', type: 'improve', wastes: ['defects'], areas: ['quality'], proposed: 70, owner: null },
  { unit: 'be', by: 'per', title: 'Varsling av vannlekkasje', type: 'create', wastes: ['defects'], areas: ['money'], proposed: 60, owner: null },
  {
    unit: 'be', by: 'per', title: 'Felles bestilling av lyspærer', type: 'improve', wastes: ['inventory'], areas: ['money'], proposed: 100, owner: null,
    steps: [[80, 'parked', 'Dekkes av ny innkjøpsavtale']],
  },
];

/**
 * Each unit's weekly board meeting: weekday (1 = Monday), time, how often it was held, and the
 * days back in which meetings were logged (the lively units lately, Bygg og eiendom until six
 * weeks ago). Logging a meeting is the story's dearest step, so the logs cover a few weeks.
 */
export const DEMO_MEETINGS: Readonly<Record<UnitKey, { readonly weekday: number; readonly time: string; readonly held: number; readonly logged: readonly [number, number] }>> = {
  hn: { weekday: 2, time: '08:30', held: 0.8, logged: [35, 1] },
  so: { weekday: 4, time: '13:30', held: 0.7, logged: [35, 1] },
  vp: { weekday: 1, time: '07:30', held: 0.8, logged: [35, 1] },
  be: { weekday: 3, time: '08:00', held: 0.6, logged: [62, 42] },
};

/** The units' meeting schedules were set up this many days ago. */
export const SCHEDULES_SET_DAYS_AGO = 63;

export const NOT_HELD_REASONS = ['Sykdom i personalgruppa', 'Mange brukere med akutte behov', 'Kurs for hele gruppa', 'Ferieavvikling'] as const;
export const MEETING_NOTES = ['Gikk gjennom forfalte tiltak.', 'Nye forslag ble prioritert.', 'Kort møte, fulle dager.', 'Fulgte opp gevinster fra forrige måned.'] as const;
