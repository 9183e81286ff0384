import assert from 'node:assert/strict';
import { Goal } from '../../src/domain/goals';
import { parseCommand } from '../../src/i18n/commandWords';
import { DEMO_PEOPLE } from '../../src/services/demoOrganisation';
import { CHANNEL_ID, message } from '../support/activities';
import { BotHarness, cardOf, cardText, createBotHarness } from '../support/botHarness';
import { buttonOf, buttonsOf, pressAs, verbsOf } from '../support/cardButtons';
import { CardNode, answeredToPresser, validCard } from '../support/cardNodes';

const HN = 'hjemmetjenesten-nord';
const { kari, ola, per, lars, anne } = DEMO_PEOPLE;

const ORG_GOAL: Goal = { id: 'innovativ', level: 'organisation', title: 'Vestre Toten skal utmerke seg som en innovativ kommune', closed: false };
const AREA_GOAL: Goal = { id: 'ho-velferd', level: 'area', ownerId: 'helse-omsorg', parentId: 'innovativ', title: 'Velferdsteknologi i alle tjenester', closed: false };
const OTHER_AREA_GOAL: Goal = { id: 'td-digital-drift', level: 'area', ownerId: 'teknisk-drift', parentId: 'innovativ', title: 'Digital drift', closed: false };
const UNIT_GOAL: Goal = { id: 'hn-tilsyn', level: 'unit', ownerId: HN, parentId: 'ho-velferd', title: 'Digitalt tilsyn hos halvparten av brukerne', measure: 'Andel brukere', target: '50 %', closed: false };

/** Inputs of a card by id, with their choices. */
function inputOf(card: CardNode, id: string): CardNode | undefined {
  const walk = (node: unknown): CardNode | undefined => {
    if (Array.isArray(node)) return node.map(walk).find(Boolean);
    if (typeof node !== 'object' || node === null) return undefined;
    const n = node as CardNode;
    if (n.id === id && n.type?.startsWith('Input.')) return n;
    return Object.values(n).map(walk).find(Boolean);
  };
  return walk(card);
}

describe('goals (bot)', () => {
  let bot: BotHarness;

  beforeEach(async () => {
    bot = await createBotHarness({ clock: { now: () => new Date('2026-03-02T08:00:00Z') } });
  });

  const storedGoals = async () => (await bot.organisation.load()).goals;
  const seed = async (...goals: Goal[]) => {
    for (const goal of goals) await bot.repositories.goals.create(goal);
    bot.directory.invalidate();
  };

  it('understands the command in Norwegian, Danish and English', () => {
    assert.equal(parseCommand('mål')?.command, 'goals');
    assert.equal(parseCommand('Målnedbrydning')?.command, 'goals');
    assert.equal(parseCommand('goals')?.command, 'goals');
  });

  it('an executive sets an organisation goal from the card; it is stored and shown', async () => {
    const { replies } = await bot.send(message('goals', { from: anne, locale: 'en-US' }));
    const card = validCard(cardOf(replies[0]));
    assert.match(cardText(card), /Goals – /);
    assert.match(cardText(card), /No goals yet\./);
    assert.deepEqual(buttonsOf(card).filter((b) => b.verb === 'goals.show').map((b) => b.title), ['Helse og omsorg', 'Teknisk drift'], 'the executive group follows every area');
    const form = answeredToPresser(await pressAs(bot, buttonOf(card, 'goals.form'), anne));
    assert.equal(inputOf(form, 'parentId'), undefined, 'an organisation goal hangs under nothing');
    const saved = answeredToPresser(await pressAs(bot, buttonOf(form, 'goals.save'), anne, 'en-US', { title: ORG_GOAL.title, measure: '', target: '' }));
    assert.match(cardText(saved), /Saved: Vestre Toten skal utmerke seg som en innovativ kommune\./);
    assert.deepEqual((await storedGoals()).map((g) => [g.level, g.title]), [['organisation', ORG_GOAL.title]]);
  });

  it('a TOL hangs an area goal under an organisation goal, and a unit leader a unit goal under her own area’s only', async () => {
    await seed(ORG_GOAL, OTHER_AREA_GOAL);
    const lars1 = validCard(cardOf((await bot.send(message('mål', { from: lars }))).replies[0]));
    assert.match(cardText(lars1), /Mål – Helse og omsorg/);
    const areaForm = answeredToPresser(await pressAs(bot, buttonOf(lars1, 'goals.form'), lars, 'nb-NO'));
    assert.deepEqual(inputOf(areaForm, 'parentId')?.choices?.map((c) => c.value), ['innovativ']);
    answeredToPresser(await pressAs(bot, buttonOf(areaForm, 'goals.save'), lars, 'nb-NO', { title: AREA_GOAL.title, parentId: 'innovativ' }));
    const areaGoal = (await storedGoals()).find((g) => g.title === AREA_GOAL.title);
    assert.equal(areaGoal?.ownerId, 'helse-omsorg');

    const kariCard = validCard(cardOf((await bot.send(message('mål', { from: kari }))).replies[0]));
    assert.match(cardText(kariCard), /Mål – Hjemmetjenesten nord/);
    const unitForm = answeredToPresser(await pressAs(bot, buttonOf(kariCard, 'goals.form'), kari, 'nb-NO'));
    assert.deepEqual(inputOf(unitForm, 'parentId')?.choices?.map((c) => c.value), [areaGoal?.id], 'only her own area’s goals are offered');
    const refused = answeredToPresser(await pressAs(bot, buttonOf(unitForm, 'goals.save'), kari, 'nb-NO', { title: 'Digital drift i hjemmetjenesten', parentId: OTHER_AREA_GOAL.id }));
    assert.match(cardText(refused), /Støtter dette målet ett nivå opp: velg et av alternativene\./);
    assert.equal(inputOf(refused, 'title')?.value, 'Digital drift i hjemmetjenesten', 'what she typed is kept');
    const saved = answeredToPresser(await pressAs(bot, buttonOf(unitForm, 'goals.save'), kari, 'nb-NO', { title: UNIT_GOAL.title, measure: 'Andel brukere', target: '50 %', parentId: areaGoal?.id }));
    assert.match(cardText(saved), /Lagret: Digitalt tilsyn/);
    assert.match(cardText(saved), /Støtter: Velferdsteknologi i alle tjenester › Vestre Toten skal utmerke seg som en innovativ kommune/);
    assert.match(cardText(saved), /Måles på: Andel brukere · Målverdi: 50 %/);
    assert.match(cardText(saved), /0 forslag \(herav ferdige: 0\) · realisert 0 t/);
  });

  it('shows the channel’s unit goals in its channel, in Danish, and staff get no buttons to change them', async () => {
    await seed(ORG_GOAL, AREA_GOAL, UNIT_GOAL);
    await bot.organisation.updateUnit(HN, (u) => ({ ...u, channel: { conversationId: CHANNEL_ID, teamId: 't', tenantId: 'x', serviceUrl: 'https://s/' } }));
    bot.directory.invalidate();
    const card = validCard(cardOf((await bot.send(message('mål', { from: ola, where: 'channel', locale: 'da-DK' }))).replies[0]));
    assert.match(cardText(card), /Mål – Hjemmetjenesten nord/);
    assert.match(cardText(card), /Støtter: Velferdsteknologi/);
    assert.deepEqual(verbsOf(card).filter((v) => v !== 'goals.show'), [], 'no New, Edit or Close for staff');
    const forged = answeredToPresser(await pressAs(bot, { verb: 'goals.save', data: { level: 'unit', ownerId: HN } }, ola, 'da-DK', { title: 'Smuglet mål', parentId: AREA_GOAL.id }));
    assert.match(cardText(forged), /afdelingens af afdelingslederen/);
    const forgedClose = answeredToPresser(await pressAs(bot, buttonOf({ actions: [{ type: 'Action.Execute', verb: 'goals.close', data: { level: 'unit', ownerId: HN, goalId: UNIT_GOAL.id, version: 'x' } }] }, 'goals.close'), per, 'en-US'));
    assert.match(cardText(forgedClose), /a unit leader the unit's/);
    assert.equal((await storedGoals()).length, 3, 'nothing was written');
    assert.equal((await storedGoals()).find((g) => g.id === UNIT_GOAL.id)?.closed, false);
  });

  it('a blank title comes back on the form with the message next to it', async () => {
    await seed(ORG_GOAL, AREA_GOAL);
    const card = validCard(cardOf((await bot.send(message('goals', { from: kari, locale: 'en-US' }))).replies[0]));
    const form = answeredToPresser(await pressAs(bot, buttonOf(card, 'goals.form'), kari));
    const back = answeredToPresser(await pressAs(bot, buttonOf(form, 'goals.save'), kari, 'en-US', { title: '  ', target: 'under 6 %', parentId: AREA_GOAL.id }));
    assert.match(cardText(back), /Goal is required\./);
    assert.equal(inputOf(back, 'target')?.value, 'under 6 %');
    assert.deepEqual(await storedGoals().then((goals) => goals.length), 2);
  });

  it('an edit from a card made before someone else’s edit is refused as out of date, and nothing is overwritten', async () => {
    await seed(ORG_GOAL, AREA_GOAL, UNIT_GOAL);
    const card = validCard(cardOf((await bot.send(message('goals', { from: kari, locale: 'en-US' }))).replies[0]));
    const form = answeredToPresser(await pressAs(bot, buttonOf(card, 'goals.form', (b) => b.data?.goalId === UNIT_GOAL.id), kari));
    assert.equal(inputOf(form, 'title')?.value, UNIT_GOAL.title);
    // Lars, the service-area leader, changes the target meanwhile from his own card.
    const larsCard = answeredToPresser(await pressAs(bot, { verb: 'goals.show', data: { level: 'unit', ownerId: HN } }, lars));
    const larsForm = answeredToPresser(await pressAs(bot, buttonOf(larsCard, 'goals.form', (b) => b.data?.goalId === UNIT_GOAL.id), lars));
    answeredToPresser(await pressAs(bot, buttonOf(larsForm, 'goals.save'), lars, 'en-US', { title: UNIT_GOAL.title, target: '60 %', parentId: AREA_GOAL.id }));
    const stale = answeredToPresser(await pressAs(bot, buttonOf(form, 'goals.save'), kari, 'en-US', { title: 'Kari’s wording', target: '40 %', parentId: AREA_GOAL.id }));
    assert.match(cardText(stale), /This card is out of date/);
    assert.match(cardText(stale), /Target: 60 %/);
    const stored = (await storedGoals()).find((g) => g.id === UNIT_GOAL.id);
    assert.deepEqual([stored?.title, stored?.target], [UNIT_GOAL.title, '60 %']);
  });

  it('closing an area goal closes the unit goals below it; the unit card then lists it as closed', async () => {
    await seed(ORG_GOAL, AREA_GOAL, UNIT_GOAL);
    const card = validCard(cardOf((await bot.send(message('goals', { from: lars, locale: 'en-US' }))).replies[0]));
    const closed = answeredToPresser(await pressAs(bot, buttonOf(card, 'goals.close', (b) => b.data?.goalId === AREA_GOAL.id), lars));
    assert.match(cardText(closed), /Closed: Velferdsteknologi i alle tjenester, and 1 goal below it\./);
    assert.deepEqual((await storedGoals()).filter((g) => g.closed).map((g) => g.id).sort(), ['hn-tilsyn', 'ho-velferd']);
    const again = answeredToPresser(await pressAs(bot, buttonOf(card, 'goals.close', (b) => b.data?.goalId === AREA_GOAL.id), lars));
    assert.match(cardText(again), /out of date/, 'the old card cannot close it twice');
    const unitCard = answeredToPresser(await pressAs(bot, { verb: 'goals.show', data: { level: 'unit', ownerId: HN } }, kari));
    assert.match(cardText(unitCard), /No goals yet\./);
    assert.match(cardText(unitCard), /Closed: Digitalt tilsyn/);
    const unitForm = answeredToPresser(await pressAs(bot, buttonOf(unitCard, 'goals.form'), kari));
    assert.match(cardText(unitForm), /The service area has no open goals yet/);
    assert.deepEqual(buttonsOf(unitForm).map((b) => b.verb), ['goals.show'], 'nothing to save without a goal above');
  });

  it('offers the person’s other goal owners, widest first', async () => {
    const card = validCard(cardOf((await bot.send(message('goals', { from: kari, locale: 'en-US' }))).replies[0]));
    assert.deepEqual(buttonsOf(card).filter((b) => b.verb === 'goals.show').map((b) => b.title), ['Demo kommune', 'Helse og omsorg']);
    const areaCard = answeredToPresser(await pressAs(bot, buttonOf(card, 'goals.show', (b) => b.data?.level === 'area'), kari));
    assert.match(cardText(areaCard), /Goals – Helse og omsorg/);
    assert.deepEqual(verbsOf(areaCard).filter((v) => v !== 'goals.show'), [], 'a unit leader does not set the area’s goals');
  });

  it('the board card and the digest show the unit’s goals, the chain up to the organisation’s, and what serves each', async () => {
    await seed(ORG_GOAL, AREA_GOAL, UNIT_GOAL);
    await bot.services.ideaSubmission.submit(ola, { unitId: HN, idea: { title: 'Nøkkelboks', type: 'improve', goalId: UNIT_GOAL.id } });
    const board = validCard(cardOf((await bot.send(message('tavle', { from: kari }))).replies[0]));
    assert.match(cardText(board), /Våre mål\nDigitalt tilsyn hos halvparten av brukerne\nStøtter: Velferdsteknologi i alle tjenester › Vestre Toten skal utmerke seg som en innovativ kommune\n1 forslag \(herav ferdige: 0\) · realisert 0 t/);
    const digest = validCard(cardOf((await bot.send(message('ukerapport', { from: kari }))).replies[0]));
    assert.match(cardText(digest), /Våre mål\nDigitalt tilsyn hos halvparten av brukerne\nStøtter: Velferdsteknologi/);
  });

  it('a board without goals says nothing about goals', async () => {
    const board = validCard(cardOf((await bot.send(message('tavle', { from: kari }))).replies[0]));
    assert.doesNotMatch(cardText(board), /Våre mål/);
  });
});
