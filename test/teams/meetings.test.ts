import assert from 'node:assert/strict';
import { Idea } from '../../src/domain/ideas';
import { Person } from '../../src/domain/people';
import { DEMO_PEOPLE } from '../../src/services/demoOrganisation';
import { CHANNEL_ID, cardAction, message } from '../support/activities';
import { BotHarness, TurnResult, cardOf, cardText, createBotHarness, invokeCard } from '../support/botHarness';
import { cardIssues } from '../support/cardValidator';
import { CardNode as Node } from '../support/cardNodes';

const HN = 'hjemmetjenesten-nord';
const BE = 'bygg-eiendom';
const { kari, ola, per, lars, anne } = DEMO_PEOPLE;
const STRANGER: Person = { aadObjectId: 'dddddddd-0000-4000-8000-000000000009', name: 'Ny Person' };
/** Monday 2 March 2026, 09:00 in Oslo. */
const NOW = '2026-03-02T08:00:00Z';
const TODAY = '2026-03-02';


function parsedCard(card: unknown): Node {
  assert.ok(card, 'expected a card');
  assert.deepEqual(cardIssues(card), [], 'the card parses with zero issues');
  return card as Node;
}

/** Every node of a card with an id (its inputs), by id. */
function inputs(card: unknown): Map<string, Node> {
  const found = new Map<string, Node>();
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (typeof node !== 'object' || node === null) return;
    const n = node as Node & Record<string, unknown>;
    if (typeof n.id === 'string' && typeof n.type === 'string' && n.type.startsWith('Input.')) found.set(n.id, n);
    Object.values(n).forEach(walk);
  };
  walk(card);
  return found;
}

const buttons = (card: Node) => (card.actions ?? []).map((a) => a.title);

/** Only the presser sees the answer; nothing changes for the rest of the channel. */
function personalAnswer(result: TurnResult): Node {
  assert.equal(result.updates.length, 0, 'the shared message is not changed for everyone');
  return parsedCard(invokeCard(result));
}

describe('board meetings (bot)', () => {
  let bot: BotHarness;
  const inChannel = (from: Person, locale = 'nb-NO') => ({ from, locale, where: 'channel' as const, channelId: CHANNEL_ID, replyToId: 'prompt-message-1' });

  beforeEach(async () => {
    bot = await createBotHarness({ clock: { now: () => new Date(NOW) } });
    await bot.organisation.updateUnit(HN, (u) => ({ ...u, channel: { conversationId: CHANNEL_ID, teamId: 't', tenantId: 'x', serviceUrl: 'https://s/' } }));
    bot.directory.invalidate();
  });

  const submit = async (who: Person, title: string, fields: Record<string, string> = {}): Promise<Idea> =>
    (await bot.services.ideaSubmission.submit(who, { unitId: HN, idea: { title, type: 'improve', ...fields } })).idea;

  describe('the meeting schedule', () => {
    it('gives the unit leader the form, and stores what she saves', async () => {
      const { replies } = await bot.send(message('møteplan', { from: kari }));
      const form = parsedCard(cardOf(replies[0]));
      assert.match(cardText(form), /Møteplan for tavlemøtet – Hjemmetjenesten nord/);
      assert.match(cardText(form), /Ingen møteplan ennå/);
      assert.deepEqual(inputs(form).get('weekdays')?.choices?.map((c) => c.title), ['mandag', 'tirsdag', 'onsdag', 'torsdag', 'fredag', 'lørdag', 'søndag']);
      const save = form.actions?.find((a) => a.verb === 'schedule.save');
      assert.deepEqual(save?.data, { unitId: HN });

      const result = await bot.send(cardAction('schedule.save', { unitId: HN, weekdays: '1,2,3,4,5', time: '08:30', pause1From: '2026-07-01', pause1To: '2026-08-09' }, { from: kari }));
      const saved = personalAnswer(result);
      assert.match(cardText(saved), /Lagret: tavlemøter mandag, tirsdag, onsdag, torsdag og fredag kl\. 08:30, pause 1\.7\.2026–9\.8\.2026\./);
      const stored = (await bot.organisation.load()).units.find((u) => u.id === HN);
      assert.deepEqual(stored?.schedule, { weekdays: [1, 2, 3, 4, 5], time: '08:30', pauses: [{ from: '2026-07-01', to: '2026-08-09' }] });
      assert.ok(stored?.channel, 'the channel link is kept');
    });

    it('tells a member in the unit\'s channel the schedule, and refuses a forged save', async () => {
      await bot.organisation.updateUnit(HN, (u) => ({ ...u, schedule: { weekdays: [2], time: '13:00', pauses: [] } }));
      bot.directory.invalidate();
      const { replies } = await bot.send(message('mødeplan', { from: ola, locale: 'da-DK', where: 'channel' }));
      assert.equal(replies[0].text, 'Tavlemøder i Hjemmetjenesten nord: tirsdag kl. 13:00. Kun afdelingslederen kan ændre mødeplanen.');

      const forged = await bot.send(cardAction('schedule.save', { unitId: HN, weekdays: '1', time: '07:00' }, { from: ola, locale: 'en-GB' }));
      assert.match(cardText(personalAnswer(forged)), /Only the unit leader, the service-area leader or an administrator can change the meeting schedule/);
      assert.deepEqual((await bot.organisation.load()).units.find((u) => u.id === HN)?.schedule, { weekdays: [2], time: '13:00', pauses: [] });
    });

    it('lets the service-area leader set it too, and asks someone leading several units which one', async () => {
      const tol = await bot.send(cardAction('schedule.save', { unitId: HN, weekdays: '3', time: '14:00' }, { from: lars, locale: 'en-GB' }));
      assert.match(cardText(personalAnswer(tol)), /Saved: board meetings Wednesday at 14:00\./);

      const { replies } = await bot.send(message('schedule', { from: per, locale: 'en-GB' }));
      const chooser = parsedCard(cardOf(replies[0]));
      assert.deepEqual(inputs(chooser).get('unitChoice')?.choices?.map((c) => c.value).sort(), [BE, 'veg-og-park']);
      const form = personalAnswer(await bot.send(cardAction('schedule.form', { unitChoice: BE }, { from: per, locale: 'en-GB' })));
      assert.match(cardText(form), /Board-meeting schedule – Bygg og eiendom/);
      assert.match(cardText(form), /The unit has no channel yet/);
    });

    it('brings the form back with every problem and what was typed; nothing is stored', async () => {
      const result = await bot.send(
        cardAction('schedule.save', { unitId: HN, weekdays: '', time: '25:00', pause1From: '2026-08-09', pause1To: '2026-07-01', pause2From: '2026-12-01' }, { from: kari, locale: 'en-GB' }),
      );
      const card = personalAnswer(result);
      const text = cardText(card);
      assert.match(text, /Please correct the marked fields/);
      assert.match(text, /Meeting days is required/);
      assert.match(text, /Time has an invalid format/);
      assert.match(text, /Pause 1 ends before it starts/);
      assert.match(text, /Pause 2 to is required/);
      assert.equal(inputs(card).get('time')?.value, '25:00', 'the typed time is kept');
      assert.equal(inputs(card).get('pause1From')?.value, '2026-08-09');
      assert.equal((await bot.organisation.load()).units.find((u) => u.id === HN)?.schedule, undefined);
    });
  });

  describe('the prompt and the meeting log', () => {
    it('shows the agenda in the prompt and the log form with quick decisions to the leader', async () => {
      await submit(ola, 'Færre vaktbytter');
      await submit(kari, 'Nøkkelskap', { ownerId: ola.aadObjectId, dueDate: '2026-03-02' });
      const prompt = personalAnswer(await bot.send(cardAction('meeting.show', { unitId: HN, date: TODAY }, inChannel(kari))));
      assert.match(cardText(prompt), /Tavlemøte – Hjemmetjenesten nord\nmandag 2\. mars 2026/);
      assert.match(cardText(prompt), /Nye forslag \(2\)\nHN-1 Færre vaktbytter · fra Ola Bakken\nHN-2 Nøkkelskap · fra Kari Nilsen/);
      const logButton = prompt.actions?.find((a) => a.verb === 'meeting.logForm');
      assert.deepEqual(logButton?.data, { unitId: HN, date: TODAY });
      assert.ok((prompt.actions?.length ?? 0) <= 6);

      const form = personalAnswer(await bot.send(cardAction('meeting.logForm', { ...logButton?.data }, inChannel(kari))));
      assert.match(cardText(form), /Registrer tavlemøtet – Hjemmetjenesten nord/);
      const fields = inputs(form);
      assert.deepEqual([...fields.keys()].slice(0, 4), ['held', 'reason', 'attendees', 'notes']);
      assert.deepEqual(fields.get('decision1Idea')?.choices?.map((c) => c.title), ['HN-2 Nøkkelskap', 'HN-1 Færre vaktbytter']);
      assert.deepEqual(fields.get('decision1Status')?.choices?.map((c) => c.value), ['planned', 'inProgress', 'parked', 'rejected']);
      assert.ok(fields.has('decision3Owner') && fields.has('decision3Due'), 'a leader may set owners and due dates');
      assert.deepEqual(buttons(form), ['Lagre registreringen', 'Tilbake til dagsordenen']);

      // Ola owns HN-2: he may move it, but not set owners or due dates.
      const owner = inputs(personalAnswer(await bot.send(cardAction('meeting.logForm', { unitId: HN, date: TODAY }, inChannel(ola)))));
      assert.deepEqual(owner.get('decision1Status')?.choices?.map((c) => c.value), ['planned', 'inProgress']);
      assert.equal(owner.has('decision1Owner'), false);
      // The executive group follows every unit and may log, but owns nothing: no quick decisions.
      const follower = inputs(personalAnswer(await bot.send(cardAction('meeting.logForm', { unitId: HN, date: TODAY }, inChannel(anne)))));
      assert.equal(follower.has('decision1Idea'), false);
      assert.equal(follower.has('held'), true);
    });

    it('logs a held meeting: stored, the prompt says so for everyone, and it counts as held', async () => {
      const result = await bot.send(cardAction('meeting.log', { unitId: HN, date: TODAY, version: '0', held: 'yes', attendees: '7', notes: 'Gikk gjennom tavla.' }, inChannel(kari)));
      assert.equal(result.updates.length, 1, 'the shared prompt is replaced for everyone');
      assert.equal(result.updates[0].id, 'prompt-message-1');
      const shared = parsedCard(cardOf(result.updates[0]));
      assert.match(cardText(shared), /Registrert av Kari Nilsen: avholdt, 7 til stede\nNotater: Gikk gjennom tavla\./);
      assert.doesNotMatch(cardText(shared), /Møtet er registrert/, 'the note is for the one who logged only');
      assert.ok(shared.actions?.some((a) => a.title === 'Endre registreringen'));
      const answer = parsedCard(invokeCard(result));
      assert.match(cardText(answer), /Møtet er registrert\. Takk!/);
      const stored = await bot.services.meetings.meetingLogs(HN, TODAY, TODAY);
      assert.deepEqual(
        stored.map((l) => [l.date, l.held, l.attendees, l.loggedBy.name, l.version]),
        [[TODAY, true, 7, 'Kari Nilsen', 1]],
      );
      assert.deepEqual(await bot.services.meetings.meetingsHeld(HN, '2026-03-01', '2026-03-31'), [TODAY]);
    });

    it('needs a reason for a meeting not held, keeping what was typed; then stores it as not held', async () => {
      const missing = await bot.send(cardAction('meeting.log', { unitId: HN, date: TODAY, version: '0', held: 'no', reason: '', notes: 'Ingen kom', attendees: '250' }, inChannel(ola, 'en-GB')));
      const form = personalAnswer(missing);
      assert.match(cardText(form), /Please correct the marked fields/);
      assert.match(cardText(form), /Reason \(required when not held\) is required/);
      assert.match(cardText(form), /Attendees \(number\) must be between 0 and 200/);
      assert.equal(inputs(form).get('notes')?.value, 'Ingen kom');
      assert.equal(inputs(form).get('attendees')?.value, 250, 'a number input gets a number back');
      assert.equal(inputs(form).get('held')?.value, 'no');
      assert.deepEqual(await bot.services.meetings.meetingLogs(HN, TODAY, TODAY), []);

      const logged = await bot.send(cardAction('meeting.log', { unitId: HN, date: TODAY, version: '0', held: 'no', reason: 'Sykdom' }, inChannel(ola, 'en-GB')));
      assert.match(cardText(cardOf(logged.updates[0])), /Registrert av Ola Bakken: ikke avholdt \(Sykdom\)/, 'the shared card speaks the organisation\'s language');
      assert.match(cardText(invokeCard(logged)), /Logged by Ola Bakken: not held \(Sykdom\)/);
      assert.deepEqual(await bot.services.meetings.meetingsHeld(HN, TODAY, TODAY), []);
      assert.equal((await bot.services.meetings.meetingLogs(HN, TODAY, TODAY))[0].held, false);
    });

    it('makes quick decisions through the idea rules: allowed ones are made, a forbidden one is reported', async () => {
      const first = await submit(ola, 'Færre vaktbytter');
      const second = await submit(kari, 'Nøkkelskap', { ownerId: ola.aadObjectId });
      const third = await submit(ola, 'Ny kaffemaskin');
      // The leader moves HN-1 and takes it on herself with a due date.
      const byLeader = await bot.send(
        cardAction(
          'meeting.log',
          { unitId: HN, date: TODAY, version: '0', held: 'yes', attendees: '5', decision1Idea: String(first.number), decision1Status: 'planned', decision1Owner: kari.aadObjectId, decision1Due: '2026-03-16', decision2Idea: String(third.number), decision2Status: 'parked' },
          inChannel(kari, 'en-GB'),
        ),
      );
      assert.match(cardText(invokeCard(byLeader)), /The meeting is logged/);
      assert.match(cardText(cardOf(byLeader.updates[0])), /Hurtigbeslutninger: HN-1: Planlagt, ansvarlig Kari Nilsen, frist 16\.3\.2026/);
      const moved = await bot.ideas.get(HN, first.number);
      assert.deepEqual([moved?.status, moved?.owner?.name, moved?.dueDate], ['planned', 'Kari Nilsen', '2026-03-16']);
      // Parking needs a reason: the meeting is the reason, and the submitter is told.
      const parked = await bot.ideas.get(HN, third.number);
      assert.deepEqual([parked?.status, parked?.statusReason], ['parked', 'Besluttet på tavlemøtet 2.3.2026.']);
      assert.deepEqual(bot.notifications.sent.filter((n) => n.to.startsWith('person:')).map((n) => `${n.to} ${n.notification.kind}`), [`person:${ola.aadObjectId} ideaStopped`]);
      assert.deepEqual((await bot.ideas.history(HN, first.number)).map((h) => [h.by.name, h.what]).slice(1), [
        ['Kari Nilsen', 'status'],
        ['Kari Nilsen', 'assigned'],
      ]);

      // Ola owns HN-2 and may move it; HN-1 is not his to move. The log (a change of Kari's) is his to make.
      const byMember = await bot.send(
        cardAction(
          'meeting.log',
          { unitId: HN, date: TODAY, version: '1', held: 'yes', attendees: '6', decision1Idea: String(first.number), decision1Status: 'inProgress', decision2Idea: String(second.number), decision2Status: 'inProgress' },
          inChannel(ola, 'en-GB'),
        ),
      );
      const answer = cardText(invokeCard(byMember));
      assert.match(answer, /The meeting is logged\. Thank you!\n\nNot every quick decision could be made:\n\nHN-1: Only the unit leader or the owner of the item can make this change\./);
      assert.equal((await bot.ideas.get(HN, first.number))?.status, 'planned', 'the refused decision changed nothing');
      assert.equal((await bot.ideas.get(HN, second.number))?.status, 'inProgress', 'the allowed one was made');
      const [stored] = await bot.services.meetings.meetingLogs(HN, TODAY, TODAY);
      assert.deepEqual([stored.version, stored.attendees, stored.decisions], [2, 6, [{ ideaNumber: second.number, status: 'inProgress' }]]);
    });

    it('shows the later of two people logging the same meeting the log that won, and who wrote it', async () => {
      await bot.send(cardAction('meeting.log', { unitId: HN, date: TODAY, version: '0', held: 'yes', attendees: '7' }, inChannel(kari)));
      // Ola's form was opened before Kari saved (version 0).
      const late = await bot.send(cardAction('meeting.log', { unitId: HN, date: TODAY, version: '0', held: 'no', reason: 'Glemte det' }, inChannel(ola, 'en-GB')));
      const card = personalAnswer(late);
      assert.match(cardText(card), /Kari Nilsen logged this meeting at 09:00\. This is the current log; open it again to change it\./);
      assert.match(cardText(card), /Logged by Kari Nilsen: held, 7 present/);
      const [stored] = await bot.services.meetings.meetingLogs(HN, TODAY, TODAY);
      assert.deepEqual([stored.held, stored.loggedBy.name], [true, 'Kari Nilsen']);
    });

    it('stores exactly one of two logs saved at the same moment', async () => {
      const log = (who: Person, attendees: string) => bot.services.meetings.log(who, { unitId: HN, date: TODAY, version: 0, form: { held: 'yes', attendees }, decisionReason: '' });
      const outcomes = await Promise.all([log(kari, '7'), log(ola, '5')]);
      assert.deepEqual(outcomes.map((o) => o.kind).sort(), ['saved', 'stale']);
      const winner = outcomes.find((o) => o.kind === 'saved');
      const loser = outcomes.find((o) => o.kind === 'stale');
      assert.ok(winner?.kind === 'saved' && loser?.kind === 'stale');
      assert.deepEqual(loser.current, winner.log, 'the later one is shown the log that won');
      assert.deepEqual(await bot.services.meetings.meetingLogs(HN, TODAY, TODAY), [winner.log]);
    });

    it('refuses someone outside the unit, and a meeting in the future', async () => {
      const stranger = await bot.send(cardAction('meeting.logForm', { unitId: HN, date: TODAY }, { from: per, locale: 'en-GB' }));
      assert.match(cardText(personalAnswer(stranger)), /Only people in the unit, and those who lead or support it, can log its board meetings/);
      const forged = await bot.send(cardAction('meeting.log', { unitId: HN, date: TODAY, version: '0', held: 'yes' }, { from: STRANGER, locale: 'en-GB' }));
      assert.match(cardText(personalAnswer(forged)), /You are not allowed to do that/);
      const future = await bot.send(cardAction('meeting.logForm', { unitId: HN, date: '2026-03-03' }, { from: kari, locale: 'en-GB' }));
      assert.match(cardText(personalAnswer(future)), /This meeting is on 3 Mar 2026; it can be logged from that day/);
      assert.deepEqual(await bot.services.meetings.meetingLogs(HN, TODAY, '2026-03-03'), []);
    });
  });
});
