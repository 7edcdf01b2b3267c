import { chromium, type BrowserServer } from 'playwright-core';
import type { TestProject } from 'vitest/node';
import { CHROMIUM, chromiumArgs, chromiumInstalled } from './offline-chromium.js';
import { startPreviewServer, type PreviewServer } from './preview-server.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The built site, served on 127.0.0.1; empty when Chromium is missing and the tests skip. */
    siteUrl: string;
    /** One Chromium for every test file, which connects to it. */
    browserEndpoint: string;
  }
}

/**
 * One preview server and one Chromium for the whole browser suite: starting them is most of its cost. Without
 * Chromium the suite fails on CI (where it must run) and skips elsewhere, saying so loudly.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  if (!chromiumInstalled) {
    const message = `${CHROMIUM} is missing, so the workshop site cannot be tested in a browser (apt-get install -y chromium).`;
    if (process.env.CI === 'true') throw new Error(message);
    console.warn(`\n⚠⚠⚠ SKIPPING BROWSER TESTS: ${message}\n`);
    project.provide('siteUrl', '');
    project.provide('browserEndpoint', '');
    return async () => {};
  }
  let server: PreviewServer | undefined;
  let browser: BrowserServer | undefined;
  try {
    server = await startPreviewServer();
    browser = await chromium.launchServer({ executablePath: CHROMIUM, args: chromiumArgs, host: '127.0.0.1' });
  } catch (error) {
    await server?.stop();
    throw error;
  }
  project.provide('siteUrl', server.url);
  project.provide('browserEndpoint', browser.wsEndpoint());
  return async () => {
    await browser?.close();
    await server?.stop();
  };
}
