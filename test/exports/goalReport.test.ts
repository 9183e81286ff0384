import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import { reportJson } from '../../src/exports/reportJson';
import { HEADER_ROW, reportWorkbook } from '../../src/exports/reportWorkbook';
import { sampleReportView } from '../support/reportFixture';

async function sheetRows(buffer: Buffer, name: string): Promise<unknown[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  const sheet = workbook.getWorksheet(name);
  assert.ok(sheet, `no sheet ${name}; have ${workbook.worksheets.map((s) => s.name).join(', ')}`);
  const rows: unknown[][] = [];
  for (let r = HEADER_ROW; r <= sheet.rowCount; r++) rows.push(Array.from({ length: sheet.columnCount }, (_, c) => sheet.getCell(r, c + 1).value ?? null));
  return rows;
}

describe('reports cut by goal', () => {
  it("XLSX: the organisation's report has a Goals sheet, organisation goals first, each with its chain and what served it", async () => {
    const rows = await sheetRows(await reportWorkbook('en', sampleReportView(), new Date('2026-10-05T08:00:00Z')), 'Goals');
    assert.deepEqual(rows, [
      ['Level', 'Owner', 'Goal', 'Serves', 'Measure (optional)', 'Target (optional)', 'Linked ideas', 'Done in the period', 'Hours/yr realized', 'FTE realized', 'Money/yr realized (NOK)'],
      ['Organisation', 'Demo kommune', 'Innovativ kommune', null, null, null, 2, 1, 120, 0.07, 5000],
      ['Service area', 'Helse og omsorg', 'Velferdsteknologi', 'Innovativ kommune', null, null, 2, 1, 120, 0.07, 5000],
      ['Unit', 'Hjemmetjenesten nord', 'Digitalt tilsyn', 'Velferdsteknologi › Innovativ kommune', 'Andel brukere', '50 %', 2, 1, 120, 0.07, 5000],
    ], 'a closed goal nothing served in the period is left out');
  });

  it("a unit's report has only the unit's goals; a scope without goals has no Goals sheet", async () => {
    const rows = await sheetRows(await reportWorkbook('nb', sampleReportView({ kind: 'unit', unitId: 'hn' }), new Date()), 'Mål');
    assert.deepEqual(rows.slice(1).map((row) => row[2]), ['Digitalt tilsyn']);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await reportWorkbook('nb', sampleReportView({ kind: 'area', areaId: 'teknisk-drift' }), new Date())) as unknown as ArrayBuffer);
    assert.ok(!workbook.worksheets.some((s) => s.name === 'Mål'));
  });

  it('JSON: each goal with the goals it serves and its figures', () => {
    const json = JSON.parse(reportJson(sampleReportView()).toString('utf8')) as { goals: Record<string, unknown>[] };
    assert.deepEqual(json.goals.find((g) => g.id === 'hn-tilsyn'), {
      id: 'hn-tilsyn', level: 'unit', ownerId: 'hn', parentId: 'ho-velferd', title: 'Digitalt tilsyn', measure: 'Andel brukere', target: '50 %', closed: false,
      serves: ['ho-velferd', 'innovativ'], ideas: 2, done: 1, realized: { hours: 12000, money: 500000, other: 0 },
    });
  });
});
