// cucumber-js configuration: the shared step library through ts-node's ESM loader.
export default {
  paths: ['scenarios/features/**/*.feature'],
  import: ['scenarios/cucumber/world.ts', 'scenarios/cucumber/steps.ts'],
  loader: ['ts-node/esm'],
  format: ['progress'],
  strict: true,
};
