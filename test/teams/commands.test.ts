import assert from 'node:assert/strict';
import { DomainError, ValidationError } from '../../src/domain/errors';
import { CardData, MAX_INPUT_CHARS } from '../../src/teams/commands/cardData';
import { cardErrors } from '../../src/teams/commands/cardForm';
import { benefitRegistrationOf, ledgerScopeOf } from '../../src/teams/commands/benefitCommands';
import { IDEA_CHANGE_VERBS, IDEA_FORM, ideaSubmissionOf } from '../../src/teams/commands/ideaCommands';
import { MEETING_FORM, meetingLogOf } from '../../src/teams/commands/meetingCommands';
import { actionIdOf, benefitKeyOf, ideaOnCardOf, ideaRefOf, meetingRefOf } from '../../src/teams/commands/refs';
import { itemInputOf } from '../../src/teams/commands/reminderCommands';
import { SCHEDULE_FORM, scheduleOf } from '../../src/teams/commands/scheduleCommands';

const HN = 'hjemmetjenesten-nord';
const data = (value: unknown) => CardData.of(value);
const verb = (name: string) => IDEA_CHANGE_VERBS.find((v) => v.verb === name)!;

function notFound(read: () => unknown): void {
  assert.throws(read, (error: unknown) => error instanceof DomainError && error.code === 'notFound');
}

describe('card data parsers', () => {
  describe('odd shapes', () => {
    it('reads data that is not an object as empty', () => {
      for (const odd of [undefined, null, 'title=x', 42, ['title', 'x'], true]) {
        assert.deepEqual(ideaSubmissionOf(data(odd)).idea.title, undefined, JSON.stringify(odd));
        notFound(() => ideaRefOf(data(odd)));
      }
    });

    it('ignores arrays, objects, booleans and null where text belongs, and reads numbers as text', () => {
      const parsed = ideaSubmissionOf(data({ title: ['a', 'b'], situation: { text: 'x' }, proposal: true, type: null, ownerId: 7, dueDate: Number.NaN }));
      assert.deepEqual(parsed.idea, { title: undefined, situation: undefined, proposal: undefined, type: undefined, wastes: [], benefitAreas: [], ownerId: '7', dueDate: undefined });
      assert.deepEqual(ideaRefOf(data({ unitId: HN, number: 3 })), { unitId: HN, number: 3 }, 'Action.Execute data may carry numbers');
    });

    it('never reads through __proto__ or inherited keys, and pollutes nothing', () => {
      const forged = JSON.parse('{"__proto__": {"unitId": "hjemmetjenesten-nord", "number": "1", "title": "inherited"}, "constructor": "x", "type": "improve"}') as unknown;
      notFound(() => ideaRefOf(data(forged)));
      const parsed = ideaSubmissionOf(data(forged));
      assert.equal(parsed.idea.title, undefined);
      assert.equal(parsed.idea.type, 'improve');
      assert.equal(data({}).text('toString'), undefined, 'Object.prototype is not card data');
      assert.equal(data(forged).text('constructor'), 'x', 'an own key of that name is just text');
      assert.equal(({} as Record<string, unknown>).title, undefined);
    });

    it('cuts an over-long string well above every limit, so the form still says "too long"', () => {
      const parsed = ideaSubmissionOf(data({ title: 'å'.repeat(MAX_INPUT_CHARS * 10), situation: 'x'.repeat(2001) }));
      assert.equal(parsed.idea.title?.length, MAX_INPUT_CHARS);
      assert.equal(parsed.idea.situation?.length, 2001, 'an ordinary overlong text is kept whole, for the domain to report with its length');
    });

    it('drops control characters from text but keeps line breaks; an id with one is refused, not repaired', () => {
      const parsed = ideaSubmissionOf(data({ title: 'Færre\u0000 vakt\u001bbytter', situation: 'Linje 1\r\nLinje 2\u0007' }));
      assert.equal(parsed.idea.title, 'Færre vaktbytter');
      assert.equal(parsed.idea.situation, 'Linje 1\nLinje 2');
      notFound(() => ideaRefOf(data({ unitId: `${HN}\u0000`, number: '1' })));
      assert.throws(() => ideaSubmissionOf(data({ fixedUnitId: `${HN}\n`, title: 't' })), (error: unknown) => error instanceof ValidationError && error.issues[0]?.field === 'unitId');
    });
  });

  describe('what a card action is about', () => {
    it('takes unit ids that are slugs and idea numbers that are whole and in range', () => {
      assert.deepEqual(ideaOnCardOf(data({ unitId: HN, number: '42', version: '3' })), { unitId: HN, number: 42, version: 3 });
      for (const unitId of ['', 'Hjemmetjenesten-nord', '../hjemmetjenesten-nord', 'a/b', 'hn?x=1', 'x'.repeat(41), ' hjemmetjenesten-nord']) notFound(() => ideaRefOf(data({ unitId, number: '1' })));
      for (const number of ['0', '-1', '1.5', '1e3', '0x10', ' 1', '10000000', '99999999999999999999', '']) notFound(() => ideaRefOf(data({ unitId: HN, number })));
    });

    it('refuses a version, action id or benefit id of the wrong shape; no version means 0', () => {
      assert.equal(ideaOnCardOf(data({ unitId: HN, number: '1' })).version, 0);
      notFound(() => ideaOnCardOf(data({ unitId: HN, number: '1', version: 'latest' })));
      assert.equal(actionIdOf(data({ actionId: '0' })), undefined, '0 is the idea itself');
      assert.equal(actionIdOf(data({ actionId: '7' })), 7);
      for (const actionId of ['-1', 'one', '1000']) notFound(() => actionIdOf(data({ actionId })));
      assert.deepEqual(benefitKeyOf(data({ unitId: HN, number: '2', benefitId: '0mhx2b3k0a1b2c3' })), { unitId: HN, ideaNumber: 2, id: '0mhx2b3k0a1b2c3' });
      for (const benefitId of ['', 'benefit|0000002|x', '../x', 'ABCDEF123']) notFound(() => benefitKeyOf(data({ unitId: HN, number: '2', benefitId })));
      notFound(() => benefitRegistrationOf(data({ fromBenefitId: 'x/y' })));
    });

    it('takes a meeting date only when it is a real calendar date', () => {
      assert.deepEqual(meetingRefOf(data({ unitId: HN, date: '2026-03-02' })), { unitId: HN, date: '2026-03-02', version: 0 });
      for (const date of ['2026-02-30', '2026-3-2', '02.03.2026', '2026-03-02T00:00', '']) notFound(() => meetingRefOf(data({ unitId: HN, date })));
    });

    it('opens a ledger only for the organisation or an area or unit named by a slug', () => {
      assert.deepEqual(ledgerScopeOf(data({ kind: 'area', id: 'helse-omsorg' })), { kind: 'area', areaId: 'helse-omsorg' });
      notFound(() => ledgerScopeOf(data({ kind: 'unit', id: 'HN' })));
      notFound(() => ledgerScopeOf(data({ kind: 'everything', id: HN })));
    });

    it('reads a reminder item’s own input only when the button names one of the card’s item inputs', () => {
      assert.equal(itemInputOf(data({ input: 'dueDate_2', dueDate_2: '2026-12-01' })), '2026-12-01');
      for (const input of ['unitId', '__proto__', 'constructor', 'dueDate_x', 'title_1']) assert.equal(itemInputOf(data({ input, unitId: HN, title_1: 'x' })), undefined, input);
    });
  });

  describe('commands with domain names', () => {
    it('turns the idea form into a typed idea: multi-selects become lists, the source link must be https', () => {
      const parsed = ideaSubmissionOf(data({ fixedUnitId: HN, title: 'T', type: 'remove', wastes: 'waiting, motion,', benefitAreas: '', sourceUrl: 'javascript:alert(1)' }));
      assert.deepEqual(parsed, { unitId: HN, idea: { title: 'T', situation: undefined, proposal: undefined, type: 'remove', wastes: ['waiting', 'motion'], benefitAreas: [], ownerId: undefined, dueDate: undefined } });
      assert.equal(ideaSubmissionOf(data({ sourceUrl: 'https://teams.microsoft.com/l/message/1' })).sourceUrl, 'https://teams.microsoft.com/l/message/1');
    });

    it('reads the action item inputs as a command of text, owner and due date', () => {
      assert.deepEqual(verb('idea.addAction').command(data({ actionText: 'Ring IT', actionOwnerId: 'a', actionDueDate: '2026-12-01', comment: 'ignored' })), {
        kind: 'addAction',
        text: 'Ring IT',
        ownerId: 'a',
        dueDate: '2026-12-01',
      });
    });

    it('reads the root-cause notes in order, leaving out categories the card does not have', () => {
      assert.deepEqual(verb('idea.rootCause').command(data({ why1: 'Mange bytter', why3: ' Ingen oversikt ', fishbone_method: 'Ingen rutine', fishbone_weather: 'ignored' })), {
        kind: 'rootCause',
        whys: ['Mange bytter', '', 'Ingen oversikt', '', ''],
        fishbone: { method: 'Ingen rutine' },
      });
    });

    it('reads the meeting log’s three decision rows and the schedule’s three pauses', () => {
      const log = meetingLogOf(data({ held: 'yes', decision2Idea: '4', decision2Due: '2026-03-09', decision9Idea: '1' }));
      assert.deepEqual(log.decisions, [{}, { idea: '4', dueDate: '2026-03-09' }, {}].map((row) => ({ idea: undefined, status: undefined, ownerId: undefined, dueDate: undefined, ...row })));
      assert.deepEqual(scheduleOf(data({ weekdays: '1,3', time: '08:30', pause3From: '2026-07-01' })).pauses, [{}, {}, { from: '2026-07-01' }].map((p) => ({ from: undefined, to: undefined, ...p })));
    });
  });

  describe('problems back next to their inputs', () => {
    it('puts an action item’s problems under the action inputs, and the idea form’s under its own', () => {
      const error = new ValidationError([
        { field: 'text', problem: 'required' },
        { field: 'dueDate', problem: 'tooFarAhead', params: { years: 5 } },
      ]);
      assert.deepEqual(cardErrors('en', error, verb('idea.addAction').form), { actionText: 'What should be done? is required.', actionDueDate: 'By when can be at most 5 years ahead.' });
      assert.deepEqual(cardErrors('nb', new ValidationError([{ field: 'dueDate', problem: 'tooFarAhead', params: { years: 5 } }]), IDEA_FORM), {
        dueDate: 'Frist (valgfritt) kan ikke være mer enn 5 år fram i tid.',
      });
    });

    it('maps a decision row and a pause back to their numbered inputs', () => {
      const decision = new ValidationError([{ field: 'decisions.2.dueDate', problem: 'pastDate' }]);
      assert.deepEqual(cardErrors('en', decision, MEETING_FORM), { decision2Due: 'New due date cannot be in the past.' });
      const pause = new ValidationError([{ field: 'pauses.3.to', problem: 'outOfRange', params: { rule: 'pauseOrder', n: 3 } }]);
      assert.deepEqual(Object.keys(cardErrors('en', pause, SCHEDULE_FORM)), ['pause3To']);
    });
  });
});
