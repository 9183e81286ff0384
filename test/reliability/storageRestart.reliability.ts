import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO_PEOPLE } from '../../src/services/demoOrganisation';
import { AzuriteProcess, startAzuriteProcess } from '../../src/storage/azuriteProcess';
import { azuriteConnectionString } from '../../src/storage/embeddedAzurite';
import { cardAction, message } from '../support/activities';
import { freePort } from '../support/freePort';
import { TavlaUnderTest, startTavlaUnderTest } from '../support/runningTavla';
import { Answer, converse, withId, SAVE_ANYWAY } from './conversation';

const BOT_FRAMEWORK_WINDOW_MS = 15_000;
const STORAGE_TEXT = {
  nb: /Tavla får ikke kontakt med lagringen akkurat nå\. Ingenting ble lagret/,
  da: /Tavla kan ikke få kontakt til lageret lige nu\. Intet blev gemt/,
};
const HN = 'hjemmetjenesten-nord';
const VP = 'veg-og-park';
const idea = (title: string) => ({ title, type: 'improve', situation: 'Vi leter etter utstyr.', proposal: 'Faste plasser.', wastes: 'motion', benefitAreas: 'time' });
describe('storage killed and restarted (reliability)', function () {
  this.timeout(120_000);
  let dir: string;
  let dbPath: string;
  let port: number;
  const storage: AzuriteProcess[] = [];
  let bot: TavlaUnderTest | undefined;

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'tavla-reliability-'));
    dbPath = join(dir, 'azurite-table.json');
    port = await freePort();
    storage.push(await startAzuriteProcess({ port, dbPath }));
    bot = await startTavlaUnderTest({ connectionString: azuriteConnectionString(port) });
  });
  after(async () => {
    await bot?.stop();
    for (const child of storage) await child.stop();
    await rm(dir, { recursive: true, force: true });
  });

  it('tells people storage is unavailable while it is down, and recovers by itself when it is back', async () => {
    const kari = { from: DEMO_PEOPLE.kari, locale: 'nb-NO' } as const;
    const per = { from: DEMO_PEOPLE.per, locale: 'da-DK' } as const;
    // Acknowledged just before the crash: the embedded Azurite acknowledges a write once it is on disk.
    const first = await converse(bot!, withId(cardAction('idea.submit', { fixedUnitId: HN, ...idea('Faste plasser for rullatorer'), ...SAVE_ANYWAY }, kari)));
    // The demo organisation comes with six months of history, so the new idea's number is read from the answer.
    const number = /Takk! Forslaget ditt HN-(\d+) /.exec(first.text)?.[1];
    assert.ok(number, first.text);

    const running = storage[0]!;
    const killedAt = Date.now();
    process.kill(running.pid, 'SIGKILL');
    const exit = await running.exited;
    assert.equal(exit.signal, 'SIGKILL');
    console.log(`      Azurite (pid ${running.pid}, port ${port}) killed with SIGKILL right after an acknowledged submission`);

    const down: [string, 'nb' | 'da', Answer][] = [
      ['message (tavle), nb', 'nb', await converse(bot!, withId(message('tavle', kari)))],
      ['card action (idea.submit), da', 'da', await converse(bot!, withId(cardAction('idea.submit', { fixedUnitId: VP, ...idea('Skilt ved lageret'), ...SAVE_ANYWAY }, per)))],
      ['card action (idea.open), nb', 'nb', await converse(bot!, withId(cardAction('idea.open', { unitId: HN, number }, kari)))],
    ];
    for (const [name, language, answer] of down) {
      assert.equal(answer.status, 200, name);
      assert.ok(answer.answerMs < BOT_FRAMEWORK_WINDOW_MS, `${name}: answered after ${answer.answerMs} ms`);
      assert.match(answer.text, STORAGE_TEXT[language], `${name}: ${answer.text}`);
    }

    storage.push(await startAzuriteProcess({ port, dbPath }));
    const restartedAt = Date.now();
    console.log(`      Azurite restarted on port ${port} after ${restartedAt - killedAt} ms (pid ${storage[1]!.pid}); the bot was not restarted`);

    // The very next requests are answered normally, with the data from before the kill.
    const board = await converse(bot!, withId(message('tavle', kari)));
    assert.doesNotMatch(board.text, STORAGE_TEXT.nb);
    assert.match(board.text, /Faste plasser for rullatorer/);
    const submitted = await converse(bot!, withId(cardAction('idea.submit', { fixedUnitId: VP, ...idea('Skilt ved lageret'), ...SAVE_ANYWAY }, per)));
    assert.match(submitted.text, /Tak! Dit forslag VP-\d+ står nu på forbedringstavlen/, submitted.text);
    const opened = await converse(bot!, withId(cardAction('idea.open', { unitId: HN, number }, kari)));
    assert.match(opened.text, /Faste plasser for rullatorer/);

    console.table([
      ...down.map(([request, , a]) => ({ phase: 'storage down', request, 'answer (ms)': a.answerMs })),
      { phase: 'after restart', request: 'message (tavle), nb', 'answer (ms)': board.answerMs },
      { phase: 'after restart', request: 'card action (idea.submit), da', 'answer (ms)': submitted.answerMs },
      { phase: 'after restart', request: 'card action (idea.open), nb', 'answer (ms)': opened.answerMs },
    ]);
  });
});
