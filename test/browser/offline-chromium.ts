import { existsSync } from 'node:fs';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';
export const chromiumInstalled = existsSync(CHROMIUM);

export const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface WatchedPage {
  page: Page;
  /** Uncaught exceptions and console errors, as a learner's devtools would show them. */
  errors: string[];
  /** Requests the page tried to send to any host but the local site. */
  offsite: string[];
}

const LOCAL = ['127.0.0.1', 'localhost'];

/**
 * Uncompressed answers, please: `vitepress preview` compresses every response with Brotli, anew for each page,
 * which on a loopback connection costs far more than it saves (it was most of the site crawl's time).
 */
export const UNCOMPRESSED = { 'accept-encoding': 'identity' };

/**
 * A page that cannot reach the internet (every request to another host gets a stub 200 and is recorded, so the
 * site is tested as it works offline and a test can say none was attempted) and that records every page error
 * and console error.
 */
export async function openWatchedPage(browser: Browser, options: BrowserContextOptions = {}): Promise<WatchedPage> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, extraHTTPHeaders: UNCOMPRESSED, ...options });
  // Waits end when the page gets there, however busy the machine: the test's own timeout is the only limit.
  context.setDefaultTimeout(0);
  const offsite: string[] = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (LOCAL.includes(new URL(url).hostname)) return route.continue();
    offsite.push(url);
    return route.fulfill({ status: 200, contentType: 'text/plain', body: '' });
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()}`);
  });
  return { page, errors, offsite };
}
