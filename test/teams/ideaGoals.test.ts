import assert from 'node:assert/strict';
import { Goal } from '../../src/domain/goals';
import { DEMO_PEOPLE } from '../../src/services/demoOrganisation';
import { cardAction, message } from '../support/activities';
import { BotHarness, cardOf, cardText, createBotHarness, invokeCard } from '../support/botHarness';
import { allNodes, buttonOf } from '../support/cardButtons';
import { CardNode, validCard } from '../support/cardNodes';

const HN = 'hjemmetjenesten-nord';
const SO = 'sykehjem-ost';
const { kari, ola, per } = DEMO_PEOPLE;

const ORG_GOAL: Goal = { id: 'innovativ', level: 'organisation', title: 'Innovativ kommune', closed: false };
const AREA_GOAL: Goal = { id: 'ho-velferd', level: 'area', ownerId: 'helse-omsorg', parentId: 'innovativ', title: 'Velferdsteknologi', closed: false };
const HN_GOAL: Goal = { id: 'hn-tilsyn', level: 'unit', ownerId: HN, parentId: 'ho-velferd', title: 'Digitalt tilsyn', closed: false };
const HN_CLOSED: Goal = { id: 'hn-gammelt', level: 'unit', ownerId: HN, parentId: 'ho-velferd', title: 'Gammelt mål', closed: true };
const SO_GOAL: Goal = { id: 'so-sensorer', level: 'unit', ownerId: SO, parentId: 'ho-velferd', title: 'Sensorer på alle rom', closed: false };

const goalInput = (card: unknown): CardNode | undefined => allNodes(card).find((n) => n.type === 'Input.ChoiceSet' && n.id === 'goalId');
const IDEA = { title: 'Nøkkelboks ved inngangen', type: 'improve' };

describe('linking ideas to goals (bot)', () => {
  let bot: BotHarness;

  beforeEach(async () => {
    bot = await createBotHarness({ clock: { now: () => new Date('2026-03-02T08:00:00Z') } });
    for (const goal of [ORG_GOAL, AREA_GOAL, HN_GOAL, HN_CLOSED, SO_GOAL]) await bot.repositories.goals.create(goal);
    bot.directory.invalidate();
  });

  const submit = (fields: Record<string, string>, from = kari) => bot.send(cardAction('idea.submit', { fixedUnitId: HN, ...IDEA, ...fields }, { from, locale: 'en-US' }));

  it("offers the unit's open goals on the idea form, and stores the one chosen", async () => {
    const form = validCard(cardOf((await bot.send(message('idea', { from: kari, locale: 'en-US' }))).replies[0]));
    assert.deepEqual(goalInput(form)?.choices, [{ title: 'Digitalt tilsyn', value: 'hn-tilsyn' }], "only her unit's open goals");
    await submit({ goalId: HN_GOAL.id });
    assert.equal((await bot.ideas.get(HN, 1))?.goalId, HN_GOAL.id);
    await submit({});
    assert.equal((await bot.ideas.get(HN, 2))?.goalId, undefined, 'the goal is optional');
  });

  it("names each goal with its unit when the person chooses among units", async () => {
    const form = validCard(cardOf((await bot.send(message('idé', { from: ola }))).replies[0]));
    assert.deepEqual(goalInput(form)?.choices?.map((c) => c.title), ['Hjemmetjenesten nord: Digitalt tilsyn', 'Sykehjem øst: Sensorer på alle rom']);
  });

  it("refuses another unit's goal and a closed goal, keeping what was typed and storing nothing", async () => {
    for (const goalId of [SO_GOAL.id, HN_CLOSED.id]) {
      const card = validCard(invokeCard(await submit({ goalId })));
      assert.match(cardText(card), /Serves goal \(optional\): choose one of the options/);
      assert.equal(allNodes(card).find((n) => n.id === 'title')?.value, IDEA.title);
    }
    assert.equal(await bot.ideas.get(HN, 1), undefined);
  });

  it('a leader links an idea to a goal later from its card; the card shows the goal, and an old card is refused', async () => {
    await submit({}, ola);
    const card = validCard(invokeCard(await bot.send(cardAction('idea.open', { unitId: HN, number: '1' }, { from: kari, locale: 'en-US' }))));
    assert.deepEqual(goalInput(card)?.choices?.map((c) => c.value), [HN_GOAL.id]);
    const link = buttonOf(card, 'idea.linkGoal');
    const linked = validCard(invokeCard(await bot.send(cardAction('idea.linkGoal', { ...link.data, goalId: HN_GOAL.id }, { from: kari, locale: 'en-US' }))));
    assert.match(cardText(linked), /Goal\nDigitalt tilsyn/);
    assert.equal((await bot.ideas.get(HN, 1))?.goalId, HN_GOAL.id);

    const stale = validCard(invokeCard(await bot.send(cardAction('idea.linkGoal', { ...link.data }, { from: kari, locale: 'en-US' }))));
    assert.match(cardText(stale), /changed this/);
    assert.equal((await bot.ideas.get(HN, 1))?.goalId, HN_GOAL.id, 'the old card did not unlink it');

    const again = buttonOf(linked, 'idea.linkGoal');
    const forged = validCard(invokeCard(await bot.send(cardAction('idea.linkGoal', { ...again.data, goalId: SO_GOAL.id }, { from: kari, locale: 'en-US' }))));
    assert.match(cardText(forged), /Serves goal \(optional\): choose one of the options/);
    const noGoal = goalInput(linked)?.choices?.[0];
    assert.equal(noGoal?.title, 'No goal', 'a linked idea can be unlinked');
    const unlinked = validCard(invokeCard(await bot.send(cardAction('idea.linkGoal', { ...again.data, goalId: noGoal?.value }, { from: kari, locale: 'en-US' }))));
    assert.doesNotMatch(cardText(unlinked), /Goal\nDigitalt tilsyn/);
    assert.equal((await bot.ideas.get(HN, 1))?.goalId, undefined, 'choosing no goal unlinks it');
  });

  it('someone outside the unit cannot link its ideas', async () => {
    await submit({});
    const refused = validCard(invokeCard(await bot.send(cardAction('idea.linkGoal', { unitId: HN, number: '1', version: '1', goalId: HN_GOAL.id }, { from: per, locale: 'en-US' }))));
    assert.doesNotMatch(cardText(refused), /Digitalt tilsyn/);
    assert.equal((await bot.ideas.get(HN, 1))?.goalId, undefined);
  });
});
