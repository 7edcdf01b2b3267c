import { chromium, type Browser, type BrowserContext } from 'playwright-core';
import { afterEach, beforeAll, beforeEach, expect, inject } from 'vitest';
import { CHROMIUM, chromiumArgs, openWatchedPage, type WatchedPage } from './offline-chromium.js';

/**
 * One Chromium per test process, launched by its first file and shared by the files after it (the processes keep
 * their modules from file to file): the test talks to it over a pipe. A Chromium that the global set-up launched
 * as a server relayed every message through the main process, a tenth of the suite's CPU. Playwright ends the
 * browser's process group when the test process exits.
 */
let launched: Promise<Browser> | undefined;
const launch = () => chromium.launch({ executablePath: CHROMIUM, args: chromiumArgs });
async function sharedChromium(): Promise<Browser> {
  const browser = await (launched ??= launch());
  if (browser.isConnected()) return browser;
  // It crashed or was ended during an earlier file: that file failed; the next one gets a new Chromium.
  launched = launch();
  return launched;
}

/**
 * A test file's Chromium (the process's, see sharedChromium) and site. Use with `describe.skipIf(!session.available)`.
 * A page opened in a test closes when the test ends, so a scenario left playing does not take the cores from the
 * tests after it; one opened in a `beforeAll` lasts until the file's end.
 */
export function browserSession() {
  const url = inject('siteUrl');
  const available = url !== '';
  let browser: Browser | undefined;
  /** The contexts the running test opened; undefined outside a test. */
  let ofTest: BrowserContext[] | undefined;
  beforeAll(async () => {
    if (available) browser = await sharedChromium();
  });
  beforeEach(() => {
    ofTest = [];
  });
  afterEach(async () => {
    const contexts = ofTest ?? [];
    ofTest = undefined;
    await Promise.all(contexts.map((context) => context.close()));
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
