import { WeeklyDigestCardData } from '../../src/cards/models';
import { RHYTHM_SAMPLES } from './rhythmSamples';
import { SimilarIdeasCardData, StakeholderAskCardData, StakeholdersFormCardData, WhereElseCardData } from '../../src/cards/learningModels';

/** The learning cards' samples: three similar ideas with long titles and the whole form carried along, and the bare minimum. */

// The longest draft the form allows: every action that reopens it carries it along.
const form = { fixedUnitId: 'hjemmetjenesten-nord', title: 'B'.repeat(120), situation: 'x'.repeat(2000), proposal: 'y'.repeat(2000), type: 'improve', wastes: 'waiting', benefitAreas: 'time', stakeholders: 'sykehjem-ost,veg-og-park' };

const similar = (count: number): SimilarIdeasCardData => ({
  intro: 'Før «Bytte av vakter» lagres: disse forslagene ligner ditt. Åpne ett, bli med på det, eller lagre ditt likevel.',
  items: Array.from({ length: count }, (_, i) => ({
    heading: `SO-${i + 1} ${'Vaktbytte i app og bedre oversikt over ledige vakter '.repeat(3).slice(0, 120)}`,
    facts: 'Sykehjem øst · Ferdig · realisert 104 t og 5 000 kr per år',
    open: { ...form, similarUnitId: 'sykehjem-ost', similarNumber: String(i + 1) },
    join: { fixedUnitId: form.fixedUnitId, similarUnitId: 'sykehjem-ost', similarNumber: String(i + 1) },
  })),
  submit: { ...form, similarShown: '1' },
});

const long = 'Ansatte bruker mye tid på å bytte vakter på telefon. '.repeat(36).slice(0, 2000);
const ask = (canAnswer: boolean, note?: string): StakeholderAskCardData => ({
  ref: { unitId: 'hjemmetjenesten-nord', number: 3, stakeholderUnitId: 'sykehjem-ost' },
  headline: 'HN-3 fra Hjemmetjenesten nord kan berøre Sykehjem øst. Si hva det betyr for dere før det planlegges.',
  heading: 'HN-3 Vaktbytte i app',
  ...(canAnswer ? { situation: long, proposal: long } : {}),
  ...(note ? { note } : {}),
  noteColor: note ? 'Good' : 'Default',
  commentLabel: 'Kommentaren din for Hjemmetjenesten nord',
  comment: canAnswer ? 'x'.repeat(2000) : '',
  canAnswer,
});
const whereElse = (canAnswer: boolean, note?: string): WhereElseCardData => ({
  ref: { unitId: 'hjemmetjenesten-nord', number: 3 },
  headline: 'HN-3 er ferdig, med godkjent realisert gevinst. Kan det hjelpe andre enheter?',
  heading: 'HN-3 Vaktbytte i app',
  ...(canAnswer ? { proposal: long } : {}),
  gain: 'realisert 104 t per år',
  ...(note ? { note } : {}),
  noteColor: note ? 'Good' : 'Default',
  canAnswer,
});
const units = ['Hjemmetjenesten nord', 'Sykehjem øst', 'Veg og park', 'Bygg og eiendom'];
const stakeholdersForm = (count: number, error?: string): StakeholdersFormCardData => ({
  ref: { unitId: 'hjemmetjenesten-nord', number: 3 },
  heading: 'Enheter som HN-3 berører',
  choices: Array.from({ length: count }, (_, i) => ({ title: `${units[i % units.length]} ${i}`, value: `unit-${i}` })),
  value: count ? 'unit-1,unit-2' : '',
  ...(error ? { error } : {}),
});

export const LEARNING_SAMPLES: {
  readonly 'similar-ideas': readonly SimilarIdeasCardData[];
  readonly 'stakeholder-ask': readonly StakeholderAskCardData[];
  readonly 'stakeholders-form': readonly StakeholdersFormCardData[];
  readonly 'where-else': readonly WhereElseCardData[];
} = {
  'similar-ideas': [similar(3), similar(1)],
  'stakeholder-ask': [ask(true), ask(false, 'Takk: kommentaren din står på HN-3.')],
  'stakeholders-form': [stakeholdersForm(70), stakeholdersForm(1, 'Rett opp feltene som er merket.')],
  'where-else': [whereElse(true), whereElse(false, 'Takk: det foreslås for 3 enheter i neste ukerapport.')],
};

/** A unit's digest with the most practices tried elsewhere it shows, long titles and all. */
export const LEARNING_DIGEST_SAMPLES: readonly WeeklyDigestCardData[] = [
  {
    ...RHYTHM_SAMPLES['weekly-digest'][4],
    tried: Array.from({ length: 5 }, (_, i) => ({
      text: `SO-${i + 1} ${'Vaktbytte i app og bedre oversikt over ledige vakter '.repeat(3).slice(0, 120)} (Sykehjem øst, realisert 104 t og 5 000 kr per år)`,
      adoptTitle: `Ta i bruk SO-${i + 1}`,
      unitId: 'hjemmetjenesten-nord',
      fromUnitId: 'sykehjem-ost',
      fromNumber: i + 1,
    })),
  },
];
