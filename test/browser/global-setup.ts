import type { TestProject } from 'vitest/node';
import { CHROMIUM, chromiumInstalled } from './offline-chromium.js';
import { startPreviewServer } from './preview-server.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The built site, served on 127.0.0.1; empty when Chromium is missing and the tests skip. */
    siteUrl: string;
  }
}

/**
 * One preview server for the whole browser suite (each test process launches its Chromium, see browser-session.ts).
 * Without Chromium the suite fails on CI (where it must run) and skips elsewhere, saying so loudly.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  if (!chromiumInstalled) {
    const message = `${CHROMIUM} is missing, so the workshop site cannot be tested in a browser (apt-get install -y chromium).`;
    if (process.env.CI === 'true') throw new Error(message);
    console.warn(`\n⚠⚠⚠ SKIPPING BROWSER TESTS: ${message}\n`);
    project.provide('siteUrl', '');
    return async () => {};
  }
  const server = await startPreviewServer();
  project.provide('siteUrl', server.url);
  return () => server.stop();
}
