import assert from 'node:assert/strict';
import { LOCALES } from '../../src/domain/locale';
import { plural, t } from '../../src/i18n';
import { COMMANDS, COMMAND_WORDS, parseCommand } from '../../src/i18n/commandWords';
import { da } from '../../src/i18n/da';
import { daBenefits } from '../../src/i18n/da/benefits';
import { daBoard } from '../../src/i18n/da/board';
import { daCommon } from '../../src/i18n/da/common';
import { daIdeas } from '../../src/i18n/da/ideas';
import { daMeetings } from '../../src/i18n/da/meetings';
import { daReports } from '../../src/i18n/da/reports';
import { daRevision } from '../../src/i18n/da/revision';
import { daFba } from '../../src/i18n/da/fba';
import { daReach } from '../../src/i18n/da/reach';
import { daInbox } from '../../src/i18n/da/inbox';
import { daOnDemand } from '../../src/i18n/da/onDemand';
import { daRhythm } from '../../src/i18n/da/rhythm';
import { daSetup } from '../../src/i18n/da/setup';
import { daTab } from '../../src/i18n/da/tab';
import { daGoals } from '../../src/i18n/da/goals';
import { daLearning } from '../../src/i18n/da/learning';
import { en } from '../../src/i18n/en';
import { enBenefits } from '../../src/i18n/en/benefits';
import { enBoard } from '../../src/i18n/en/board';
import { enCommon } from '../../src/i18n/en/common';
import { enIdeas } from '../../src/i18n/en/ideas';
import { enMeetings } from '../../src/i18n/en/meetings';
import { enReports } from '../../src/i18n/en/reports';
import { enRevision } from '../../src/i18n/en/revision';
import { enFba } from '../../src/i18n/en/fba';
import { enReach } from '../../src/i18n/en/reach';
import { enInbox } from '../../src/i18n/en/inbox';
import { enOnDemand } from '../../src/i18n/en/onDemand';
import { enRhythm } from '../../src/i18n/en/rhythm';
import { enSetup } from '../../src/i18n/en/setup';
import { enTab } from '../../src/i18n/en/tab';
import { enGoals } from '../../src/i18n/en/goals';
import { enLearning } from '../../src/i18n/en/learning';
import { nb } from '../../src/i18n/nb';
import { nbBenefits } from '../../src/i18n/nb/benefits';
import { nbBoard } from '../../src/i18n/nb/board';
import { nbCommon } from '../../src/i18n/nb/common';
import { nbIdeas } from '../../src/i18n/nb/ideas';
import { nbMeetings } from '../../src/i18n/nb/meetings';
import { nbReports } from '../../src/i18n/nb/reports';
import { nbRevision } from '../../src/i18n/nb/revision';
import { nbFba } from '../../src/i18n/nb/fba';
import { nbReach } from '../../src/i18n/nb/reach';
import { nbInbox } from '../../src/i18n/nb/inbox';
import { nbOnDemand } from '../../src/i18n/nb/onDemand';
import { nbRhythm } from '../../src/i18n/nb/rhythm';
import { nbSetup } from '../../src/i18n/nb/setup';
import { nbTab } from '../../src/i18n/nb/tab';
import { nbGoals } from '../../src/i18n/nb/goals';
import { nbLearning } from '../../src/i18n/nb/learning';

describe('message catalogs', () => {
  it('have the same keys and placeholders in nb, da and en', () => {
    const placeholders = (value: unknown) => JSON.stringify(value).match(/\{\w+\}/g)?.sort() ?? [];
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      assert.deepEqual(placeholders(nb[key]), placeholders(en[key]), `nb ${key}`);
      assert.deepEqual(placeholders(da[key]), placeholders(en[key]), `da ${key}`);
    }
    assert.deepEqual(Object.keys(nb).sort(), Object.keys(en).sort());
    assert.deepEqual(Object.keys(da).sort(), Object.keys(en).sort());
  });

  it('put every key in exactly one part, so no spread silently overrides another', () => {
    const assembled: [string, object, object[]][] = [
      ['en', en, [enCommon, enSetup, enIdeas, enBoard, enBenefits, enMeetings, enRhythm, enReach, enInbox, enOnDemand, enReports, enRevision, enFba, enTab, enGoals, enLearning]],
      ['nb', nb, [nbCommon, nbSetup, nbIdeas, nbBoard, nbBenefits, nbMeetings, nbRhythm, nbReach, nbInbox, nbOnDemand, nbReports, nbRevision, nbFba, nbTab, nbGoals, nbLearning]],
      ['da', da, [daCommon, daSetup, daIdeas, daBoard, daBenefits, daMeetings, daRhythm, daReach, daInbox, daOnDemand, daReports, daRevision, daFba, daTab, daGoals, daLearning]],
    ];
    for (const [locale, catalog, parts] of assembled) {
      const keys = parts.flatMap((part) => Object.keys(part));
      const twice = keys.filter((key, i) => keys.indexOf(key) !== i);
      assert.deepEqual(twice, [], `${locale}: keys in two parts`);
      assert.equal(Object.keys(catalog).length, keys.length, `${locale}: keys in the catalog vs. the sum of its parts`);
    }
  });

  it('fills placeholders and picks plural forms by the language rules', () => {
    assert.equal(t('nb', 'setup.linkedTitle', { unit: 'Sykehjem øst' }), 'Denne kanalen hører til Sykehjem øst');
    assert.deepEqual([0, 1, 2].map((n) => plural('da', 'setup.members', n)), ['0 personer', '1 person', '2 personer']);
    assert.equal(plural('en', 'setup.members', 1), '1 person');
  });
});

describe('command words', () => {
  it('recognise the main commands in all three languages', () => {
    const cases: [string, string][] = [
      ['help', 'help'], ['hjelp', 'help'], ['Hjælp!', 'help'], ['?', 'help'],
      ['idé', 'idea'], ['ide', 'idea'], ['idea', 'idea'],
      ['tavle', 'board'], ['board', 'board'],
      ['mine', 'mine'], ['my items', 'mine'], ['mine sager', 'mine'],
      ['stopp påminnelser', 'stopReminders'], ['stop påmindelser', 'stopReminders'], ['start reminders', 'startReminders'],
      ['/oppsett', 'setup'], ['opsætning', 'setup'], ['hvem er jeg', 'whoami'],
      ['godkjenninger', 'approvals'], ['godkendelser', 'approvals'], ['approvals', 'approvals'],
      ['ukerapport', 'digest'], ['ugerapport', 'digest'], ['digest', 'digest'],
    ];
    for (const [text, command] of cases) assert.equal(parseCommand(text)?.command, command, text);
  });

  it('keeps the text after an idea command, in its original case', () => {
    assert.deepEqual(parseCommand('idé: Færre vaktbytter i helgene'), { command: 'idea', rest: 'Færre vaktbytter i helgene' });
  });

  it('does not mistake a sentence for a command', () => {
    for (const text of ['mine er borte', 'help me with the board', 'tavlemøte i dag?', 'me too']) assert.equal(parseCommand(text), undefined, text);
  });

  it('has words for every command in every language', () => {
    for (const locale of LOCALES) for (const command of COMMANDS) assert.ok(COMMAND_WORDS[locale][command].length > 0, `${locale} ${command}`);
  });
});
