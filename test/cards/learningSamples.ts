import { SimilarIdeasCardData } from '../../src/cards/learningModels';

/** The learning cards' samples: three similar ideas with long titles and the whole form carried along, and the bare minimum. */

const form = { fixedUnitId: 'hjemmetjenesten-nord', title: 'Bytte av vakter', situation: 'x'.repeat(2000), proposal: '', type: 'improve', wastes: 'waiting', benefitAreas: 'time' };

const similar = (count: number): SimilarIdeasCardData => ({
  intro: 'Før «Bytte av vakter» lagres: disse forslagene ligner ditt. Åpne ett, bli med på det, eller lagre ditt likevel.',
  items: Array.from({ length: count }, (_, i) => ({
    heading: `SO-${i + 1} ${'Vaktbytte i app og bedre oversikt over ledige vakter '.repeat(3).slice(0, 120)}`,
    facts: 'Sykehjem øst · Ferdig · realisert 104 t og 5 000 kr per år',
    open: { ...form, similarUnitId: 'sykehjem-ost', similarNumber: String(i + 1) },
    join: { ...form, similarUnitId: 'sykehjem-ost', similarNumber: String(i + 1) },
  })),
  submit: { ...form, similarShown: '1' },
});

export const LEARNING_SAMPLES: { readonly 'similar-ideas': readonly SimilarIdeasCardData[] } = {
  'similar-ideas': [similar(3), similar(1)],
};
