import { MAX_HANDOVER_CHOICES, MAX_ITEMS_ON_CARD } from '../../src/cards/rhythmCards';
import { quarterCharts } from '../../src/cards/ledgerCard';
import { groupedBarChart } from '../../src/cards/charts';
import { recentQuarters } from '../../src/domain/benefits';
import { DEFAULT_ORGANISATION } from '../../src/domain/organisation';
import { PipelineStatusCardData, OverdueEscalationCardData, OverdueReminderCardData, ReminderItemCardData, WeeklyDigestCardData } from '../../src/cards/models';

/** Representative data for the reminder, escalation and digest cards, including full and empty lists. */

const item = (i: number, actionId: number): ReminderItemCardData => ({
  heading: `HN-${i} Færre vaktbytter${actionId ? ' – tiltak: Ring leverandøren og avtal et møte om ny løsning' : ''}`,
  detail: `Frist 18.11.2026, ${i + 3} dager over fristen`,
  unitName: 'Hjemmetjenesten nord',
  unitId: 'hjemmetjenesten-nord',
  number: i,
  actionId,
  canMarkDone: actionId > 0,
  dueInput: `dueDate_${i}`,
  handOverInput: `handOverTo_${i}`,
  people: Array.from({ length: MAX_HANDOVER_CHOICES }, (_, p) => ({ title: `Person ${p} med et ganske langt navn`, value: `00000000-0000-4000-8000-${String(p).padStart(12, '0')}` })),
});

const reminder: OverdueReminderCardData = {
  headline: 'Du har 12 forfalte saker',
  noteColor: 'Good',
  today: '2026-11-23',
  items: Array.from({ length: MAX_ITEMS_ON_CARD }, (_, i) => item(i + 1, i % 2)),
  more: 'og 2 til',
};

const digest: WeeklyDigestCardData = {
  title: 'Uke 47: Helse og omsorg (tjenesteområde)',
  period: '16.11.2026 – 22.11.2026',
  rows: [
    ...Array.from({ length: 25 }, (_, i) => ({ name: `Enhet ${i + 1} med et langt navn`, weight: 'Default' as const, ideas: '3 / 1 / 2', meetings: '4 / 5', benefits: '104 / 52' })),
    { name: 'Totalt', weight: 'Bolder', ideas: '75 / 25 / 50', meetings: '100 / 125', benefits: '2 600 / 1 300' },
  ],
  totals: [
    { title: 'Hittil i år, timer per år', value: '5 200 identifisert · 2 600 realisert' },
    { title: 'Hittil i år, årsverk', value: '3,06 identifisert · 1,53 realisert' },
    { title: 'Venter på godkjenning', value: '3' },
  ],
  flags: [{ text: 'Enhet 3: ingen nye forslag på 4 uker' }, { text: 'Enhet 7: 2 saker forfalt i 30+ dager' }],
  approvals: Array.from({ length: MAX_ITEMS_ON_CARD }, (_, i) => ({ text: `HN-${i} Færre vaktbytter: 2 t/uke ≈ 104 t/år ≈ 0,06 årsverk`, unitId: 'hjemmetjenesten-nord', number: i, benefitId: `b${i}` })),
  switches: [],
  charts: quarterCharts('nb', recentQuarters('2026-11-22', 4).map((quarter, i) => ({ quarter, totals: { identified: { hours: 340000 * i, money: 0, other: 0 }, realized: { hours: 170000 * i, money: 0, other: 0 }, pending: 0 } })), DEFAULT_ORGANISATION).slice(0, 1),
};

/** A unit leader's digest: meetings held against scheduled, four weeks. */
const unitDigest: WeeklyDigestCardData = {
  ...digest,
  title: 'Uke 47: Hjemmetjenesten nord',
  rows: digest.rows.slice(0, 1),
  approvals: [],
  charts: [
    groupedBarChart({
      title: 'Tavlemøter holdt mot planlagt, uke for uke',
      series: [
        { legend: 'Holdt', values: [44, 45, 46, 47].map((w, i) => ({ x: `Uke ${w}`, y: i % 3 })) },
        { legend: 'Planlagt', values: [44, 45, 46, 47].map((w) => ({ x: `Uke ${w}`, y: 2 })) },
      ],
      table: { header: ['', 'Holdt', 'Planlagt'], rows: [44, 45, 46, 47].map((w, i) => [`Uke ${w}`, String(i % 3), '2']) },
    }),
  ],
};

/** Asked for on demand: the other week and the person's other digests as buttons, as many as a card may carry. */
const onDemand: WeeklyDigestCardData = {
  ...digest,
  period: '23.11.2026 – 25.11.2026 (så langt)',
  switches: [
    { title: 'Forrige uke', scope: 'area', scopeId: 'helse-omsorg', week: 'last' },
    ...Array.from({ length: 4 }, (_, i) => ({ title: `Enhet ${i + 1} med et langt navn`, scope: 'unit', scopeId: `enhet-${i + 1}`, week: 'current' })),
  ],
};

const unreachable = {
  heading: 'Kan ikke nås i personlig chat (17)',
  lines: Array.from({ length: 15 }, (_, i) => ({ text: `Person ${i} med et ganske langt navn – har blokkert eller fjernet Tavla (siden 22.11.2026 07:31)` })),
  more: 'og 2 til',
  hint: 'Meldinger til dem går til enhetens kanal med @omtale der enheten har en. De kan nås igjen så snart de skriver til Tavla.',
};

export const RHYTHM_SAMPLES = {
  'pipeline-status': [
    {
      counts: [{ title: 'Venter på å bli sendt', value: '12' }, { title: 'Sendt', value: '2000' }, { title: 'Feilet', value: '2' }],
      failures: [{ text: '22.11.2026 07:31 · reminder · 403 Forbidden: the bot is not in the conversation' }],
      runs: [{ title: 'prompt', value: '23.11.2026 08:30: 4 meldinger' }, { title: 'reminder', value: '23.11.2026 07:30: 12 meldinger' }],
      note: 'Allerede gjort i dag, kl. 07:30: Tavla sender det én gang om dagen.',
      noteColor: 'Warning',
      promptUnits: Array.from({ length: 70 }, (_, i) => ({ title: `Enhet ${i + 1} med et langt navn`, value: `enhet-${i + 1}` })),
      promptUnit: 'enhet-3',
    },
    { counts: [{ title: 'Sendt', value: '0' }], failures: [], runs: [], noteColor: 'Default', promptUnits: [], promptUnit: '' },
    { counts: [{ title: 'Sendt', value: '3' }], failures: [], runs: [], noteColor: 'Default', promptUnits: [], promptUnit: '', unreachable },
    { counts: [{ title: 'Sendt', value: '3' }], failures: [], runs: [], noteColor: 'Default', promptUnits: [], promptUnit: '', unreachable: { heading: 'Kan ikke nås i personlig chat (1)', lines: [{ text: 'Lars Haugen – Tavla er ikke installert for vedkommende (siden 22.11.2026 07:31)' }], hint: unreachable.hint } },
  ] satisfies PipelineStatusCardData[],
  'overdue-reminder': [reminder, { headline: 'Du har 1 forfalt sak', note: 'Merket som utført: Ring leverandøren', noteColor: 'Good', today: '2026-11-23', items: [{ ...item(1, 0), people: [] }] }] satisfies OverdueReminderCardData[],
  'overdue-escalation': [
    {
      headline: 'Hjemmetjenesten nord: 3 saker har vært forfalt i mer enn 14 dager',
      items: Array.from({ length: 3 }, (_, i) => ({ heading: `HN-${i} Færre vaktbytter`, detail: 'Ola Bakken · frist 01.11.2026 · 22 dager over fristen', unitId: 'hjemmetjenesten-nord', number: i })),
    },
  ] satisfies OverdueEscalationCardData[],
  'weekly-digest': [digest, { ...digest, rows: [digest.rows[0]], flags: [], approvals: [], charts: [] }, onDemand, { ...digest, unreachable }, unitDigest] satisfies WeeklyDigestCardData[],
};
