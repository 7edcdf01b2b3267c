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
  // No request leaves the machine: every host but the site's resolves to nothing, as offline. Chromium refuses
  // such a request itself, so no request is paused on its way (see openWatchedPage).
  '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1 , EXCLUDE localhost',
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
 * A page that cannot reach the internet (a request to another host fails, as offline, and is recorded, so the
 * site is tested as it works offline and a test can say none was attempted) and that records every page error
 * and console error. Requests are watched, not intercepted: intercepting any (a route) pauses every request in
 * Node and turns the browser's cache off, which made each page load cost a third more.
 */
export async function openWatchedPage(browser: Browser, options: BrowserContextOptions = {}): Promise<WatchedPage> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, extraHTTPHeaders: UNCOMPRESSED, ...options });
  // Waits end when the page gets there, however busy the machine: the test's own timeout is the only limit.
  context.setDefaultTimeout(0);
  const offsite: string[] = [];
  context.on('request', (request) => {
    const url = new URL(request.url());
    if (/^(https?|wss?):$/.test(url.protocol) && !LOCAL.includes(url.hostname)) offsite.push(request.url());
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()}`);
  });
  return { page, errors, offsite };
}
