import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import type { TypeSources } from '../type-check.js';

/** The repository's folder: a learner's file is checked as if it sat in its lab's folder here, beside lab-globals.d.ts. */
const REPOSITORY = fileURLToPath(new URL('../../../', import.meta.url)).replace(/[\\/]$/, '');

/** In Node the types come from the clone itself: core's sources, the labs' lab-globals.d.ts, TypeScript's libs. */
export function nodeTypeSources(): TypeSources {
  return { root: REPOSITORY, libDir: dirname(ts.getDefaultLibFilePath({})), read: (path) => ts.sys.readFile(path) };
}
