import { defineConfig } from 'vitest/config';

// Real-browser tests of the built workshop site: slow (a build, a server, Chromium), so apart from the unit tests.
export default defineConfig({
  test: {
    include: ['test/browser/**/*.test.ts'],
    environment: 'node',
    testTimeout: 120_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
