import { readdirSync, readFileSync } from 'node:fs';
import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'vitest/config';

/**
 * The vitest projects (browser tests have their own config, test/browser). `npm run test:unit` (unit and
 * components) is the loop a developer runs after each change; `npm test` runs every project.
 * - integration: what starts processes, servers, worker threads or Chromium: the CLI, the endpoint with the AWS
 *   CLI and SDK, the labs' command line and checks, the StackBlitz project;
 * - properties: generated runs (chaos properties and fuzzers), with the fixed seed of test/fast-check-seed.ts;
 * - components: the site's components in a DOM (and the labs' panel and editor);
 * - unit: everything else: the engine, the scenarios' runner, the architecture, the labs' kit and checks.
 */
const INTEGRATION = [
  'test/cli/**/*.test.ts',
  'test/server/**/*.test.ts',
  'test/labs/{lab-cli,lab-reset-terminal,classroom-grading,feature-reports,learner-code-budget,stackblitz-project-runs}.test.ts',
];
const PROPERTIES = ['test/properties/**/*.test.ts', 'test/hostile/**/*.test.ts'];

/**
 * Tests of the site's components in a DOM, some with modules mocked: each file keeps a module graph of its own.
 * A test file that renders in a DOM or mocks a module says so in its text (`@vitest-environment`, `vi.mock`),
 * which is how it is found. The site's other tests (its data, the player's arithmetic) and the labs' checks
 * mock nothing: they run in the shared graph of `unit`, which loads the engine once for all of them.
 */
const COMPONENTS = ['test/docs', 'test/labs']
  .flatMap((folder) => readdirSync(folder).filter((file) => file.endsWith('.test.ts')).map((file) => `${folder}/${file}`))
  .filter((file) => /@vitest-environment|vi\.mock\(/.test(readFileSync(file, 'utf8')));

/**
 * One process runs all the project's files, one after the other, without isolating them (vitest 3 honours
 * `isolate: false` per project only together with `singleFork`).
 */
const SHARED_MODULES = { poolOptions: { forks: { singleFork: true, isolate: false } } };

export default defineConfig({
  plugins: [vue()],
  test: {
    environment: 'node',
    testTimeout: 30_000,
    // Property tests draw the same cases on every run, so CI is repeatable; `npm run soak` explores new seeds.
    setupFiles: ['test/fast-check-seed.ts'],
    projects: [
      // Engine and lab tests share one module graph per worker (no isolation between files): the engine is loaded
      // once rather than once per file, which was most of their time. They mock nothing and keep no global state.
      { extends: true, test: { name: 'unit', include: ['test/**/*.test.ts'], exclude: ['test/browser/**', ...COMPONENTS, ...INTEGRATION, ...PROPERTIES], ...SHARED_MODULES } },
      // These mock modules: each file gets a fresh module graph and fresh mocks, in one process all the same.
      // A simulated DOM has no Web Workers: a lab's checks run in the test's process instead (see that file).
      {
        extends: true,
        test: { name: 'components', include: COMPONENTS, exclude: INTEGRATION, setupFiles: ['test/labs/checks-in-test-process.ts'], poolOptions: { forks: { singleFork: true } } },
      },
      // They start `ecs-lab` as a learner does: from the compiled build, brought up to date first. Their files
      // share one module graph too (they mock nothing): a fork per file loaded the engine again each time, most
      // of the CPU the server tests took (test/server: 11 s of CPU instead of 35 s).
      { extends: true, test: { name: 'integration', include: INTEGRATION, globalSetup: ['test/build-setup.ts'], ...SHARED_MODULES } },
      { extends: true, test: { name: 'properties', include: PROPERTIES, ...SHARED_MODULES } },
    ],
  },
});
