import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'vitest/config';

// Unit, scenario-runner, CLI, lab and component tests. Browser tests have their own config (test/browser).
export default defineConfig({
  plugins: [vue()],
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['test/browser/**', 'node_modules/**'],
    environment: 'node',
    testTimeout: 30_000,
    // Property tests draw the same cases on every run, so CI is repeatable; `npm run soak` explores new seeds.
    setupFiles: ['test/fast-check-seed.ts'],
  },
});
