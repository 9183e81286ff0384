import assert from 'node:assert/strict';
import { localeFromTag } from '../../src/domain/locale';
import { slugify } from '../../src/domain/ids';
import { FieldChecker, TEXT_LIMITS, normaliseText } from '../../src/domain/text';

describe('form field checks', () => {
  it('collects every problem at once', () => {
    const checks = new FieldChecker();
    checks.text('title', '   ', 'title', { required: true });
    checks.text('proposal', 'å'.repeat(TEXT_LIMITS.longText + 1), 'longText');
    checks.oneOf('type', 'other', ['improve', 'create', 'remove'] as const);
    checks.integer('headcount', '12.5', { min: 0, max: 10 });
    checks.integer('attendees', 40, { min: 0, max: 30 });
    assert.deepEqual(
      checks.issues.map((i) => `${i.field}:${i.problem}`),
      ['title:required', 'proposal:tooLong', 'type:unknownOption', 'headcount:invalidFormat', 'attendees:outOfRange'],
    );
  });

  it('counts characters, not UTF-16 units, against the limit', () => {
    const checks = new FieldChecker();
    assert.equal(checks.text('title', '🙂'.repeat(TEXT_LIMITS.title), 'title'), '🙂'.repeat(TEXT_LIMITS.title));
    assert.deepEqual(checks.issues, []);
  });

  it('cleans control characters and line endings but keeps newlines', () => {
    assert.equal(normaliseText('  a\r\nb\u0007c\t \n'), 'a\nbc');
  });

  it('drops the C1 control characters too (found by the reliability fuzzer in a stored benefit)', () => {
    // U+009B is a terminal's CSI, U+0085 a line break to some readers; neither belongs in a title or a name.
    assert.equal(normaliseText('Færre\u009b[31m vaktbytter\u0085\u0080'), 'Færre[31m vaktbytter');
    const checks = new FieldChecker();
    assert.equal(checks.text('measured', '7 av 10\u009b', 'shortText'), '7 av 10');
    assert.equal(normaliseText('Ærlig talt: ÆØÅ æøå ß é \u00a0'), 'Ærlig talt: ÆØÅ æøå ß é');
  });

  it('turns half a surrogate pair into U+FFFD and keeps whole pairs (found by the reliability fuzzer in a stored comment)', () => {
    assert.equal(normaliseText('Godt\ud800 forslag \udfff😀'), 'Godt\ufffd forslag \ufffd😀');
    assert.equal(normaliseText('👨‍👩‍👧 e\u0301'), '👨‍👩‍👧 e\u0301');
  });
});

describe('locales', () => {
  it('maps Teams locales to the languages we speak', () => {
    assert.deepEqual(['nb-NO', 'nn-NO', 'no', 'da-DK', 'en-GB', 'sv-SE', undefined].map((tag) => localeFromTag(tag, 'da')), ['nb', 'nb', 'nb', 'da', 'en', 'da', 'da']);
  });
});

describe('slugs', () => {
  it('turns Nordic names into key-safe ids', () => {
    assert.equal(slugify('Sykehjem Øst – Avd. 2'), 'sykehjem-ost-avd-2');
    assert.equal(slugify('Bæredygtig drift'), 'baeredygtig-drift');
    assert.equal(slugify('!!!'), 'unit');
  });
});
