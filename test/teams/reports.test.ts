import assert from 'node:assert/strict';
import { IdeaStatus } from '../../src/domain/ideas';
import { DEMO_PEOPLE } from '../../src/services/demoOrganisation';
import { cardAction, message } from '../support/activities';
import { BotHarness, REPORT_BASE_URL, TurnResult, cardOf, cardText, createBotHarness } from '../support/botHarness';
import { CardNode, answeredToPresser, validCard } from '../support/cardNodes';
import { settableClock } from '../support/clock';

const HN = 'hjemmetjenesten-nord';
const { lars, kari, ola, anne } = DEMO_PEOPLE;
const LOCALES = [
  { tag: 'nb-NO', title: 'Rapport – Helse og omsorg', ideas: 'Forslag sendt inn / ferdige / avvist', quarter: '3. kvartal 2026 (1.7.2026 – 30.9.2026)', forbidden: /Bare de som er med i enheten/ },
  { tag: 'da-DK', title: 'Rapport – Helse og omsorg', ideas: 'Forslag indsendt / færdige / afvist', quarter: '3. kvartal 2026 (1.7.2026 – 30.9.2026)', forbidden: /Kun afdelingens medarbejdere/ },
  { tag: 'en-US', title: 'Report – Helse og omsorg', ideas: 'Ideas submitted / done / rejected', quarter: 'Q3 2026 (1 Jul 2026 – 30 Sept 2026)', forbidden: /Only people in the unit/ },
];

const sentCard = (result: TurnResult): CardNode => {
  assert.equal(result.replies.length, 1, 'one reply');
  return validCard(cardOf(result.replies[0]));
};

function find(card: CardNode, test: (node: CardNode) => boolean): CardNode[] {
  const found: CardNode[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (typeof node !== 'object' || node === null) return;
    if (test(node as CardNode)) found.push(node as CardNode);
    Object.values(node).forEach(walk);
  };
  walk(card);
  return found;
}

const input = (card: CardNode, id: string): CardNode => {
  const [found] = find(card, (n) => n.id === id);
  assert.ok(found, `input ${id}`);
  return found;
};
const fact = (card: CardNode, title: string): string | undefined => find(card, (n) => !!n.facts).flatMap((n) => n.facts ?? []).find((f) => f.title === title)?.value;
const downloads = (card: CardNode) => (card.actions ?? []).filter((a) => a.type === 'Action.OpenUrl') as (CardNode & { url?: string })[];

async function moveTo(bot: BotHarness, number: number, statuses: IdeaStatus[]) {
  let idea = (await bot.ideas.get(HN, number))!;
  for (const to of statuses) ({ idea } = await bot.services.ideaChanges.apply(kari, idea, { kind: 'move', to }));
}

describe('reports (bot)', () => {
  let bot: BotHarness;
  const clock = settableClock('2026-07-06T08:00:00Z');

  beforeEach(async () => {
    clock.set('2026-07-06T08:00:00Z');
    bot = await createBotHarness({ clock });
    await bot.services.ideaSubmission.submit(ola, { unitId: HN, idea: { title: 'Færre vaktbytter', type: 'improve' } });
    await bot.services.ideaSubmission.submit(ola, { unitId: HN, idea: { title: 'Felles innkjøp', type: 'improve' } });
    clock.set('2026-07-07T10:00:00Z');
    // The first answer to HN-1 is its first status change, 26 hours after it was proposed.
    await moveTo(bot, 1, ['inProgress', 'evaluating', 'done']);
    clock.set('2026-09-15T08:00:00Z');
  });

  for (const { tag, title, ideas, quarter } of LOCALES) {
    it(`offers a service-area leader their area and its units for this quarter and others (${tag})`, async () => {
      const card = sentCard(await bot.send(message(tag.startsWith('en') ? 'report' : 'rapport', { from: lars, locale: tag })));
      const period = input(card, 'period');
      assert.equal(period.value, '2026Q3');
      assert.equal(period.choices?.[0]?.title, quarter);
      assert.deepEqual(period.choices?.map((c) => c.value), ['2026Q3', '2026Q2', '2026H2', '2026H1', '2026', '2025', 'custom']);
      assert.deepEqual(input(card, 'scope').choices?.map((c) => c.value), ['area:helse-omsorg', `unit:${HN}`, 'unit:sykehjem-ost'], 'no organisation, no other area');
      assert.equal(card.actions?.[0]?.verb, 'report.show');
    });

    it(`shows the area's quarter with figures, charts and signed download links (${tag})`, async () => {
      const card = answeredToPresser(await bot.send(cardAction('report.show', { period: '2026Q3', scope: 'area:helse-omsorg' }, { from: lars, locale: tag })));
      assert.equal(card.body?.[0]?.text, title);
      assert.equal(fact(card, ideas), '2 / 1 / 0');
      const charts = find(card, (n) => n.type === 'Chart.VerticalBar.Grouped') as (CardNode & { data?: { legend: string; values: { x: string; y: number }[] }[] })[];
      assert.equal(charts.length, 2, 'ideas and meetings; no benefits registered, so no benefit chart');
      assert.deepEqual(charts[0].data?.[0]?.values, [{ x: 'Hjemmetjenesten n…', y: 2 }, { x: 'Sykehjem øst', y: 0 }]);
      const links = downloads(card);
      assert.equal(links.length, 2);
      for (const [i, format] of (['xlsx', 'csv'] as const).entries()) {
        const url = links[i].url ?? '';
        assert.ok(url.startsWith(`${REPORT_BASE_URL}/reports/`), url);
        const checked = bot.reportLinks.check(url.slice(`${REPORT_BASE_URL}/reports/`.length));
        assert.ok(checked.ok);
        assert.deepEqual({ ...checked.claims, expiresAt: 0 }, { personId: lars.aadObjectId, scope: 'area:helse-omsorg', period: '2026Q3', format, locale: tag.slice(0, 2), expiresAt: 0 });
      }
    });
  }

  it('counts the hours to the first answer: a status change, or a comment by someone else', async () => {
    let card = answeredToPresser(await bot.send(cardAction('report.show', { period: '2026Q3', scope: `unit:${HN}` }, { from: kari, locale: 'en-US' })));
    assert.equal(fact(card, 'Median hours to first response'), '26');
    // Ola's own comment is no answer; Kari's, two days after HN-2 was proposed, is.
    clock.set('2026-07-07T08:00:00Z');
    await bot.send(cardAction('idea.comment', { unitId: HN, number: 2, comment: 'Any news?' }, { from: ola, locale: 'en-US' }));
    assert.equal((await bot.ideas.get(HN, 2))?.firstResponseAt, undefined);
    clock.set('2026-07-08T08:00:00Z');
    await bot.send(cardAction('idea.comment', { unitId: HN, number: 2, comment: 'We take it up on Monday.' }, { from: kari, locale: 'en-US' }));
    const [second] = (await bot.ideas.submittedBetween(HN, '2026-07-06', '2026-07-06')).filter((s) => s.number === 2);
    assert.equal(second.firstResponseAt, '2026-07-08T08:00:00.000Z', 'kept on the submission row the report reads');
    clock.set('2026-09-15T08:00:00Z');
    card = answeredToPresser(await bot.send(cardAction('report.show', { period: '2026Q3', scope: `unit:${HN}` }, { from: kari, locale: 'en-US' })));
    assert.equal(fact(card, 'Median hours to first response'), '37', 'the median of 26 and 48 hours');
  });

  it('gives the organisation to the executive group, first', async () => {
    const card = sentCard(await bot.send(message('report', { from: anne, locale: 'en-US' })));
    assert.deepEqual(input(card, 'scope').choices?.slice(0, 3).map((c) => c.value), ['organisation', 'area:helse-omsorg', 'area:teknisk-drift']);
    const report = answeredToPresser(await bot.send(cardAction('report.show', { period: '2026', scope: 'organisation' }, { from: anne, locale: 'en-US' })));
    assert.equal(report.body?.[0]?.text, 'Report – Demo kommune');
    assert.equal(fact(report, 'Units showing signs of stagnation (now)'), '4 / 4');
  });

  for (const { tag, forbidden } of LOCALES) {
    it(`refuses a scope the person may not see, even when the card data is forged (${tag})`, async () => {
      const card = answeredToPresser(await bot.send(cardAction('report.show', { period: '2026Q3', scope: 'area:helse-omsorg' }, { from: ola, locale: tag })));
      assert.match(cardText(card), forbidden);
      assert.equal(downloads(card).length, 0);
      const own = answeredToPresser(await bot.send(cardAction('report.show', { period: '2026Q3', scope: `unit:${HN}` }, { from: ola, locale: tag })));
      assert.equal(downloads(own).length, 2, 'his own unit he may see');
    });
  }

  it('gives the form back with each problem next to its input and the choices kept', async () => {
    const cases: [Record<string, string>, string, RegExp][] = [
      [{ period: 'custom', from: '2026-09-01', to: '2026-08-01', scope: `unit:${HN}` }, 'period', /give both dates, the first before the second/],
      [{ period: 'custom', from: '2026-09-01', scope: `unit:${HN}` }, 'to', /To \(other dates\) is required/],
      [{ period: '2026Q4', scope: `unit:${HN}` }, 'period', /That period has not started yet/],
      [{ period: '2026Q3', scope: 'unit:Not A Slug' }, 'scope', /Report on: choose one of the options offered/],
    ];
    for (const [data, field, problem] of cases) {
      const card = answeredToPresser(await bot.send(cardAction('report.show', data, { from: kari, locale: 'en-US' })));
      const text = cardText(card);
      assert.match(text, /Please correct the marked fields/, JSON.stringify(data));
      assert.match(text, problem, JSON.stringify(data));
      assert.equal(input(card, field === 'to' ? 'from' : 'period').value, field === 'to' ? '2026-09-01' : data.period);
    }
  });

  it('opens the form again from the report, with a custom range as its two dates', async () => {
    const card = answeredToPresser(await bot.send(cardAction('report.form', { period: '2026-07-01..2026-07-31', scope: `unit:${HN}` }, { from: kari, locale: 'nb-NO' })));
    assert.equal(input(card, 'period').value, 'custom');
    assert.equal(input(card, 'from').value, '2026-07-01');
    assert.equal(input(card, 'to').value, '2026-07-31');
    assert.equal(input(card, 'scope').value, `unit:${HN}`);
  });

  it('tells someone in no unit that there is nothing to report on', async () => {
    const stranger = { aadObjectId: '00000000-0000-4000-8000-0000000000aa', name: 'Ny Person' };
    const result = await bot.send(message('rapport', { from: stranger, locale: 'nb-NO' }));
    assert.equal(result.replies[0]?.text, 'Du er ikke med i noen enhet ennå, så det er ingenting å rapportere på.');
  });
});
