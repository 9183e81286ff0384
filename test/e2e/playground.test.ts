import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import ExcelJS from 'exceljs';
import { loadConfig } from '../../src/config';
import { quarterOf } from '../../src/domain/reportPeriod';
import { RunningTavla, startTavla } from '../../src/main';
import { Logger } from '../../src/ports/logger';
import { DEMO_PEOPLE } from '../../src/services/demoOrganisation';
import { testConnectionString } from '../support/azurite';
import { ADAPTIVE_CARD, BotActivity, Playground, Reply, adaptiveCards, startPlayground } from '../support/playground';

/** The bot's warnings and errors, so a turn that "worked" while logging a failure is caught. */
function recordingLogger(problems: string[]): Logger {
  const keep = (level: string) => (fields: object, message?: string) => {
    problems.push(`${level}: ${message ?? ''} ${JSON.stringify(fields)}`);
  };
  return { info() {}, debug() {}, warn: keep('warn'), error: keep('error') };
}

interface CardElement {
  readonly type?: string;
  readonly text?: string;
  readonly weight?: string;
  readonly facts?: readonly { readonly title?: string; readonly value?: string }[];
}

function theCard(reply: Reply | undefined): readonly CardElement[] {
  assert.ok(reply, 'expected a reply');
  assert.equal(reply.method, 'POST');
  assert.equal(reply.status, 201, 'the Playground should accept the message');
  assert.ok(reply.messageId, 'the Playground should give the message an id');
  const attachment = reply.activity.attachments?.[0];
  assert.equal(attachment?.contentType, ADAPTIVE_CARD);
  const [card] = adaptiveCards(reply.activity);
  assert.equal(card.type, 'AdaptiveCard');
  return card.body as CardElement[];
}

const HELP_TITLES = {
  en: 'Tavla – your improvement board in Teams',
  nb: 'Tavla – forbedringstavla deres i Teams',
  da: 'Tavla – jeres forbedringstavle i Teams',
};

const titleOf = (body: readonly CardElement[]) => body.find((e) => e.type === 'TextBlock' && e.weight === 'Bolder')?.text;
const textOf = (body: readonly CardElement[]) =>
  body.flatMap((e) => [e.text ?? '', ...(e.facts ?? []).flatMap((f) => [f.title ?? '', f.value ?? ''])]).join('\n');
const describeTurn = (replies: readonly Reply[]) => JSON.stringify(replies.map((r: Reply) => r.activity as BotActivity), null, 1);

/**
 * The reply whose card says `what`. A proactive message to the same chat (say, an approval
 * request just delivered) may arrive during the turn and be recorded beside the answer.
 */
function replyWith(replies: readonly Reply[], what: RegExp): { reply: Reply; card: string } {
  for (const reply of replies) {
    const card = JSON.stringify(adaptiveCards(reply.activity));
    if (what.test(card)) return { reply, card };
  }
  assert.fail(`no reply says ${what}: ${describeTurn(replies)}`);
}

describe('end to end through the Microsoft 365 Agents Playground', function () {
  this.timeout(90_000);
  const problems: string[] = [];
  let bot: RunningTavla | undefined;
  let playground: Playground;

  before(async () => {
    const config = loadConfig({
      STORAGE_CONNECTION_STRING: testConnectionString(),
      TABLE_PREFIX: `e2e${randomBytes(4).toString('hex')}`,
      SEED_DEMO: 'true',
      // The demo organisation only: the conversation below starts from an empty board.
      SEED_DEMO_HISTORY: 'false',
      LOG_LEVEL: 'silent',
      PORT: '0',
    });
    // A Wednesday noon in Oslo, running on in real time: the Monday digest and the morning jobs
    // would otherwise write to people this conversation never reaches, depending on the weekday.
    const offset = new Date('2026-11-18T11:00:00Z').getTime() - Date.now();
    bot = await startTavla(config, { logger: recordingLogger(problems), clock: { now: () => new Date(Date.now() + offset) } });
    playground = await startPlayground({ botEndpoint: `${bot.url}/api/messages` });
  });

  after(async () => {
    await playground?.stop();
    await bot?.stop();
  });

  it('greets the user with a welcome and the help card when installed in a personal chat', async () => {
    const { turns, replies } = await playground.installInPersonalChat();
    assert.deepEqual(
      turns.map((t) => [t.activity.type, t.status]),
      [
        ['installationUpdate', 200],
        ['conversationUpdate', 200],
      ],
    );
    assert.equal(replies.length, 2, describeTurn(replies));
    assert.equal(replies[0].activity.type, 'message');
    // The greeting answers the installationUpdate, which carries the user's locale (the Playground's is en-US).
    assert.match(String(replies[0].activity.text), /^Hi, I am Tavla/);
    assert.equal(titleOf(theCard(replies[1])), HELP_TITLES.en);
  });

  const cases = [
    { text: 'help', locale: 'en-US', title: HELP_TITLES.en, via: 'chat' },
    { text: 'hjelp', locale: 'nb-NO', title: HELP_TITLES.nb, via: 'customActivity' },
    { text: 'hjælp', locale: 'da-DK', title: HELP_TITLES.da, via: 'customActivity' },
  ];
  for (const { text, locale, title, via } of cases) {
    it(`answers "${text}" (${locale}) with the help card in that language`, async () => {
      const turn = await playground.say(text, { locale });
      assert.equal(turn.via, via);
      assert.equal(turn.activity.locale, locale);
      assert.equal(turn.status, 200);
      assert.equal(turn.replies.length, 1, describeTurn(turn.replies));
      assert.equal(titleOf(theCard(turn.replies[0])), title);
    });
  }

  it('answers something it does not understand with the help card, quoting what was written', async () => {
    const turn = await playground.say('blah');
    assert.equal(turn.replies.length, 1, describeTurn(turn.replies));
    const body = theCard(turn.replies[0]);
    assert.equal(body[0].text, 'I did not understand "blah". Here is what I can do:');
    assert.equal(titleOf(body), HELP_TITLES.en);
  });

  it('knows the Playground user as the demo person with the same id', async () => {
    const turn = await playground.say('who am i');
    const text = textOf(theCard(turn.replies[0]));
    assert.match(text, /Kari Nilsen/);
    assert.match(text, /Hjemmetjenesten nord/);
  });

  it('lets a unit leader submit an idea, move it to done, and see it on the board', async () => {
    const form = await playground.say('idea Fewer shift swaps');
    const formMessage = form.replies[0];
    assert.ok(formMessage?.messageId, describeTurn(form.replies));
    assert.match(JSON.stringify(adaptiveCards(formMessage.activity)), /New improvement idea/);

    const submitted = await playground.invoke({
      replyToId: formMessage.messageId,
      verb: 'idea.submit',
      data: { fixedUnitId: 'hjemmetjenesten-nord', title: 'Fewer shift swaps', type: 'improve', benefitAreas: 'time' },
    });
    assert.match(JSON.stringify(submitted.response?.value), /Thank you! Your idea HN-1 is on the improvement board of Hjemmetjenesten nord/);

    let version = 1;
    for (const to of ['planned', 'inProgress', 'evaluating', 'done']) {
      const moved = await playground.invoke({ replyToId: formMessage.messageId, verb: 'idea.move', data: { unitId: 'hjemmetjenesten-nord', number: 1, version, to } });
      assert.match(JSON.stringify(moved.response?.value), /Saved\./, `move to ${to}`);
      version++;
    }

    const board = await playground.say('board');
    const text = JSON.stringify(adaptiveCards(board.replies[0].activity));
    assert.match(text, /Improvement board – Hjemmetjenesten nord/);
    assert.match(text, /HN-1 Fewer shift swaps/);
    assert.match(text, /BENEFIT MISSING/, 'a done idea without a benefit is flagged on the board');
  });

  it('lets a staff member register a benefit plan and add a measurement; the service-area leader, who never wrote to Tavla, gets it 1:1 with the chart and approves; the ledger shows the realized gain and the chart', async () => {
    // HN-1 was moved to done above. Ola (staff) and Lars (TOL) act through custom activities.
    // Lars was imported with the demo organisation and has never written to Tavla.
    const board = await playground.say('board', { user: 'ola' });
    const replyToId = board.replies[0]?.messageId;
    assert.ok(replyToId, describeTurn(board.replies));
    const chosen = await playground.invoke({ user: 'ola', replyToId, verb: 'benefit.form', data: { unitId: 'hjemmetjenesten-nord', number: 1, step: 'details', category: 'time', stage: 'identified' } });
    assert.match(JSON.stringify(chosen.response?.value), /"id":"target"/, 'the second step asks for the plan of a time gain');
    const planned = await playground.invoke({
      user: 'ola',
      replyToId,
      verb: 'benefit.register',
      data: { unitId: 'hjemmetjenesten-nord', number: 1, fromBenefitId: '', category: 'time', stage: 'identified', indicator: 'Time spent on shift swaps', period: 'week', baseline: '5', baselineOn: '2026-10-01', target: '3', targetBy: '2027-01-15', ownerId: DEMO_PEOPLE.ola.aadObjectId },
    });
    const planCard = JSON.stringify(planned.response?.value);
    assert.match(planCard, /Planned gain: 2 h\/week ≈ 104 h\/yr ≈ 0\.06 FTE/, planCard.slice(0, 400));
    const planId = /"verb":"benefit\.form","title":"Add a measurement","style":"positive","data":\{[^}]*"fromBenefitId":"([^"]+)"/.exec(planCard)?.[1];
    assert.ok(planId, 'the plan card offers to add a measurement');

    const form = await playground.invoke({ user: 'ola', replyToId, verb: 'benefit.form', data: { unitId: 'hjemmetjenesten-nord', number: 1, fromBenefitId: planId } });
    assert.match(JSON.stringify(form.response?.value), /"id":"measured"/);
    const measured = await playground.invoke({
      user: 'ola',
      replyToId,
      verb: 'benefit.register',
      data: { unitId: 'hjemmetjenesten-nord', number: 1, fromBenefitId: planId, measured: '3', measuredOn: '2026-11-17', use: 'otherWork', useText: 'More time with the residents' },
    });
    const card = JSON.stringify(measured.response?.value);
    assert.match(card, /Measured gain: 2 h\/week ≈ 104 h\/yr ≈ 0\.06 FTE/, card.slice(0, 400));
    const benefitId = /"benefitId":"([^"]+)"/.exec(card)?.[1];
    assert.ok(benefitId, 'the card names the measurement');

    // The delivery worker opens a chat with Lars by his Entra object id, on the service URL the
    // Playground's activities taught (the Playground opens a chat for any member id it is given).
    const request = await playground.waitForProactive("Lars's approval request", (reply) => /Ny godkjenning: Ola Bakken har registrert en realisert gevinst for HN-1/.test(JSON.stringify(reply.activity.attachments)));
    const requestCard = JSON.stringify(request.activity.attachments);
    assert.match(requestCard, /"type":"Chart.Line"/, 'the approval card draws the measurements against baseline and target');
    assert.match(requestCard, /Time spent on shift swaps/);
    const opened = playground.opened.find((o) => o.memberId === DEMO_PEOPLE.lars.aadObjectId);
    assert.ok(opened, JSON.stringify(playground.opened));
    assert.equal(opened.status, 201);
    assert.equal(opened.tenantId, playground.config.tenantId);
    // The Playground knows its users only by "29:" ids; the tap resolves the object id as Teams does (see playground.ts).
    assert.equal(opened.resolvedByTap, true);
    assert.equal(request.conversationId, opened.conversationId);
    assert.equal(request.status, 201, 'the Playground accepted the card');

    const refused = await playground.invoke({ user: 'ola', replyToId, verb: 'benefit.approve', data: { unitId: 'hjemmetjenesten-nord', number: 1, benefitId } });
    assert.match(JSON.stringify(refused.response?.value), /not allowed/);

    const approved = await playground.invoke({ user: 'lars', replyToId, verb: 'benefit.approve', data: { unitId: 'hjemmetjenesten-nord', number: 1, benefitId, comment: 'Well documented' } });
    assert.match(JSON.stringify(approved.response?.value), /Approved/);

    const { card: ledger } = replyWith((await playground.say('benefits', { user: 'lars' })).replies, /Benefits – Helse og omsorg/);
    assert.match(ledger, /"text":"104 h"/, 'the approved gain counts as realized');
    assert.match(ledger, /"type":"Chart.VerticalBar.Grouped","title":"FTE per quarter: identified and realized"/, 'the ledger charts identified against realized');
    assert.match(ledger, /Put into other work: 0\.06 FTE/);
  });

  it('lets a unit leader register a realized gain, and the service-area leader decide it from his approvals', async () => {
    // Kari, the Playground's own user, registers from the board; Lars pulls his approvals rather than waiting for a message.
    const board = await playground.say('board');
    const boardId = board.replies[0]?.messageId;
    assert.ok(boardId, describeTurn(board.replies));
    const registered = await playground.invoke({
      replyToId: boardId,
      verb: 'benefit.register',
      data: { unitId: 'hjemmetjenesten-nord', number: 1, fromBenefitId: '', category: 'time', stage: 'realized', indicator: 'Time spent on driving lists', period: 'week', baseline: '4', baselineOn: '2026-10-01', measured: '1', measuredOn: '2026-11-16', use: 'otherWork', useText: 'Earlier start of the morning round', ownerId: DEMO_PEOPLE.kari.aadObjectId },
    });
    assert.match(JSON.stringify(registered.response?.value), /3 h\/week ≈ 156 h\/yr/);

    const inbox = await playground.say('approvals', { user: 'lars' });
    const { reply, card: list } = replyWith(inbox.replies, /Waiting for your approval/);
    const inboxId = reply.messageId;
    assert.ok(inboxId, describeTurn(inbox.replies));
    assert.match(list, /1 realized benefit waits for your decision, oldest first\./);
    assert.match(list, /HN-1 Fewer shift swaps/);
    assert.match(list, /Registered by Kari Nilsen/);
    const open = /"verb":"benefit\.refresh","title":"Open","data":(\{[^}]*\})/.exec(list);
    assert.ok(open, 'the list opens the approval card');
    const opened = await playground.invoke({ user: 'lars', replyToId: inboxId, verb: 'benefit.refresh', data: JSON.parse(open[1]) as Record<string, unknown> });
    const card = JSON.stringify(opened.response?.value);
    const approve = /"verb":"benefit\.approve","title":"Approve","style":"positive","data":(\{[^}]*\})/.exec(card);
    assert.ok(approve, card.slice(0, 400));

    const approved = await playground.invoke({ user: 'lars', replyToId: inboxId, verb: 'benefit.approve', data: JSON.parse(approve[1]) as Record<string, unknown> });
    assert.match(JSON.stringify(approved.response?.value), /Saved: approved\./);

    const { card: ledger } = replyWith((await playground.say('benefits', { user: 'lars' })).replies, /Benefits – Helse og omsorg/);
    assert.match(ledger, /"text":"260 h"/, 'both approved gains count as realized: 104 + 156 hours a year');
    assert.match(ledger, /No realized benefits are waiting for approval\./);
  });

  it('shows the administrator every message delivered, none failed', async () => {
    const figures = async () => {
      const { card: status } = replyWith((await playground.say('status', { user: 'ingrid' })).replies, /Delivery of proactive messages/);
      const value = (title: string) => new RegExp(`"title":"${title}","value":"(\\d+)"`).exec(status)?.[1];
      return { queued: value('Waiting to be sent'), sending: value('Being sent'), sent: value('Sent'), failed: value('Failed') };
    };
    let now = await figures();
    // The delivery worker sends in the background: wait until nothing is left to send.
    for (let i = 0; i < 40 && (now.queued !== '0' || now.sending !== '0'); i++) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      now = await figures();
    }
    assert.deepEqual(now, { queued: '0', sending: '0', sent: now.sent, failed: '0' });
    assert.ok(Number(now.sent) >= 4, `the approval requests and decisions went out: ${JSON.stringify(now)}`);
  });

  it('lets the service-area leader ask for this quarter\'s report and download it as XLSX', async () => {
    // The bot's clock stands on Wednesday 18 November 2026 (see before()).
    const quarter = quarterOf('2026-11-18');
    const form = await playground.say('rapport', { user: 'lars', locale: 'nb-NO' });
    const formMessage = form.replies[0];
    assert.ok(formMessage?.messageId, describeTurn(form.replies));
    assert.match(JSON.stringify(adaptiveCards(formMessage.activity)), /"area:helse-omsorg"/);

    const shown = await playground.invoke({ user: 'lars', locale: 'nb-NO', replyToId: formMessage.messageId, verb: 'report.show', data: { period: quarter.token, scope: 'area:helse-omsorg' } });
    const card = shown.response?.value as { body?: { text?: string }[]; actions?: { type?: string; title?: string; url?: string }[] } | undefined;
    assert.equal(card?.body?.[0]?.text, 'Rapport – Helse og omsorg');
    const xlsx = card?.actions?.find((a) => a.type === 'Action.OpenUrl' && a.title === 'Last ned Excel')?.url;
    assert.ok(xlsx, JSON.stringify(card?.actions));
    assert.ok(xlsx.startsWith(`${bot?.url}/reports/`), xlsx);

    const res = await fetch(xlsx);
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-disposition') ?? '', new RegExp(`tavla-${quarter.token}-helse-omsorg\\.xlsx`));
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await res.arrayBuffer());
    const units = workbook.getWorksheet('Enheter');
    assert.ok(units, workbook.worksheets.map((s) => s.name).join(', '));
    // HN-1 was proposed and moved to done above, this quarter.
    assert.deepEqual([units.getCell(4, 1).value, units.getCell(4, 5).value, units.getCell(4, 6).value], ['Hjemmetjenesten nord', 1, 1]);
  });

  it('logs no warnings or errors along the way', () => {
    assert.deepEqual(problems, []);
  });
});
