import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import axe from 'axe-core';
import type { ElementHandle, Page } from 'puppeteer-core';
import { TestBrowser, launchBrowser } from './support/browser';
import { RunningDemo, startDemo } from './support/demoServer';

const HN = 'hjemmetjenesten-nord';
/** Screenshots are kept here (gitignored) for a person to look at. */
const SHOTS = resolve(__dirname, '..', 'test-output', 'tab');

type TestPage = Page & { readonly problems: string[] };

/**
 * The tab in Debian's Chromium, driven by puppeteer-core, against Tavla in local mode with a demo
 * board: sign in with a printed link, see the columns, drag and use the keyboard, be refused,
 * look at it in the light, dark and high-contrast themes, and let axe-core check it.
 */
describe('the improvement board tab in a real browser', function () {
  let demo: RunningDemo;
  let chromium: TestBrowser;

  before(async () => {
    mkdirSync(SHOTS, { recursive: true });
    [demo, chromium] = await Promise.all([startDemo(), launchBrowser()]);
  });
  after(async () => {
    await chromium?.close();
    await demo?.stop();
  });

  async function open(person: string, query: Record<string, string> = {}): Promise<TestPage> {
    const page = await chromium.page();
    await page.goto(demo.link(person, { unit: HN, locale: 'en', ...query }), { waitUntil: 'networkidle0' });
    await page.waitForSelector('.column[data-column="new"]');
    return page;
  }

  const column = (page: Page, status: string) => page.$(`.column[data-column="${status}"]`);
  const idsIn = (page: Page, status: string) => page.$$eval(`.column[data-column="${status}"] .card-id`, (ids) => ids.map((id) => id.textContent ?? ''));
  const card = (page: Page, number: number) => page.$(`.card[data-number="${number}"]`);
  const announced = (page: Page) => page.$eval('[aria-live="polite"]', (live) => live.textContent ?? '');

  async function drag(page: Page, from: ElementHandle, to: ElementHandle): Promise<void> {
    const a = (await from.boundingBox())!;
    const b = (await to.boundingBox())!;
    await page.mouse.move(a.x + 30, a.y + 12);
    await page.mouse.down();
    await page.mouse.move(a.x + 50, a.y + 40, { steps: 4 });
    await page.mouse.move(b.x + b.width / 2, b.y + 90, { steps: 12 });
    await page.mouse.up();
  }

  /** axe-core's serious and critical findings on the page as it is now. */
  async function seriousViolations(page: Page): Promise<string[]> {
    await page.evaluate(axe.source);
    const violations = await page.evaluate(async () => {
      const run = (window as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: { id: string; impact?: string | null; nodes: { target: unknown[] }[] }[] }> } }).axe;
      const result = await run.run(document, { resultTypes: ['violations'] });
      return result.violations.map((v) => ({ id: v.id, impact: v.impact ?? '', targets: v.nodes.map((n) => JSON.stringify(n.target)).slice(0, 3) }));
    });
    return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.impact} ${v.id}: ${v.targets.join(' ')}`);
  }

  it('signs in with a demo link and shows the unit’s board in PDCA columns, with its picture beside it', async () => {
    const page = await open('kari');
    assert.equal(await page.$eval('h1', (h) => h.textContent), 'Improvement board – Hjemmetjenesten nord');
    const headings = await page.$$eval('.column-heading', (hs) => hs.map((h) => h.childNodes[0]?.textContent ?? ''));
    assert.deepEqual(headings, ['New', 'Planned', 'In progress', 'Evaluating', 'Done']);
    assert.deepEqual(await idsIn(page, 'new'), [`HN-${demo.numbers.newIdea}`]);
    assert.ok((await page.$eval(`.card[data-number="${demo.numbers.rota}"]`, (c) => c.textContent ?? '')).includes('Overdue'));
    assert.ok((await page.$eval(`.card[data-number="${demo.numbers.missingBenefit}"]`, (c) => c.textContent ?? '')).includes('Benefit missing'));
    assert.equal(await page.$$eval('.picture canvas[role="img"]', (cs) => cs.length), 3);
    assert.match(await page.$eval('.picture figcaption', (f) => f.textContent ?? ''), /board meetings held of \d+ scheduled/);
    // The session is kept out of the address: it cannot be bookmarked or shared by accident.
    assert.doesNotMatch(page.url(), /session/);
    assert.deepEqual(page.problems, []);
    await page.close();
  });

  it('moves a card from New to Planned by dragging it; after a reload it is still there', async () => {
    const page = await open('kari');
    const number = demo.numbers.newIdea;
    await drag(page, (await card(page, number))!, (await column(page, 'planned'))!);
    await page.waitForFunction(() => document.querySelector('[aria-live="polite"]')?.textContent?.includes('moved to Planned'));
    assert.equal(await announced(page), `HN-${number} moved to Planned.`);
    await page.reload({ waitUntil: 'networkidle0' });
    await page.waitForSelector(`.column[data-column="planned"] .card[data-number="${number}"]`);
    assert.deepEqual(await idsIn(page, 'new'), []);
    assert.ok((await idsIn(page, 'planned')).includes(`HN-${number}`));
    assert.deepEqual(page.problems, []);
    await page.close();
  });

  it('moves a card with the keyboard (Shift + right arrow), keeps focus on it and announces it', async () => {
    const page = await open('kari');
    const number = demo.numbers.keyBox;
    await page.focus(`.card[data-number="${number}"] .card-open`);
    await page.keyboard.down('Shift');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.up('Shift');
    await page.waitForFunction((n) => document.querySelector(`.column[data-column="inProgress"] .card[data-number="${n}"]:not(.pending)`), {}, number);
    await page.waitForFunction(() => document.querySelector('[aria-live="polite"]')?.textContent !== '');
    assert.equal(await announced(page), `HN-${number} moved to In progress.`);
    assert.equal(await page.evaluate(() => document.activeElement?.closest('.card')?.getAttribute('data-number')), String(number));
    await page.close();
  });

  it('refuses a staff member who drags a card they do not own: it snaps back with the reason', async () => {
    const page = await open('ola');
    const number = demo.numbers.rota;
    await drag(page, (await card(page, number))!, (await column(page, 'evaluating'))!);
    await page.waitForSelector('.problems fluent-message-bar');
    assert.equal(await page.$eval('.problems fluent-message-bar', (bar) => bar.textContent), `HN-${number} was not moved: You are not allowed to do that.`);
    assert.ok((await idsIn(page, 'inProgress')).includes(`HN-${number}`), 'back where it was');
    assert.ok(!(await idsIn(page, 'evaluating')).includes(`HN-${number}`));
    await page.close();
  });

  it('filters the board to my cards and to overdue ones', async () => {
    const page = await open('ola');
    const all = await page.$$eval('.columns .card', (cards) => cards.length);
    const shownAfter = async (selector: string, count: (n: number) => boolean) => {
      const before = await page.$$eval('.columns .card', (cards) => cards.length);
      await page.click(selector);
      await page.waitForFunction((total) => document.querySelectorAll('.columns .card').length !== total, {}, before);
      const shown = await page.$$eval('.columns .card-id', (ids) => ids.map((id) => id.textContent ?? ''));
      assert.ok(count(shown.length), `${shown.length} of ${all} after ${selector}`);
      return shown;
    };
    assert.deepEqual(await shownAfter('.filter-overdue', (n) => n === 1), [`HN-${demo.numbers.rota}`]);
    await shownAfter('.filter-overdue', (n) => n === all);
    const mine = await shownAfter('.filter-mine', (n) => n > 0 && n < all);
    assert.ok(!mine.includes(`HN-${demo.numbers.rota}`), 'Kari’s card is not Ola’s');
    assert.match(await page.$eval('.filter-count', (count) => count.textContent ?? ''), /cards? match(es)? the filters/);
    await page.close();
  });

  it('opens an item with its details and history, and comments on it', async () => {
    const page = await open('kari');
    await page.click(`.card[data-number="${demo.numbers.evaluating}"] .card-open`);
    await page.waitForSelector('fluent-dialog .item-facts');
    const text = await page.$eval('fluent-dialog', (dialog) => dialog.textContent ?? '');
    assert.match(text, /Proposed by Ola Bakken/);
    assert.match(text, /History/);
    await page.click('fluent-dialog .comment-input');
    await page.keyboard.type('Ser bra ut.');
    await page.click('fluent-dialog .comment-button');
    await page.waitForFunction(() => document.querySelector('fluent-dialog')?.textContent?.includes('Ser bra ut.'));
    await page.close();
  });

  for (const theme of ['light', 'dark', 'contrast'] as const) {
    it(`looks like Teams in the ${theme} theme (screenshot at 1280×800) and axe finds nothing serious or critical`, async () => {
      const page = await open('kari', { theme });
      assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), theme);
      await page.screenshot({ path: join(SHOTS, `board-${theme}.png`) });
      assert.deepEqual(await seriousViolations(page), []);
      await page.click(`.card[data-number="${demo.numbers.rota}"] .card-open`);
      await page.waitForSelector('fluent-dialog .item-facts');
      await page.screenshot({ path: join(SHOTS, `item-${theme}.png`) });
      assert.deepEqual(await seriousViolations(page), [], 'with the item open');
      assert.deepEqual(page.problems, []);
      await page.close();
    });
  }

  it('speaks Danish and Norwegian from the address, with the bot’s own words', async () => {
    const da = await open('kari', { locale: 'da' });
    assert.equal(await da.$eval('h1', (h) => h.textContent), 'Forbedringstavle – Hjemmetjenesten nord');
    assert.equal(await da.evaluate(() => document.documentElement.lang), 'da');
    assert.equal(await da.$eval('.column[data-column="inProgress"] .column-heading', (h) => h.childNodes[0]?.textContent), 'I gang');
    await da.close();
    const nb = await open('kari', { locale: 'nb' });
    assert.equal(await nb.$eval('.column[data-column="inProgress"] .column-heading', (h) => h.childNodes[0]?.textContent), 'Pågår');
    await nb.screenshot({ path: join(SHOTS, 'board-nb-light.png') });
    await nb.close();
  });

  it('shows my units and my items in the personal tab', async () => {
    const page = await chromium.page();
    await page.goto(demo.link('ola', { locale: 'en' }), { waitUntil: 'networkidle0' });
    await page.waitForSelector('nav.unit-nav fluent-button');
    const entries = await page.$$eval('nav.unit-nav fluent-button', (buttons) => buttons.map((b) => b.textContent));
    assert.deepEqual(entries, ['Hjemmetjenesten nord', 'Sykehjem øst', 'My items']);
    await page.click('nav.unit-nav fluent-button[data-key="mine"]');
    await page.waitForSelector('.mine-list .card');
    assert.ok((await page.$$eval('.mine-list .card', (cards) => cards.length)) >= 2);
    await page.screenshot({ path: join(SHOTS, 'my-items-light.png') });
    await page.close();
  });
});
