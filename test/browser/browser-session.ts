import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, inject } from 'vitest';
import { openWatchedPage, type WatchedPage } from './offline-chromium.js';

/**
 * A test file's connection to the shared Chromium and site. Use with `describe.skipIf(!session.available)`;
 * the connection opens before the file's tests and closes after them.
 */
export function browserSession() {
  const url = inject('siteUrl');
  const available = url !== '';
  let browser: Browser | undefined;
  beforeAll(async () => {
    if (available) browser = await chromium.connect(inject('browserEndpoint'));
  });
  afterAll(async () => {
    await browser?.close();
  });
  return {
    available,
    url,
    open: (options?: Parameters<typeof openWatchedPage>[1]) => openWatchedPage(browser!, options),
  };
}

/** What a learner would see go wrong: an error in the console, or the page reaching for the internet. */
export function expectCleanPage({ errors, offsite }: WatchedPage): void {
  expect(errors, 'page errors and console errors').toEqual([]);
  expect(offsite, 'requests to hosts other than the site').toEqual([]);
}
