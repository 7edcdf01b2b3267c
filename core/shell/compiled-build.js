// The JavaScript that core/shell/build.mjs compiles from the TypeScript sources, and whether it still matches
// them. Plain JavaScript, read before anything is compiled.
import { readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** Ignored by git: each clone compiles its own (`npm install` runs the build as `prepare`). */
export const BUILD = `${ROOT}.build/`;
export const MANIFEST = `${BUILD}manifest.json`;

/** What the build records of each source it compiled (by path from the root); an edited file no longer has the same. */
export function stamp(source) {
  const { mtimeMs, size } = statSync(ROOT + source);
  return `${mtimeMs}:${size}`;
}

/**
 * The build's folder when it exists and no source it compiled has changed since (one stat per source, a few
 * milliseconds); undefined otherwise. A new source file needs no check: only an edited one can import it.
 * `folder` ("core/"): only the sources in it, and the scripts that build, need to be unchanged.
 */
export function freshBuild(folder = '') {
  try {
    const { sources } = JSON.parse(readFileSync(MANIFEST, 'utf8'));
    for (const source in sources) if ((source.startsWith(folder) || !source.endsWith('.ts')) && stamp(source) !== sources[source]) return undefined;
  } catch {
    return undefined;
  }
  return BUILD;
}
