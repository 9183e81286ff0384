import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { reportCsv } from '../../src/exports/reportCsv';
import { reportFileName } from '../../src/exports/reportNames';
import { HEADER_ROW, reportWorkbook } from '../../src/exports/reportWorkbook';
import { reportJson } from '../../src/exports/reportJson';
import { sampleReportView } from '../support/reportFixture';

const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

async function readBack(buffer: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  return workbook;
}

const cells = (sheet: ExcelJS.Worksheet, row: number): unknown[] => {
  const values = sheet.getRow(row).values as unknown[];
  return Array.from({ length: sheet.columnCount }, (_, i) => values[i + 1] ?? null);
};

/** Hjemmetjenesten nord in Q3 2026 as the fixture makes it (see test/support/reportFixture.ts). */
const HN_UNIT_ROW = [
  'Hjemmetjenesten nord', 'HN', 'Helse og omsorg', 28,
  4, 2, 1, // submitted, done, rejected
  0.07, 0.071, // done per employee (2/28), share who took part (2 of 28)
  7, 24, 1, // median days to done (10 and 4), median hours to first answer (24, 6, 24), unanswered
  2, 13, 0.154, // meetings held, scheduled (every Monday of the quarter), share
  130, 52, 0.08, 0.03, // hours identified (2.5 h/week), realized (1 h/week, approved); FTE at 1700 h
  30000, 0, 0, 0, 1, // money identified (2 500 a month), realized; other gains; waiting for approval
  1, 1, 0, // done without benefit, overdue, fishbone analyses
  '1 forfalt i 30+ dager',
];

describe('report files', () => {
  it('XLSX: a sheet per level and one by category, headers, numbers as numbers with formats, read back cell by cell', async () => {
    const view = sampleReportView();
    const workbook = await readBack(await reportWorkbook('nb', view, new Date('2026-10-05T08:00:00Z')));
    assert.deepEqual(workbook.worksheets.map((s) => s.name), ['Enheter', 'Tjenesteområder', 'Kommunen', 'Gevinst per kategori']);

    const units = workbook.getWorksheet('Enheter')!;
    assert.equal(units.getCell(1, 1).value, 'Rapport – Demo kommune – 3. kvartal 2026 (1.7.2026 – 30.9.2026)');
    assert.match(String(units.getCell(2, 1).value), /^Laget 5\.10\.2026 av Tavla/);
    const headers = cells(units, HEADER_ROW);
    assert.deepEqual(headers.slice(0, 8), ['Navn', 'Kode', 'Tjenesteområde', 'Ansatte', 'Forslag sendt inn', 'Forslag ferdige', 'Forslag avvist', 'Ferdige per ansatt']);
    assert.equal(headers[19], 'Beløp/år identifisert (NOK)');
    assert.equal(headers.length, HN_UNIT_ROW.length);
    assert.deepEqual(cells(units, HEADER_ROW + 1), HN_UNIT_ROW);
    // Sykehjem øst: headcount zero and no activity: no per-employee figures, no meeting share.
    const so = cells(units, HEADER_ROW + 2);
    assert.deepEqual(so.slice(0, 9), ['Sykehjem øst', 'SO', 'Helse og omsorg', 0, 0, 0, 0, null, null]);
    assert.equal(so[14], null, 'no meetings scheduled, no share');
    assert.equal(so[27], 'ingen nye forslag; ingenting har flyttet seg på tavla; ingen tavlemøter registrert');
    assert.equal(units.rowCount, HEADER_ROW + 3);

    const format = (col: number) => units.getCell(HEADER_ROW + 1, col).numFmt;
    assert.deepEqual([format(5), format(8), format(9), format(16), format(18), format(20)], ['0', '#,##0.0', '0.0%', '#,##0.0', '0.00', '#,##0']);
    assert.equal(units.getCell(HEADER_ROW, 1).font?.bold, true);
    assert.equal(units.views[0]?.state, 'frozen');

    const areas = workbook.getWorksheet('Tjenesteområder')!;
    assert.deepEqual(cells(areas, HEADER_ROW).slice(0, 3), ['Navn', 'Enheter', 'Ansatte']);
    assert.deepEqual(cells(areas, HEADER_ROW + 1).slice(0, 8), ['Helse og omsorg', 2, 28, 4, 2, 1, 0.07, 0.071]);
    assert.deepEqual(cells(areas, HEADER_ROW + 2).slice(0, 8), ['Teknisk drift', 1, 12, 1, 0, 0, 0, 0.083]);
    const organisation = workbook.getWorksheet('Kommunen')!;
    const total = cells(organisation, HEADER_ROW + 1);
    assert.deepEqual(total.slice(0, 7), ['Demo kommune', 3, 40, 5, 2, 1, 0.05]);
    assert.equal(total[total.length - 1], 3, 'every unit shows some sign of stagnation');

    const categories = workbook.getWorksheet('Gevinst per kategori')!;
    assert.deepEqual(cells(categories, HEADER_ROW).slice(0, 5), ['Nivå', 'Navn', 'Kategori', 'Timer/år identifisert', 'Timer/år realisert']);
    const rows = Array.from({ length: categories.rowCount - HEADER_ROW }, (_, i) => cells(categories, HEADER_ROW + 1 + i).slice(0, 9));
    assert.deepEqual(rows.slice(0, 3), [
      ['Enhet', 'Hjemmetjenesten nord', 'Økonomi', 0, 0, 0, 0, 30000, 0],
      ['Enhet', 'Hjemmetjenesten nord', 'Tid', 130, 52, 0.08, 0.03, 0, 0],
      ['Enhet', 'Veg og park', 'Kvalitet', 0, 0, 0, 0, 0, 0],
    ]);
  });

  it('XLSX for one unit has only the units sheet and the categories, in the reader\'s language', async () => {
    const workbook = await readBack(await reportWorkbook('da', sampleReportView({ kind: 'unit', unitId: 'hn' }), new Date()));
    assert.deepEqual(workbook.worksheets.map((s) => s.name), ['Afdelinger', 'Gevinst pr. kategori']);
    assert.equal(workbook.worksheets[0].getCell(HEADER_ROW, 5).value, 'Forslag indsendt');
  });

  it('CSV in Norwegian: UTF-8 with a BOM, semicolons and decimal commas, every level with its name, æøå intact', () => {
    const buffer = reportCsv('nb', sampleReportView());
    assert.deepEqual(buffer.subarray(0, 3), BOM);
    const text = buffer.subarray(3).toString('utf8');
    assert.ok(text.includes('\r\n'), 'lines end as Excel writes them');
    const rows = parse(text, { delimiter: ';' }) as string[][];
    assert.deepEqual(rows[0].slice(0, 6), ['Nivå', 'Navn', 'Kode', 'Tjenesteområde', 'Enheter', 'Ansatte']);
    assert.deepEqual(rows.map((r) => `${r[0]}|${r[1]}`), ['Nivå|Navn', 'Enhet|Hjemmetjenesten nord', 'Enhet|Sykehjem øst', 'Enhet|Veg og park', 'Tjenesteområde|Helse og omsorg', 'Tjenesteområde|Teknisk drift', 'Kommunen|Demo kommune']);
    const hn = rows[1];
    const column = (header: string) => hn[rows[0].indexOf(header)];
    assert.equal(column('Ferdige per ansatt'), '0,07');
    assert.equal(column('Ansatte som deltok (%)'), '7,1');
    assert.equal(column('Møter avholdt (%)'), '15,4');
    assert.equal(column('Årsverk identifisert'), '0,08');
    assert.equal(column('Beløp/år identifisert (NOK)'), '30000', 'no grouping: Excel would read "30 000" as text');
    assert.equal(column('Kategori: Tid – Timer/år identifisert'), '130');
    assert.equal(column('Kategori: Tid – Timer/år realisert'), '52');
    assert.equal(column('Enheter'), '', 'units are counted for groups only');
    assert.equal(rows[6][rows[0].indexOf('Enheter')], '3');
  });

  it('CSV in English: commas and decimal points; a name with a separator or quotes stays one cell', () => {
    const view = sampleReportView({ kind: 'unit', unitId: 'hn' });
    const renamed = { ...view, units: view.units.map((u) => ({ ...u, name: 'Home care; "north", Øst' })) };
    const buffer = reportCsv('en', renamed);
    assert.deepEqual(buffer.subarray(0, 3), BOM);
    const rows = parse(buffer.subarray(3).toString('utf8'), { delimiter: ',' }) as string[][];
    assert.equal(rows[1][1], 'Home care; "north", Øst');
    assert.equal(rows[1][rows[0].indexOf('Done per employee')], '0.07');
    assert.equal(rows[1][rows[0].indexOf('Staff who took part (%)')], '7.1');
  });

  it('JSON keeps the figures with the derived ones, and no idea behind a stagnation flag', () => {
    const json = JSON.parse(reportJson(sampleReportView()).toString('utf8')) as { units: Record<string, unknown>[]; total: Record<string, unknown> };
    assert.equal(json.units[0].medianDaysToDone, 7);
    assert.equal(json.units[1].donePerEmployee, null);
    assert.deepEqual(json.units[0].stagnation, { noNewIdea: false, noStatusChange: false, noMeetingLogged: false, unassigned: 0, longOverdue: 1 });
    assert.equal(json.total.done, 2);
  });

  it('names files by period and scope, safely', () => {
    assert.equal(reportFileName(sampleReportView(), 'xlsx'), 'tavla-2026Q3-organisation.xlsx');
    assert.equal(reportFileName({ scope: { kind: 'area', areaId: 'helse-omsorg' }, period: { kind: 'custom', from: '2026-01-01', to: '2026-02-01', token: '2026-01-01..2026-02-01', year: 2026 } }, 'csv'), 'tavla-2026-01-01_2026-02-01-helse-omsorg.csv');
  });
});
