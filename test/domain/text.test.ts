import assert from 'node:assert/strict';
import { localeFromTag } from '../../src/domain/locale';
import { slugify } from '../../src/domain/ids';
import { FieldChecker } from '../../src/domain/fieldChecker';
import { TEXT_LIMITS, cleanText, displayName } from '../../src/domain/text';

describe('form field checks', () => {
  it('collects every problem at once', () => {
    const checks = new FieldChecker();
    checks.text('title', '   ', 'title', { required: true });
    checks.text('proposal', 'å'.repeat(TEXT_LIMITS.longText + 1), 'longText');
    checks.oneOf('type', 'other', ['improve', 'create', 'remove'] as const);
    checks.integer('headcount', '12.5', { min: 0, max: 10 });
    checks.integer('attendees', '40', { min: 0, max: 30 });
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

  it('cleans control characters and line endings but keeps newlines in longer texts', () => {
    assert.equal(cleanText('  a\r\nb\u0007c\t \n', 'longText'), 'a\nbc');
  });

  it('makes names and titles one line, with every control character gone', () => {
    assert.equal(cleanText('Kari\u0000 \u001b[31mNilsen\u009b\r\nOlsen\tjr', 'name'), 'Kari [31mNilsen Olsen jr');
    assert.equal(displayName(' Kari\u0007 Nilsen\n'), 'Kari Nilsen');
    assert.equal(displayName('å'.repeat(TEXT_LIMITS.name + 20)), 'å'.repeat(TEXT_LIMITS.name), 'a name from Teams is cut to fit, not refused');
  });

  it('turns the Unicode line and paragraph separators into line breaks (found by the reliability fuzzer: they broke Azurite)', () => {
    assert.equal(cleanText('Første\u2028andre\u2029tredje\r\nfjerde', 'longText'), 'Første\nandre\ntredje\nfjerde');
    assert.equal(cleanText('Færre\u2028vaktbytter', 'title'), 'Færre vaktbytter');
    assert.doesNotMatch(JSON.stringify(cleanText('a\u2028b\u2029c', 'shortText')), /[\u2028\u2029]/);
  });

  it('turns half a surrogate pair into U+FFFD and keeps whole pairs (found by the reliability fuzzer in a stored comment)', () => {
    assert.equal(cleanText('Godt\ud800 forslag \udfff😀', 'longText'), 'Godt\ufffd forslag \ufffd😀');
    assert.equal(displayName('Kari\udc00 Nilsen'), 'Kari\ufffd Nilsen');
    assert.equal(cleanText('👨‍👩‍👧 e\u0301', 'title'), '👨‍👩‍👧 e\u0301');
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
