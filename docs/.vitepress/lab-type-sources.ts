import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import ts from 'typescript';
import type { Plugin } from 'vite';
import { freshBuild } from '../../core/shell/compiled-build.js';
import { coreDeclarations } from '../../labs/lab-kit/node/core-declarations.js';

/**
 * `virtual:ecs-lab/type-sources`: what a TypeScript lab's file is type-checked against in the page
 * (labs/lab-kit/type-check.ts): TypeScript's ES2022 libs, core's declarations and the labs' lab-globals.d.ts,
 * by the paths the checker asks for (core's declarations as the CLI's build writes them, see core-declarations.js).
 * Made once per build (and once per dev server).
 */
const ID = 'virtual:ecs-lab/type-sources';
const RESOLVED = `\0${ID}`;
const ROOT = '/repo';
const LIB_DIR = '/lib';

/** lib.es2022.d.ts and every lib it references, by file name. */
function libFiles(): Record<string, string> {
  const dir = dirname(ts.getDefaultLibFilePath({}));
  const files: Record<string, string> = {};
  const visit = (name: string) => {
    if (files[name] !== undefined) return;
    files[name] = readFileSync(join(dir, name), 'utf8');
    for (const ref of files[name].matchAll(/^\/\/\/\s*<reference lib="([^"]+)"/gm)) visit(`lib.${ref[1].toLowerCase()}.d.ts`);
  };
  visit('lib.es2022.d.ts');
  return files;
}

/**
 * core's declarations: those the CLI's build wrote (core/shell/build.mjs), while core's sources are still those it
 * read, rather than emitted again (two seconds of the site's build, and of a dev server's first TypeScript lab).
 */
function coreTypes(repoRoot: string): Record<string, string> {
  const build = freshBuild('core/');
  if (!build) return coreDeclarations(repoRoot);
  const files: Record<string, string> = {};
  for (const entry of readdirSync(join(build, 'core'), { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.d.ts')) continue;
    const path = join(entry.parentPath, entry.name);
    files[relative(build, path).replace(/\\/g, '/')] = readFileSync(path, 'utf8');
  }
  return files;
}

function labGlobals(repoRoot: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const lab of readdirSync(join(repoRoot, 'labs'))) {
    const path = join(repoRoot, 'labs', lab, 'lab-globals.d.ts');
    if (existsSync(path)) files[`labs/${lab}/lab-globals.d.ts`] = readFileSync(path, 'utf8');
  }
  return files;
}

/** Made once per process: the page's build and its worker's build (and the dev server) share it. */
let module: string | undefined;

export function labTypeSources(repoRoot: string): Plugin {
  return {
    name: 'ecs-lab:lab-type-sources',
    resolveId: (id) => (id === ID ? RESOLVED : undefined),
    load(id) {
      if (id !== RESOLVED) return undefined;
      if (module === undefined) {
        const files: Record<string, string> = {};
        for (const [name, text] of Object.entries(libFiles())) files[`${LIB_DIR}/${name}`] = text;
        for (const [path, text] of Object.entries({ ...coreTypes(repoRoot), ...labGlobals(repoRoot) })) files[`${ROOT}/${path}`] = text;
        module = `export const root = ${JSON.stringify(ROOT)};\nexport const libDir = ${JSON.stringify(LIB_DIR)};\nexport const files = ${JSON.stringify(files)};\n`;
      }
      return module;
    },
  };
}
