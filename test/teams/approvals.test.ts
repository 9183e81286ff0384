import assert from 'node:assert/strict';
import { digestCard } from '../../src/cards/rhythmCards';
import { Benefit } from '../../src/domain/benefits';
import { DEFAULT_STAGNATION } from '../../src/domain/stagnation';
import { Person } from '../../src/domain/people';
import { DEMO_PEOPLE } from '../../src/services/demoOrganisation';
import { cachedHolidayChecks } from '../../src/scheduler/holidays';
import { BenefitTable } from '../../src/storage/benefitTable';
import { cardAction, message } from '../support/activities';
import { BotHarness, TurnResult, cardOf, cardText, createBotHarness } from '../support/botHarness';
import { buttonOf, pressAs, verbsOf } from '../support/cardButtons';
import { CardNode, answeredToPresser as answered, validCard } from '../support/cardNodes';
import { settableClock } from '../support/clock';

const HN = 'hjemmetjenesten-nord';
const SO = 'sykehjem-ost';
const VP = 'veg-og-park';
const { lars, kari, ola, siri, per, ingrid, mette } = DEMO_PEOPLE;

/** Who leads each unit (moves its ideas to done) and who may own its benefits. */
const UNITS = { [HN]: { leader: kari, owner: ola }, [SO]: { leader: siri, owner: ola }, [VP]: { leader: per, owner: per } } as const;
type UnitId = keyof typeof UNITS;

const sent = (result: TurnResult): CardNode => {
  assert.equal(result.replies.length, 1, 'one reply');
  return validCard(cardOf(result.replies[0]));
};

/** A done idea in the unit, with a realized gain registered by `by` at the clock's time. */
async function realizedGain(bot: BotHarness, unitId: UnitId, by: Person, title: string, hours = '2'): Promise<Benefit> {
  const { leader, owner } = UNITS[unitId];
  let { idea } = await bot.services.ideaSubmission.submit(leader, { unitId, idea: { title, type: 'improve', benefitAreas: ['time'] } });
  for (const to of ['inProgress', 'evaluating', 'done']) ({ idea } = await bot.services.ideaChanges.apply(leader, idea, { kind: 'move', to }));
  const { benefit } = await bot.services.benefitRegistration.register(by, { unitId, ideaNumber: idea.number }, {
    benefit: { category: 'time', stage: 'realized', indicator: 'Tid brukt på vaktbytter', period: 'week', baseline: '5', baselineOn: '2026-10-01', measured: String(5 - Number(hours)), measuredOn: '2026-11-01', use: 'otherWork', useText: 'Mer tid med brukerne', ownerId: owner.aadObjectId },
  });
  return benefit;
}

/** Headings of the approvals list, in order. */
const listed = (card: CardNode): string[] =>
  (card.body ?? []).filter((n) => n.type === 'Container').map((c) => c.items?.[0]?.columns?.[0]?.items?.[0]?.text ?? '');

/** The bold lines of "my items"' waiting section: its title, then each item. */
const waitingHeadings = (card: CardNode): string[] => {
  const section = (card.body ?? []).find((n) => n.type === 'Container' && (n as { style?: string }).style === 'emphasis');
  const texts: string[] = [];
  const walk = (node: CardNode): void => {
    if (node.type === 'TextBlock' && (node as { weight?: string }).weight === 'Bolder') texts.push(node.text ?? '');
    for (const child of [...(node.items ?? []), ...(node.columns ?? [])]) walk(child);
  };
  if (section) walk(section);
  return texts;
};

const approvalsOf = async (bot: BotHarness, who: Person, locale = 'en-US') => sent(await bot.send(message('approvals', { from: who, locale })));

describe("a leader's approvals inbox (bot)", () => {
  let bot: BotHarness;
  let clock: ReturnType<typeof settableClock>;
  beforeEach(async () => {
    clock = settableClock('2026-11-16T09:00:00Z');
    bot = await createBotHarness({ clock });
  });

  /** Four pending gains over three days: Ola's, Siri's and Kari's for Lars, Per's for Mette, and Lars's own. */
  async function pendingGains() {
    const first = await realizedGain(bot, HN, ola, 'Færre vaktbytter');
    clock.set('2026-11-17T09:00:00Z');
    const second = await realizedGain(bot, SO, siri, 'Ryddig medisinrom');
    const elsewhere = await realizedGain(bot, VP, per, 'Kortere kjøreruter');
    clock.set('2026-11-18T09:00:00Z');
    const third = await realizedGain(bot, HN, kari, 'Digital vaktliste', '3');
    const own = await realizedGain(bot, HN, lars, 'Felles innkjøp', '1');
    clock.set('2026-11-20T09:00:00Z');
    return { first, second, third, own, elsewhere };
  }

  it('lists the gains Lars may decide, oldest first, in nb, da and en; never his own, never another area', async () => {
    await pendingGains();
    const nb = await approvalsOf(bot, lars, 'nb-NO');
    const text = cardText(nb);
    assert.match(text, /Venter på din godkjenning/);
    assert.match(text, /3 realiserte gevinster venter på avgjørelsen din, eldste først\./);
    assert.deepEqual(listed(nb), ['HN-1 Færre vaktbytter', 'SO-1 Ryddig medisinrom', 'HN-2 Digital vaktliste']);
    assert.match(text, /Hjemmetjenesten nord · 2 t\/uke ≈ 104 t\/år ≈ 0,06 årsverk/);
    assert.match(text, /Registrert av Ola Bakken 16\.11\.2026 · har ventet 4 dager/);
    assert.match(text, /1 av dine egne registreringer venter også: en annen tjenesteområdeleder eller en systemansvarlig avgjør den\./);
    assert.doesNotMatch(text, /Kortere kjøreruter|Felles innkjøp/);

    const da = cardText(await approvalsOf(bot, lars, 'da-DK'));
    assert.match(da, /Venter på din godkendelse/);
    assert.match(da, /3 realiserede gevinster venter på din afgørelse, ældste først\./);
    const en = await approvalsOf(bot, lars, 'en-US');
    assert.match(cardText(en), /Waiting for your approval/);
    assert.match(cardText(en), /Registered by Kari Nilsen on 18 Nov 2026 · waiting 2 days/);
    // The same words work whatever the Teams language.
    assert.deepEqual(listed(sent(await bot.send(message('godkendelser', { from: lars, locale: 'nb-NO' })))), listed(nb));
    assert.deepEqual(listed(sent(await bot.send(message('godkjenninger', { from: lars, locale: 'en-US' })))), listed(nb));
  });

  it('opens the approval card from the list, approves from it, and goes back to a shorter list', async () => {
    const { first } = await pendingGains();
    const list = await approvalsOf(bot, lars);
    const open = buttonOf(list, 'benefit.refresh');
    assert.deepEqual(open.data, { unitId: HN, number: 1, benefitId: first.id, inbox: '1' });
    const card = answered(await pressAs(bot, open, lars));
    assert.match(cardText(card), /HN-1 Færre vaktbytter/);
    assert.deepEqual(verbsOf(card), ['benefit.approve', 'benefit.reject', 'benefit.requestChanges', 'idea.open', 'approvals.show']);

    const approved = answered(await pressAs(bot, buttonOf(card, 'benefit.approve'), lars));
    assert.match(cardText(approved), /Saved: approved\./);
    assert.deepEqual(verbsOf(approved), ['idea.open', 'approvals.show'], 'two more wait: the way on to them');
    assert.equal((await new BenefitTable(bot.store).get({ unitId: HN, ideaNumber: 1, id: first.id }))?.approval, 'approved');
    assert.ok(bot.notifications.sent.some((n) => n.to === `person:${ola.aadObjectId}` && n.notification.kind === 'benefitDecided'), 'Ola is told');

    const back = answered(await pressAs(bot, buttonOf(approved, 'approvals.show'), lars));
    assert.deepEqual(listed(back), ['SO-1 Ryddig medisinrom', 'HN-2 Digital vaktliste']);
  });

  it('asks for changes and rejects from the list too, with the comment the card asks for', async () => {
    await pendingGains();
    const list = await approvalsOf(bot, lars, 'da-DK');
    const so = buttonOf(list, 'benefit.refresh', (b) => b.data?.unitId === SO);
    const hn = buttonOf(list, 'benefit.refresh', (b) => b.data?.unitId === HN && b.data?.number === 2);
    const soCard = answered(await pressAs(bot, so, lars, 'da-DK'));
    const changes = answered(await pressAs(bot, buttonOf(soCard, 'benefit.requestChanges'), lars, 'da-DK', { comment: 'Vedlæg målingerne' }));
    assert.match(cardText(changes), /Gemt: der er bedt om ændringer\./);
    const hnCard = answered(await pressAs(bot, hn, lars, 'da-DK'));
    const refused = answered(await pressAs(bot, buttonOf(hnCard, 'benefit.reject'), lars, 'da-DK', { comment: '' }));
    assert.match(cardText(refused), /Kommentar skal udfyldes\./);
    assert.deepEqual(listed(await approvalsOf(bot, lars)), ['HN-1 Færre vaktbytter', 'HN-2 Digital vaktliste']);
  });

  it('tells someone outside the role who decides, and refuses their forged decision', async () => {
    const { first } = await pendingGains();
    for (const [who, locale, text] of [
      [ola, 'nb-NO', /Gevinster godkjennes av tjenesteområdelederen for enheten eller en systemansvarlig, så ingen venter på deg\./],
      [kari, 'da-DK', /Gevinster godkendes af områdechefen for afdelingens område eller en systemansvarlig, så ingen venter på dig\./],
      [per, 'en-US', /Benefit approvals are decided by the service-area leader of the unit's area or an administrator, so none wait for you\./],
    ] as const) {
      const { replies } = await bot.send(message('approvals', { from: who, locale }));
      assert.match(String(replies[0]?.text), text, who.name);
    }
    // Per leads no service area, but Mette, who leads his, has his gain waiting.
    assert.deepEqual(listed(await approvalsOf(bot, mette)), ['VP-1 Kortere kjøreruter']);
    const forged = answered(await bot.send(cardAction('benefit.approve', { unitId: HN, number: 1, benefitId: first.id }, { from: kari, locale: 'en-US' })));
    assert.match(cardText(forged), /You are not allowed to do that\. Only a service-area leader/);
    const shown = answered(await bot.send(cardAction('approvals.show', {}, { from: ola, locale: 'en-US' })));
    assert.match(cardText(shown), /none wait for you/);
    assert.equal((await new BenefitTable(bot.store).get({ unitId: HN, ideaNumber: 1, id: first.id }))?.approval, 'pending');
  });

  it('lets an administrator decide every unit, including a leader’s own registration', async () => {
    await pendingGains();
    assert.deepEqual(listed(await approvalsOf(bot, ingrid)), ['HN-1 Færre vaktbytter', 'SO-1 Ryddig medisinrom', 'VP-1 Kortere kjøreruter', 'HN-2 Digital vaktliste', 'HN-3 Felles innkjøp']);
  });

  it('answers a stale list: a gain decided in between shows the decision, with no buttons', async () => {
    await pendingGains();
    const list = await approvalsOf(bot, lars);
    const open = buttonOf(list, 'benefit.refresh');
    const card = answered(await pressAs(bot, open, lars));
    await pressAs(bot, buttonOf(card, 'benefit.approve'), ingrid);
    const late = answered(await pressAs(bot, buttonOf(card, 'benefit.reject'), lars, 'nb-NO', { comment: 'Nei' }));
    assert.match(cardText(late), /Allerede avgjort av Ingrid Berg: godkjent\./);
    const reopened = answered(await pressAs(bot, open, lars));
    assert.match(cardText(reopened), /Approved by Ingrid Berg/);
    assert.deepEqual(verbsOf(reopened), ['idea.open', 'approvals.show']);
  });
});

describe('own registrations (bot)', () => {
  let bot: BotHarness;
  beforeEach(async () => {
    bot = await createBotHarness({ clock: settableClock('2026-11-20T09:00:00Z') });
  });

  const requests = (b: BotHarness) => b.notifications.sent.filter((n) => n.notification.kind === 'approvalRequested').map((n) => n.to);

  it('sends a TOL’s own registration to the administrators when the area has no other TOL', async () => {
    await realizedGain(bot, HN, lars, 'Felles innkjøp');
    assert.deepEqual(requests(bot), [`person:${ingrid.aadObjectId}`]);
  });

  it('sends it to the area’s other TOL when there is one, not to the one who registered it', async () => {
    const org = await bot.organisation.load();
    const area = org.serviceAreas.find((a) => a.id === 'helse-omsorg')!;
    await bot.organisation.saveServiceArea({ ...area, leaders: [...area.leaders, { kind: 'aad', id: mette.aadObjectId }] });
    bot.directory.invalidate();
    await realizedGain(bot, HN, lars, 'Felles innkjøp');
    assert.deepEqual(requests(bot), [`person:${mette.aadObjectId}`]);
    await realizedGain(bot, HN, ola, 'Færre vaktbytter');
    assert.deepEqual(requests(bot).slice(1).sort(), [`person:${lars.aadObjectId}`, `person:${mette.aadObjectId}`].sort(), 'anyone else’s goes to both');
  });

  it('answers an old card for one’s own registration with that reason, in each language, and stores nothing', async () => {
    const benefit = await realizedGain(bot, HN, lars, 'Felles innkjøp');
    const data = { unitId: HN, number: 1, benefitId: benefit.id };
    const reasons = {
      'nb-NO': /Du registrerte denne selv, så en annen tjenesteområdeleder eller en systemansvarlig avgjør den\./,
      'da-DK': /Du har selv registreret denne, så en anden områdechef eller en systemansvarlig afgør den\./,
      'en-US': /You registered this yourself, so another service-area leader or an administrator decides it\./,
    };
    for (const [locale, reason] of Object.entries(reasons)) {
      const card = answered(await bot.send(cardAction('benefit.approve', data, { from: lars, locale })));
      assert.match(cardText(card), reason, locale);
      assert.doesNotMatch(cardText(card), /not allowed|ikke lov|ikke tilladt/i);
      assert.deepEqual(verbsOf(card), ['idea.open'], 'no decision buttons on one’s own registration');
    }
    const opened = answered(await bot.send(cardAction('benefit.refresh', data, { from: lars, locale: 'en-US' })));
    assert.match(cardText(opened), reasons['en-US']);
    assert.deepEqual(verbsOf(opened), ['idea.open']);
    assert.equal((await new BenefitTable(bot.store).get({ unitId: HN, ideaNumber: 1, id: benefit.id }))?.approval, 'pending');
    const byIngrid = answered(await bot.send(cardAction('benefit.approve', data, { from: ingrid, locale: 'en-US' })));
    assert.match(cardText(byIngrid), /Saved: approved\./);
  });
});

describe('waiting for your decision, the ledger and the digest (bot)', () => {
  let bot: BotHarness;
  let clock: ReturnType<typeof settableClock>;
  beforeEach(async () => {
    clock = settableClock('2026-11-02T09:00:00Z');
    bot = await createBotHarness({ clock });
  });

  it('shows Lars, who owns nothing, the approval waiting for him on "my items", and opens it', async () => {
    const before = sent(await bot.send(message('my items', { from: lars, locale: 'en-US' })));
    assert.match(cardText(before), /Nothing is waiting for you\. Well done!/);
    const benefit = await realizedGain(bot, HN, kari, 'Digital vaktliste');
    const mine = sent(await bot.send(message('mine', { from: lars, locale: 'nb-NO' })));
    const text = cardText(mine);
    assert.match(text, /Venter på din avgjørelse/);
    assert.match(text, /HN-1 Digital vaktliste/);
    assert.match(text, /Gevinst til godkjenning · Hjemmetjenesten nord · registrert av Kari Nilsen/);
    assert.doesNotMatch(text, /Ingenting venter på deg/);
    const open = buttonOf(mine, 'benefit.refresh');
    assert.deepEqual(open.data, { unitId: HN, number: 1, benefitId: benefit.id, inbox: '1' });
    const card = answered(await pressAs(bot, open, lars, 'nb-NO'));
    assert.ok(verbsOf(card).includes('benefit.approve'));
  });

  it('shows Kari the long-overdue items of her unit that others own; not to Ola, and not her own', async () => {
    const { idea } = await bot.services.ideaSubmission.submit(kari, { unitId: HN, idea: { title: 'Færre vaktbytter', type: 'improve', ownerId: kari.aadObjectId, dueDate: '2026-11-04' } });
    await bot.services.ideaChanges.apply(kari, { unitId: HN, number: idea.number }, { kind: 'addAction', text: 'Ring leverandøren', ownerId: ola.aadObjectId, dueDate: '2026-11-03' });
    await bot.services.ideaChanges.apply(kari, { unitId: HN, number: idea.number }, { kind: 'addAction', text: 'Lag utkast', ownerId: ola.aadObjectId, dueDate: '2026-11-15' });
    clock.set('2026-11-20T09:00:00Z');
    const mine = sent(await bot.send(message('my items', { from: kari, locale: 'en-US' })));
    const text = cardText(mine);
    assert.match(text, /Waiting for your decision/);
    assert.match(text, /HN-1 Færre vaktbytter – action: Ring leverandøren/);
    assert.match(text, /Overdue 17 days · Ola Bakken · Hjemmetjenesten nord/);
    assert.doesNotMatch(text, /Lag utkast/, 'five days overdue is not yet escalated');
    assert.deepEqual(buttonOf(mine, 'idea.open').data, { unitId: HN, number: 1 });
    assert.deepEqual(waitingHeadings(mine), ['Waiting for your decision', 'HN-1 Færre vaktbytter – action: Ring leverandøren'], 'her own overdue idea is in her own list, not waiting for her');
    const olas = cardText(sent(await bot.send(message('my items', { from: ola, locale: 'en-US' }))));
    assert.doesNotMatch(olas, /Waiting for your decision/);
  });

  it('opens the approvals from the ledger’s waiting line, for those who decide only', async () => {
    await realizedGain(bot, HN, kari, 'Digital vaktliste');
    const ledger = sent(await bot.send(message('benefits', { from: lars, locale: 'en-US' })));
    assert.match(cardText(ledger), /1 realized benefit is waiting for approval\./);
    const list = answered(await pressAs(bot, buttonOf(ledger, 'approvals.show'), lars));
    assert.deepEqual(listed(list), ['HN-1 Digital vaktliste']);
    const karis = sent(await bot.send(message('benefits', { from: kari, locale: 'en-US' })));
    assert.match(cardText(karis), /1 realized benefit is waiting for approval\./);
    assert.ok(!verbsOf(karis).includes('approvals.show'), 'Kari does not decide: no list to open');
  });

  it('opens the digest’s pending approvals with the approval card, and approves from it; own ones are left out', async () => {
    await realizedGain(bot, HN, kari, 'Digital vaktliste');
    await realizedGain(bot, HN, lars, 'Felles innkjøp');
    clock.set('2026-11-09T07:00:00Z');
    const views = await bot.services.weeklyDigests.build('2026-11-09', cachedHolidayChecks()('NO'), DEFAULT_STAGNATION);
    const view = views.find((v) => v.recipientId === lars.aadObjectId && v.scope === 'area');
    assert.ok(view);
    const digest = validCard(digestCard('en', view));
    assert.match(cardText(digest), /HN-1 Digital vaktliste/);
    assert.doesNotMatch(cardText(digest), /Felles innkjøp/, 'Lars does not decide his own');
    const card = answered(await pressAs(bot, buttonOf(digest, 'benefit.refresh'), lars));
    const approved = answered(await pressAs(bot, buttonOf(card, 'benefit.approve'), lars));
    assert.match(cardText(approved), /Saved: approved\./);
  });
});
