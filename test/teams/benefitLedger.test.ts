import assert from 'node:assert/strict';
import { IdeaStatus } from '../../src/domain/ideas';
import { Person } from '../../src/domain/people';
import { DEMO_PEOPLE } from '../../src/services/demoOrganisation';
import { BenefitTable } from '../../src/storage/benefitTable';
import { CHANNEL_ID, cardAction, message } from '../support/activities';
import { BotHarness, EXPORT_BASE_URL, TurnResult, cardOf, cardText, createBotHarness, invokeCard } from '../support/botHarness';
import { silentLogger } from '../../src/ports/logger';
import { createAdapter } from '../../src/teams/adapter';
import { replyConnectorClientOptions } from '../../src/teams/replyHttpClient';
import { createBotServer, listen } from '../../src/teams/server';
import { CardNode as Node, validCard as asCard, answeredToPresser as answered } from '../support/cardNodes';

const HN = 'hjemmetjenesten-nord';
const SO = 'sykehjem-ost';
const { lars, kari, ola, anne, per, ingrid } = DEMO_PEOPLE;



const sent = (result: TurnResult): Node => {
  assert.equal(result.replies.length, 1, 'one reply');
  return asCard(cardOf(result.replies[0]));
};

const firstText = (column: Node | undefined): string => column?.items?.[0]?.text ?? '';
const containers = (card: Node): Node[] => (card.body ?? []).filter((n) => n.type === 'Container');

/** [identified, realized] on one line of the "This quarter" or "Year to date" table. */
function figure(card: Node, heading: string, label: string): [string, string] {
  const period = containers(card).find((c) => firstText(c.items?.[0]?.columns?.[0]) === heading);
  assert.ok(period, `no "${heading}" table`);
  const line = period.items?.find((row) => firstText(row.columns?.[0]) === label);
  assert.ok(line, `no "${label}" line under "${heading}"`);
  return [firstText(line.columns?.[1]), firstText(line.columns?.[2])];
}

/** The per-unit or per-area rows: name, identified, realized, and what a tap opens. */
function rows(card: Node): { name: string; identified: string; realized: string; open?: Readonly<Record<string, unknown>> }[] {
  const section = containers(card).find((c) => c.items?.[0]?.columns && /^(Per|Pr\.)/.test(firstText(c.items[0].columns[0])));
  return (section?.items ?? [])
    .slice(1)
    .filter((n) => n.type === 'ColumnSet')
    .map((row) => ({
      name: firstText(row.columns?.[0]),
      identified: firstText(row.columns?.[1]),
      realized: firstText(row.columns?.[2]),
      ...(row.selectAction?.data ? { open: row.selectAction.data } : {}),
    }));
}

/** The done ideas listed as lacking a benefit, with their Open buttons. */
function missing(card: Node): { text: string; open: Node }[] {
  const section = containers(card).find((c) => /benefit registered|registrert gevinst|registreret gevinst|no benefit/i.test(firstText(c)));
  return (section?.items ?? [])
    .filter((n) => n.type === 'ColumnSet')
    .map((row) => ({ text: firstText(row.columns?.[0]), open: row.columns?.[1]?.items?.[0]?.actions?.[0] ?? {} }));
}

const buttonTitles = (card: Node) => (card.actions ?? []).map((a) => a.title);
/** Every node of a card, depth first. */
function nodesOf(card: unknown): Node[] {
  const found: Node[] = [];
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) return value.forEach(walk);
    if (typeof value !== 'object' || value === null) return;
    found.push(value as Node);
    Object.values(value).forEach(walk);
  };
  walk(card);
  return found;
}
const press = (bot: BotHarness, action: Node | undefined, from: Person, locale = 'en-US') => {
  assert.ok(action?.verb, 'expected a button');
  return bot.send(cardAction(action.verb, { ...action.data }, { from, locale }));
};

async function doneIdea(bot: BotHarness, title: string, unitId = HN) {
  const { idea } = await bot.services.ideaSubmission.submit(ola, { unitId, idea: { title, type: 'improve' } });
  let current = idea;
  const leader = unitId === HN ? kari : DEMO_PEOPLE.siri;
  for (const to of ['inProgress', 'evaluating', 'done'] as IdeaStatus[]) ({ idea: current } = await bot.services.ideaChanges.apply(leader, current, { kind: 'move', to }));
  return current;
}

const register = (bot: BotHarness, number: number, fields: Record<string, unknown>, unitId = HN) =>
  bot.send(cardAction('benefit.register', { unitId, number, fromBenefitId: '', ...fields }, { from: ola, locale: 'en-US' }));

const TWO_HOURS_A_WEEK = { category: 'time', stage: 'identified', indicator: 'Tid brukt på vaktbytter', period: 'week', baseline: '4', baselineOn: '2026-11-01', target: '2', targetBy: '2027-02-01', ownerId: ola.aadObjectId };
const TEN_THOUSAND_ONCE = { category: 'money', stage: 'realized', indicator: 'Vikarutgifter', period: 'oneOff', baseline: '14 000', baselineOn: '2026-08-01', measured: '4 000', measuredOn: '2026-11-15', use: 'budget', useText: 'Kuttet i vikarbudsjettet', ownerId: kari.aadObjectId };

describe('benefit ledger (bot)', () => {
  let bot: BotHarness;
  beforeEach(async () => {
    bot = await createBotHarness({ clock: { now: () => new Date('2026-11-20T09:00:00Z') } });
    await doneIdea(bot, 'Færre vaktbytter');
    await doneIdea(bot, 'Felles innkjøp av hansker');
    await doneIdea(bot, 'Nøkkelskap ved inngangen');
    invokeCard(await register(bot, 1, TWO_HOURS_A_WEEK));
    invokeCard(await register(bot, 2, TEN_THOUSAND_ONCE));
  });

  it('shows identified vs realized with the arithmetic; a realized gain counts only once approved', async () => {
    const card = sent(await bot.send(message('benefits', { from: kari, locale: 'en-US' })));
    const text = cardText(card);
    assert.match(text, /Benefits – Hjemmetjenesten nord/);
    assert.match(text, /As of 20 Nov 2026/);
    for (const period of ['This quarter', 'Year to date']) {
      assert.deepEqual(figure(card, period, 'Hours per year'), ['104 h', '0 h']);
      assert.deepEqual(figure(card, period, 'FTE'), ['0.06', '0.00']);
      assert.deepEqual(figure(card, period, 'Money per year').map((m) => m.replace(/\s/g, ' ')), ['NOK 0', 'NOK 0'], 'the pending 10 000 kr is not realized yet');
    }
    assert.match(text, /1 realized benefit is waiting for approval\./);
    assert.deepEqual(rows(card), [], 'one unit: no rows to break it down');
    assert.deepEqual(buttonTitles(card), ['Refresh']);

    const [pending] = (await new BenefitTable(bot.store).registeredBetween(HN, '2000-01-01', '2999-12-31')).filter((b) => b.stage === 'realized');
    await bot.services.benefitApproval.decide(lars, { unitId: HN, ideaNumber: 2, id: pending.id }, { outcome: 'approved' });
    const after = answered(await press(bot, card.actions?.[0], kari));
    assert.deepEqual(figure(after, 'This quarter', 'Money per year').map((m) => m.replace(/\s/g, ' ')), ['NOK 0', 'NOK 10,000']);
    assert.deepEqual(figure(after, 'Year to date', 'Hours per year'), ['104 h', '0 h']);
    assert.match(cardText(after), /No realized benefits are waiting for approval\./);
    assert.match(cardText(after), /Cut from the budget: 0\.00 FTE · NOK\s10,000/, 'realized money by its use');
    assert.match(cardText(after), /Put into other work: 0\.00 FTE · NOK\s0/);
  });

  it('charts identified against realized per quarter, with a table for clients without charts', async () => {
    const [pending] = (await new BenefitTable(bot.store).registeredBetween(HN, '2000-01-01', '2999-12-31')).filter((b) => b.stage === 'realized');
    await bot.services.benefitApproval.decide(lars, { unitId: HN, ideaNumber: 2, id: pending.id }, { outcome: 'approved' });
    for (const locale of ['nb-NO', 'da-DK', 'en-US']) sent(await bot.send(message('benefits', { from: kari, locale })));
    const card = sent(await bot.send(message('benefits', { from: kari, locale: 'en-US' })));
    type Chart = Node & { data?: { legend: string; values: { x: string; y: number }[] }[]; fallback?: Node };
    const charts = nodesOf(card).filter((n) => n.type === 'Chart.VerticalBar.Grouped') as Chart[];
    assert.deepEqual(charts.map((c) => c.title), ['FTE per quarter: identified and realized', 'Money per quarter (NOK): identified and realized']);
    assert.deepEqual(charts[0].data?.map((series) => [series.legend, series.values.map((v) => `${v.x} ${v.y}`)]), [
      ['Identified', ['Q1 2026 0', 'Q2 2026 0', 'Q3 2026 0', 'Q4 2026 0.06']],
      ['Realized', ['Q1 2026 0', 'Q2 2026 0', 'Q3 2026 0', 'Q4 2026 0']],
    ]);
    assert.deepEqual(charts[1].data?.[1].values.map((v) => v.y), [0, 0, 0, 10000]);
    assert.ok(charts.every((c) => nodesOf(c.fallback).some((n) => n.type === 'Table')));
  });

  it('exports the ledger as CSV for the finance office: a signed link, UTF-8 with BOM, read back row by row', async () => {
    const [pending] = (await new BenefitTable(bot.store).registeredBetween(HN, '2000-01-01', '2999-12-31')).filter((b) => b.stage === 'realized');
    await bot.services.benefitApproval.decide(lars, { unitId: HN, ideaNumber: 2, id: pending.id }, { outcome: 'approved' });
    const ledger = sent(await bot.send(message('gevinster', { from: kari, locale: 'nb-NO' })));
    const exportButton = nodesOf(ledger).find((n) => n.verb === 'benefit.export' && n.data?.period === 'year');
    assert.ok(exportButton);
    const card = answered(await press(bot, exportButton, kari, 'nb-NO'));
    assert.match(cardText(card), /CSV-filen for hittil i år er klar\. Lenken virker i 15 minutter og bare for deg\./);
    const download = nodesOf(card).find((n) => n.type === 'Action.OpenUrl') as (Node & { url?: string }) | undefined;
    assert.ok(download?.url?.startsWith(`${EXPORT_BASE_URL}/exports/ledger/`));

    const server = await listen(createBotServer({ adapter: createAdapter(undefined, replyConnectorClientOptions()), logic: async () => {}, allowedTenantIds: [], logger: silentLogger, mode: 'local', ledgerDownloads: { links: bot.exportLinks, exports: bot.services.ledgerExport, logger: silentLogger } }), '127.0.0.1', 0);
    try {
      const url = (download?.url ?? '').replace(EXPORT_BASE_URL, server.url);
      const response = await fetch(url);
      assert.equal(response.status, 200);
      assert.equal(response.headers.get('content-type'), 'text/csv; charset=utf-8');
      assert.match(response.headers.get('content-disposition') ?? '', /attachment; filename="benefits-hjemmetjenesten-nord-2026-01-01-2026-11-20\.csv"/);
      const bytes = new Uint8Array(await response.arrayBuffer());
      assert.deepEqual([...bytes.slice(0, 3)], [0xef, 0xbb, 0xbf], 'a UTF-8 byte-order mark, so Excel shows æøå');
      const lines = new TextDecoder('utf-8').decode(bytes.slice(3)).trim().split('\r\n').map((line) => line.split(';'));
      assert.equal(lines[0][0], 'Enhet');
      assert.ok(lines[0].includes('Realisert NOK/år'));
      const column = (name: string) => lines[0].indexOf(name);
      assert.deepEqual(lines.slice(1, -1).map((row) => [row[column('Forslag')], row[column('Registrering')], row[column('Identifisert timer/år')], row[column('Realisert NOK/år')], row[column('Bruk av frigjorte ressurser')]]), [
        ['HN-1', 'Plan', '104', '0', ''],
        ['HN-2', 'Uplanlagt gevinst', '0', '10000', 'Kuttet i budsjettet'],
      ]);
      assert.equal(lines[1][column('Tittel')], 'Færre vaktbytter', 'æøå survive');
      assert.deepEqual(lines[lines.length - 1].filter(Boolean), ['Sum', '104', '0', '0,06', '0', '0', '10000']);

      for (const tampered of [url.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A')), url.replace(/l1\.(.)/, (_, c: string) => `l1.${c === 'e' ? 'f' : 'e'}`)]) {
        assert.equal((await fetch(tampered)).status, 403, 'a changed signature or payload');
      }
      bot.clock.now = () => new Date('2026-11-20T10:00:00Z');
      assert.equal((await fetch(url)).status, 410, 'expired after 15 minutes');
    } finally {
      await server.close();
    }
    const refused = answered(await bot.send(cardAction('benefit.export', { kind: 'area', id: 'helse-omsorg', period: 'year' }, { from: per, locale: 'en-US' })));
    assert.match(cardText(refused), /You are not allowed to do that/, 'no link for a ledger one may not see');
  });

  it('lists done ideas without a benefit with an Open button, until one is registered', async () => {
    const card = sent(await bot.send(message('gevinster', { from: kari, locale: 'nb-NO' })));
    assert.match(cardText(card), /Gevinster – Hjemmetjenesten nord/);
    const listed = missing(card);
    assert.deepEqual(listed.map((m) => m.text), ['HN-3 Nøkkelskap ved inngangen']);
    assert.deepEqual(listed[0].open.data, { unitId: HN, number: 3 });
    assert.equal(listed[0].open.verb, 'idea.open');
    const item = answered(await press(bot, listed[0].open, kari, 'nb-NO'));
    assert.match(cardText(item), /Gevinst mangler/);

    invokeCard(await register(bot, 3, { category: 'quality', stage: 'identified', indicator: 'Borte nøkler per måned', baseline: '4', baselineOn: '2026-11-01', target: '0', targetBy: '2027-02-01', ownerId: ola.aadObjectId }));
    const after = sent(await bot.send(message('gevinst', { from: kari, locale: 'nb-NO' })));
    assert.deepEqual(missing(after), []);
    assert.match(cardText(after), /Alle ferdige forslag har registrert gevinst\./);
    assert.deepEqual(figure(after, 'Hittil i år', 'Andre gevinster (antall)'), ['1', '0'], 'the quality gain is counted, without an amount');
    const board = cardText(cardOf((await bot.send(message('tavle', { from: kari, locale: 'nb-NO' }))).replies[0]));
    assert.doesNotMatch(board, /GEVINST MANGLER/);
  });

  it('shows the executive group the organisation with a row per service area, each opening its area', async () => {
    const card = sent(await bot.send(message('benefits', { from: anne, locale: 'en-US' })));
    assert.match(cardText(card), /Benefits – Demo kommune/);
    assert.match(cardText(card), /Per service area, year to date/);
    const shown = rows(card);
    assert.deepEqual(
      shown.map((r) => [r.name, r.identified, r.realized]),
      [
        ['Helse og omsorg', '0.06 FTE', '0.00 FTE'],
        ['Teknisk drift', '0.00 FTE', '0.00 FTE'],
      ],
    );
    assert.deepEqual(shown[0].open, { kind: 'area', id: 'helse-omsorg' });
    const area = answered(await bot.send(cardAction('benefit.ledger', { ...shown[0].open }, { from: anne, locale: 'en-US' })));
    assert.match(cardText(area), /Benefits – Helse og omsorg/);
    assert.deepEqual(rows(area).map((r) => r.name), ['Hjemmetjenesten nord', 'Sykehjem øst']);
    assert.match(missing(area)[0].text, /HN-3 Nøkkelskap ved inngangen · Hjemmetjenesten nord/, 'the unit is named where several are shown');
    assert.equal(sent(await bot.send(message('benefits', { from: ingrid, locale: 'en-US' }))).body?.[0].text, 'Benefits – Demo kommune', 'administrators too');
  });

  it('shows the service-area leader his area with a row per unit', async () => {
    const card = sent(await bot.send(message('benefits', { from: lars, locale: 'en-US' })));
    assert.match(cardText(card), /Benefits – Helse og omsorg/);
    const shown = rows(card);
    assert.deepEqual(shown.map((r) => [r.name, r.identified]), [['Hjemmetjenesten nord', '0.06 FTE'], ['Sykehjem øst', '0.00 FTE']]);
    assert.deepEqual(shown[1].open, { kind: 'unit', id: SO });
    assert.match(cardText(card), /1 waiting for approval · 1 done without benefit/);
  });

  it('shows a staff member in two units the first, with a button for the other', async () => {
    const card = sent(await bot.send(message('benefits', { from: ola, locale: 'en-US' })));
    assert.match(cardText(card), /Benefits – Hjemmetjenesten nord/);
    assert.deepEqual(buttonTitles(card), ['Sykehjem øst', 'Refresh']);
    const other = answered(await press(bot, card.actions?.[0], ola));
    assert.match(cardText(other), /Benefits – Sykehjem øst/);
    assert.deepEqual(buttonTitles(other), ['Hjemmetjenesten nord', 'Refresh']);
  });

  it("refuses someone the area's ledger who is not part of it, in their language", async () => {
    const refused = answered(await bot.send(cardAction('benefit.ledger', { kind: 'area', id: 'helse-omsorg' }, { from: per, locale: 'nb-NO' })));
    assert.match(cardText(refused), /Du har ikke tilgang til å gjøre dette\. Bare enhetens medarbeidere, de som leder enheten eller tjenesteområdet, og de som følger hele kommunen, kan se gevinstene\./);
    const unit = answered(await bot.send(cardAction('benefit.ledger', { kind: 'unit', id: HN }, { from: per, locale: 'da-DK' })));
    assert.match(cardText(unit), /Du har ikke adgang til at gøre dette/);
    const own = sent(await bot.send(message('gevinster', { from: per, locale: 'nb-NO' })));
    assert.match(cardText(own), /Gevinster – (Bygg og eiendom|Veg og park)/, 'his own units, one at a time');
    assert.equal(buttonTitles(own).length, 2, 'a button for his other unit, and Refresh');
  });

  it("in a unit's linked channel shows that unit, without anyone's personal buttons", async () => {
    await bot.organisation.updateUnit(HN, (u) => ({ ...u, channel: { conversationId: CHANNEL_ID, teamId: 't', tenantId: 'x', serviceUrl: 'https://s/' } }));
    bot.directory.invalidate();
    const card = sent(await bot.send(message('benefits', { from: ola, locale: 'en-US', where: 'channel' })));
    assert.match(cardText(card), /Benefits – Hjemmetjenesten nord/);
    assert.deepEqual(buttonTitles(card), ['Refresh']);
  });

  it('tells someone in no unit that there is nothing to show', async () => {
    const result = await bot.send(message('benefits', { from: { aadObjectId: 'dddddddd-0000-4000-8000-000000000001', name: 'Ny Person' }, locale: 'en-US' }));
    assert.match(String(result.replies[0].text), /You are not in any unit yet, so there are no benefits to show\./);
  });

  it("uses the organisation's currency and hours per FTE (Danish: DKK, 1 924 h)", async () => {
    const org = await bot.organisation.load();
    await bot.organisation.saveSettings({ ...org.settings, currency: 'DKK', hoursPerFte: 1924, language: 'da' });
    bot.directory.invalidate();
    const [pending] = (await new BenefitTable(bot.store).registeredBetween(HN, '2000-01-01', '2999-12-31')).filter((b) => b.stage === 'realized');
    await bot.services.benefitApproval.decide(lars, { unitId: HN, ideaNumber: 2, id: pending.id }, { outcome: 'approved' });
    const card = sent(await bot.send(message('gevinster', { from: kari, locale: 'da-DK' })));
    assert.deepEqual(figure(card, 'År til dato', 'Timer pr. år'), ['104 t', '0 t']);
    assert.deepEqual(figure(card, 'År til dato', 'Årsværk'), ['0,05', '0,00'], '104 h at 1 924 h per FTE');
    assert.deepEqual(figure(card, 'År til dato', 'Penge pr. år').map((m) => m.replace(/\s/g, ' ')), ['0 kr.', '10.000 kr.']);
  });
});
