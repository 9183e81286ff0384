import assert from 'node:assert/strict';
import { DEMO_PEOPLE } from '../../src/services/demoOrganisation';
import { cardAction, message } from '../support/activities';
import { BotHarness, TurnResult, cardOf, cardText, createBotHarness } from '../support/botHarness';
import { buttonOf, pressAs, verbsOf } from '../support/cardButtons';
import { CardNode, answeredToPresser as answered, validCard } from '../support/cardNodes';
import { settableClock } from '../support/clock';

const HN = 'hjemmetjenesten-nord';
const { lars, kari, ola, per, anne, ingrid, siri } = DEMO_PEOPLE;

const sent = (result: TurnResult): CardNode => {
  assert.equal(result.replies.length, 1, 'one reply');
  return validCard(cardOf(result.replies[0]));
};
const titleOf = (card: CardNode): string => card.body?.[0]?.text ?? '';
const periodOf = (card: CardNode): string => card.body?.[1]?.text ?? '';
/** The unit rows: name and "new / done / overdue" ideas. */
const rowsOf = (card: CardNode): string[] =>
  (card.body ?? []).filter((n) => n.type === 'ColumnSet').slice(1).map((row) => `${row.columns?.[0]?.items?.[0]?.text}: ${row.columns?.[1]?.items?.[0]?.text}`);
const buttonTitles = (card: CardNode): string[] => (card.actions ?? []).map((a) => a.title ?? '');

describe('the weekly digest on demand (bot)', () => {
  let bot: BotHarness;
  let clock: ReturnType<typeof settableClock>;
  beforeEach(async () => {
    // Ideas in week 46 (9–15 Nov 2026) and in week 47 up to Friday 20 Nov.
    clock = settableClock('2026-11-10T09:00:00Z');
    bot = await createBotHarness({ clock });
    await bot.services.ideaSubmission.submit(ola, { unitId: HN, idea: { title: 'Færre vaktbytter', type: 'improve' } });
    await bot.services.ideaSubmission.submit(siri, { unitId: 'sykehjem-ost', idea: { title: 'Ryddig medisinrom', type: 'improve' } });
    clock.set('2026-11-17T09:00:00Z');
    await bot.services.ideaSubmission.submit(ola, { unitId: HN, idea: { title: 'Digital vaktliste', type: 'create' } });
    await bot.services.ideaSubmission.submit(kari, { unitId: HN, idea: { title: 'Felles innkjøp', type: 'improve' } });
    clock.set('2026-11-20T09:00:00Z');
  });

  it('shows a unit leader her unit’s last full week in nb, and this week so far on a press', async () => {
    const card = sent(await bot.send(message('ukerapport', { from: kari, locale: 'nb-NO' })));
    assert.equal(titleOf(card), 'Uke 46: Hjemmetjenesten nord');
    assert.equal(periodOf(card), '9.11.2026 – 15.11.2026');
    assert.deepEqual(rowsOf(card), ['Hjemmetjenesten nord: 1 / 0 / 0']);
    assert.deepEqual(buttonTitles(card), ['Denne uka så langt']);

    const now = answered(await pressAs(bot, buttonOf(card, 'digest.show'), kari, 'nb-NO'));
    assert.equal(titleOf(now), 'Uke 47: Hjemmetjenesten nord');
    assert.equal(periodOf(now), '16.11.2026 – 20.11.2026 (så langt)');
    assert.deepEqual(rowsOf(now), ['Hjemmetjenesten nord: 2 / 0 / 0']);
    assert.deepEqual(buttonTitles(now), ['Forrige uke']);
  });

  it('shows a TOL the service area with a row per unit, in Danish and English', async () => {
    const da = sent(await bot.send(message('ugerapport', { from: lars, locale: 'da-DK' })));
    assert.equal(titleOf(da), 'Uge 46: Helse og omsorg (område)');
    const en = sent(await bot.send(message('digest', { from: lars, locale: 'en-US' })));
    assert.equal(titleOf(en), 'Week 46: Helse og omsorg (service area)');
    assert.deepEqual(rowsOf(en), ['Hjemmetjenesten nord: 1 / 0 / 0', 'Sykehjem øst: 1 / 0 / 0', 'Total: 2 / 0 / 0']);
  });

  it('offers a leader of two units the other one, and the executive the organisation', async () => {
    const pers = sent(await bot.send(message('digest', { from: per, locale: 'en-US' })));
    assert.equal(titleOf(pers), 'Week 46: Bygg og eiendom');
    assert.deepEqual(buttonTitles(pers), ['This week so far', 'Veg og park']);
    const other = answered(await pressAs(bot, buttonOf(pers, 'digest.show', (b) => b.title === 'Veg og park'), per));
    assert.equal(titleOf(other), 'Week 46: Veg og park');
    assert.deepEqual(buttonTitles(other), ['This week so far', 'Bygg og eiendom']);

    const annes = sent(await bot.send(message('digest', { from: anne, locale: 'en-US' })));
    assert.equal(titleOf(annes), 'Week 46: Demo kommune');
    assert.deepEqual(rowsOf(annes), ['Helse og omsorg: 2 / 0 / 0', 'Teknisk drift: 0 / 0 / 0', 'Total: 2 / 0 / 0']);
    // Ingrid is a Lean coach as well as administrator: she follows the whole organisation.
    assert.equal(titleOf(sent(await bot.send(message('digest', { from: ingrid, locale: 'en-US' })))), 'Week 46: Demo kommune');
  });

  it('tells a staff member the digest is for leaders, and refuses a digest that is not yours', async () => {
    const { replies } = await bot.send(message('digest', { from: ola, locale: 'en-US' }));
    assert.match(String(replies[0]?.text), /The weekly digest is for unit leaders, service-area leaders, the executive group and Lean coaches, so there is none for you\./);
    const forged = answered(await bot.send(cardAction('digest.show', { scope: 'unit', scopeId: 'sykehjem-ost', week: 'last' }, { from: kari, locale: 'nb-NO' })));
    assert.match(cardText(forged), /Ukerapporten er for enhetsledere/);
    assert.deepEqual(verbsOf(forged), []);
    const odd = answered(await bot.send(cardAction('digest.show', { scope: 'unit', scopeId: HN, week: 'next' }, { from: kari, locale: 'en-US' })));
    assert.match(cardText(odd), /I could not find that/);
  });
});
