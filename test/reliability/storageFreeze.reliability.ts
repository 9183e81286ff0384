import assert from 'node:assert/strict';
import { DEMO_PEOPLE } from '../../src/services/demoOrganisation';
import { azuriteConnectionString } from '../../src/storage/embeddedAzurite';
import { STORAGE_CALL_TIMEOUT_MS } from '../../src/storage/tableStore';
import { TURN_BUDGET_MS } from '../../src/teams/http/activityEndpoint';
import { cardAction, message } from '../support/activities';
import { testConnectionString } from '../support/azurite';
import { FreezableProxy } from '../support/freezableProxy';
import { TavlaUnderTest, startTavlaUnderTest } from '../support/runningTavla';
import { Answer, Row, content, converse, rowsOf, withId, SAVE_ANYWAY } from './conversation';

/** The Bot Framework gives up on a bot that has not answered within 15 s. */
const BOT_FRAMEWORK_WINDOW_MS = 15_000;
const FREEZE_MS = 20_000;
const STORAGE_TEXT = {
  nb: /Tavla får ikke kontakt med lagringen akkurat nå\. Ingenting ble lagret/,
  da: /Tavla kan ikke få kontakt til lageret lige nu\. Intet blev gemt/,
};
const HN = 'hjemmetjenesten-nord';
const VP = 'veg-og-park';
const idea = (title: string) => ({ title, type: 'improve', situation: 'Vi venter på nøkler hver morgen.', proposal: 'Nøkkelskap ved inngangen.', wastes: 'waiting', benefitAreas: 'time' });

const azuritePort = () => Number(/TableEndpoint=http:\/\/127\.0\.0\.1:(\d+)\//.exec(testConnectionString())?.[1]);
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Ideas, their counters and history lines must agree: nothing half-written. */
function checkIdeaPartitions(rows: readonly Row[]): string[] {
  const problems: string[] = [];
  const byUnit = new Map<string, Row[]>();
  for (const row of rows) byUnit.set(String(row.partitionKey), [...(byUnit.get(String(row.partitionKey)) ?? []), row]);
  for (const [unit, unitRows] of byUnit) {
    const counter = unitRows.find((r) => r.rowKey === 'counter');
    const ideas = unitRows.filter((r) => String(r.rowKey).startsWith('idea|'));
    const numbers = ideas.map((r) => Number(r.number)).sort((a, b) => a - b);
    if (ideas.length && typeof counter?.last !== 'number') problems.push(`${unit}: ideas without a counter`);
    if (counter && numbers.length && Math.max(...numbers) !== counter.last) problems.push(`${unit}: counter ${String(counter.last)} but ideas ${numbers.join(',')}`);
    for (const row of ideas) {
      const pad = String(row.number).padStart(7, '0');
      // Each version of the idea has its history line, written in the same transaction (audit|<n>|<at>|<version>|<salt>);
      // benefit lines on the idea's history count from 1,000,000 (src/storage/benefitTable.ts).
      const versions = unitRows
        .filter((r) => String(r.rowKey).startsWith(`audit|${pad}|`))
        .map((r) => Number(String(r.rowKey).split('|')[3]))
        .filter((sequence) => sequence < 1_000_000)
        .sort((a, b) => a - b);
      const expected = Array.from({ length: Number(row.version) }, (_, i) => i + 1);
      if (JSON.stringify(versions) !== JSON.stringify(expected)) problems.push(`${unit} idea ${String(row.number)}: version ${String(row.version)} but history for versions ${versions.join(',')}`);
      // The index rows written in the idea's own transaction (src/storage/ideaIndexes.ts).
      if (!unitRows.some((r) => new RegExp(`^sub\\|\\d{4}-\\d{2}-\\d{2}\\|${pad}$`).test(String(r.rowKey)))) problems.push(`${unit} idea ${String(row.number)}: no submission row`);
      const live = unitRows.find((r) => r.rowKey === `live|${pad}`);
      if (live && live.title !== row.title) problems.push(`${unit} idea ${String(row.number)}: live copy differs`);
    }
  }
  return problems;
}

describe('storage frozen for 20 s (reliability)', function () {
  this.timeout(120_000);
  let proxy: FreezableProxy;
  let bot: TavlaUnderTest;

  before(async () => {
    proxy = await FreezableProxy.start({ host: '127.0.0.1', port: azuritePort() });
    bot = await startTavlaUnderTest({ connectionString: azuriteConnectionString(proxy.port), inspectConnectionString: testConnectionString() });
  });
  after(async () => {
    proxy?.thaw();
    await bot?.stop();
    await proxy?.stop();
  });

  it('answers within the Bot Framework window in the person’s language, and loses nothing', async () => {
    const kari = { from: DEMO_PEOPLE.kari, locale: 'nb-NO' } as const;
    const per = { from: DEMO_PEOPLE.per, locale: 'da-DK' } as const;

    // Before: both have talked to Tavla, and Kari's unit has an idea.
    for (const who of [kari, per]) assert.equal((await converse(bot, withId(message('hjelp', who)))).status, 200);
    const first = await converse(bot, withId(cardAction('idea.submit', { fixedUnitId: HN, ...idea('Nøkkelskap'), ...SAVE_ANYWAY }, kari)));
    // The demo organisation comes with six months of history, so the new idea's number is read from the answer.
    const number = /Takk! Forslaget ditt HN-(\d+) /.exec(first.text)?.[1];
    assert.ok(number, first.text);
    const ideasBefore = await rowsOf(bot, 'Ideas');
    const organisationBefore = await rowsOf(bot, 'Organisation');
    const peopleBefore = await rowsOf(bot, 'People');

    proxy.freeze();
    const frozenAt = Date.now();
    // Kari and Per have been seen (their person rows are cached); Siri and Ola write to Tavla for the
    // first time, so remembering them costs a storage call of its own before the command's.
    const siri = { from: DEMO_PEOPLE.siri, locale: 'nb-NO' } as const;
    const ola = { from: DEMO_PEOPLE.ola, locale: 'da-DK' } as const;
    const during: { name: string; language: 'nb' | 'da'; answer: Promise<Answer> }[] = [
      { name: 'message (tavle), nb', language: 'nb', answer: converse(bot, withId(message('tavle', kari))) },
      { name: 'message (mine sager), da', language: 'da', answer: converse(bot, withId(message('mine sager', per))) },
      { name: 'card action (idea.submit), da', language: 'da', answer: converse(bot, withId(cardAction('idea.submit', { fixedUnitId: VP, ...idea('Saltlager nærmere'), ...SAVE_ANYWAY }, per))) },
      { name: 'card action (idea.open), nb', language: 'nb', answer: converse(bot, withId(cardAction('idea.open', { unitId: HN, number }, kari))) },
      { name: 'first message (tavle), nb', language: 'nb', answer: converse(bot, withId(message('tavle', siri))) },
      { name: 'first card action (idea.submit), da', language: 'da', answer: converse(bot, withId(cardAction('idea.submit', { fixedUnitId: HN, ...idea('Færre nøkler'), ...SAVE_ANYWAY }, ola))) },
    ];
    const answers = Object.fromEntries(await Promise.all(during.map(async ({ name, answer }) => [name, await answer] as const)));
    const languageOf = (name: string) => during.find((d) => d.name === name)!.language;
    const table = Object.entries(answers).map(([name, a]) => ({ request: name, status: a.status, 'answer (ms)': a.answerMs, 'HTTP (ms)': a.httpMs, typing: a.typing.length }));
    console.log(`      storage frozen (per-call timeout ${STORAGE_CALL_TIMEOUT_MS} ms, turn budget ${TURN_BUDGET_MS} ms):`);
    console.table(table);

    for (const [name, answer] of Object.entries(answers)) {
      assert.equal(answer.status, 200, name);
      assert.ok(answer.answerMs < BOT_FRAMEWORK_WINDOW_MS, `${name}: answered after ${answer.answerMs} ms`);
      assert.ok(answer.httpMs < BOT_FRAMEWORK_WINDOW_MS, `${name}: HTTP answer after ${answer.httpMs} ms`);
      assert.match(answer.text, STORAGE_TEXT[languageOf(name)], `${name}: ${answer.text}`);
      // Typing indicators, if any, at most one every 3 s and none after the answer.
      assert.ok(answer.typing.length <= Math.ceil(answer.answerMs / 3000), `${name}: ${answer.typing.length} typing indicators`);
      assert.ok(answer.typing.every((at) => at <= answer.answerMs), `${name}: typing after the answer`);
    }

    // Still frozen: nothing more reaches the people afterwards (no late typing, no second answer).
    const deliveriesAfterAnswers = bot.connector.deliveries.length;
    await sleep(Math.max(0, FREEZE_MS - (Date.now() - frozenAt)));
    assert.ok(proxy.frozen);
    assert.deepEqual(bot.connector.deliveries.slice(deliveriesAfterAnswers).map((d) => d.activity.type), [], 'nothing sent while storage stayed frozen');
    proxy.thaw();

    // After the thaw: the next submission works without restarting anything.
    const next = await converse(bot, withId(cardAction('idea.submit', { fixedUnitId: HN, ...idea('Felles nøkkelliste'), ...SAVE_ANYWAY }, kari)));
    assert.match(next.text, /Takk! Forslaget ditt HN-\d+/, next.text);
    const board = await converse(bot, withId(message('tavle', kari)));
    assert.doesNotMatch(board.text, STORAGE_TEXT.nb);
    assert.match(board.text, /Felles nøkkelliste/);

    // Earlier data intact (counters only move on), nothing half-written.
    const ideasAfter = await rowsOf(bot, 'Ideas');
    const find = (rows: Row[], row: Row) => rows.find((r) => r.partitionKey === row.partitionKey && r.rowKey === row.rowKey);
    for (const row of ideasBefore) {
      const now = find(ideasAfter, row);
      assert.ok(now, `${row.partitionKey}/${row.rowKey} was lost`);
      if (row.rowKey === 'counter') assert.ok(Number(now.last) >= Number(row.last), `${row.partitionKey} counter went back`);
      else assert.deepEqual(content(now), content(row), `${row.partitionKey}/${row.rowKey} changed`);
    }
    const organisationAfter = await rowsOf(bot, 'Organisation');
    for (const row of organisationBefore) assert.deepEqual(content(find(organisationAfter, row) ?? { ...row, lost: true }), content(row), `organisation ${row.rowKey}`);
    const peopleAfter = await rowsOf(bot, 'People');
    for (const row of peopleBefore) assert.ok(find(peopleAfter, row), `person ${row.rowKey} was lost`);
    assert.deepEqual(checkIdeaPartitions(ideasAfter), []);
    // The submission made while frozen was either saved whole after the thaw or not at all.
    const late = ideasAfter.filter((r) => String(r.rowKey).startsWith('idea|') && ['Saltlager nærmere', 'Færre nøkler'].includes(String(r.title)));
    // Told "nothing was saved", but a write held in the network may still arrive: whole, never in part.
    console.log(`      submissions made while frozen that reached storage after the thaw (whole): ${late.map((r) => `${String(r.partitionKey)} ${String(r.number)} "${String(r.title)}"`).join(', ') || 'none'}`);
  });
});
