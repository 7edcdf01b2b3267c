/**
 * The packages the site's live components import (through the engine, the scenarios' runner and the labs' kit
 * too), which `npm start`'s dev server pre-bundles as it starts rather than on the first visit to a chapter or a
 * lab, which would reload the page. Named, not found: Vite's scan of the components cannot follow their imports
 * of VitePress data loaders (`*.data.ts`) and stops with an error. test/docs/prebundled-packages.test.ts keeps
 * the list whole.
 */
export const PREBUNDLED_PACKAGES = [
  'chart.js',
  '@cucumber/gherkin',
  '@cucumber/messages',
  '@cucumber/cucumber-expressions',
  '@stackblitz/sdk',
  '@codemirror/lang-javascript',
  '@codemirror/lang-json',
  '@codemirror/language',
  '@codemirror/lint',
  '@codemirror/state',
  '@codemirror/view',
  '@lezer/highlight',
];
