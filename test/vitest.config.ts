import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'vitest/config';

/**
 * The vitest projects (browser tests have their own config, test/browser). `npm run test:unit` is the loop a
 * developer runs after each change; `npm test` runs every project.
 * - integration: what starts processes, servers, worker threads or Chromium: the CLI, the endpoint with the AWS
 *   CLI and SDK, the labs' command line and checks, the StackBlitz project;
 * - properties: generated runs (chaos properties and fuzzers), with the fixed seed of test/fast-check-seed.ts;
 * - unit: everything else.
 */
const INTEGRATION = [
  'test/cli/**/*.test.ts',
  'test/server/**/*.test.ts',
  'test/labs/{lab-cli,classroom-grading,feature-reports,learner-code-budget,stackblitz-project-runs}.test.ts',
];
const PROPERTIES = ['test/properties/**/*.test.ts', 'test/hostile/**/*.test.ts'];

export default defineConfig({
  plugins: [vue()],
  test: {
    environment: 'node',
    testTimeout: 30_000,
    // Property tests draw the same cases on every run, so CI is repeatable; `npm run soak` explores new seeds.
    setupFiles: ['test/fast-check-seed.ts'],
    projects: [
      { extends: true, test: { name: 'unit', include: ['test/**/*.test.ts'], exclude: ['test/browser/**', ...INTEGRATION, ...PROPERTIES] } },
      // They start `ecs-lab` as a learner does: from the compiled build, brought up to date first.
      { extends: true, test: { name: 'integration', include: INTEGRATION, globalSetup: ['test/build-setup.ts'] } },
      { extends: true, test: { name: 'properties', include: PROPERTIES } },
    ],
  },
});
