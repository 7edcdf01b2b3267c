import { defineConfig } from 'vitest/config';

// Real-browser tests of the built workshop site: slow (a build, a server, Chromium), so apart from the unit
// tests. The global setup starts one server that every file shares, and each of the two test processes its own
// Chromium (browser-session.ts); two files run at a time, each in pages of its own (one file's page waiting on
// the network or a player leaves the cores to the other).
export default defineConfig({
  test: {
    include: ['test/browser/**/*.test.ts'],
    globalSetup: ['test/browser/global-setup.ts'],
    environment: 'node',
    testTimeout: 120_000,
    hookTimeout: 120_000,
    maxWorkers: 2,
    minWorkers: 1,
    // The two processes take file after file rather than one process per file: each new one loaded Playwright
    // and the test's modules again. The files keep no state between them (each opens its own pages).
    poolOptions: { forks: { isolate: false } },
  },
});
