import assert from 'node:assert/strict';
import { DEMO_PEOPLE } from '../../src/services/demoOrganisation';
import { CHANNEL_ID, cardAction, message } from '../support/activities';
import { BotHarness, cardOf, cardText, createBotHarness } from '../support/botHarness';
import { CardNode, answeredToPresser, validCard } from '../support/cardNodes';
import { settableClock } from '../support/clock';

const HN = 'hjemmetjenesten-nord';
const { lars, kari, ola, ingrid, per } = DEMO_PEOPLE;

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
const button = (card: CardNode, verb: string) => find(card, (n) => n.verb === verb)[0];
const inChannel = { where: 'channel' as const, channelId: CHANNEL_ID };

const LOCALES = [
  { tag: 'nb-NO', thanks: 'Takk! 2 årsaker er lagt til.', question: 'Hva hindrer oss i å lykkes fullt ut med Lean?', empty: /Skriv minst én årsak\./, heading: 'Mennesker (2)' },
  { tag: 'da-DK', thanks: 'Tak! 2 årsager er tilføjet.', question: 'Hvad forhindrer os i at lykkes fuldt ud med Lean?', empty: /Skriv mindst én årsag\./, heading: 'Mennesker (2)' },
  { tag: 'en-US', thanks: 'Thank you! 2 causes added.', question: 'What stops us from fully succeeding with Lean?', empty: /Write at least one cause\./, heading: 'Mennesker (2)' },
];

describe('fishbone analysis (bot)', () => {
  let bot: BotHarness;
  const clock = settableClock('2026-09-01T08:00:00Z');

  /** Kari starts one for her unit; returns its id. */
  async function started(): Promise<string> {
    const card = answeredToPresser(await bot.send(cardAction('fishbone.start', { unitId: HN }, { from: kari, locale: 'nb-NO' })));
    const id = button(card, 'fishbone.add')?.data?.id;
    assert.equal(typeof id, 'string');
    return String(id);
  }

  beforeEach(async () => {
    clock.set('2026-09-01T08:00:00Z');
    bot = await createBotHarness({ clock });
    await bot.organisation.updateUnit(HN, (u) => ({ ...u, channel: { conversationId: CHANNEL_ID, teamId: 't', tenantId: 'x', serviceUrl: 'https://s/' } }));
    bot.directory.invalidate();
  });

  it('offers the unit leader to start one, and asks the staff in the channel', async () => {
    const offer = validCard(cardOf((await bot.send(message('fiskebein', { from: kari, locale: 'nb-NO' }))).replies[0]));
    assert.equal(offer.body?.[0]?.text, 'Hjemmetjenesten nord har ingen fiskebeinsanalyse i gang.');
    assert.deepEqual(button(offer, 'fishbone.start')?.data, { unitId: HN, reason: '' });
    const card = answeredToPresser(await bot.send(cardAction('fishbone.start', { unitId: HN }, { from: kari, locale: 'nb-NO' })));
    const text = cardText(card);
    assert.match(text, /Startet\. Medarbeiderne blir spurt i enhetens kanal\./);
    assert.match(text, /Hva hindrer oss i å lykkes fullt ut med Lean\?/);
    assert.ok(button(card, 'fishbone.concludeForm'), 'the leader may conclude');
    const again = answeredToPresser(await bot.send(cardAction('fishbone.start', { unitId: HN }, { from: lars, locale: 'en-US' })));
    assert.match(cardText(again), /An analysis is already under way; here it is\./, 'no second analysis');
  });

  it('lets a coach choose among all units, and refuses a unit leader of another unit', async () => {
    const choice = validCard(cardOf((await bot.send(message('fishbone', { from: ingrid, locale: 'en-US' }))).replies[0]));
    assert.equal(find(choice, (n) => n.verb === 'fishbone.open').length, 4);
    const refused = answeredToPresser(await bot.send(cardAction('fishbone.start', { unitId: HN }, { from: per, locale: 'en-US' })));
    assert.match(cardText(refused), /its leader, service-area leader, a Lean coach or an administrator start and conclude/);
  });

  for (const { tag, thanks, question, empty, heading } of LOCALES) {
    it(`lets the staff add causes from the channel card; everyone sees them (${tag})`, async () => {
      const id = await started();
      const result = await bot.send(cardAction('fishbone.add', { unitId: HN, id, cause_people: 'For lite tid\nNye vikarer hver uke', cause_machine: '' }, { from: ola, locale: tag, ...inChannel }));
      const card = validCard((result.invokeResponse?.body as { value?: unknown }).value);
      assert.equal(card.body?.[0]?.text, thanks);
      assert.equal(card.body?.[2]?.text, question);
      assert.match(cardText(card), /For lite tid – Ola Bakken/);
      assert.equal(button(card, 'fishbone.concludeForm'), undefined, 'staff do not conclude');
      assert.equal(result.updates.length, 1, 'the channel card shows the causes to everyone');
      const shared = validCard(cardOf(result.updates[0]));
      assert.ok(find(shared, (n) => n.text === heading).length, 'in the organisation\'s language');
      const nothing = answeredToPresser(await bot.send(cardAction('fishbone.add', { unitId: HN, id, cause_people: ' ' }, { from: ola, locale: tag })));
      assert.match(cardText(nothing), empty);
      assert.deepEqual((await bot.services.fishbones.view(kari, HN, id)).analysis.causes.length, 2);
    });
  }

  it('lets the facilitators pick main causes and turn them into action items, shown at the revision and counted in reports', async () => {
    const id = await started();
    await bot.send(cardAction('fishbone.add', { unitId: HN, id, cause_people: 'For lite tid', cause_method: 'Ingen fast agenda\nTavlemøtet blir utsatt' }, { from: ola, locale: 'nb-NO', ...inChannel }));
    const refused = answeredToPresser(await bot.send(cardAction('fishbone.concludeForm', { unitId: HN, id }, { from: ola, locale: 'nb-NO' })));
    assert.match(cardText(refused), /Bare enhetens medarbeidere legger til årsaker/);

    const form = answeredToPresser(await bot.send(cardAction('fishbone.concludeForm', { unitId: HN, id }, { from: kari, locale: 'nb-NO' })));
    assert.deepEqual(find(form, (n) => n.id === 'mainCauseIds')[0]?.choices?.map((c) => c.title), ['Mennesker: For lite tid', 'Metode: Ingen fast agenda', 'Metode: Tavlemøtet blir utsatt']);
    const version = button(form, 'fishbone.conclude')?.data?.version;
    assert.equal(version, 2, 'one version per addition');

    const problems = answeredToPresser(await bot.send(cardAction('fishbone.conclude', { unitId: HN, id, version, mainCauseIds: '', action1Text: 'Fast tid for tavlemøtet' }, { from: kari, locale: 'nb-NO' })));
    assert.match(cardText(problems), /Hovedårsaker må fylles ut\./);
    assert.match(cardText(problems), /Ansvarlig må fylles ut\./);

    clock.set('2026-09-10T08:00:00Z');
    const done = answeredToPresser(
      await bot.send(
        cardAction(
          'fishbone.conclude',
          { unitId: HN, id, version, mainCauseIds: '1,2', outcome: 'Vi setter av fast tid.', action1Text: 'Fast tid for tavlemøtet', action1Owner: kari.aadObjectId, action1Due: '2026-10-01' },
          { from: kari, locale: 'nb-NO' },
        ),
      ),
    );
    assert.match(cardText(done), /Avsluttet\. Tiltakene står på tavla under HN-1\./);
    assert.match(cardText(done), /Mennesker: For lite tid/);
    const idea = await bot.ideas.get(HN, 1);
    assert.equal(idea?.origin, 'fishbone');
    assert.equal(idea?.title, 'Fiskebeinsanalyse 10.9.2026');
    assert.deepEqual(idea?.actions.map((a) => [a.text, a.owner?.id, a.dueDate]), [['Fast tid for tavlemøtet', kari.aadObjectId, '2026-10-01']]);

    const late = answeredToPresser(await bot.send(cardAction('fishbone.add', { unitId: HN, id, cause_people: 'Enda en' }, { from: ola, locale: 'en-US' })));
    assert.match(cardText(late), /concluded in the meantime/);

    const revision = answeredToPresser(await bot.send(cardAction('revision.show', { unitId: HN }, { from: lars, locale: 'nb-NO' })));
    assert.match(cardText(revision), /Fiskebeinsanalyser siden forrige revisjon/);
    assert.match(cardText(revision), /10\.9\.2026: For lite tid; Ingen fast agenda/);
    const report = answeredToPresser(await bot.send(cardAction('report.show', { period: '2026Q3', scope: `unit:${HN}` }, { from: lars, locale: 'en-US' })));
    assert.equal(find(report, (n) => !!n.facts).flatMap((n) => n.facts ?? []).find((f) => f.title === 'Fishbone analyses concluded')?.value, '1');
  });
});
