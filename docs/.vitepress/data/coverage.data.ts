import { fileURLToPath } from 'node:url';
import { defineLoader } from 'vitepress';
import { computeCoverage, type Coverage } from './coverage.js';
import { readCoverageInputs } from './coverage-sources.js';

/** Build-time data for docs/coverage.md: the concept × chapters / scenarios / labs / questions matrix. */
export type { Coverage };
declare const data: Coverage;
export { data };

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

export default defineLoader({
  // Relative to this file; in `vitepress dev` a change to any of them recomputes the page.
  watch: [
    '../../chapters/*.md',
    '../../quiz/questions/*.json',
    '../../../scenarios/features/*.feature',
    '../../../labs/*/lab.json',
    './curriculum.json',
  ],
  load(): Coverage {
    return computeCoverage(readCoverageInputs(repoRoot));
  },
});
