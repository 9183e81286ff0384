import puppeteer from 'puppeteer-core';
import { startTabServer, HN } from './support/tabServer';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
(async () => {
  const server = await startTabServer();
  const browser = await puppeteer.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic', `--user-data-dir=/tmp/chrome-scratch-${Date.now()}`] });
  const page = await browser.newPage();
  await page.setViewport({ width: 1280, height: 800 });
  page.on('console', (m) => console.log('console:', m.type(), m.text()));
  page.on('pageerror', (e) => console.log('pageerror:', e.message));
  await page.goto(server.signInLink('kari', { unit: HN, locale: 'en' }), { waitUntil: 'networkidle0' });
  await page.waitForSelector('.column[data-column="new"] .card');
  const card = await page.$('.column[data-column="new"] .card .card-open');
  const target = await page.$('.column[data-column="planned"]');
  const a = (await card!.boundingBox())!; const b = (await target!.boundingBox())!;
  await page.mouse.move(a.x + 20, a.y + 10); await page.mouse.down();
  await page.mouse.move(a.x + 60, a.y + 40, { steps: 5 });
  await page.mouse.move(b.x + b.width / 2, b.y + 60, { steps: 10 });
  await page.screenshot({ path: '/tmp/shot-drag.png' });
  await page.mouse.up();
  await sleep(1500);
  console.log('planned:', await page.$$eval('.column[data-column="planned"] .card-id', (els) => els.map((e) => e.textContent)));
  console.log('live:', await page.$eval('[role=status][aria-live]', (e) => e.textContent));
  // keyboard
  await page.focus('.column[data-column="planned"] .card .card-open');
  await page.keyboard.down('Shift'); await page.keyboard.press('ArrowRight'); await page.keyboard.up('Shift');
  await sleep(1500);
  console.log('inProgress:', await page.$$eval('.column[data-column="inProgress"] .card-id', (els) => els.map((e) => e.textContent)));
  console.log('focused:', await page.evaluate(() => document.activeElement?.closest('.card')?.getAttribute('data-number')));
  // open item
  await page.click('.column[data-column="inProgress"] .card .card-open');
  await sleep(1500);
  await page.screenshot({ path: '/tmp/shot-item.png' });
  await browser.close();
  await server.stop();
})().catch((e) => { console.error(e); process.exit(1); });
