import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer, { Browser, Page } from 'puppeteer-core';

/** Debian's chromium (CI installs it with apt-get); puppeteer never downloads a browser here. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface TestBrowser {
  readonly browser: Browser;
  /** A fresh page at 1280×800 that records what went wrong in it. */
  page(): Promise<Page & { readonly problems: string[] }>;
  close(): Promise<void>;
}

/**
 * Headless Chromium as the machine notes describe it: no sandbox (CI runs as root), no GPU, and
 * none of the background connections it would otherwise try (the network is closed), in a user
 * data folder of its own.
 */
export async function launchBrowser(): Promise<TestBrowser> {
  const profile = mkdtempSync(join(tmpdir(), 'tavla-chromium-'));
  const browser = await puppeteer.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic', `--user-data-dir=${profile}`],
  });
  return {
    browser,
    async page() {
      const page = (await browser.newPage()) as Page & { problems: string[] };
      page.problems = [];
      await page.setViewport({ width: 1280, height: 800 });
      page.on('pageerror', (error) => page.problems.push(`page error: ${error instanceof Error ? error.message : String(error)}`));
      page.on('console', (message) => {
        // A refused request (401, 403) is logged by Chromium as a console error: the tests look at those themselves.
        if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) page.problems.push(`console: ${message.text()}`);
      });
      return page;
    },
    async close() {
      await browser.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
