import { ApprovalInboxCardData, WaitingCardData } from '../../src/cards/models';

/** Representative data for a leader's inbox: the approvals list and "waiting for your decision", full and empty. */

const entry = (i: number) => ({
  heading: `HN-${i} ${'Færre vaktbytter og bedre oversikt over ledige vakter '.repeat(2).slice(0, 100)}`,
  detail: 'Hjemmetjenesten nord · 2 t/uke ≈ 104 t/år ≈ 0,06 årsverk',
  registered: `Registrert av Kari Nilsen 12.11.2026 · har ventet ${i} dager`,
  unitId: 'hjemmetjenesten-nord',
  number: i,
  benefitId: `0mhx1a2b3c4d${i}`,
});

export const APPROVAL_INBOX_SAMPLES: ApprovalInboxCardData[] = [
  {
    lead: '14 realiserte gevinster venter på avgjørelsen din, eldste først.',
    entries: Array.from({ length: 10 }, (_, i) => entry(i + 1)),
    more: 'og 4 til: de kommer fram når du har avgjort disse.',
    own: '1 av dine egne registreringer venter også: en annen tjenesteområdeleder eller en systemansvarlig avgjør den.',
  },
  { lead: 'Ingen realiserte gevinster venter på din godkjenning.', entries: [] },
];

export const WAITING_SAMPLE: WaitingCardData = {
  approvals: Array.from({ length: 3 }, (_, i) => ({ heading: `HN-${i} Færre vaktbytter`, detail: 'Gevinst til godkjenning · Hjemmetjenesten nord · registrert av Kari Nilsen', unitId: 'hjemmetjenesten-nord', number: i, benefitId: `0mhx1a2b3c4d${i}` })),
  moreApprovals: 'og 2 godkjenninger til',
  escalated: Array.from({ length: 4 }, (_, i) => ({ heading: `HN-${i} Færre vaktbytter – tiltak: Ring leverandøren`, detail: 'Forfalt i 21 dager · Ola Bakken · Hjemmetjenesten nord', unitId: 'hjemmetjenesten-nord', number: i })),
  moreEscalated: 'og 3 saker til som har vært forfalt lenge, på tavla',
};
