import assert from 'node:assert/strict';
import { DEMO_PEOPLE } from '../../src/services/demoOrganisation';
import { CHANNEL_ID, SERVICE_URL, TENANT_ID, botAdded, cardAction, message } from '../support/activities';
import { BotHarness, cardOf, cardText, createBotHarness, invokeCard } from '../support/botHarness';
import { cardIssues } from '../support/cardValidator';

const inChannel = (from = DEMO_PEOPLE.kari, channelId = CHANNEL_ID) => ({ where: 'channel' as const, from, channelId, locale: 'nb-NO' });

describe('setting up a channel (bot)', () => {
  let bot: BotHarness;
  beforeEach(async () => {
    bot = await createBotHarness();
    bot.teams.roster = [
      { aadObjectId: DEMO_PEOPLE.kari.aadObjectId, name: 'Kari Nilsen', upn: DEMO_PEOPLE.kari.upn, teamsUserId: '29:kari' },
      { aadObjectId: 'cccccccc-0000-4000-8000-000000000001', name: 'Nora Vik', upn: 'nora.vik@demo.tavla.example', teamsUserId: '29:nora' },
      { aadObjectId: 'cccccccc-0000-4000-8000-000000000002', name: 'Jon Berg', teamsUserId: '29:jon' },
    ];
  });

  it('posts the set-up card when added to a team, listing units and service areas', async () => {
    const { replies } = await bot.send(botAdded(inChannel()));
    const card = cardOf(replies[0]);
    assert.ok(card);
    assert.deepEqual(cardIssues(card), []);
    const text = cardText(card);
    assert.match(text, /Sett opp Tavla i denne kanalen/);
    assert.match(text, /Hjemmetjenesten nord/);
    assert.match(text, /Helse og omsorg/);
  });

  it('lets the unit leader link the channel; everyone sees it linked and the team joins the unit', async () => {
    const result = await bot.send(cardAction('setup.link', { unitId: 'hjemmetjenesten-nord' }, inChannel()));
    const answer = invokeCard(result);
    assert.ok(answer);
    assert.deepEqual(cardIssues(answer), []);
    assert.match(cardText(answer), /Denne kanalen hører til Hjemmetjenesten nord/);
    assert.match(cardText(answer), /2 personer i teamet ble lagt til/);
    assert.equal(result.updates.length, 1, 'the channel card is replaced for everyone');
    assert.equal(result.updates[0].id, 'card-message-1');

    const org = await bot.organisation.load();
    const unit = org.units.find((u) => u.id === 'hjemmetjenesten-nord');
    assert.deepEqual(unit?.channel, { conversationId: CHANNEL_ID, teamId: '19:team-general@thread.tacv2', tenantId: TENANT_ID, serviceUrl: SERVICE_URL, channelName: 'Forbedring' });
    assert.ok(unit?.members.some((m) => m.kind === 'aad' && m.id === 'cccccccc-0000-4000-8000-000000000002'));
    const nora = await bot.peopleTable.get('cccccccc-0000-4000-8000-000000000001');
    assert.equal(nora?.teamsUserId, '29:nora', 'roster members become reachable 1:1');

    const again = await bot.send(message('oppsett', inChannel()));
    assert.match(cardText(cardOf(again.replies[0])), /allerede koblet til Hjemmetjenesten nord/);
  });

  it('refuses a staff member, in their language, and keeps the form', async () => {
    const result = await bot.send(cardAction('setup.link', { unitId: 'hjemmetjenesten-nord' }, { ...inChannel(DEMO_PEOPLE.ola), locale: 'da-DK' }));
    const text = cardText(invokeCard(result));
    assert.match(text, /Du har ikke adgang til at gøre dette\. Kun en systemansvarlig/);
    assert.equal(result.updates.length, 0);
    const unit = (await bot.organisation.load()).units.find((u) => u.id === 'hjemmetjenesten-nord');
    assert.equal(unit?.channel, undefined, 'nothing was linked');
  });

  it('refuses a unit leader linking someone else\'s unit, even with forged card data', async () => {
    const result = await bot.send(cardAction('setup.link', { unitId: 'veg-og-park', role: 'administrator' }, inChannel(DEMO_PEOPLE.kari)));
    assert.match(cardText(invokeCard(result)), /Du har ikke tilgang/);
    assert.equal((await bot.organisation.load()).units.find((u) => u.id === 'veg-og-park')?.channel, undefined);
  });

  it('lets an administrator create a new unit from the card; the creator leads it', async () => {
    const result = await bot.send(cardAction('setup.create', { name: '  Kjøkkenet  ', serviceAreaId: 'helse-omsorg' }, inChannel(DEMO_PEOPLE.ingrid)));
    assert.match(cardText(invokeCard(result)), /Denne kanalen hører til Kjøkkenet/);
    const unit = (await bot.organisation.load()).units.find((u) => u.name === 'Kjøkkenet');
    assert.equal(unit?.id, 'kjokkenet');
    assert.equal(unit?.code, 'U1');
    assert.deepEqual(unit?.leaders, [{ kind: 'aad', id: DEMO_PEOPLE.ingrid.aadObjectId }]);
    assert.equal(unit?.channel?.conversationId, CHANNEL_ID);
  });

  it('shows every problem on the form and keeps what was typed', async () => {
    const result = await bot.send(cardAction('setup.create', { name: 'x'.repeat(101), serviceAreaId: 'no-such-area' }, inChannel(DEMO_PEOPLE.ingrid)));
    const card = invokeCard(result);
    assert.ok(card);
    assert.deepEqual(cardIssues(card), []);
    const text = cardText(card);
    assert.match(text, /Navn på den nye enheten er for lang: 101 tegn, grensen er 100/);
    assert.match(text, /Tjenesteområde: velg et av alternativene/);
    assert.match(text, /x{101}/, 'the typed name is kept');
    assert.equal((await bot.organisation.load()).units.length, 4, 'nothing was created');
  });

  it('refuses a duplicate unit name', async () => {
    const result = await bot.send(cardAction('setup.create', { name: 'veg og park', serviceAreaId: 'teknisk-drift' }, inChannel(DEMO_PEOPLE.ingrid)));
    assert.match(cardText(invokeCard(result)), /Navn på den nye enheten: dette er allerede i bruk/);
  });

  it('will not link a channel that already belongs to another unit (stale card)', async () => {
    await bot.send(cardAction('setup.link', { unitId: 'hjemmetjenesten-nord' }, inChannel(DEMO_PEOPLE.kari)));
    const result = await bot.send(cardAction('setup.link', { unitId: 'sykehjem-ost' }, inChannel(DEMO_PEOPLE.siri)));
    assert.match(cardText(invokeCard(result)), /allerede koblet til Hjemmetjenesten nord/);
    const org = await bot.organisation.load();
    assert.equal(org.units.find((u) => u.id === 'sykehjem-ost')?.channel, undefined);
  });

  it('keeps the link when the team roster cannot be read', async () => {
    bot.teams.rosterFails = true;
    const result = await bot.send(cardAction('setup.link', { unitId: 'hjemmetjenesten-nord' }, inChannel()));
    assert.match(cardText(invokeCard(result)), /0 personer i teamet/);
    assert.ok((await bot.organisation.load()).units.find((u) => u.id === 'hjemmetjenesten-nord')?.channel);
  });
});
