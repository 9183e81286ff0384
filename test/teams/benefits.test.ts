import assert from 'node:assert/strict';
import { Benefit } from '../../src/domain/benefits';
import { AlreadyDecidedError } from '../../src/domain/benefitRules';
import { Idea, IdeaStatus } from '../../src/domain/ideas';
import { LOCALES, Locale } from '../../src/domain/locale';
import { Person } from '../../src/domain/people';
import { Notification } from '../../src/ports/notifier';
import { DEMO_PEOPLE } from '../../src/services/demoOrganisation';
import { BenefitTable } from '../../src/storage/benefitTable';
import { notificationCard } from '../../src/cards/notificationCards';
import { cardAction } from '../support/activities';
import { BotHarness, cardText, createBotHarness } from '../support/botHarness';
import { CardNode as Node, validCard as asCard, answeredToPresser as answered } from '../support/cardNodes';
import { settableClock as testClock } from '../support/clock';

const HN = 'hjemmetjenesten-nord';
const { lars, kari, ola, ingrid, per, mette } = DEMO_PEOPLE;
const teamsId = (p: Person) => `29:${p.aadObjectId}`;





/** Every node of a card, depth first, to find buttons and inputs wherever they sit. */
function nodes(card: unknown): Node[] {
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

const buttons = (card: Node): Node[] => nodes(card).filter((n) => n.type === 'Action.Execute' && n !== card.refresh?.action);
const verbs = (card: Node): string[] => buttons(card).map((b) => b.verb ?? '');
const button = (card: Node, verb: string): Node => {
  const found = buttons(card).find((b) => b.verb === verb);
  assert.ok(found, `expected a ${verb} button; have ${verbs(card).join(', ')}`);
  return found;
};
const input = (card: Node, id: string): Node | undefined => nodes(card).find((n) => n.id === id && n.type?.startsWith('Input.'));
/** The card's inputs, in order: what the person is asked. */
const inputIds = (card: Node): string[] => nodes(card).filter((n) => n.type?.startsWith('Input.')).map((n) => n.id ?? '');

/** Presses a button as `from`, with what the person typed into the card's inputs. */
const press = (bot: BotHarness, action: Node, from: Person, inputs: Record<string, unknown> = {}, locale = 'en-US') =>
  bot.send(cardAction(action.verb ?? '', { ...action.data, ...inputs }, { from, locale }));

async function submitIdea(bot: BotHarness, title = 'Færre vaktbytter'): Promise<Idea> {
  const { idea } = await bot.services.ideaSubmission.submit(ola, { unitId: HN, idea: { title, type: 'improve', benefitAreas: ['time'] } });
  return idea;
}

async function move(bot: BotHarness, idea: Idea, ...statuses: IdeaStatus[]): Promise<Idea> {
  let current = idea;
  for (const to of statuses) ({ idea: current } = await bot.services.ideaChanges.apply(kari, current, { kind: 'move', to }));
  return current;
}

const doneIdea = async (bot: BotHarness, title?: string) => move(bot, await submitIdea(bot, title), 'inProgress', 'evaluating', 'done');

/** A time plan as the form sends it: 5 h/week spent on shift swaps, 2 h/week by February. */
const TIME_PLAN = { category: 'time', stage: 'identified', indicator: 'Tid brukt på vaktbytter', period: 'week', baseline: '5', baselineOn: '2026-11-01', target: '2', targetBy: '2027-02-01', ownerId: ola.aadObjectId };
/** An unplanned money gain, measured: 14 000 kr a quarter on temps before, 4 000 kr now. */
const REALIZED_MONEY = {
  category: 'money',
  stage: 'realized',
  indicator: 'Vikarutgifter',
  period: 'oneOff',
  baseline: '14 000',
  baselineOn: '2026-08-01',
  measured: '4 000',
  measuredOn: '2026-11-15',
  use: 'budget',
  useText: 'Kuttet i budsjettet for vikarer',
  ownerId: kari.aadObjectId,
  evidence: 'Fakturaer fra bemanningsbyrået',
};

/** The benefit form's submit, as Teams sends it: the button's data with every input. */
const register = (bot: BotHarness, number: number, fields: Record<string, unknown>, from: Person = ola, locale = 'en-US') =>
  bot.send(cardAction('benefit.register', { unitId: HN, number, fromBenefitId: '', ...fields }, { from, locale }));

const stored = (bot: BotHarness) => new BenefitTable(bot.store).registeredBetween(HN, '2000-01-01', '2999-12-31');

const kinds = (bot: BotHarness) => bot.notifications.sent.map((n) => `${n.to} ${n.notification.kind}`);

async function rendered(bot: BotHarness, notification: Notification, locale: Locale = 'en'): Promise<Node> {
  const { settings } = await bot.directory.snapshot();
  return asCard(notificationCard(locale, notification, settings));
}

/** Registers a realized gain from the card as Ola; returns the registration and Lars's approval card. */
async function realized(bot: BotHarness, number: number): Promise<{ benefit: Benefit; approval: Node }> {
  const card = answered(await register(bot, number, REALIZED_MONEY));
  assert.match(cardText(card), /Waiting for approval by the service-area leader/);
  const [benefit] = (await stored(bot)).filter((b) => b.stage === 'realized' && b.ideaNumber === number);
  const request = bot.notifications.sent.find((n) => n.to === `person:${lars.aadObjectId}` && n.notification.kind === 'approvalRequested');
  assert.ok(request, 'Lars is asked to approve');
  return { benefit, approval: await rendered(bot, request.notification) };
}

describe('benefit realisation (bot)', () => {
  let bot: BotHarness;
  let clock: ReturnType<typeof testClock>;
  beforeEach(async () => {
    clock = testClock('2026-11-20T09:00:00Z');
    bot = await createBotHarness({ clock });
  });

  describe('registering from the idea', () => {
    it('asks first what the gain is, then shows only the fields of its measure', async () => {
      await doneIdea(bot);
      for (const locale of ['nb-NO', 'da-DK', 'en-US']) {
        const item = answered(await bot.send(cardAction('idea.open', { unitId: HN, number: '1' }, { from: ola, locale })));
        assert.equal(button(item, 'benefit.form').style, 'positive');
      }
      const item = answered(await bot.send(cardAction('idea.open', { unitId: HN, number: '1' }, { from: ola, locale: 'en-US' })));
      assert.match(cardText(item), /Benefit missing: this idea is done, register its benefit\./);
      assert.deepEqual(button(item, 'benefit.form').data, { unitId: HN, number: 1 });

      const choose = answered(await press(bot, button(item, 'benefit.form'), ola));
      const text = cardText(choose);
      assert.match(text, /Register a benefit/);
      assert.match(text, /HN-1 Færre vaktbytter/);
      assert.deepEqual(inputIds(choose), ['category', 'stage'], 'one question for what the gain is, and planned or measured');
      assert.equal(input(choose, 'category')?.value, 'time', "the idea's expected benefit");
      assert.deepEqual(input(choose, 'category')?.choices?.map((c) => c.value), ['quality', 'time', 'money', 'capacity']);
      const details = answered(await press(bot, button(choose, 'benefit.form'), ola, { category: 'time', stage: 'identified' }));
      assert.deepEqual(inputIds(details), ['indicator', 'period', 'baseline', 'baselineOn', 'target', 'targetBy', 'ownerId', 'evidence']);
      assert.equal(input(details, 'ownerId')?.value, ola.aadObjectId, 'the viewer owns it when the idea has no owner');
      assert.equal(input(details, 'baselineOn')?.value, '2026-11-20');
      assert.deepEqual(button(details, 'benefit.register').data, { unitId: HN, number: 1, fromBenefitId: '', category: 'time', stage: 'identified' });
    });

    const FIELDS: Record<string, Record<string, string[]>> = {
      time: { identified: ['indicator', 'period', 'baseline', 'baselineOn', 'target', 'targetBy', 'ownerId', 'evidence'], realized: ['indicator', 'period', 'baseline', 'baselineOn', 'measured', 'measuredOn', 'use', 'useText', 'ownerId', 'evidence'] },
      money: { identified: ['indicator', 'period', 'baseline', 'baselineOn', 'target', 'targetBy', 'ownerId', 'evidence'], realized: ['indicator', 'period', 'baseline', 'baselineOn', 'measured', 'measuredOn', 'use', 'useText', 'ownerId', 'evidence'] },
      capacity: { identified: ['indicator', 'unit', 'period', 'baseline', 'baselineOn', 'target', 'targetBy', 'ownerId', 'evidence'], realized: ['indicator', 'unit', 'period', 'baseline', 'baselineOn', 'measured', 'measuredOn', 'ownerId', 'evidence'] },
      fuel: { identified: ['indicator', 'period', 'baseline', 'baselineOn', 'target', 'targetBy', 'ownerId', 'evidence'], realized: ['indicator', 'period', 'baseline', 'baselineOn', 'measured', 'measuredOn', 'ownerId', 'evidence'] },
      quality: { identified: ['indicator', 'unit', 'baseline', 'baselineOn', 'target', 'targetBy', 'ownerId', 'evidence'], realized: ['indicator', 'unit', 'baseline', 'baselineOn', 'measured', 'measuredOn', 'ownerId', 'evidence'] },
    };

    it('shows only the relevant fields for each category, in nb, da and en (an own category with its unit asks for none)', async () => {
      const org = await bot.organisation.load();
      await bot.organisation.saveSettings({ ...org.settings, benefitCategories: [...org.settings.benefitCategories, { id: 'fuel', measure: 'quantity', unit: 'liter', names: { nb: 'Drivstoff', da: 'Brændstof', en: 'Fuel' } }] });
      bot.directory.invalidate();
      await doneIdea(bot);
      const labels = { 'nb-NO': /Verdi før \(nullpunkt\), liter/, 'da-DK': /Værdi før \(nulpunkt\), liter/, 'en-US': /Value before \(baseline\), litres|Value before \(baseline\), liter/ };
      for (const locale of ['nb-NO', 'da-DK', 'en-US'] as const) {
        for (const [category, stages] of Object.entries(FIELDS)) {
          for (const [stage, fields] of Object.entries(stages)) {
            const form = answered(await bot.send(cardAction('benefit.form', { unitId: HN, number: '1', step: 'details', category, stage }, { from: ola, locale })));
            assert.deepEqual(inputIds(form), fields, `${category} ${stage} in ${locale}`);
          }
        }
        const fuel = answered(await bot.send(cardAction('benefit.form', { unitId: HN, number: '1', step: 'details', category: 'fuel', stage: 'identified' }, { from: ola, locale })));
        assert.match(cardText(fuel), labels[locale]);
      }
    });

    it('registers a time plan with its arithmetic; the idea no longer misses a benefit; nothing to approve', async () => {
      await doneIdea(bot);
      const card = answered(await register(bot, 1, TIME_PLAN));
      const text = cardText(card);
      assert.match(text, /Thank you! The benefit for HN-1 is registered\./);
      assert.match(text, /Time · benefit plan/);
      assert.match(text, /Planned gain: 3 h\/week ≈ 156 h\/yr ≈ 0\.09 FTE/);
      assert.match(text, /5 h\/week on 1 Nov 2026/);
      assert.match(text, /2 h\/week by 1 Feb 2027/);
      assert.match(text, /Plan – counts as identified/);
      assert.match(text, /Registered by Ola Bakken on 20 Nov 2026/);
      assert.deepEqual(verbs(card), ['benefit.form', 'idea.open'], 'no decisions on a plan; it can be measured');
      assert.equal(button(card, 'benefit.form').title, 'Add a measurement');
      assert.deepEqual(card.refresh?.userIds, [teamsId(ola)]);

      const [plan] = await stored(bot);
      assert.deepEqual([plan.stage, plan.measure, plan.amount, plan.period, plan.approval, plan.owner.name, plan.baseline, plan.target], ['identified', 'hours', 300, 'week', 'notNeeded', 'Ola Bakken', { value: 500, on: '2026-11-01' }, { value: 200, on: '2027-02-01' }]);
      assert.equal((await bot.ideas.get(HN, 1))?.benefitRegistered, true);
      assert.deepEqual(bot.notifications.sent, [], 'a plan needs no approval');
      const item = answered(await bot.send(cardAction('idea.open', { unitId: HN, number: '1' }, { from: ola, locale: 'en-US' })));
      assert.doesNotMatch(cardText(item), /Benefit missing/);
    });

    it('adds a measurement to the plan; a shortfall asks for the gap; the service-area leader gets the plan, the measurements and the chart', async () => {
      await doneIdea(bot);
      const planCard = answered(await register(bot, 1, TIME_PLAN));
      const form = answered(await press(bot, button(planCard, 'benefit.form'), ola));
      assert.deepEqual(inputIds(form), ['measured', 'measuredOn', 'gap', 'use', 'useText', 'evidence'], 'the plan fixes the rest');
      assert.match(cardText(form), /Tid brukt på vaktbytter/);
      assert.match(cardText(form), /5 h\/week on 1 Nov 2026/);
      const measure = button(form, 'benefit.register');
      const short = answered(await press(bot, measure, ola, { measured: '3,5', measuredOn: '2026-11-19', use: 'otherWork', useText: 'Mer tid med brukerne' }));
      assert.match(cardText(short), /The measured gain \(1\.5 h\/week\) falls short of the planned 3 h\/week: say briefly why\./);
      assert.equal(input(short, 'measured')?.value, '3,5', 'what was typed is kept');
      assert.equal((await stored(bot)).length, 1, 'nothing stored yet');

      const card = answered(await press(bot, measure, ola, { measured: '3,5', measuredOn: '2026-11-19', gap: 'Noen bytter avtales fortsatt på telefon', use: 'otherWork', useText: 'Mer tid med brukerne' }));
      assert.match(cardText(card), /Measured gain: 1\.5 h\/week ≈ 78 h\/yr ≈ 0\.05 FTE/);
      assert.match(cardText(card), /Waiting for approval/);
      const measurement = (await stored(bot)).find((b) => b.stage === 'realized')!;
      assert.deepEqual([measurement.planId, measurement.amount, measurement.measured, measurement.gap, measurement.use], [(await stored(bot)).find((b) => b.stage === 'identified')?.id, 150, { value: 350, on: '2026-11-19' }, 'Noen bytter avtales fortsatt på telefon', { kind: 'otherWork', text: 'Mer tid med brukerne' }]);

      const request = bot.notifications.sent.find((n) => n.notification.kind === 'approvalRequested');
      assert.equal(request?.to, `person:${lars.aadObjectId}`);
      for (const locale of LOCALES) await rendered(bot, request!.notification, locale);
      const approval = await rendered(bot, request!.notification);
      const text = cardText(approval);
      assert.match(text, /Tid brukt på vaktbytter/);
      assert.match(text, /5 h\/week on 1 Nov 2026/, 'the baseline');
      assert.match(text, /2 h\/week by 1 Feb 2027/, 'the target');
      assert.match(text, /3\.5 h\/week on 19 Nov 2026/, 'the measurement');
      assert.match(text, /Noen bytter avtales fortsatt på telefon/, 'the gap');
      assert.match(text, /Put into other work: Mer tid med brukerne/);
      const chart = nodes(approval).find((n) => n.type === 'Chart.Line') as (Node & { data?: { legend: string; values: { x: string; y: number }[] }[]; fallback?: Node }) | undefined;
      assert.ok(chart, 'a line chart of the measurements against baseline and target');
      assert.deepEqual(chart.data?.map((series) => [series.legend, series.values.map((v) => v.y)]), [
        ['Measured', [5, 3.5]],
        ['Baseline', [5, 5, 5]],
        ['Target', [2, 2, 2]],
      ]);
      assert.equal(chart.fallback?.type, 'Container', 'a table for clients without charts');
      assert.ok(nodes(chart.fallback).some((n) => n.type === 'Table'));
      assert.deepEqual(verbs(approval), ['benefit.approve', 'benefit.reject', 'benefit.requestChanges', 'idea.open']);

      const again = answered(await press(bot, measure, ola, { measured: '3', measuredOn: '2026-11-20', gap: 'x', use: 'budget' }));
      assert.match(cardText(again), /The measurement registered 2026-11-20 is waiting for approval/, 'one measurement waits at a time');
    });

    it('refuses 1,000,000 h a week for a 28-person unit with the reason, and asks to confirm an unusual gain', async () => {
      await doneIdea(bot);
      const unplanned = { category: 'time', stage: 'realized', indicator: 'Tid brukt på rapporter', period: 'week', baselineOn: '2026-10-01', measuredOn: '2026-11-19', use: 'budget', ownerId: ola.aadObjectId };
      const refused = answered(await register(bot, 1, { ...unplanned, baseline: '1 000 000', measured: '0' }));
      assert.match(cardText(refused), /Hours spent before \(baseline\): 52,000,000 hours a year is more than all the hours the unit works \(47,600 h: 28 people × 1,700 h\)\. Check the value and the period\./);
      const ask = answered(await register(bot, 1, { ...unplanned, baseline: '120', measured: '20' }, ola, 'nb-NO'));
      assert.match(cardText(ask), /Dette er en uvanlig stor gevinst: 100 t\/uke/);
      assert.equal(input(ask, 'confirmLarge')?.type, 'Input.Toggle');
      assert.deepEqual(await stored(bot), []);
      const confirmed = answered(await press(bot, button(ask, 'benefit.register'), ola, { ...unplanned, baseline: '120', measured: '20', confirmLarge: 'true' }, 'nb-NO'));
      assert.match(cardText(confirmed), /Målt gevinst: 100 t\/uke/);
      assert.equal((await stored(bot))[0].amount, 100_00);
    });

    it('says why an amount is refused and what to write instead, in every language', async () => {
      await doneIdea(bot);
      const ambiguous = { ...TIME_PLAN, baseline: '1.500', target: '1' };
      assert.match(cardText(answered(await register(bot, 1, ambiguous))), /"1\.500" is ambiguous\. Write 1500 or 1 500 for fifteen hundred, and 1,5 for one and a half\./);
      assert.match(cardText(answered(await register(bot, 1, ambiguous, ola, 'nb-NO'))), /«1\.500» kan leses på to måter\. Skriv 1500 eller 1 500/);
      assert.match(cardText(answered(await register(bot, 1, ambiguous, ola, 'da-DK'))), /»1\.500« kan læses på to måder\. Skriv 1500 eller 1 500/);
      assert.match(cardText(answered(await register(bot, 1, { ...TIME_PLAN, target: 'abc' }))), /"abc" is not a number\. Write digits, e\.g\. 2,5 or 1 500\./);
      const missing = answered(await register(bot, 1, { category: 'time', stage: 'identified', ownerId: 'nobody' }));
      assert.match(cardText(missing), /Please correct the marked fields\./);
      assert.match(cardText(missing), /Benefit owner \(in the line organisation\): choose one of the options offered\./);
      assert.deepEqual(await stored(bot), []);
    });

    it('refuses someone outside the unit, even with forged card data', async () => {
      await doneIdea(bot);
      const form = answered(await bot.send(cardAction('benefit.form', { unitId: HN, number: '1' }, { from: per, locale: 'en-US' })));
      assert.match(cardText(form), /You are not allowed to do that/);
      const card = answered(await register(bot, 1, { ...TIME_PLAN, ownerId: per.aadObjectId }, per));
      assert.match(cardText(card), /You are not allowed to do that/);
      assert.deepEqual(await stored(bot), []);
    });
  });

  describe('approval by the service-area leader', () => {
    it('sends the realized gain to Lars, who approves it from the card; Ola is told and it is in the history', async () => {
      await doneIdea(bot);
      const { benefit, approval } = await realized(bot, 1);
      assert.deepEqual(kinds(bot), [`person:${lars.aadObjectId} approvalRequested`]);
      const text = cardText(approval);
      assert.match(text, /New approval request: Ola Bakken registered a realized benefit for HN-1 Færre vaktbytter\./);
      assert.match(text, /Measured gain: NOK\s10,000 one-off/);
      assert.match(text, /Cut from the budget: Kuttet i budsjettet for vikarer/);
      assert.match(text, /Fakturaer fra bemanningsbyrået/);
      assert.deepEqual(verbs(approval), ['benefit.approve', 'benefit.reject', 'benefit.requestChanges', 'idea.open']);
      assert.deepEqual(button(approval, 'benefit.approve').data, { unitId: HN, number: 1, benefitId: benefit.id });
      for (const locale of LOCALES) await rendered(bot, bot.notifications.sent[0].notification, locale);

      const decided = answered(await press(bot, button(approval, 'benefit.approve'), lars, { comment: 'Godt dokumentert' }));
      const after = cardText(decided);
      assert.match(after, /Saved: approved\./);
      assert.match(after, /Approved – counts as realized/);
      assert.match(after, /Approved by Lars Haugen on 20 Nov 2026/);
      assert.match(after, /Comment: Godt dokumentert/);
      assert.deepEqual(verbs(decided), ['idea.open'], 'a decided card cannot be decided again');
      assert.deepEqual(decided.refresh?.userIds, [teamsId(ola), teamsId(lars)], 'submitter and service-area leader see the decided card');

      const [now] = await stored(bot);
      assert.equal(now.approval, 'approved');
      assert.equal(now.decision?.by.name, 'Lars Haugen');
      // The idea is done and now has an approved realized gain: its unit leader is asked "where else?".
      assert.deepEqual(kinds(bot).slice(1), [`person:${kari.aadObjectId} whereElse`, `person:${ola.aadObjectId} benefitDecided`]);
      const told = await rendered(bot, bot.notifications.sent[2].notification, 'nb');
      assert.match(cardText(told), /Den realiserte gevinsten din for HN-1 Færre vaktbytter ble godkjent av Lars Haugen/);
      const history = await bot.ideas.history(HN, 1);
      assert.deepEqual(
        history.filter((h) => h.what.startsWith('benefit')).map((h) => [h.by.name, h.what, h.detail]),
        [
          ['Ola Bakken', 'benefit', 'realized money'],
          ['Lars Haugen', 'benefitDecision', 'approved: Godt dokumentert'],
        ],
      );
    });

    it('refuses Ola and Kari, who are not service-area leaders, even with forged data; nothing changes', async () => {
      await doneIdea(bot);
      const { benefit, approval } = await realized(bot, 1);
      for (const who of [ola, kari]) {
        const card = answered(await press(bot, button(approval, 'benefit.approve'), who, { comment: '' }));
        const text = cardText(card);
        assert.match(text, /You are not allowed to do that\. Only a service-area leader of the unit's service area or an administrator can decide on a benefit\./);
        assert.match(text, /Waiting for approval/);
        assert.deepEqual(verbs(card), ['idea.open'], `${who.name} gets no decision buttons`);
      }
      const outsider = answered(await press(bot, button(approval, 'benefit.approve'), per));
      assert.match(cardText(outsider), /You are not allowed to do that/);
      const [now] = await stored(bot);
      assert.deepEqual([now.approval, now.version], ['pending', benefit.version]);
      assert.equal(now.decision, undefined);
      assert.deepEqual(kinds(bot), [`person:${lars.aadObjectId} approvalRequested`], 'nobody is told of a refused decision');
    });

    it('lets an administrator decide', async () => {
      await doneIdea(bot);
      const { approval } = await realized(bot, 1);
      const card = answered(await press(bot, button(approval, 'benefit.reject'), ingrid, { comment: 'Tallene mangler grunnlag' }, 'nb-NO'));
      assert.match(cardText(card), /Avvist av Ingrid Berg/);
      assert.equal((await stored(bot))[0].approval, 'rejected');
    });

    it('needs a comment to reject, and keeps the registration pending until there is one', async () => {
      await doneIdea(bot);
      const { approval } = await realized(bot, 1);
      const card = answered(await press(bot, button(approval, 'benefit.reject'), lars, { comment: '  ' }));
      assert.match(cardText(card), /Comment is required\./);
      assert.deepEqual(verbs(card), ['benefit.approve', 'benefit.reject', 'benefit.requestChanges', 'idea.open'], 'Lars can still decide');
      assert.equal((await stored(bot))[0].approval, 'pending');
    });

    it('asks for changes; Ola is told to register again and the form comes prefilled as realized', async () => {
      await doneIdea(bot);
      const { approval } = await realized(bot, 1);
      await press(bot, button(approval, 'benefit.requestChanges'), lars, { comment: 'Legg ved fakturaene' });
      const told = bot.notifications.sent.find((n) => n.notification.kind === 'benefitDecided');
      assert.equal(told?.to, `person:${ola.aadObjectId}`);
      const card = await rendered(bot, told!.notification);
      assert.match(cardText(card), /Lars Haugen asked for changes to your benefit for HN-1 Færre vaktbytter\. Please register it again with the changes\./);
      assert.match(cardText(card), /Comment: Legg ved fakturaene/);
      const form = answered(await press(bot, button(card, 'benefit.form'), ola));
      assert.match(cardText(form), /Measure again with the changes that were asked for\./);
      assert.equal(input(form, 'measured')?.value, '4000');
      assert.equal(input(form, 'baseline')?.value, '14000');
      assert.equal(input(form, 'use')?.value, 'budget');
      assert.equal(input(form, 'useText')?.value, REALIZED_MONEY.useText);
      assert.equal(button(form, 'benefit.register').data?.stage, 'realized');
    });

    it('answers a card that was already decided with the decision that stands', async () => {
      await doneIdea(bot);
      const { approval } = await realized(bot, 1);
      await press(bot, button(approval, 'benefit.approve'), lars);
      const again = answered(await press(bot, button(approval, 'benefit.reject'), lars, { comment: 'Nei likevel' }));
      assert.match(cardText(again), /Already decided by Lars Haugen: approved\./);
      assert.deepEqual(verbs(again), ['idea.open']);
      assert.equal((await stored(bot))[0].approval, 'approved');
    });

    it('of two service-area leaders deciding at once, exactly one decision stands and the other sees it', async () => {
      const org = await bot.organisation.load();
      const area = org.serviceAreas.find((a) => a.id === 'helse-omsorg')!;
      await bot.organisation.saveServiceArea({ ...area, leaders: [...area.leaders, { kind: 'aad', id: mette.aadObjectId }] });
      bot.directory.invalidate();
      await doneIdea(bot);
      const { benefit, approval } = await realized(bot, 1);
      assert.deepEqual(kinds(bot).sort(), [`person:${lars.aadObjectId} approvalRequested`, `person:${mette.aadObjectId} approvalRequested`].sort());

      const key = { unitId: HN, ideaNumber: 1, id: benefit.id };
      const [larsPress, mettes] = await Promise.allSettled([
        press(bot, button(approval, 'benefit.approve'), lars),
        bot.services.benefitApproval.decide(mette, key, { outcome: 'rejected', comment: 'For tynt grunnlag' }),
      ]);
      assert.equal(larsPress.status, 'fulfilled');
      const larsCard = answered(larsPress.value);
      const [now] = await stored(bot);
      if (now.approval === 'approved') {
        assert.match(cardText(larsCard), /Saved: approved\./);
        assert.equal(mettes.status, 'rejected');
        assert.ok(mettes.reason instanceof AlreadyDecidedError, String(mettes.reason));
        assert.equal(mettes.reason.current.decision?.by.name, 'Lars Haugen');
      } else {
        assert.equal(now.approval, 'rejected');
        assert.equal(mettes.status, 'fulfilled');
        assert.match(cardText(larsCard), /Already decided by Mette Sørensen: rejected\./);
      }
      const decisions = (await bot.ideas.history(HN, 1)).filter((h) => h.what === 'benefitDecision');
      assert.equal(decisions.length, 1, 'one decision in the audit trail');
      assert.equal(bot.notifications.sent.filter((n) => n.notification.kind === 'benefitDecided').length, 1, 'the submitter is told once');

      // Whoever lost, pressing again on the old card shows the decision that stands.
      const late = answered(await press(bot, button(approval, 'benefit.requestChanges'), mette, { comment: 'Mer data' }));
      assert.match(cardText(late), /Already decided by (Lars Haugen|Mette Sørensen)/);
    });

    it("two decisions at the same instant: the registration's ETag lets exactly one through", async () => {
      await doneIdea(bot);
      const { benefit } = await realized(bot, 1);
      const key = { unitId: HN, ideaNumber: 1, id: benefit.id };
      const outcomes = await Promise.allSettled([
        bot.services.benefitApproval.decide(lars, key, { outcome: 'approved' }),
        bot.services.benefitApproval.decide(ingrid, key, { outcome: 'rejected', comment: 'Nei' }),
      ]);
      assert.deepEqual(outcomes.map((o) => o.status).sort(), ['fulfilled', 'rejected']);
      const lost = outcomes.find((o): o is PromiseRejectedResult => o.status === 'rejected')!;
      assert.ok(lost.reason instanceof AlreadyDecidedError, String(lost.reason));
      const [now] = await stored(bot);
      assert.equal(lost.reason.current.decision?.outcome, now.approval, 'the loser is told the decision that stands');
      assert.equal((await bot.ideas.history(HN, 1)).filter((h) => h.what === 'benefitDecision').length, 1);
    });

    it('refreshes the card for whoever looks at it: buttons for the leader, status for the submitter', async () => {
      await doneIdea(bot);
      const { approval } = await realized(bot, 1);
      const refresh = approval.refresh!.action;
      const forLars = answered(await press(bot, refresh, lars));
      assert.match(cardText(forLars), /New approval request/, 'the headline stays while it is still pending');
      assert.ok(verbs(forLars).includes('benefit.approve'));
      const forOla = answered(await press(bot, refresh, ola));
      assert.deepEqual(verbs(forOla), ['idea.open']);
      await press(bot, button(approval, 'benefit.approve'), lars);
      const afterwards = answered(await press(bot, refresh, lars));
      assert.doesNotMatch(cardText(afterwards), /New approval request/, 'a request that was answered is no longer new');
      assert.match(cardText(afterwards), /Approved by Lars Haugen/);
    });
  });

  describe('reminders', () => {
    it('follows a plan up 3 months after the idea was done by asking for a measurement of its indicator, which goes for approval', async () => {
      clock.set('2026-02-10T09:00:00Z');
      await doneIdea(bot);
      answered(await register(bot, 1, { ...TIME_PLAN, baselineOn: '2026-02-01', targetBy: '2026-05-01' }));
      assert.equal(await bot.services.benefitReminders.sendFollowUps(), 0, 'not yet due');

      clock.set('2026-05-11T07:00:00Z');
      assert.equal(await bot.services.benefitReminders.sendFollowUps(), 1);
      assert.deepEqual(kinds(bot), [`person:${ola.aadObjectId} followUpDue`]);
      const reminder = await rendered(bot, bot.notifications.sent[0].notification);
      assert.match(cardText(reminder), /It is 3 months since HN-1 Færre vaktbytter was done: measure the indicator of its benefit plan and add the measurement\./);
      const follow = button(reminder, 'benefit.form');
      assert.equal(follow.title, 'Add a measurement');
      assert.equal(follow.data?.fromBenefitId, (await stored(bot))[0].id);
      assert.equal(await bot.services.benefitReminders.sendFollowUps(), 0, 'once per interval');

      const form = answered(await press(bot, follow, ola));
      assert.match(cardText(form), /Follow-up of the plan registered 10 Feb 2026: measure the indicator now\./);
      assert.deepEqual(inputIds(form), ['measured', 'measuredOn', 'gap', 'use', 'useText', 'evidence'], 'a measurement, not a new registration');
      assert.equal(input(form, 'measuredOn')?.value, '2026-05-11');
      const card = answered(await press(bot, button(form, 'benefit.register'), ola, { measured: '2', measuredOn: '2026-05-11', use: 'otherWork', useText: 'Mer tid med brukerne' }));
      assert.match(cardText(card), /3 h\/week ≈ 156 h\/yr ≈ 0\.09 FTE/);
      assert.match(cardText(card), /Waiting for approval/);
      assert.deepEqual(kinds(bot).slice(1), [`person:${lars.aadObjectId} approvalRequested`]);
      assert.deepEqual((await stored(bot)).map((b) => `${b.stage} ${b.approval}`).sort(), ['identified notNeeded', 'realized pending']);
      clock.set('2027-02-11T07:00:00Z');
      assert.equal(await bot.services.benefitReminders.sendFollowUps(), 1, 'the plan is measured again at 12 months');
    });

    it('reminds the service-area leader of a pending approval after a week, once', async () => {
      await doneIdea(bot);
      await realized(bot, 1);
      clock.set('2026-11-25T09:00:00Z');
      assert.equal(await bot.services.benefitReminders.resendPendingApprovals(), 0, 'not before a week has passed');
      clock.set('2026-11-28T09:00:00Z');
      assert.equal(await bot.services.benefitReminders.resendPendingApprovals(), 1);
      const reminder = bot.notifications.sent[bot.notifications.sent.length - 1];
      assert.equal(reminder.to, `person:${lars.aadObjectId}`);
      const card = await rendered(bot, reminder.notification, 'nb');
      assert.match(cardText(card), /Påminnelse: HN-1 Færre vaktbytter har ventet på godkjenningen din siden 20\.11\.2026\./);
      assert.ok(verbs(card).includes('benefit.approve'));
      clock.set('2026-11-28T15:00:00Z');
      assert.equal(await bot.services.benefitReminders.resendPendingApprovals(), 0, 'not again the same day');
      assert.equal(bot.notifications.sent.filter((n) => n.notification.kind === 'approvalRequested').length, 2);
    });
  });
});
