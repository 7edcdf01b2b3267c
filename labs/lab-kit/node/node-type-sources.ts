import { existsSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import type { TypeSources } from '../type-check.js';

/** The repository's folder: a learner's file is checked as if it sat in its lab's folder here, beside lab-globals.d.ts. */
const REPOSITORY = fileURLToPath(new URL('../../../', import.meta.url)).replace(/[\\/]$/, '');
const CORE = `${REPOSITORY}/core/`;

/**
 * core's declarations where the build wrote them (core/shell/build.mjs) and core's sources are still those it read; none in
 * a lab's StackBlitz project, which has no build (nor core/shell/).
 */
const declarations = existsSync(`${REPOSITORY}/.build/manifest.json`) ? (await import('../../../core/shell/compiled-build.js')).freshBuild('core/') : undefined;

/**
 * In Node the types come from the clone itself: core's declarations (its sources when there is no fresh build),
 * the labs' lab-globals.d.ts, TypeScript's libs. Declarations, as in the page: the checker reads a third as much
 * and checks nothing of the engine's own code.
 */
export function nodeTypeSources(): TypeSources {
  const read = (path: string) => ts.sys.readFile(path);
  const fromBuild = (path: string) => {
    if (!path.startsWith(CORE)) return read(path);
    // core/x.ts is "not there", so that the checker takes core/x.d.ts, from the build.
    return path.endsWith('.d.ts') ? read(`${declarations}${path.slice(REPOSITORY.length + 1)}`) : undefined;
  };
  return { root: REPOSITORY, libDir: dirname(ts.getDefaultLibFilePath({})), read: declarations ? fromBuild : read };
}
