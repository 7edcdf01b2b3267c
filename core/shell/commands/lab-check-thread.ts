import { resolve } from 'node:path';
import { CheckThread } from '../../../labs/lab-kit/node/check-in-worker.js';
import { freshBuild, ROOT } from '../compiled-build.js';

/**
 * The thread `lab check` and `lab grade` run checks in. The repository's own labs, while the build that
 * `npm install` made still matches the sources (as bin.js asks), are checked from that build: the thread starts
 * as plain JavaScript. Another folder of labs (`--labs-dir`), or a source edited since, is compiled as it loads.
 */
export function labCheckThread(labsRoot: string): CheckThread {
  const build = resolve(labsRoot) === resolve(ROOT, 'labs') ? freshBuild() : undefined;
  return new CheckThread(labsRoot, build && `${build}labs`);
}
