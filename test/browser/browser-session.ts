import { chromium, type Browser, type BrowserContext } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, expect, inject } from 'vitest';
import { openWatchedPage, type WatchedPage } from './offline-chromium.js';

/**
 * A test file's connection to the shared Chromium and site. Use with `describe.skipIf(!session.available)`;
 * the connection opens before the file's tests and closes after them. A page opened in a test closes when the
 * test ends, so a scenario left playing does not take the cores from the tests after it; one opened in a
 * `beforeAll` lasts until the file's end.
 */
export function browserSession() {
  const url = inject('siteUrl');
  const available = url !== '';
  let browser: Browser | undefined;
  /** The contexts the running test opened; undefined outside a test. */
  let ofTest: BrowserContext[] | undefined;
  beforeAll(async () => {
    if (available) browser = await chromium.connect(inject('browserEndpoint'));
  });
  beforeEach(() => {
    ofTest = [];
  });
  afterEach(async () => {
    const contexts = ofTest ?? [];
    ofTest = undefined;
    await Promise.all(contexts.map((context) => context.close()));
  });
  afterAll(async () => {
    await browser?.close();
  });
  return {
    available,
    url,
    open: async (options?: Parameters<typeof openWatchedPage>[1]) => {
      const watched = await openWatchedPage(browser!, options);
      ofTest?.push(watched.page.context());
      return watched;
    },
  };
}

/** What a learner would see go wrong: an error in the console, or the page reaching for the internet. */
export function expectCleanPage({ errors, offsite }: WatchedPage): void {
  expect(errors, 'page errors and console errors').toEqual([]);
  expect(offsite, 'requests to hosts other than the site').toEqual([]);
}
