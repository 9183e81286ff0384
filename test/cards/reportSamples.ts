import { reportCardData } from '../../src/cards/reportCards';
import { ReportCardData, ReportFormCardData } from '../../src/cards/reportModels';
import { largeReportView, sampleReportView } from '../support/reportFixture';

/**
 * The report cards' samples: built by the card code from known reports (a unit, an area, the
 * organisation, and one with more rows than the charts show), and the form with and without problems.
 * The form is never shown without a scope to choose: the handler says so in words instead.
 */

const links = { xlsx: 'https://tavla.example/reports/r1.abc.def', csv: 'https://tavla.example/reports/r1.abc.ghi', minutes: 15 };

const form: ReportFormCardData = {
  periods: [
    { value: '2026Q3', title: '3. kvartal 2026 (01.07.2026 – 30.09.2026)' },
    { value: 'custom', title: 'Andre datoer…' },
  ],
  scopes: [
    { value: 'organisation', title: 'Demo kommune' },
    { value: 'area:helse-omsorg', title: 'Helse og omsorg' },
    { value: 'unit:hjemmetjenesten-nord', title: 'Hjemmetjenesten nord' },
  ],
  today: '2026-10-05',
  values: { period: '2026Q3', from: '', to: '', scope: 'organisation' },
  errors: {},
};

export const REPORT_SAMPLES: { readonly 'report-form': readonly ReportFormCardData[]; readonly report: readonly ReportCardData[] } = {
  'report-form': [
    form,
    {
      ...form,
      values: { period: 'custom', from: '2026-09-01', to: '2026-08-01', scope: 'nope' },
      error: 'Rett opp feltene som er merket.',
      errors: { period: 'For andre datoer, fyll inn begge datoene.', from: 'Fra må være før til.', to: 'Til må fylles ut.', scope: 'Rapport for: velg et av alternativene.' },
    },
  ],
  report: [
    reportCardData('nb', sampleReportView(), links),
    reportCardData('nb', sampleReportView({ kind: 'unit', unitId: 'so' }), { minutes: 15 }),
    reportCardData('nb', sampleReportView({ kind: 'area', areaId: 'helse-omsorg' }), links),
    reportCardData('nb', largeReportView(70), links),
    reportCardData('nb', { ...largeReportView(70), spread: largeReportView(70).units.map((_, i) => ({ unit: { id: `u${i}`, code: `U${i}`, name: `Enhet ${i}`, serviceAreaId: 'a', leaders: [], members: [] }, practices: [{ number: i + 1, title: 'Vaktbytte i app og bedre oversikt over ledige vakter '.repeat(2).slice(0, 120), units: i % 4 + 1 }] })) }, links),
  ],
};
