import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import { DEMO_PEOPLE } from '../../src/services/demoOrganisation';
import { ReportLinkClaims, ReportLinks } from '../../src/teams/http/reportLinks';
import { LinkSigner } from '../../src/teams/http/signedLinks';
import { settableClock } from '../support/clock';
import { LocalEdge, startLocalEdge } from '../support/edgeServer';

const { lars, ola, per } = DEMO_PEOPLE;
const NOW = '2026-10-05T08:00:00Z';

describe('report downloads through the real HTTP server', () => {
  let edge: LocalEdge;
  const clock = settableClock(NOW);
  before(async () => {
    edge = await startLocalEdge({ harness: { clock } });
  });
  after(() => edge.stop());
  afterEach(() => clock.set(NOW));

  const claims = (overrides: Partial<ReportLinkClaims> = {}): ReportLinkClaims => ({
    personId: lars.aadObjectId,
    scope: 'area:helse-omsorg',
    period: '2026Q3',
    format: 'xlsx',
    locale: 'nb',
    expiresAt: clock.now().getTime() + 15 * 60_000,
    ...overrides,
  });
  const download = (token: string) => fetch(`${edge.server.url}/reports/${token}`);
  const tokenFor = (overrides: Partial<ReportLinkClaims> = {}) => edge.bot.reportLinks.token(claims(overrides));

  async function refused(res: Response, status: number): Promise<void> {
    assert.equal(res.status, status);
    const text = await res.text();
    assert.doesNotMatch(text, /Error|stack|at |\.ts|Azure|Table/);
    assert.ok((JSON.parse(text) as { error?: string }).error);
    assert.equal(res.headers.get('cache-control'), 'no-store');
  }

  it('serves the XLSX of a link the service-area leader got, as an attachment', async () => {
    const res = await download(tokenFor());
    assert.equal(res.status, 200, await res.clone().text());
    assert.equal(res.headers.get('content-type'), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    assert.equal(res.headers.get('content-disposition'), 'attachment; filename="tavla-2026Q3-helse-omsorg.xlsx"');
    assert.equal(res.headers.get('cache-control'), 'no-store');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await res.arrayBuffer());
    assert.deepEqual(workbook.worksheets.map((s) => s.name), ['Enheter', 'Tjenesteområder', 'Gevinst per kategori']);
    assert.equal(workbook.worksheets[0].getCell(4, 1).value, 'Hjemmetjenesten nord');
  });

  it('serves the CSV with its byte-order mark', async () => {
    const res = await download(tokenFor({ format: 'csv', locale: 'da' }));
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-type'), 'text/csv; charset=utf-8');
    const bytes = Buffer.from(await res.arrayBuffer());
    assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
    assert.match(bytes.subarray(3).toString('utf8'), /^Niveau;Navn;Kode;Område;/);
  });

  it('refuses an expired link with 410, a minute past its time', async () => {
    const token = tokenFor();
    clock.set('2026-10-05T08:16:00Z');
    await refused(await download(token), 410);
  });

  it('refuses a link tampered with anywhere, or signed with another key, with 403', async () => {
    const token = tokenFor();
    const [version, payload, signature] = token.split('.');
    // The payload names Ola instead of Lars: a well-formed claim whose signature no longer matches.
    const forgedPayload = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(payload, 'base64url').toString()), p: ola.aadObjectId })).toString('base64url');
    const flipped = (text: string, at: number) => `${text.slice(0, at)}${text[at] === 'A' ? 'B' : 'A'}${text.slice(at + 1)}`;
    const other = new ReportLinks(new LinkSigner('another key, also long enough to be accepted', () => undefined, clock));
    for (const bad of [
      `${version}.${forgedPayload}.${signature}`,
      `${version}.${payload}.${flipped(signature, 5)}`,
      `${version}.${flipped(payload, 10)}.${signature}`,
      `r0.${payload}.${signature}`,
      `${version}.${payload}`,
      other.token(claims()),
      'not-a-token',
      `${version}.${payload}.${signature}.extra`,
      'x'.repeat(2000),
    ]) {
      await refused(await download(encodeURIComponent(bad)), 403);
    }
  });

  it('refuses someone outside the scope with 403, checked again at download from stored roles', async () => {
    // A genuine link, made for a person who may not (or no longer) see the scope.
    await refused(await download(tokenFor({ personId: ola.aadObjectId })), 403);
    await refused(await download(tokenFor({ personId: per.aadObjectId, scope: 'unit:hjemmetjenesten-nord' })), 403);
    await refused(await download(tokenFor({ scope: 'organisation' })), 403);
    const own = await download(tokenFor({ personId: per.aadObjectId, scope: 'unit:veg-og-park', format: 'csv' }));
    assert.equal(own.status, 200, 'his own unit he may download');
  });

  it('answers 404 for a unit that no longer exists and keeps the token out of the log', async () => {
    const token = tokenFor({ scope: 'unit:nedlagt-enhet' });
    const before = edge.logger.lines.length;
    await refused(await download(token), 404);
    assert.ok(!JSON.stringify(edge.logger.lines.slice(before)).includes(token.split('.')[2]));
  });
});
