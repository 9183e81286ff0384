import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import { reportJson } from '../../src/exports/reportJson';
import { HEADER_ROW, reportWorkbook } from '../../src/exports/reportWorkbook';
import { notificationCard } from '../../src/cards/notificationCards';
import { digestCard } from '../../src/cards/rhythmCards';
import { reportCard } from '../../src/cards/reportCards';
import { quarterPeriod } from '../../src/domain/reportPeriod';
import { Idea } from '../../src/domain/ideas';
import { DEFAULT_STAGNATION } from '../../src/domain/stagnation';
import { DEMO_PEOPLE } from '../../src/services/demoOrganisation';
import { cardAction } from '../support/activities';
import { BotHarness, cardText, createBotHarness, invokeCard } from '../support/botHarness';
import { cardIssues } from '../support/cardValidator';

const { kari, ola, lars, siri, per } = DEMO_PEOPLE;
const HOME = 'hjemmetjenesten-nord';
const NURSING = 'sykehjem-ost';
const ROADS = 'veg-og-park';
const BUILDINGS = 'bygg-eiendom';
const TODAY = '2026-11-20';
const REALIZED = { category: 'money', stage: 'realized', indicator: 'Vikarutgifter', period: 'oneOff', baseline: '14 000', baselineOn: '2026-08-01', measured: '4 000', measuredOn: '2026-11-15', use: 'budget', useText: 'Kuttet i budsjettet for vikarer', ownerId: kari.aadObjectId };

describe('"where else?": a practice offered to other units (bot)', () => {
  let bot: BotHarness;
  let idea: Idea;

  beforeEach(async () => {
    bot = await createBotHarness({ clock: { now: () => new Date(`${TODAY}T09:00:00Z`) } });
    // Home care and the nursing home are both care units; roads has a similar open problem.
    for (const unitId of [HOME, NURSING]) await bot.organisation.updateUnit(unitId, (unit) => ({ ...unit, kind: 'care' }));
    bot.directory.invalidate();
    await bot.services.learning.index.build();
    ({ idea } = await bot.services.ideaSubmission.submit(ola, { unitId: HOME, idea: { title: 'Vaktbytte i app', situation: 'Vaktbytte tar mye tid, alt går på telefon.', proposal: 'Ansatte bytter vakter selv i en app.', type: 'improve', benefitAreas: ['money'] } }));
    await bot.services.ideaSubmission.submit(per, { unitId: ROADS, idea: { title: 'Bytte av vakter for brøytemannskapet', situation: 'Det går mye tid til å bytte vakter på telefon.', type: 'improve' } });
  });

  const asked = () => bot.notifications.sent.filter((n) => n.notification.kind === 'whereElse');
  const done = async () => {
    for (const to of ['inProgress', 'evaluating', 'done'] as const) ({ idea } = await bot.services.ideaChanges.apply(kari, idea, { kind: 'move', to }));
  };
  const approvedGain = async () => {
    await bot.send(cardAction('benefit.register', { unitId: HOME, number: 1, fromBenefitId: '', ...REALIZED }, { from: ola }));
    const [benefit] = (await bot.repositories.benefits.forIdea(HOME, 1)).filter((b) => b.stage === 'realized');
    await bot.send(cardAction('benefit.approve', { unitId: HOME, number: 1, benefitId: benefit.id, comment: '' }, { from: lars }));
    // Registering marks the idea: the next change starts from the stored version.
    idea = (await bot.ideas.get(HOME, 1))!;
  };
  const yes = () => bot.send(cardAction('whereElse.yes', { unitId: HOME, number: '1' }, { from: kari }));
  const digestOf = async (leader: typeof siri, unitId: string) => {
    const views = await bot.services.weeklyDigests.build('2026-11-23', () => false, DEFAULT_STAGNATION);
    const view = views.find((v) => v.recipientId === leader.aadObjectId && v.scopeId === unitId);
    assert.ok(view);
    return digestCard('nb', view);
  };

  it('asks the unit leader once the idea is done and its realized gain approved, whichever comes last', async () => {
    await done();
    assert.deepEqual(asked(), [], 'done, but no approved gain yet');
    await approvedGain();
    assert.deepEqual(asked().map((n) => n.to), [`person:${kari.aadObjectId}`]);
    for (const locale of ['nb', 'da', 'en'] as const) assert.deepEqual(cardIssues(notificationCard(locale, asked()[0].notification, (await bot.directory.snapshot()).settings)), [], locale);
    assert.match(cardText(notificationCard('nb', asked()[0].notification, (await bot.directory.snapshot()).settings)), /HN-1 er ferdig, med godkjent realisert gevinst\. Kan det hjelpe andre enheter\?/);
  });

  it('asks also when the gain is approved first and the idea is done after', async () => {
    ({ idea } = await bot.services.ideaChanges.apply(kari, idea, { kind: 'move', to: 'inProgress' }));
    await approvedGain();
    assert.deepEqual(asked(), []);
    for (const to of ['evaluating', 'done'] as const) ({ idea } = await bot.services.ideaChanges.apply(kari, idea, { kind: 'move', to }));
    assert.equal(asked().length, 1);
  });

  it('a yes offers it to units with a similar open problem and of the same kind, in their next digest', async () => {
    await done();
    await approvedGain();
    const card = invokeCard(await yes());
    assert.deepEqual(cardIssues(card), []);
    assert.match(cardText(card), /det foreslås for 2 enheter i neste ukerapport/);
    for (const [leader, unitId] of [[siri, NURSING], [per, ROADS]] as const) {
      const digest = await digestOf(leader, unitId);
      assert.deepEqual(cardIssues(digest), []);
      assert.match(cardText(digest), /Prøvd andre steder\nHN-1 Vaktbytte i app \(Hjemmetjenesten nord, realisert 10\s000\s?kr per år\)/);
    }
    assert.doesNotMatch(cardText(await digestOf(per, BUILDINGS)), /Prøvd andre steder/);
    // A second press offers nothing again.
    assert.match(cardText(invokeCard(await yes())), /Takk/);
    assert.equal((await bot.services.learning.whereElse.pending((await bot.directory.snapshot()), NURSING)).length, 1);
  });

  it('a unit adopts it as a new idea on its own board, linked to the original; reports count the spread', async () => {
    await done();
    await approvedGain();
    await yes();
    const card = invokeCard(await bot.send(cardAction('tried.adopt', { unitId: NURSING, fromUnitId: HOME, fromNumber: '1' }, { from: siri })));
    assert.deepEqual(cardIssues(card), []);
    assert.match(cardText(card), /Tatt i bruk som SO-1 på tavla deres, koblet til HN-1/);
    assert.match(cardText(card), /Tar i bruk praksisen fra HN-1 \(Hjemmetjenesten nord\)/);
    const adopted = await bot.ideas.get(NURSING, 1);
    assert.equal(adopted?.title, 'Vaktbytte i app');
    assert.deepEqual(adopted?.adoptedFrom, { unitId: HOME, number: 1 });
    assert.doesNotMatch(cardText(await digestOf(siri, NURSING)), /Prøvd andre steder/, 'no longer offered');
    const again = invokeCard(await bot.send(cardAction('tried.adopt', { unitId: NURSING, fromUnitId: HOME, fromNumber: '1' }, { from: siri })));
    assert.match(cardText(again), /allerede tatt i bruk eller avslått/);
    assert.deepEqual(await bot.services.learning.whereElse.spreadOf(HOME), [{ number: 1, title: 'Vaktbytte i app', units: 1 }]);
    const report = await bot.services.reports.report(kari, { scope: { kind: 'unit', unitId: HOME }, period: quarterPeriod(2026, 4) });
    assert.deepEqual(report.spread?.map((s) => s.practices), [[{ number: 1, title: 'Vaktbytte i app', units: 1 }]]);
    const reported = reportCard('nb', report, { minutes: 15 });
    assert.deepEqual(cardIssues(reported), []);
    assert.match(cardText(reported), /Praksis spredt til andre enheter\nHN-1 Vaktbytte i app: spredt til 1 enhet/);
    // The files count it too: a sheet of its own, and the JSON for other systems.
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await reportWorkbook('nb', report, new Date('2026-11-20T09:00:00Z'))) as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Spredt praksis');
    assert.ok(sheet, workbook.worksheets.map((s) => s.name).join(', '));
    const row = (n: number) => (sheet.getRow(n).values as unknown[]).slice(1);
    assert.deepEqual(row(HEADER_ROW).slice(1), ['Idé', 'Opprinnelig idé', 'Tatt i bruk av enheter']);
    assert.deepEqual(row(HEADER_ROW + 1), ['Hjemmetjenesten nord', 'HN-1', 'Vaktbytte i app', 1]);
    const json = JSON.parse(reportJson(report).toString('utf8')) as { spread: unknown[] };
    assert.deepEqual(json.spread, [{ unitId: HOME, number: 1, title: 'Vaktbytte i app', adoptedByUnits: 1 }]);
  });

  it('"not for us" removes the offer; a no offers it nowhere', async () => {
    await done();
    await approvedGain();
    await yes();
    const dismissed = invokeCard(await bot.send(cardAction('tried.dismiss', { unitId: ROADS, fromUnitId: HOME, fromNumber: '1' }, { from: per })));
    assert.match(cardText(dismissed), /HN-1 foreslås ikke lenger for Veg og park/);
    assert.doesNotMatch(cardText(await digestOf(per, ROADS)), /Prøvd andre steder/);
  });

  it('similar ideas at submission show a done idea\'s approved realized gain', async () => {
    await done();
    await approvedGain();
    // The Lean coach sees every unit's board, so every unit's ideas are suggested to her.
    const card = invokeCard(await bot.send(cardAction('idea.submit', { fixedUnitId: NURSING, title: 'Vaktbytte', type: 'improve', situation: 'Bytte vakter på telefon tar mye tid.' }, { from: DEMO_PEOPLE.ingrid })));
    assert.deepEqual(cardIssues(card), []);
    assert.match(cardText(card), /HN-1 Vaktbytte i app\nHjemmetjenesten nord · Ferdig · realisert 10\s000\s?kr per år/);
  });

  it('only the unit\'s leaders answer and adopt', async () => {
    await done();
    await approvedGain();
    const refused = invokeCard(await bot.send(cardAction('whereElse.yes', { unitId: HOME, number: '1' }, { from: ola, locale: 'en-US' })));
    assert.match(cardText(refused), /not allowed|permission/i);
    await yes();
    const notTheirs = invokeCard(await bot.send(cardAction('tried.adopt', { unitId: NURSING, fromUnitId: HOME, fromNumber: '1' }, { from: ola, locale: 'en-US' })));
    assert.match(cardText(notTheirs), /not allowed|permission/i);
    assert.equal(await bot.ideas.get(NURSING, 1), undefined);
  });

  it('a no is kept: nothing is offered, and a later yes does not change it', async () => {
    await done();
    await approvedGain();
    const no = invokeCard(await bot.send(cardAction('whereElse.no', { unitId: HOME, number: '1' }, { from: kari })));
    assert.match(cardText(no), /Notert: det foreslås ikke andre steder/);
    assert.match(cardText(invokeCard(await yes())), /Notert: det foreslås ikke andre steder/);
    assert.doesNotMatch(cardText(await digestOf(siri, NURSING)), /Prøvd andre steder/);
  });
});
