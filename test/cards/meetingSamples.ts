import { BoardMeetingCardData, MeetingLogCardData, MeetingScheduleCardData } from '../../src/cards/models';

/** Representative data for the board-meeting cards, the heaviest cases included. */

const longTitle = 'Færre vaktbytter og bedre oversikt over ledige vakter i helgene og i ferier '.repeat(2).slice(0, 120);
const line = (n: number, color: 'Default' | 'Attention' | 'Warning' = 'Default') => ({ text: `HN-${n} ${longTitle} · Kari Nilsen-Bakkebø · frist 01.12.2026`, color });

const prompt: BoardMeetingCardData = {
  unitId: 'hjemmetjenesten-nord',
  date: '2026-03-02',
  title: 'Tavlemøte – Hjemmetjenesten nord',
  dateText: 'mandag 2. mars 2026',
  noteColor: 'Default',
  loggedColor: 'Good',
  loggedLines: [],
  sections: [
    { title: 'Forfalt (12)', lines: [1, 2, 3, 4, 5].map((n) => line(n, 'Attention')), more: '… og 7 til' },
    { title: 'Nye siden møtet 27.02.2026 (6)', lines: [6, 7, 8, 9, 10].map((n) => line(n)), more: '… og 1 til' },
    { title: 'Pågår (5)', lines: [11, 12, 13, 14, 15].map((n) => line(n)) },
    { title: 'Ferdig, gevinst mangler (9)', lines: [16, 17, 18, 19, 20].map((n) => line(n, 'Warning')), more: '… og 4 til' },
    { title: 'Gevinster som venter på godkjenning (5)', lines: [21, 22, 23, 24, 25].map((n) => line(n)) },
  ],
  logButton: 'Registrer møtet',
};

const decisionRow = (n: number, errors: MeetingLogCardData['decisions'][number]['errors'] = {}) => ({
  label: `Beslutning ${n}: sak`,
  ids: { idea: `decision${n}Idea`, status: `decision${n}Status`, owner: `decision${n}Owner`, due: `decision${n}Due` },
  values: { idea: '', status: '', owner: '', due: '' },
  errors,
});

const logForm: MeetingLogCardData = {
  unitId: 'hjemmetjenesten-nord',
  date: '2026-03-02',
  version: 0,
  title: 'Registrer tavlemøtet – Hjemmetjenesten nord',
  dateText: 'mandag 2. mars 2026',
  noteColor: 'Default',
  values: { held: 'yes', reason: '', notes: '' },
  errors: {},
  showDecisions: true,
  canAssign: true,
  // The pickers at their caps: 15 open ideas with long titles, 50 people.
  ideas: Array.from({ length: 15 }, (_, i) => ({ value: String(400 + i), title: `HN-${400 + i} ${longTitle}`.slice(0, 59) + '…' })),
  moves: [
    { value: 'new', title: 'Ny' },
    { value: 'planned', title: 'Planlagt' },
    { value: 'inProgress', title: 'Pågår' },
    { value: 'evaluating', title: 'Evalueres' },
    { value: 'done', title: 'Ferdig' },
    { value: 'parked', title: 'Parkert' },
    { value: 'rejected', title: 'Avvist' },
  ],
  people: Array.from({ length: 50 }, (_, i) => ({ value: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`, title: `Medarbeider Nummer ${i} Bakkebø-Nilsen` })),
  decisions: [1, 2, 3].map((n) => decisionRow(n)),
  today: '2026-03-02',
  requiredMessages: { held: 'Ble møtet avholdt? må fylles ut.' },
};

const schedule: MeetingScheduleCardData = {
  unitId: 'hjemmetjenesten-nord',
  title: 'Møteplan for tavlemøtet – Hjemmetjenesten nord',
  noteColor: 'Default',
  current: 'Nå: mandag, tirsdag, onsdag, torsdag og fredag kl. 08:30, pause 01.07.2026–09.08.2026',
  noChannel: false,
  weekdays: ['mandag', 'tirsdag', 'onsdag', 'torsdag', 'fredag', 'lørdag', 'søndag'].map((title, i) => ({ value: String(i + 1), title })),
  values: { weekdays: '1,2,3,4,5', time: '08:30' },
  pauses: [1, 2, 3].map((n) => ({ fromId: `pause${n}From`, toId: `pause${n}To`, fromLabel: `Pause ${n} fra`, toLabel: `Pause ${n} til`, from: n === 1 ? '2026-07-01' : '', to: n === 1 ? '2026-08-09' : '' })),
  errors: {},
  requiredMessages: { weekdays: 'Møtedager må fylles ut.', time: 'Klokkeslett må fylles ut.' },
  units: [],
};

export const MEETING_SAMPLES: {
  readonly 'board-meeting': readonly BoardMeetingCardData[];
  readonly 'meeting-log': readonly MeetingLogCardData[];
  readonly 'meeting-schedule': readonly MeetingScheduleCardData[];
} = {
  'board-meeting': [
    prompt,
    { ...prompt, sections: [], logButton: 'Endre registreringen', logged: 'Registrert av Kari Nilsen: avholdt, 7 til stede', loggedLines: ['Notater: ' + 'x'.repeat(2000), 'Hurtigbeslutninger: HN-4: Pågår, ansvarlig Ola Bakken, frist 12.03.2026; HN-7: Parkert; HN-9: frist 20.03.2026'] },
    {
      ...prompt,
      note: 'Møtet er registrert. Takk!\n\nIkke alle hurtigbeslutningene kunne gjennomføres:\n\nHN-4: Bare enhetslederen eller den ansvarlige for saken kan gjøre denne endringen.',
      noteColor: 'Warning',
      logged: 'Registrert av Ola Bakken: ikke avholdt (sykdom)',
      loggedColor: 'Warning',
      sections: prompt.sections.slice(0, 1),
    },
  ],
  'meeting-log': [
    logForm,
    {
      ...logForm,
      version: 2,
      note: 'Rett opp feltene som er merket.',
      noteColor: 'Attention',
      values: { held: 'no', reason: '', notes: 'x'.repeat(2000) },
      attendees: 250,
      errors: { reason: 'Årsak må fylles ut.', attendees: 'Fremmøtte må være mellom 0 og 200.', held: 'Ugyldig.', notes: 'For lang.' },
      decisions: [decisionRow(1, { idea: 'Velg en av sakene.', status: 'Ugyldig.', owner: 'Velg en av personene.', due: 'Kan ikke være tilbake i tid.' }), decisionRow(2), decisionRow(3)],
    },
    { ...logForm, showDecisions: false, canAssign: false, ideas: [], moves: [], people: [] },
    { ...logForm, canAssign: false, moves: [{ value: 'evaluating', title: 'Evalueres' }], people: [] },
  ],
  'meeting-schedule': [
    schedule,
    {
      ...schedule,
      note: 'Rett opp feltene som er merket.',
      noteColor: 'Attention',
      current: 'Ingen møteplan ennå.',
      noChannel: true,
      values: { weekdays: '', time: '25:00' },
      errors: { weekdays: 'Møtedager må fylles ut.', time: 'Klokkeslett har ugyldig format.' },
      pauses: schedule.pauses.map((p, i) => (i === 1 ? { ...p, from: '2026-08-10', to: '2026-08-01', toError: 'Pause 2 slutter før den begynner.' } : p)),
    },
    { ...schedule, note: 'Lagret: tavlemøter tirsdag kl. 13:00.', noteColor: 'Good', values: { weekdays: '2', time: '13:00' } },
    { ...schedule, units: Array.from({ length: 12 }, (_, i) => ({ value: `enhet-${i}`, title: `Enhet nummer ${i}` })) },
  ],
};
