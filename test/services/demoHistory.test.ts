import assert from 'node:assert/strict';
import { seedDemoHistory } from '../../src/demoSeeding';
import { IDEA_STATUSES } from '../../src/domain/ideas';
import { isStagnating } from '../../src/domain/stagnation';
import { DEFAULT_STAGNATION } from '../../src/domain/stagnation';
import { silentLogger } from '../../src/ports/logger';
import { DEMO_PEOPLE } from '../../src/services/demoOrganisation';
import { DEMO_UNITS } from '../../src/services/demo/demoScript';
import { cachedHolidayChecks } from '../../src/scheduler/holidays';
import { BenefitTable } from '../../src/storage/benefitTable';
import { MeetingTable } from '../../src/storage/meetingTable';
import { message } from '../support/activities';
import { BotHarness, cardOf, cardText, createBotHarness } from '../support/botHarness';
import { CardNode, validCard } from '../support/cardNodes';
import { settableClock } from '../support/clock';

const { kari, lars, ola, anne, per } = DEMO_PEOPLE;
const UNIT_IDS = Object.values(DEMO_UNITS).map((unit) => unit.id);

/** A bot over a fresh store with the demo organisation and the history of `now`. */
async function demoBot(now: string): Promise<BotHarness> {
  const bot = await createBotHarness({ clock: settableClock(now) });
  await seedDemoHistory(bot.store, { now: new Date(now), logger: silentLogger });
  bot.directory.invalidate();
  return bot;
}

/** The first bot written for each date, shared by the tests that only read it. */
const written = new Map<string, Promise<BotHarness>>();
const sharedDemoBot = (now: string): Promise<BotHarness> => {
  if (!written.has(now)) written.set(now, demoBot(now));
  return written.get(now)!;
};

/** Everything the history wrote that a person could see, without storage's own ids. */
async function everything(bot: BotHarness) {
  const benefits = new BenefitTable(bot.store);
  const meetings = new MeetingTable(bot.store);
  return Promise.all(
    UNIT_IDS.map(async (unitId) => ({
      ideas: [...(await bot.ideas.live(unitId)), ...(await bot.ideas.closedBetween(unitId, '2000-01-01', '2100-01-01'))].sort((a, b) => a.number - b.number).filter((idea, i, all) => all[i - 1]?.number !== idea.number).map((i) => [i.number, i.title, i.status, i.owner?.name, i.dueDate, i.createdAt, i.statusChangedAt, i.benefitRegistered, i.actions.map((a) => [a.text, a.owner?.name, a.dueDate, a.done])]),
      benefits: (await benefits.registeredBetween(unitId, '2000-01-01', '2100-01-01')).map((b) => [b.ideaNumber, b.stage, b.measure, b.amount, b.approval, b.registeredOn, b.createdAt, b.decision?.by.name, b.followUpsSent]),
      meetings: (await meetings.list(unitId, '2000-01-01', '2100-01-01')).map((m) => [m.date, m.held, m.attendees, m.reason, m.notes]),
    })),
  );
}

const firstText = (column: CardNode | undefined): string => column?.items?.[0]?.text ?? '';

/** [identified, realized] on one line of the ledger's "This quarter" or "Year to date" table. */
function figure(card: CardNode, heading: string, label: string): [string, string] {
  const period = (card.body ?? []).find((c) => c.type === 'Container' && firstText(c.items?.[0]?.columns?.[0]) === heading);
  const line = period?.items?.find((row) => firstText(row.columns?.[0]) === label);
  assert.ok(line, `no "${label}" line under "${heading}"`);
  return [firstText(line.columns?.[1]), firstText(line.columns?.[2])];
}

const sent = async (bot: BotHarness, text: string, from: typeof kari, locale = 'nb-NO'): Promise<CardNode> => {
  const { replies } = await bot.send(message(text, { from, locale }));
  assert.equal(replies.length, 1, `one reply to "${text}"`);
  return validCard(cardOf(replies[0]));
};

describe('the local demo history (Azurite)', function () {
  this.timeout(120_000);
  const friday = '2026-11-20T10:00:00Z';

  it('is the same for the same date, and another for another date', async () => {
    const [first, again, monday] = await Promise.all([sharedDemoBot(friday), demoBot(friday), demoBot('2026-11-23T10:00:00Z')]);
    const story = await everything(first);
    assert.deepEqual(await everything(again), story);
    assert.notDeepEqual(await everything(monday), story);
    const ideas = story.flatMap((unit) => unit.ideas);
    assert.ok(ideas.length >= 38 && ideas.length <= 42, `about forty ideas: ${ideas.length}`);
    for (const status of IDEA_STATUSES) assert.ok(ideas.some((idea) => idea[2] === status), `an idea ${status}`);
    const oldest = ideas.map((idea) => String(idea[5])).sort()[0];
    assert.ok(oldest >= '2026-05-20' && oldest < '2026-06-01', `six months back: ${oldest}`);
    const meetings = story.flatMap((unit) => unit.meetings);
    assert.ok(meetings.some((m) => m[1]) && meetings.some((m) => !m[1]), 'meetings held and not held');
  });

  for (const now of [friday, '2027-01-04T08:00:00Z', '2026-10-01T10:00:00Z']) {
    it(`gives every demo card something true to show (${now.slice(0, 10)})`, async () => {
      const bot = await sharedDemoBot(now);
      const board = cardText(await sent(bot, 'tavle', kari));
      assert.match(board, /Forbedringstavle – Hjemmetjenesten nord/);
      assert.match(board, /FORFALT/);
      assert.match(board, /GEVINST MANGLER/);

      const karis = cardText(await sent(bot, 'mine', kari));
      assert.match(karis, /Venter på din avgjørelse/);
      assert.match(karis, /Avklar tilgang med IT/, 'an item overdue past the escalation threshold');
      assert.match(cardText(await sent(bot, 'my items', ola, 'en-US')), /OVERDUE/);

      const larses = cardText(await sent(bot, 'mine', lars));
      assert.match(larses, /HN-\d+ Kjørelister klare dagen før/, 'the approval waiting for Lars');
      const inbox = await sent(bot, 'approvals', lars, 'en-US');
      assert.match(cardText(inbox), /^1 realized benefit waits for your decision/m);
      assert.match(cardText(inbox), /Registered by Kari Nilsen/);

      const ledger = await sent(bot, 'benefits', lars, 'en-US');
      assert.match(cardText(ledger), /1 realized benefit is waiting for approval\./);
      assert.notEqual(figure(ledger, 'This quarter', 'Money per year')[1], 'NOK 0', 'a realized gain this quarter');
      const mettes = await sent(bot, 'benefits', DEMO_PEOPLE.mette, 'en-US');
      assert.notEqual(figure(mettes, 'This quarter', 'Money per year')[1], 'NOK 0', 'a realized gain this quarter');

      const digest = await sent(bot, 'ukerapport', kari);
      const rows = (digest.body ?? []).filter((n) => n.type === 'ColumnSet').slice(1).map((row) => row.columns?.map((c) => c.items?.[0]?.text));
      assert.deepEqual(rows[0]?.slice(0, 1), ['Hjemmetjenesten nord']);
      assert.match(String(rows[0]?.[2]), /^1 \/ 1$/, 'last week’s meeting was held');

      // Exactly one unit stagnates, and it is Bygg og eiendom.
      const today = now.slice(0, 10);
      const views = await bot.services.weeklyDigests.build(today, cachedHolidayChecks()('NO'), DEFAULT_STAGNATION);
      const organisation = views.find((v) => v.recipientId === anne.aadObjectId)!;
      assert.deepEqual(organisation.units.filter((u) => isStagnating(u.stagnation)).map((u) => u.name), ['Bygg og eiendom']);
      assert.match(cardText(await sent(bot, 'digest', anne, 'en-US')), /Teknisk drift: 1 unit shows signs of stagnation/);
      assert.match(cardText(await sent(bot, 'digest', per, 'en-US')), /Bygg og eiendom: no new idea for 4 weeks/);
    });
  }
});
