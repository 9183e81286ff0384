import { Benefit } from '../../src/domain/benefits';
import { Idea } from '../../src/domain/ideas';
import { MeetingLog } from '../../src/domain/meetings';
import { DEFAULT_ORGANISATION } from '../../src/domain/organisation';
import { groupReport, unitReport } from '../../src/domain/report';
import { ReportPeriod, parsePeriod } from '../../src/domain/reportPeriod';
import { ReportScope } from '../../src/domain/reportScope';
import { DEFAULT_STAGNATION } from '../../src/domain/stagnation';
import { ReportView } from '../../src/services/reports/reportService';
import { sampleIdea } from './ideas';

/**
 * A report with known figures, built by the domain functions from known rows, for the card and
 * file tests: Q3 2026 for two units of Helse og omsorg (one busy, one with headcount zero and no
 * activity) and one of Teknisk drift.
 */
const kari = { id: 'kari', name: 'Kari Nilsen' };
const ola = { id: 'ola', name: 'Ola Bakken' };

function benefit(id: string, overrides: Partial<Benefit>): Benefit {
  return {
    unitId: 'hn',
    ideaNumber: 1,
    id,
    category: 'time',
    measure: 'hours',
    stage: 'identified',
    period: 'week',
    amount: 250,
    owner: kari,
    registeredOn: '2026-08-10',
    submittedBy: kari,
    approval: 'notNeeded',
    followUpsSent: [],
    createdAt: '2026-08-10T09:00:00.000Z',
    updatedAt: '2026-08-10T09:00:00.000Z',
    version: 1,
    lastChangeId: 'c1',
    ...overrides,
  };
}

const log = (date: string, held: boolean): MeetingLog => ({ unitId: 'hn', date, held, decisions: [], loggedBy: kari, loggedAt: `${date}T07:00:00.000Z`, version: 1, changeId: date });
const done = (number: number, createdAt: string, doneAt: string, extra: Partial<Idea> = {}): Idea =>
  sampleIdea({ unitId: 'hn', number, submitter: ola, status: 'done', createdAt, statusChangedAt: doneAt, doneAt, benefitRegistered: true, ...extra });

export function sampleReportView(scope: ReportScope = { kind: 'organisation' }, period: ReportPeriod = parsePeriod('2026Q3')!): ReportView {
  const today = '2026-10-05';
  const common = { period, today, timeZone: 'Europe/Oslo', isHoliday: () => false, thresholds: DEFAULT_STAGNATION };
  const ideas = [
    done(1, '2026-07-01T08:00:00.000Z', '2026-07-11T08:00:00.000Z', { owner: kari }),
    done(2, '2026-07-02T08:00:00.000Z', '2026-07-06T08:00:00.000Z', { benefitRegistered: false }),
    sampleIdea({ unitId: 'hn', number: 3, submitter: ola, status: 'rejected', createdAt: '2026-08-01T08:00:00.000Z', statusChangedAt: '2026-08-02T08:00:00.000Z', statusReason: 'x' }),
    sampleIdea({ unitId: 'hn', number: 4, submitter: kari, status: 'inProgress', owner: ola, dueDate: '2026-08-01', createdAt: '2026-09-20T08:00:00.000Z', statusChangedAt: '2026-09-21T08:00:00.000Z' }),
  ];
  const hn = unitReport({
    ...common,
    unit: { id: 'hn', name: 'Hjemmetjenesten nord', code: 'HN', serviceAreaId: 'helse-omsorg', headcount: 28, schedule: { weekdays: [1], time: '08:30', pauses: [] } },
    submissions: [
      { number: 1, createdAt: '2026-07-01T08:00:00.000Z', submitterId: 'ola', firstResponseAt: '2026-07-02T08:00:00.000Z' },
      { number: 2, createdAt: '2026-07-02T08:00:00.000Z', submitterId: 'ola', firstResponseAt: '2026-07-02T14:00:00.000Z' },
      { number: 3, createdAt: '2026-08-01T08:00:00.000Z', submitterId: 'ola', firstResponseAt: '2026-08-02T08:00:00.000Z' },
      { number: 4, createdAt: '2026-09-20T08:00:00.000Z', submitterId: 'kari' },
    ],
    ideas,
    benefits: [
      benefit('b1', {}),
      benefit('b2', { stage: 'realized', approval: 'approved', amount: 100, registeredOn: '2026-09-01' }),
      benefit('b3', { category: 'money', measure: 'money', period: 'month', amount: 250000, registeredOn: '2026-09-02' }),
      benefit('b4', { stage: 'realized', approval: 'pending', registeredOn: '2026-09-03' }),
    ],
    meetings: [log('2026-07-06', true), log('2026-07-13', true), log('2026-07-20', false)],
    recent: { ideas, meetingsLogged: ['2026-09-28'] },
  });
  const so = unitReport({
    ...common,
    unit: { id: 'so', name: 'Sykehjem øst', code: 'SO', serviceAreaId: 'helse-omsorg', headcount: 0 },
    submissions: [],
    ideas: [],
    benefits: [],
    meetings: [],
    recent: { ideas: [], meetingsLogged: [] },
  });
  const vp = unitReport({
    ...common,
    unit: { id: 'vp', name: 'Veg og park', code: 'VP', serviceAreaId: 'teknisk-drift', headcount: 12 },
    submissions: [{ number: 1, createdAt: '2026-09-01T08:00:00.000Z', submitterId: 'per' }],
    ideas: [],
    benefits: [benefit('b9', { unitId: 'vp', category: 'quality', measure: 'quality', amount: undefined, registeredOn: '2026-09-05' })],
    meetings: [],
    recent: { ideas: [], meetingsLogged: ['2026-10-01'] },
  });
  const all = [hn, so, vp];
  const units = scope.kind === 'unit' ? all.filter((u) => u.unitId === scope.unitId) : scope.kind === 'area' ? all.filter((u) => u.serviceAreaId === scope.areaId) : all;
  const areas = [groupReport('helse-omsorg', 'Helse og omsorg', units.filter((u) => u.serviceAreaId === 'helse-omsorg')), groupReport('teknisk-drift', 'Teknisk drift', units.filter((u) => u.serviceAreaId === 'teknisk-drift'))].filter((a) => a.units > 0);
  const name = scope.kind === 'organisation' ? 'Demo kommune' : scope.kind === 'area' ? (areas[0]?.name ?? '') : (units[0]?.name ?? '');
  return {
    scope,
    name,
    period,
    today,
    settings: { ...DEFAULT_ORGANISATION, name: 'Demo kommune' },
    units,
    areas: scope.kind === 'unit' ? [] : areas,
    total: groupReport(scope.kind === 'unit' ? units[0].unitId : scope.kind === 'area' ? scope.areaId : 'organisation', name, units),
  };
}

/** An organisation with many units, to fill the charts past their limit. */
export function largeReportView(units: number): ReportView {
  const base = sampleReportView();
  const many = Array.from({ length: units }, (_, i) => ({ ...base.units[0], unitId: `u${i}`, name: `Enhet nummer ${i} med et langt navn`, code: `U${i}`, serviceAreaId: `a${i % 20}` }));
  const areas = Array.from({ length: 20 }, (_, a) => groupReport(`a${a}`, `Tjenesteområde ${a} med langt navn`, many.filter((u) => u.serviceAreaId === `a${a}`)));
  return { ...base, units: many, areas, total: groupReport('organisation', base.name, many) };
}
